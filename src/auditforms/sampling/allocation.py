"""Allocating an auditor to each sampled child.

"Auditors are always asked to audit a child from another area of service to their own":
an auditor may take a child only when the auditor's area is neither the child's area of
service nor the child's team. Within that rule the load is spread: each child goes to
the eligible auditor who is least loaded relative to their capacity, and when every
eligible auditor is full, an augmenting path moves earlier allocations along to make
room (a bipartite b-matching), so the allocation fails only when no allocation exists.
Ties are broken by a hash of the seed, so allocations vary month to month yet reproduce.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from auditforms.sampling.records import Auditor, Child
from auditforms.sampling.selection import SampleProblem, draw_key
from auditforms.sampling.values import normalise_key


def may_audit(auditor: Auditor, child: Child) -> bool:
    own = normalise_key(auditor.area)
    return own not in (normalise_key(child.area), normalise_key(child.team))


class _State:
    def __init__(self, auditors: Sequence[Auditor]) -> None:
        self.auditors = {a.name: a for a in auditors}
        self.assigned: dict[str, list[str]] = {a.name: [] for a in auditors}
        self.owner: dict[str, str] = {}

    def spare(self, name: str) -> bool:
        return len(self.assigned[name]) < self.auditors[name].capacity

    def ratio(self, name: str) -> tuple[float, int]:
        load = len(self.assigned[name])
        return ((load + 1) / self.auditors[name].capacity, load)

    def give(self, child_id: str, name: str) -> None:
        previous = self.owner.get(child_id)
        if previous is not None:
            self.assigned[previous].remove(child_id)
        self.assigned[name].append(child_id)
        self.owner[child_id] = name


def allocate(children: Sequence[Child], auditors: Sequence[Auditor], seed: int) -> dict[str, Auditor]:
    """child id -> auditor; raises :class:`SampleProblem` (AF808) when the rules cannot be met."""
    available = [a for a in auditors if a.capacity > 0]
    capacity = sum(a.capacity for a in available)
    if capacity < len(children):
        raise SampleProblem("AF808", f"the auditors can take {capacity} audits between them but "
                            f"the sample has {len(children)} children; raise capacities or "
                            "draw a smaller sample")
    candidates = {c.child_id: [a.name for a in available if may_audit(a, c)] for c in children}
    for child in children:
        if not candidates[child.child_id]:
            raise SampleProblem("AF808", f"no available auditor works outside {child.area}, so "
                                f"child {child.child_id} cannot be allocated; add an auditor "
                                "from another area of service")
    state = _State(available)
    order = sorted(children, key=lambda c: (len(candidates[c.child_id]),
                                            draw_key(seed, c.child_id)))
    for child in order:
        cid = child.child_id
        spare = [n for n in candidates[cid] if state.spare(n)]
        if spare:
            state.give(cid, min(spare, key=lambda n: (*state.ratio(n), draw_key(seed, n + cid))))
        elif not _augment(state, cid, candidates):
            raise SampleProblem("AF808", _exhausted(child, children, available))
    return {cid: state.auditors[name] for cid, name in state.owner.items()}


def _augment(state: _State, child_id: str, candidates: dict[str, list[str]]) -> bool:
    """Find auditors a0..ak where each passes one child on to the next and ak has room."""
    parent: dict[str, tuple[str | None, str]] = {}
    queue: deque[str] = deque()
    for name in candidates[child_id]:
        parent[name] = (None, child_id)
        queue.append(name)
    while queue:
        name = queue.popleft()
        if state.spare(name):
            _unwind(state, parent, name)
            return True
        for moved in sorted(state.assigned[name]):
            for other in candidates[moved]:
                if other not in parent:
                    parent[other] = (name, moved)
                    queue.append(other)
    return False


def _unwind(state: _State, parent: dict[str, tuple[str | None, str]], name: str | None) -> None:
    while name is not None:
        previous, child_id = parent[name]
        state.give(child_id, name)
        name = previous


def _exhausted(child: Child, children: Sequence[Child], auditors: Sequence[Auditor]) -> str:
    same = [c for c in children if not any(may_audit(a, c) != may_audit(a, child) for a in auditors)]
    room = sum(a.capacity for a in auditors if may_audit(a, child))
    return (f"auditors from outside {child.area} can take {room} audits but {len(same)} sampled "
            f"children need one (child {child.child_id} is left without an auditor); raise their "
            "capacities or add auditors from other areas of service")
