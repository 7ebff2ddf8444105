"""What each kind of change names on either side of a mapping, and the plan made from it."""

from __future__ import annotations

from auditforms.model.lineage import VersionMapping
from auditforms.model.mapping_plan import MergeGroup, make_plan, new_ids, old_ids

MAPPING = VersionMapping.model_validate({"versions": ["1.0.0"], "answers": [
    {"rename": "a", "to": "a2"},
    {"merge": ["b", "c"], "into": "bc", "judgement": "highest"},
    {"split": "d", "into": ["d1", "d2"]},
    {"remove": "e", "reason": "no longer asked"},
    {"grades": "grade", "map": {"old": "new"}},
    {"options": "kind", "map": {"x": "y"}},
    {"columns": "plan", "map": {"what": "action"}},
]})


def test_every_old_id_and_new_id_is_named_with_its_pointer() -> None:
    assert old_ids(MAPPING) == [("a", "/0/rename"), ("b", "/1/merge/0"), ("c", "/1/merge/1"), ("d", "/2/split"),
                                ("e", "/3/remove")]
    assert new_ids(MAPPING) == [("a2", "/0/to"), ("bc", "/1/into"), ("d1", "/2/into/0"), ("d2", "/2/into/1"),
                                ("kind", "/5/options"), ("plan", "/6/columns")]


def test_the_plan_sends_each_old_id_to_the_new_ids_its_change_names() -> None:
    plan = make_plan(MAPPING)
    assert plan.targets == {"a": ("a2",), "b": ("bc",), "c": ("bc",), "d": ("d1", "d2"), "e": ()}
    assert plan.merges == {"bc": MergeGroup("bc", ("b", "c"), "highest")}
    assert plan.splits == {"d": ("d1", "d2")}
    assert plan.removed == {"e": "no longer asked"}
    assert (plan.grades, plan.options, list(plan.columns)) == ({"grade": {"old": "new"}}, {"kind": {"x": "y"}},
                                                               ["plan"])
    assert plan.to("untouched") == ("untouched",) and make_plan(None).targets == {}
