"""CSV files as spreadsheets write them: BOM, ``;``, Windows-1252, UK dates, bad rows."""

from __future__ import annotations

import datetime as dt

import pytest

from auditforms.sampling.records import (
    AUDITOR_COLUMNS,
    CASE_COLUMNS,
    HISTORY_COLUMNS,
    read_auditors,
    read_children,
    read_history,
)
from auditforms.sampling.tabular import read_table
from auditforms.sampling.values import ValueProblem, months_before, parse_date, split_flags

HEADER = "Child ID;Initials;D.O.B.;Team;Open date;Closed date;Strand;Flags"


def children(text: str, *, bom: bool = False, encoding: str = "utf-8"):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", "\r\n").encode(encoding)
    return read_children(read_table(data, "cases.csv", CASE_COLUMNS))


def test_excel_semicolon_file_with_bom_and_uk_dates_is_read():
    found, problems = children(
        f"{HEADER}\nC1;AB;05/03/2012;Early Help;01/02/2026;;Help and protection;"
        '"UASC, Disability"\n', bom=True)
    assert problems == []
    [child] = found
    assert child.child_id == "C1" and child.initials == "AB"
    assert child.date_of_birth == dt.date(2012, 3, 5)
    assert child.open_date == dt.date(2026, 2, 1) and child.closed_date is None
    assert child.flags == ("UASC", "Disability")
    assert child.area == "Early Help"


def test_windows_1252_file_with_comma_and_header_aliases():
    text = "CHILD REF,  child initials ,DOB,Allocated Team,Area of Service\nC2,ÉO,2014-07-09,CiC 1,CiC\n"
    found, problems = children(text, encoding="cp1252")
    assert problems == []
    assert found[0].initials == "ÉO"
    assert (found[0].team, found[0].area) == ("CiC 1", "CiC")
    assert found[0].date_of_birth == dt.date(2014, 7, 9)


def test_bad_rows_are_reported_with_line_and_column_and_left_out():
    found, problems = children(
        f"{HEADER}\nC1;AB;31/02/2012;Early Help;;;;\n\n;CD;01/01/2010;Early Help;;;;\n"
        "C3;EF;01/01/10;Early Help;;;;\nC4;GH;01/01/2010;Early Help;;;;\n")
    assert [c.child_id for c in found] == ["C4"]
    formatted = [p.format() for p in problems]
    assert formatted[0].startswith("cases.csv:2:7: error[AF803] date of birth: not a real date")
    assert formatted[1].startswith("cases.csv:4:1: error[AF804] the child id is blank")
    assert formatted[2].startswith("cases.csv:5:7: error[AF803]") and "two digits" in formatted[2]


def test_line_numbers_count_quoted_line_breaks():
    found, problems = children(f'{HEADER}\nC1;AB;;Early Help;;;"two\nlines";\nC2;CD;;;;;;\n')
    assert [c.child_id for c in found] == ["C1"]
    assert problems[0].line == 4 and problems[0].code == "AF804"


def test_missing_required_column_names_what_the_header_has():
    found, problems = children("Child ID;Initials\nC1;AB\n")
    assert found == []
    assert problems[0].code == "AF802"
    assert "no 'team' column; the header has: Child ID, Initials" in problems[0].message


def test_extra_cells_are_an_error_but_trailing_empty_cells_are_not():
    found, problems = children(f"{HEADER}\nC1;AB;;Early Help;;;;;;;\nC2;AB;;Early Help;;;;;x\n")
    assert [c.child_id for c in found] == ["C1"]
    assert [(p.code, p.line) for p in problems] == [("AF813", 3)]


def test_duplicate_child_is_a_warning_and_the_first_row_counts():
    found, problems = children(f"{HEADER}\nC1;AB;;Early Help;;;;\nC1;ZZ;;Early Help;;;;\n")
    assert [c.initials for c in found] == ["AB"]
    assert problems[0].code == "AF805" and problems[0].severity == "warning"
    # the row and the line it repeats are named; the child's id (a case-list value) is not
    assert problems[0].message == "this row lists the same child as line 2; this row is ignored"


def test_closed_before_open_is_an_error():
    _, problems = children(f"{HEADER}\nC1;AB;;Early Help;01/02/2026;01/01/2026;;\n")
    assert problems[0].code == "AF803" and "before the open date" in problems[0].message


def test_empty_and_binary_files_are_reported():
    assert read_table(b"", "x.csv", CASE_COLUMNS).problems[0].code == "AF801"
    assert "binary" in read_table(b"PK\x03\x04\x00\x00", "x.csv", CASE_COLUMNS).problems[0].message


def test_auditors_capacity_defaults_to_one_and_must_be_a_number():
    text = "Auditor name,Service area,Max audits\nA One,Early Help,\nB Two,CiC,two\nA one,CiC,2\n"
    auditors, problems = read_auditors(read_table(text.encode(), "auditors.csv", AUDITOR_COLUMNS))
    assert [(a.name, a.capacity) for a in auditors] == [("A One", 1)]
    assert [(p.code, p.line, p.col) for p in problems] == [("AF803", 3, 11), ("AF805", 4, 1)]


def test_history_accepts_both_date_forms():
    text = "Child ID,Date of audit\nC1,2026-05-01\nC2,01/05/2026\nC3,\n"
    history, problems = read_history(read_table(text.encode(), "h.csv", HISTORY_COLUMNS))
    assert [a.date for a in history] == [dt.date(2026, 5, 1)] * 2
    assert problems[0].format().startswith("h.csv:4:4: error[AF804] the audit date is blank")


@pytest.mark.parametrize(("text", "expected"), [
    ("5/3/2012", dt.date(2012, 3, 5)), ("05-03-2012", dt.date(2012, 3, 5)),
    ("05.03.2012", dt.date(2012, 3, 5)), ("2012-03-05", dt.date(2012, 3, 5)),
    ("05/03/2012 00:00", dt.date(2012, 3, 5)), ("5 Mar 2012", dt.date(2012, 3, 5)),
    ("05-March-2012", dt.date(2012, 3, 5)),
])
def test_date_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["03/25/2012", "5/3/12", "yesterday", "2012/03/05", "5 Foo 2012"])
def test_dates_that_are_refused(text):
    with pytest.raises(ValueProblem):
        parse_date(text)


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)


def test_split_flags_drops_blanks_and_repeats():
    assert split_flags("UASC; uasc ,, Disability|EHCP") == ("UASC", "Disability", "EHCP")
