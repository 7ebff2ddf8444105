"""The ``auditforms.yaml`` that ``auditforms init`` writes for a new, empty service folder.

Valid as written, so every command can run at once and say plainly what is still missing
(``data/case-list.csv: … does not exist``, at the setting's line).
"""

from __future__ import annotations

import json

#: Files ``init --example`` copies from the shipped examples: target in the folder -> source.
EXAMPLE_FILES = {
    "auditforms.yaml": "service/auditforms.yaml",
    "data/case-list.csv": "lcs-case-list.csv",
    "data/auditors.csv": "auditors.csv",
    "data/teams.csv": "teams.csv",
    "data/audit-history-before-auditforms.csv": "audit-history.csv",
}
#: Folders ``init --example`` copies whole: October 2026, a finished month (sample, the batch's
#: manifest and the audits returned, moderated and finalised), to try status, moderation, the
#: action tracker and the report on; November is the month to start.
EXAMPLE_FOLDERS = {
    "months/2026-10": "months/2026-10",
}

TEMPLATE = """\
# yaml-language-server: $schema=schemas/settings.schema.json
# The settings of this QA service folder. File names are relative to this folder.
# Every key is explained in docs/a-month-of-audits.md; editors that read the schema above
# complete and check them as you type.

service: {service}
marking: OFFICIAL-SENSITIVE

# The service's own audit tools (customisations) go in this folder; the shipped tools
# (torbay-full-audit, multi-agency-children-in-care, ...) are always found too.
definitions: definitions
tools:
  full_audit: torbay-full-audit
  dip_sample: [torbay-full-audit]

# Save the case-list export from LCS, Mosaic or another system here, as it comes. Columns with
# their usual names (Child ID, Team, Date of birth, ...) are found by themselves; name any
# others under columns, e.g.
#   columns:
#     child_id: Person Reference
#     team: Responsible Team
case_list:
  file: data/case-list.csv

# Name, Area of service, Capacity (audits a month; 0 = away), Email.
auditors: data/auditors.csv
# Team, Area of service, Team manager, Service manager, Head of service (and their e-mails).
teams: data/teams.csv

# Every month's returned audits count for the look-back by themselves. If you kept a list
# of audits before auditforms (Child ID, Audit date), save it and name it here, once:
# history:
#   before_auditforms: data/audit-history-before-auditforms.csv

sample:
  size: 20
  formats: [html, docx]

deadlines:
  moderation_days: 7

targets:
  returned_on_time: 90
  overall_good_or_better: 80
"""


def settings_text(service: str) -> str:
    """The template with the service's name filled in (quoted, so any name is valid YAML)."""
    return TEMPLATE.format(service=json.dumps(service, ensure_ascii=False))
