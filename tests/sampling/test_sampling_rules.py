"""The sampling rules: look-back exclusion, reproducible draw, strata, themes, allocation."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from auditforms.sampling.allocation import allocate, may_audit
from auditforms.sampling.records import Auditor, Child, PastAudit
from auditforms.sampling.selection import Criteria, SampleProblem, proportional_quotas, select

REF = dt.date(2026, 12, 1)


def kids(n: int, team: str = "Early Help") -> list[Child]:
    return [Child(f"{team[:2].upper()}{i:03}", team, team, i) for i in range(n)]


def crit(size: int = 3, seed: int = 7, **kw) -> Criteria:
    return Criteria(REF, 6, size, seed, **kw)


def test_children_audited_within_the_lookback_are_excluded_boundary_included():
    pool = kids(5)
    history = [PastAudit(pool[0].child_id, dt.date(2026, 6, 1), "h"),    # first day of window
               PastAudit(pool[1].child_id.lower(), dt.date(2026, 11, 30), "h"),
               PastAudit(pool[2].child_id, dt.date(2026, 5, 31), "h")]   # day before window
    chosen = select(pool, history, crit(size=3)).chosen
    assert {c.child_id for c in chosen} == {pool[2].child_id, pool[3].child_id, pool[4].child_id}


def test_closed_children_count_only_if_open_during_the_window():
    open_then_closed = Child("A", "T", "T", 1, closed_date=dt.date(2026, 7, 1))
    closed_long_ago = Child("B", "T", "T", 2, closed_date=dt.date(2026, 5, 31))
    not_yet_open = Child("C", "T", "T", 3, open_date=dt.date(2026, 12, 2))
    selection = select([open_then_closed, closed_long_ago, not_yet_open], [], crit(size=1))
    assert [c.child_id for c in selection.chosen] == ["A"]
    assert selection.counts["not_open"] == 2


def test_same_seed_same_sample_and_other_seeds_differ():
    pool = kids(100)
    first = [c.child_id for c in select(pool, [], crit(size=20, seed=11)).chosen]
    assert first == [c.child_id for c in select(list(reversed(pool)), [], crit(size=20, seed=11)).chosen]
    others = {tuple(c.child_id for c in select(pool, [], crit(size=20, seed=s)).chosen)
              for s in range(5)}
    assert len(others) == 5


def test_adding_an_ineligible_child_does_not_reshuffle_the_sample():
    pool = kids(50)
    base = [c.child_id for c in select(pool, [], crit(size=10)).chosen]
    extra = Child("ZZ", "T", "T", 99, closed_date=dt.date(2020, 1, 1))
    assert [c.child_id for c in select([*pool, extra], [], crit(size=10)).chosen] == base


def test_every_child_is_equally_likely_over_many_seeds():
    pool = kids(10)
    counts = Counter(c.child_id for seed in range(2000)
                     for c in select(pool, [], crit(size=2, seed=seed)).chosen)
    assert set(counts) == {c.child_id for c in pool}
    assert max(counts.values()) - min(counts.values()) < 120  # 400 each expected


def test_too_few_eligible_children_says_why():
    pool = kids(4)
    history = [PastAudit(pool[0].child_id, dt.date(2026, 9, 1), "h")]
    with pytest.raises(SampleProblem) as raised:
        select(pool, history, crit(size=5))
    assert raised.value.code == "AF807"
    assert raised.value.message.startswith(
        "only 3 children are eligible but the sample needs 5 (4 listed: 1 audited since "
        "1 June 2026, 0 not open in the look-back window)")


def test_stratified_draw_is_proportional_to_eligible_children():
    pool = kids(60, "Early Help") + kids(30, "Children in Care") + kids(10, "Care Leavers")
    selection = select(pool, [], crit(size=10, stratify="team"))
    assert selection.quotas == {"Care Leavers": 1, "Children in Care": 3, "Early Help": 6}
    assert Counter(c.team for c in selection.chosen) == selection.quotas


def test_proportional_quotas_use_largest_remainder():
    assert proportional_quotas({"a": 1, "b": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert sum(proportional_quotas({"a": 7, "b": 5, "c": 3}, 11).values()) == 11


THEMED = [Child("A", "CiC", "CiC", 1, flags=("UASC",), strand="LAC"),
          Child("B", "CiC", "CiC", 2, flags=("uasc", "Disability"), strand="LAC"),
          Child("C", "EH", "EH", 3, flags=("UASC",), strand="Help"),
          Child("D", "CiC", "CiC", 4, strand="LAC")]


@pytest.mark.parametrize(("theme", "expected"), [
    ({"flags": ("UASC",)}, {"A", "B", "C"}),
    ({"flags": ("UASC", "disability")}, {"B"}),
    ({"teams": ("cic",), "flags": ("UASC",)}, {"A", "B"}),
    ({"strands": ("help",)}, {"C"}),
])
def test_theme_filters_by_flag_team_and_strand(theme, expected):
    selection = select(THEMED, [], crit(size=len(expected), **theme))
    assert {c.child_id for c in selection.chosen} == expected
    assert selection.counts["filtered"] == 4 - len(expected)
    with pytest.raises(SampleProblem, match="outside the theme"):
        select(THEMED, [], crit(size=len(expected) + 1, **theme))


AUDITORS = [Auditor("Ann", "Early Help", 2, 1), Auditor("Bob", "Children in Care", 2, 2),
            Auditor("Cat", "Quality Assurance", 2, 3)]


def test_every_child_gets_an_auditor_from_another_area():
    pool = kids(3, "Early Help") + kids(3, "Children in Care")
    allocation = allocate(pool, AUDITORS, seed=1)
    assert set(allocation) == {c.child_id for c in pool}
    for child in pool:
        assert may_audit(allocation[child.child_id], child)
        assert allocation[child.child_id].area != child.area


def test_area_matches_the_team_too_ignoring_case_and_spaces():
    child = Child("X", "early  help", "Early Help Service", 1)
    assert not may_audit(Auditor("A", "Early Help", 1, 1), child)
    assert not may_audit(Auditor("A", "early help service", 1, 1), child)


def test_load_is_spread_within_capacity():
    auditors = [Auditor(n, "QA", 3, i) for i, n in enumerate("ABCD")]
    allocation = allocate(kids(8, "Early Help"), auditors, seed=3)
    assert sorted(Counter(a.name for a in allocation.values()).values()) == [2, 2, 2, 2]


def test_spreading_is_relative_to_capacity():
    auditors = [Auditor("Big", "QA", 6, 1), Auditor("Small", "QA", 2, 2)]
    loads = Counter(a.name for a in allocate(kids(4), auditors, seed=5).values())
    assert loads == {"Big": 3, "Small": 1}


def test_zero_capacity_auditor_is_never_allocated():
    auditors = [Auditor("Away", "QA", 0, 1), Auditor("Here", "QA", 5, 2)]
    assert {a.name for a in allocate(kids(5), auditors, seed=1).values()} == {"Here"}


def test_earlier_allocations_move_to_make_room():
    # Greedy alone could give the QA auditor an Early Help child and strand the CiC child.
    auditors = [Auditor("QA", "Quality Assurance", 1, 1), Auditor("CiC", "Children in Care", 1, 2)]
    pool = [Child("E1", "Early Help", "Early Help", 1), Child("C1", "Children in Care", "Children in Care", 2)]
    for seed in range(20):
        allocation = allocate(pool, auditors, seed)
        assert allocation["C1"].name == "QA" and allocation["E1"].name == "CiC"


def test_no_auditor_outside_an_area():
    auditors = [Auditor("Ann", "Early Help", 5, 1)]
    with pytest.raises(SampleProblem) as raised:
        allocate(kids(1, "Early Help"), auditors, seed=1)
    assert raised.value.code == "AF808"
    assert raised.value.message.startswith("no available auditor works outside Early Help, so "
                                           "child EA000 cannot be allocated")


def test_total_capacity_exhausted():
    with pytest.raises(SampleProblem, match="can take 6 audits between them but the sample has 7"):
        allocate(kids(7, "Care Leavers"), AUDITORS, seed=1)


def test_capacity_outside_one_area_exhausted():
    with pytest.raises(SampleProblem) as raised:
        allocate(kids(5, "Early Help"), AUDITORS, seed=1)
    assert raised.value.message.startswith("auditors from outside Early Help can take 4 audits "
                                           "but 5 sampled children need one")


def test_allocation_is_reproducible_by_seed():
    pool = kids(4, "Early Help") + kids(2, "Care Leavers")
    first = {k: a.name for k, a in allocate(pool, AUDITORS, seed=9).items()}
    assert first == {k: a.name for k, a in allocate(pool, AUDITORS, seed=9).items()}
