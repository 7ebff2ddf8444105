"""Generate the FICTIONAL example inputs of the dip sample (run: python examples/make_examples.py),
then the example service's finished month from them (make_example_month.py).

Every child, id, initial, date and name here is made up from a fixed seed; nothing comes
from a real case list. The case list is written the way Excel (UK) saves "CSV UTF-8":
a byte-order mark, ``;`` between cells and dates as dd/mm/yyyy, to prove the reader
copes; the auditors and history use plain ``,`` and mixed date forms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261201
TODAY = dt.date(2026, 11, 2)
CHILDREN = 240

#: team -> (area of service, strand, weight, age range)
TEAMS = {
    "Safeguarding and Support 1": ("Safeguarding and Support", "Help and protection", 22, (0, 17)),
    "Safeguarding and Support 2": ("Safeguarding and Support", "Help and protection", 20, (0, 17)),
    "Children in Care": ("Children in Care", "Children looked after and permanence", 20, (0, 17)),
    "Care Leavers": ("Care Leavers", "Adoption / Care Leavers", 12, (16, 21)),
    "Children with Disabilities": ("Children with Disabilities", "Children with disability", 10,
                                   (2, 17)),
    "Early Help": ("Early Help", "Help and protection", 16, (0, 17)),
}
FLAG_RATES = {
    "Safeguarding and Support 1": {"Child Protection Plan": 0.4, "Domestic abuse": 0.3,
                                   "Missing episodes": 0.05},
    "Safeguarding and Support 2": {"Child Protection Plan": 0.35, "Domestic abuse": 0.3,
                                   "Young carer": 0.05},
    "Children in Care": {"UASC": 0.12, "Missing episodes": 0.15, "EHCP": 0.2},
    "Care Leavers": {"UASC": 0.25, "Staying put": 0.2},
    "Children with Disabilities": {"Disability": 1.0, "EHCP": 0.6, "Short breaks": 0.4},
    "Early Help": {"Young carer": 0.1, "Domestic abuse": 0.15},
}
AUDITORS = [
    ("Alex Morgan", "Safeguarding and Support", 2), ("Priya Shah", "Safeguarding and Support", 2),
    ("Tom Beck", "Safeguarding and Support", 1), ("Jo Lyle", "Children in Care", 2),
    ("Sam Okafor", "Children in Care", 1), ("Rhian Powell", "Care Leavers", 2),
    ("Dev Patel", "Children with Disabilities", 2), ("Kate Moss-Hill", "Early Help", 2),
    ("Lee Curran", "Early Help", 1), ("Nadia Novak", "Quality Assurance", 3),
    ("Owen Price", "Quality Assurance", 3), ("Beth Amis", "Principal Social Worker", 2),
    ("Chris Dunn", "Children in Care", 0),
]
LETTERS = "ABCDEFGHJKLMNOPRSTW"


def _uk(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _child(rng: random.Random, number: int) -> list[str]:
    team = rng.choices(list(TEAMS), weights=[t[2] for t in TEAMS.values()])[0]
    area, strand, _, (low, high) = TEAMS[team]
    age_days = rng.randint(low * 365 + 30, high * 365 + 330)
    birth = TODAY - dt.timedelta(days=age_days)
    opened = TODAY - dt.timedelta(days=rng.randint(5, min(age_days, 6 * 365)))
    closed = None
    if rng.random() < 0.18:
        closed = min(TODAY - dt.timedelta(days=1), opened + dt.timedelta(days=rng.randint(30, 500)))
    flags = [f for f, rate in FLAG_RATES[team].items() if rng.random() < rate]
    initials = "".join(rng.choice(LETTERS) for _ in range(rng.choice((2, 2, 3))))
    return [f"C{10000 + number}", initials, _uk(birth), team, area, _uk(opened), _uk(closed),
            strand, ", ".join(flags)]


def case_list() -> bytes:
    rng = random.Random(SEED)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Child ID", "Initials", "Date of Birth", "Team", "Area of Service",
                     "Open Date", "Closed Date", "Strand", "Flags"])
    for number in range(1, CHILDREN + 1):
        writer.writerow(_child(rng, number))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


#: The case list as a case management system might export it: its own column names (mapped
#: in examples/service/auditforms.yaml), plain "," and ISO dates.
LCS_HEADERS = ["Person Reference", "Initials", "Birth Date", "Responsible Team",
               "Service Area Name", "Involvement Start Date", "Involvement End Date", "Strand",
               "Flags"]


def lcs_case_list() -> bytes:
    rng = random.Random(SEED)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LCS_HEADERS)
    for number in range(1, CHILDREN + 1):
        row = _child(rng, number)
        for i in (2, 5, 6):
            row[i] = dt.datetime.strptime(row[i], "%d/%m/%Y").date().isoformat() if row[i] else ""
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


#: team -> (team manager, service manager, head of service); every name is made up.
MANAGERS = {
    "Safeguarding and Support 1": ("Hana Ito", "Marcus Reid", "Ruth Adeyemi"),
    "Safeguarding and Support 2": ("Ollie Grant", "Marcus Reid", "Ruth Adeyemi"),
    "Children in Care": ("Femi Cole", "Ana Sousa", "Ruth Adeyemi"),
    "Care Leavers": ("Iris Lund", "Ana Sousa", "Ruth Adeyemi"),
    "Children with Disabilities": ("Paul Kerr", "Ana Sousa", "Glen Hughes"),
    "Early Help": ("Zara Malik", "Will Burke", "Glen Hughes"),
}


def _email(name: str) -> str:
    return name.lower().replace(" ", ".").replace("-", "") + "@example.org"


def teams() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Team", "Area of service", "Team manager", "Team manager email",
                     "Service manager", "Service manager email", "Head of service",
                     "Head of service email"])
    for team, (area, *_rest) in TEAMS.items():
        people = MANAGERS[team]
        writer.writerow([team, area, *(cell for p in people for cell in (p, _email(p)))])
    return buffer.getvalue().encode("utf-8")


def auditors() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Name", "Area of service", "Capacity", "Email"])
    for name, area, capacity in AUDITORS:
        email = name.lower().replace(" ", ".").replace("-", "") + "@example.org"
        writer.writerow([name, area, capacity, email])
    return buffer.getvalue().encode("utf-8")


def history() -> bytes:
    """Past audits of the 14 months before auditforms (to September 2026): October 2026, the
    first month run with auditforms, is in months/2026-10/ (make_example_month.py)."""
    rng = random.Random(SEED + 1)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Child ID", "Audit date"])
    for months_ago in range(2, 16):
        first = dt.date(TODAY.year, TODAY.month, 1)
        month = (first.year * 12 + first.month - 1) - months_ago
        start = dt.date(month // 12, month % 12 + 1, 3)
        for number in rng.sample(range(1, CHILDREN + 1), 6):
            day = start + dt.timedelta(days=rng.randint(0, 20))
            written = day.isoformat() if rng.random() < 0.5 else _uk(day)
            writer.writerow([f"C{10000 + number}", written])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    (HERE / "case-list.csv").write_bytes(case_list())
    (HERE / "auditors.csv").write_bytes(auditors())
    (HERE / "audit-history.csv").write_bytes(history())
    (HERE / "lcs-case-list.csv").write_bytes(lcs_case_list())
    (HERE / "teams.csv").write_bytes(teams())
    print(f"wrote {CHILDREN} children, {len(AUDITORS)} auditors and the audit history to {HERE}")
    from make_example_month import main as finished_month  # drawn from the files just written

    finished_month()


if __name__ == "__main__":
    main()
