"""The authoring preview's pure parts: what the page says and the example answers it fills in.

``auditforms preview`` (src/auditforms/cli/preview.py) watches the files, serves the pages
and reads the YAML; everything here turns a load result into page text, without I/O.
"""
