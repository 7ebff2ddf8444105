"""What a field reference in a condition points at, statically, for type checks."""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Column, Definition, FieldItem, Question, Section, Table


@dataclass(frozen=True)
class RefInfo:
    """The kind of value a reference yields: text, date, number, choice, multichoice,
    scale, boolean, table or object; the allowed option ids; the scale id if any."""

    kind: str
    owner: str | None = None
    options: frozenset[str] | None = None
    scale: str | None = None

    def with_owner(self, owner: str) -> RefInfo:
        return RefInfo(self.kind, owner, self.options, self.scale)


class RefError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def resolve_ref(definition: Definition, ref: str, scope: Question | Table | str | None) -> RefInfo:
    """Raise :class:`RefError` when ``ref`` cannot resolve. ``scope`` is the for_each target."""
    index = definition.index
    if ref.startswith("."):
        return _relative(definition, ref[1:], scope)
    owner, _, part = ref.partition(".")
    if owner not in index:
        from auditforms.language.suggest import did_you_mean

        raise RefError("AF303", f"'{owner}' is not the id of a field, question, table or section"
                       + did_you_mean(owner, index.entries))
    node = index.node(owner)
    if part:
        return _part(definition, node, part)
    if isinstance(node, FieldItem):
        return field_info(definition, node)
    if isinstance(node, Table):
        return RefInfo("table", owner)
    return RefInfo("object", owner)


def field_info(definition: Definition, node: FieldItem) -> RefInfo:
    if node.type == "scale" and node.scale in definition.index.scales:
        return _scale_info(definition, node.scale, node.id)
    if node.type in ("choice", "multichoice", "yesno", "age_band"):
        kind = "multichoice" if node.type == "multichoice" else "choice"
        return RefInfo(kind, node.id, frozenset(o.id for o in node.answer_options))
    kind = {"text": "text", "textarea": "text", "date": "date", "number": "number"}.get(node.type, "text")
    return RefInfo(kind, node.id)


def _scale_info(definition: Definition, scale_id: str, owner: str | None) -> RefInfo:
    scale = definition.index.scales.get(scale_id)
    options = frozenset(scale.answer_ids) if scale else None
    return RefInfo("scale", owner, options, scale_id)


def _part(definition: Definition, node: object, part: str) -> RefInfo:
    if isinstance(node, Question):
        if part == "judgement" and node.judgement:
            return _scale_info(definition, node.judgement.scale, node.id)
        if part in {n.id for n in node.narratives}:
            return RefInfo("text", node.id)
        have = (["judgement"] if node.judgement else []) + [n.id for n in node.narratives]
        raise RefError("AF306", f"question '{node.id}' has no part '{part}' (it has: {', '.join(have) or 'none'})")
    if isinstance(node, Section):
        if part == "not_relevant" and node.optional:
            return RefInfo("boolean", node.id)
        overall = node.overall
        if overall and part == "judgement" and overall.judgement:
            return _scale_info(definition, overall.judgement.scale, node.id)
        if overall and part in {n.id for n in overall.narratives}:
            return RefInfo("text", node.id)
        raise RefError("AF306", f"section '{node.id}' has no part '{part}'")
    if isinstance(node, FieldItem) and node.type == "compound":
        answer = node.part(part)
        if answer is None:
            names = ", ".join(p.id for p in node.parts)
            raise RefError("AF306", f"compound field '{node.id}' has no part '{part}' (it has: {names})")
        return field_info(definition, answer).with_owner(node.id)
    owner = getattr(node, "id", "?")
    raise RefError("AF306", f"'{owner}' is a field or table; only questions, sections and compound fields "
                   f"have parts like '.{part}'")


def _relative(definition: Definition, part: str, scope: Question | Table | str | None) -> RefInfo:
    if scope is None:
        raise RefError("AF306", f"'.{part}' is relative: it can only be used in a rule with for_each")
    if isinstance(scope, Table):
        column = next((c for c in scope.columns if c.id == part), None)
        if column is None:
            cols = ", ".join(c.id for c in scope.columns)
            raise RefError("AF306", f"table '{scope.id}' has no column '{part}' (columns: {cols})")
        return column_info(definition, column, scope.id)
    if scope == "section":
        sections = [s for s in definition.index.sections() if s.overall and (
            (part == "judgement" and s.overall.judgement) or part in {n.id for n in s.overall.narratives})]
        if not sections:
            raise RefError("AF306", f"no section's overall judgement has a part '{part}', so this rule "
                           "would never apply")
        return RefInfo("scale" if part == "judgement" else "text", None)
    questions = [q for q in definition.index.questions()
                 if (part == "judgement" and q.judgement) or part in {n.id for n in q.narratives}]
    if not questions:
        raise RefError("AF306", f"no question has a part '{part}', so this rule would never apply")
    if part == "judgement":
        return RefInfo("scale", None)
    return RefInfo("text", None)


def column_info(definition: Definition, column: Column, table_id: str) -> RefInfo:
    if column.type == "scale" and column.scale:
        return _scale_info(definition, column.scale, table_id)
    if column.type == "choice":
        return RefInfo("choice", table_id, frozenset(o.id for o in column.options))
    if column.type == "yesno":
        return RefInfo("choice", table_id, frozenset({"yes", "no"}))
    return RefInfo({"date": "date", "number": "number"}.get(column.type, "text"), table_id)
