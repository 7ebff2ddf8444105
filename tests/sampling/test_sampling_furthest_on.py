"""Each file not counted for a child says why the counted one counts rather than it: the
reason is per file, not the runner-up's said against every other."""

from __future__ import annotations

import datetime as dt

from auditforms.results.progress import Standing, counted, left_out, standing
from auditforms.sampling.status import Returned, classify

CHILD = {"child_id": "C1", "audit_id": "2026-11-C1", "due_date": "2026-11-30"}


def test_each_other_file_gets_its_own_reason() -> None:
    files = [Returned("b-final.json", "2026-11-C1", "C1", "final"),
             Returned("a-submitted.json", "2026-11-C1", "C1", "submitted"),
             Returned("c-final.json", "2026-11-C1", "C1", "final")]
    status = classify(CHILD, files, dt.date(2026, 11, 20))
    assert status.returned is not None and status.returned.path == "b-final.json"
    assert [o.path for o in status.others] == ["a-submitted.json", "c-final.json"]
    assert status.whys == ("it is the furthest on (final)",
                           "the files are equally far on; the first by name counts")
    assert status.why == "the files are equally far on; the first by name counts"  # against the runner-up
    assert [o["why_not_counted"] for o in status.to_json()["other_files"]] == list(status.whys)


def test_the_ranking_is_progress_then_readable_then_passing_then_name() -> None:
    assert standing("final") > standing("moderated") > standing("submitted") > standing("draft") > standing(None)
    assert standing("moderated", readable=False) < standing("moderated") > standing("moderated", passes=False)
    items = [("b", Standing(3)), ("a", Standing(3)), ("c", Standing(2))]
    assert counted(items, lambda i: i[1], lambda i: i[0]) == ("a", Standing(3))
    assert left_out(items, lambda i: "x", lambda i: i[1], lambda i: i[0]) == [
        (("b", Standing(3)), ("a", Standing(3))), (("c", Standing(2)), ("a", Standing(3)))]
