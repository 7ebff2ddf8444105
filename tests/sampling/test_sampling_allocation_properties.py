"""Allocation against brute force: it succeeds exactly when some valid allocation exists."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from auditforms.sampling.allocation import allocate, may_audit
from auditforms.sampling.records import Auditor, Child
from auditforms.sampling.selection import SampleProblem

AREAS = ["Early Help", "Children in Care", "Care Leavers", "Quality Assurance"]

children_st = st.lists(st.sampled_from(AREAS[:3]), min_size=1, max_size=6).map(
    lambda areas: [Child(f"C{i}", a, a, i) for i, a in enumerate(areas)])
auditors_st = st.lists(st.tuples(st.sampled_from(AREAS), st.integers(0, 3)), min_size=1,
                       max_size=3).map(
    lambda rows: [Auditor(f"A{i}", area, cap, i) for i, (area, cap) in enumerate(rows)])


def feasible(children: list[Child], auditors: list[Auditor]) -> bool:
    for choice in itertools.product(auditors, repeat=len(children)):
        loads = Counter(a.name for a in choice)
        if all(may_audit(a, c) for a, c in zip(choice, children, strict=True)) and all(
                loads[a.name] <= a.capacity for a in auditors):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(children_st, auditors_st, st.integers(0, 10**6))
def test_sampling_allocation_matches_brute_force(children, auditors, seed):
    possible = feasible(children, auditors)
    try:
        allocation = allocate(children, auditors, seed)
    except SampleProblem as problem:
        assert problem.code == "AF808"
        assert not possible
        return
    assert possible
    assert set(allocation) == {c.child_id for c in children}
    loads = Counter(a.name for a in allocation.values())
    for auditor in auditors:
        assert loads[auditor.name] <= auditor.capacity
    for child in children:
        assert may_audit(allocation[child.child_id], child)
