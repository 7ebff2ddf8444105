"""Conditions refer to things that exist and compare them with values they can hold."""

from __future__ import annotations

from collections.abc import Iterator

from auditforms.language.checks.context import Context
from auditforms.language.checks.refs import RefError, RefInfo, resolve_ref
from auditforms.model.audit_lookback import default_lookback
from auditforms.model.conditions import OPERATORS, All, Any_, Condition, Judgements, Not, Test, is_reference
from auditforms.model.definition import ForEachRows, Question, Rule, Section, Table

_KIND_FOR_OPERAND = {"date": {"date"}, "number": {"number"}}


def check(ctx: Context) -> None:
    for pointer, node in ctx.nodes():
        if node.when is None:
            continue
        for test_pointer, test in _tests(node.when, f"{pointer}/when"):
            _check_test(ctx, test, test_pointer, None)
            if _refers_to_itself(ctx, node, test):
                ctx.report("AF309", f"'{node.id}' is shown only when a condition on itself holds, "
                           "so it can never be shown", f"{test_pointer}/field")
    for i, scale in enumerate(ctx.definition.scales):
        for j, option in enumerate(scale.options):
            for k, descriptor in enumerate(option.descriptors):
                if descriptor.when is not None:
                    for test_pointer, test in _tests(descriptor.when, f"/scales/{i}/options/{j}/descriptors/{k}/when"):
                        _check_test(ctx, test, test_pointer, None)
    for i, rule in enumerate(ctx.definition.rules):
        scope = _scope(ctx, rule)
        for key, condition in (("when", rule.when), ("assert", rule.assert_)):
            if condition is not None:
                for test_pointer, test in _tests(condition, f"/rules/{i}/{key}"):
                    _check_test(ctx, test, test_pointer, scope)
        if rule.at:
            _resolve(ctx, rule.at, scope, f"/rules/{i}/at")


def _scope(ctx: Context, rule: Rule) -> Question | Table | str | None:
    if rule.for_each in ("question", "section"):
        return rule.for_each
    if isinstance(rule.for_each, ForEachRows):
        entry = ctx.definition.index.entries.get(rule.for_each.rows)
        return entry.node if entry and isinstance(entry.node, Table) else None
    return None


def _tests(condition: Condition, pointer: str) -> Iterator[tuple[str, Test]]:
    if isinstance(condition, Test):
        yield pointer, condition
    elif isinstance(condition, All):
        for k, c in enumerate(condition.all):
            yield from _tests(c, f"{pointer}/all/{k}")
    elif isinstance(condition, Any_):
        for k, c in enumerate(condition.any):
            yield from _tests(c, f"{pointer}/any/{k}")
    elif isinstance(condition, Not):
        yield from _tests(condition.not_, f"{pointer}/not")


def _resolve(ctx: Context, ref: str, scope: object, pointer: str) -> RefInfo | None:
    try:
        return resolve_ref(ctx.definition, ref, scope)  # type: ignore[arg-type]
    except RefError as err:
        ctx.report(err.code, err.message, pointer)
        return None


def _check_test(ctx: Context, test: Test, pointer: str, scope: object) -> None:
    subject = _resolve(ctx, test.field, scope, f"{pointer}/field")
    op, operand = test.operator, test.operand
    if subject is None:
        return
    kind = OPERATORS[op]
    where = f"{pointer}/{op}"
    if kind in ("value", "values"):
        _check_values(ctx, test.field, subject, operand if kind == "values" else [operand], where)
    elif kind == "boolean" and op == "graded" and subject.kind != "scale":
        ctx.report("AF304", f"'graded' needs a judgement or scale, but '{test.field}' is {_a(subject.kind)}", where)
    elif kind in ("date", "number"):
        _check_comparison(ctx, test.field, subject, kind, operand, scope, where)
    elif kind in ("scale-ref", "scale-refs"):
        _check_scales(ctx, test.field, subject, operand, scope, where)
    elif kind == "count" and subject.kind != "table":
        ctx.report("AF304", f"'{op}' counts a table's rows, but '{test.field}' is {_a(subject.kind)}", where)
    else:
        _check_moderation_operator(ctx, test, subject, scope, where)


def _check_moderation_operator(ctx: Context, test: Test, subject: RefInfo, scope: object, where: str) -> None:
    """The operators of the moderator's advice: where good starts, and the narrative heuristics."""
    op, kind = test.operator, OPERATORS[test.operator]
    if kind == "good":
        scale = ctx.definition.index.scales.get(subject.scale or "")
        if subject.kind != "scale":
            ctx.report("AF304", f"'meets_good' needs a judgement or scale, but '{test.field}' is "
                       f"{_a(subject.kind)}", where)
        elif scale is not None and scale.good_from is None:
            ctx.report("AF304", f"'meets_good' needs the scale '{scale.id}' to say where good starts "
                       "(good_from: OPTION-ID)", where)
    elif kind in ("words", "text-boolean", "text-ref") and subject.kind != "text":
        ctx.report("AF304", f"'{op}' reads text, but '{test.field}' is {_a(subject.kind)}", where)
    elif kind == "text-ref":
        other = _resolve(ctx, str(test.operand), scope, where)
        if other is not None and other.kind != "text":
            ctx.report("AF304", f"'{test.operand}' is {_a(other.kind)}, not text", where)
    elif kind == "lookback":
        if default_lookback(ctx.definition) is None:  # the tool's, or its default audit type's
            ctx.report("AF304", "'within_lookback_of' needs the tool's lookback (lookback: {months: N})", where)
        if subject.kind != "date":
            ctx.report("AF304", f"'{test.field}' is {_a(subject.kind)}, not a date", where)
        other = _resolve(ctx, str(test.operand), scope, where)
        if other is not None and other.kind != "date":
            ctx.report("AF304", f"'{test.operand}' is {_a(other.kind)}, not a date", where)


