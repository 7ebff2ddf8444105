"""Of several files of one audit (its moderated and final files kept side by side), the tracker
lists the actions of the one furthest on, in whatever order the files are read; AF954 is kept
for two different audits given one id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from actions_support import TORBAY, action, audit, torbay, write

from auditforms.actions.gather import gather
from auditforms.cli.actions_spool import ActionSpool

TODAY = "2026-12-10"
FINAL_ACTIONS = [action("Record the reason for any delay in stepping down.", due="2026-12-01",
                        signed="2026-12-02"),
                 action("Share the updated plan with school.", person="C. Worker")]


def _files(*statuses: str, child: str = "C0412", actions: list[Any] | None = None) -> list[tuple[str, Any]]:
    return [(f"{status}.json", audit(status=status, child=child, actions=actions)) for status in statuses]


def _gathered(documents: list[tuple[str, Any]], spooled: bool) -> tuple[list[Any], list[str]]:
    """The actions listed (file and id of each) and the problems' codes, in memory or spooled."""
    if not spooled:
        found = gather(torbay(), documents)
        return sorted((a.file, a.id) for a in found.listed), [p.code for p in found.problems]
    spool = ActionSpool("team", dt.date(2026, 12, 10), None)
    try:
        found = gather(torbay(), documents, spool)
        trackers = spool.trackers()
        rows = [(r.action.file, r.action.id) for name, _ in trackers for r in spool.rows(name)]
        assert sum(n for _, n in trackers) == len(rows) == spool.count  # a forgotten file's rows uncounted
        return sorted(rows), [p.code for p in found.problems]
    finally:
        spool.close()


@pytest.mark.parametrize("spooled", [False, True])
@pytest.mark.parametrize("order", [("final", "moderated"), ("moderated", "final")])
def test_the_final_file_is_listed_beside_its_moderated_one(order: tuple[str, str], spooled: bool) -> None:
    listed, problems = _gathered(_files(*order), spooled)
    assert listed == [("final.json", "2026-11-0412:1"), ("final.json", "2026-11-0412:2")]
    assert problems == []


@pytest.mark.parametrize("spooled", [False, True])
def test_a_moderated_audit_with_no_final_file_is_listed(spooled: bool) -> None:
    listed, problems = _gathered(_files("moderated"), spooled)
    assert [file for file, _ in listed] == ["moderated.json", "moderated.json"] and problems == []


@pytest.mark.parametrize("spooled", [False, True])
def test_an_audit_about_another_child_with_the_same_id_is_still_reported(spooled: bool) -> None:
    documents = _files("moderated", child="C0999") + _files("final")
    listed, problems = _gathered(documents, spooled)
    assert {file for file, _ in listed} == {"final.json"} and problems == ["AF954"]
    found = gather(torbay(), documents)
    assert found.problems[0].file == "moderated.json"
    assert "is also the id of final.json" in found.problems[0].message


def test_two_final_files_that_disagree_are_two_audits() -> None:
    documents = [("a.json", audit(status="final")),
                 ("b.json", audit(status="final", actions=[action("Another action altogether.")]))]
    found = gather(torbay(), documents)
    assert [p.code for p in found.problems] == ["AF954"] and found.problems[0].file == "b.json"
    assert {a.file for a in found.listed} == {"a.json"}


def test_a_copy_equally_far_on_is_listed_once_quietly() -> None:
    """A copy (even with sign-offs the tracker wrote into the other) agrees on what was agreed."""
    documents = [("a.json", audit(status="final")), ("b.json", audit(status="final", actions=FINAL_ACTIONS))]
    found = gather(torbay(), documents)
    assert found.problems == [] and {a.file for a in found.listed} == {"a.json"}


def test_a_final_json_is_listed_rather_than_a_moderated_word_form(run_cli, tmp_path: Path, monkeypatch) -> None:
    """The Word form sorts first by name, but the JSON file is further on."""
    import auditforms.extract

    audits = tmp_path / "audits"
    audits.mkdir()
    (audits / "2026-11-0412.docx").write_bytes(b"stand-in for a filled Word form")
    monkeypatch.setattr(auditforms.extract, "extract_docx", lambda definition, data, name: (audit(), []))
    write(audits, "torbay-full-audit_C0412_final.json", audit(status="final", actions=FINAL_ACTIONS))
    result = run_cli("actions", TORBAY, audits, "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    states = {row["action_id"]: row["state"] for row in json.loads(result.stdout)["actions"]}
    assert states["2026-11-0412:1"].startswith("signed-off")  # the final file's sign-off: not the form's


@pytest.mark.parametrize("spooled", [False, True])
@pytest.mark.parametrize("json_first", [False, True])
def test_the_json_made_of_a_word_form_is_listed_rather_than_the_form(json_first: bool, spooled: bool) -> None:
    """Both at one stage, as docs/word-forms.md keeps them side by side: sign-offs are written
    into the JSON, so its actions are the ones listed, whichever is read first ('x.docx' sorts
    before 'x.json'); the form is not another audit (no AF954)."""
    word = ("2026-11-C0412.docx", audit(status="moderated"))
    extracted = ("2026-11-C0412.json", audit(status="moderated"))
    listed, problems = _gathered([extracted, word] if json_first else [word, extracted], spooled)
    assert {file for file, _ in listed} == {"2026-11-C0412.json"} and problems == []


def test_the_json_counts_over_its_word_form_in_status_and_says_why() -> None:
    from auditforms.results.progress import standing, why_counted

    json_file, word_file = standing("moderated"), standing("moderated", word=True)
    assert json_file > word_file and standing("final", word=True) > json_file  # further on wins first
    assert why_counted(json_file, word_file, "moderated").startswith("it is the audit's JSON")
