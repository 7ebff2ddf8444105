"""Help texts say where the case list comes from and how to write a date."""

from __future__ import annotations


def test_sample_help_says_the_case_list_comes_from_cases(run_cli):
    text = " ".join(run_cli("sample", "--help").stdout.split())
    assert "DEFINITION's case list" not in text and "from the case list (--cases)" in text
    assert "--date DATE Reference date, as dd/mm/yyyy or yyyy-mm-dd" in text


def test_status_help_gives_the_date_format(run_cli):
    text = " ".join(run_cli("status", "--help").stdout.split())
    assert "as dd/mm/yyyy or yyyy-mm-dd" in text and "--wait" in text


def test_render_help_offers_wait(run_cli):
    assert "--wait" in run_cli("render", "--help").stdout