def _check_values(ctx: Context, ref: str, subject: RefInfo, values: list[object], pointer: str) -> None:
    if subject.options is None:
        return
    for value in values:
        if isinstance(value, bool) and subject.options >= {"yes", "no"}:
            word = "yes" if value else "no"
            ctx.report("AF304", f"yes/no answers are \"yes\" or \"no\", not true/false: write \"{word}\"", pointer)
        elif str(value) not in subject.options:
            from auditforms.language.suggest import did_you_mean

            ctx.report("AF304", f"'{ref}' can never be {value!r}: its options are "
                       f"{', '.join(sorted(subject.options))}" + did_you_mean(str(value), subject.options), pointer)


def _check_comparison(ctx: Context, ref: str, subject: RefInfo, kind: str, operand: object,
                      scope: object, pointer: str) -> None:
    if subject.kind != kind:
        ctx.report("AF304", f"'{ref}' is {_a(subject.kind)}, not {_a(kind)}, so it cannot be compared so", pointer)
        return
    if isinstance(operand, str) and is_reference(operand):
        other = _resolve(ctx, operand, scope, pointer)
        if other is not None and other.kind != kind:
            ctx.report("AF304", f"'{operand}' is {_a(other.kind)}, not {_a(kind)}", pointer)
    elif kind == "number" and isinstance(operand, str):
        ctx.report("AF304", f"'{operand}' is not a number", pointer)
    elif kind == "date" and not isinstance(operand, str):
        ctx.report("AF304", "compare a date with a date (YYYY-MM-DD), $today or another date field", pointer)


def _check_scales(ctx: Context, ref: str, subject: RefInfo, operand: object, scope: object, pointer: str) -> None:
    if subject.kind != "scale":
        ctx.report("AF304", f"'{ref}' is {_a(subject.kind)}, not a judgement, so it has no grade to compare",
                   pointer)
        return
    scale = ctx.definition.index.scales.get(subject.scale or "")
    if scale is not None and scale.is_checklist:
        ctx.report("AF304", f"'{ref}' is answered on the checklist '{scale.id}', whose answers are not "
                   "grades and cannot be compared; test it with equals or in", pointer)
        return
    if isinstance(operand, Judgements):
        _check_selector(ctx, subject, operand, pointer)
        return
    others = operand if isinstance(operand, tuple | list) else [operand]
    for k, other_ref in enumerate(others):
        sub = f"{pointer}/{k}" if isinstance(operand, tuple | list) else pointer
        other = _resolve(ctx, str(other_ref), scope, sub)
        if other is None:
            continue
        if other.kind != "scale":
            ctx.report("AF304", f"'{other_ref}' is {_a(other.kind)}, not a judgement", sub)
        elif subject.scale and other.scale and subject.scale != other.scale:
            ctx.report("AF304", f"'{ref}' is graded on '{subject.scale}' but '{other_ref}' on '{other.scale}'; "
                       "grades on different scales cannot be compared", sub)


def _check_selector(ctx: Context, subject: RefInfo, selector: Judgements, pointer: str) -> None:
    """A selector picks judgements on the subject's own scale, among questions and sections."""
    from auditforms.language.suggest import did_you_mean
    from auditforms.model.definition import Question

    index = ctx.definition.index
    if selector.scale is not None and selector.scale not in index.scales:
        ctx.report("AF302", f"no scale '{selector.scale}'" + did_you_mean(selector.scale, index.scales), pointer)
    elif selector.scale is not None and subject.scale and selector.scale != subject.scale:
        ctx.report("AF304", f"the tested judgement is graded on '{subject.scale}', so a selector of judgements "
                   f"on '{selector.scale}' picks none (grades on different scales cannot be compared)", pointer)
    for k, id_ in enumerate(selector.except_):
        node = index.node(id_) if id_ in index else None
        if not isinstance(node, Question | Section):
            ctx.report("AF303", f"except names '{id_}', which is not a question or section of this tool"
                       + did_you_mean(id_, index.order), f"{pointer}/except/{k}")


def _refers_to_itself(ctx: Context, node: object, test: Test) -> bool:
    owner = test.field.split(".", 1)[0]
    node_id = getattr(node, "id", None)
    if owner == node_id:
        return True
    entry = ctx.definition.index.entries.get(owner)
    if entry is None:
        return False
    if isinstance(node, Section):
        return entry.section.id == node_id
    return entry.parent_id == node_id


def _a(kind: str) -> str:
    words = {"text": "text", "date": "a date", "number": "a number", "choice": "a choice",
             "multichoice": "a multiple choice", "scale": "a judgement", "boolean": "a yes/no",
             "table": "a table", "object": "a question or section"}
    return words.get(kind, kind)
