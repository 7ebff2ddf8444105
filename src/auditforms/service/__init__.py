"""A QA service folder: one settings file, the months' work, and the history it implies.

Pure, like the rest of the core: ``settings`` (``auditforms.yaml`` as bytes -> a typed
model or located diagnostics), ``layout`` (where a month's files go, which month is
meant) and ``history`` (which past audits count for the look-back). Finding the folder,
reading the files and running the month's commands live in :mod:`auditforms.cli`
(``service``, ``init``, ``month``).
"""
