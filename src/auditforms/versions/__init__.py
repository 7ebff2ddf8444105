"""Versions of a tool: finding kept versions by tool id and version, and carrying audits of an
older version forward through the mapping the newer one declares (pure data transforms; the
only I/O is :mod:`auditforms.versions.library` loading kept definitions)."""
