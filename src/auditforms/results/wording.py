"""When a part is shown, in plain words, for the data dictionary.

Conditions are worded by the core's :func:`auditforms.model.describe.describe_condition`
(the same words the forms and ``show`` use); this adds what the evaluator also takes into
account: the option that reveals a follow-up and a section marked not relevant.
"""

from __future__ import annotations

from auditforms.model.definition import Definition, FieldItem
from auditforms.model.describe import describe_condition, describe_ref
from auditforms.results.naming import Namer, clean


class Wording:
    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.namer = Namer(definition)

    def shown_when(self, item_id: str) -> str:
        """Why ``item_id`` might not be shown, or "" when it always is."""
        entry = self.definition.index.entries[item_id]
        reasons = [describe_condition(self.definition, c) for c in entry.conditions]
        if entry.revealed_by:
            owner, option_id = entry.revealed_by
            owner_node = self.definition.index.entries[owner].node
            options = owner_node.answer_options if isinstance(owner_node, FieldItem) else ()
            label = next((o.label for o in options if o.id == option_id), option_id)
            reasons.insert(0, f"{describe_ref(self.definition, owner)} is “{label}”")
        section = entry.section
        if section.optional and entry.node is not section:
            label = clean(section.not_relevant_label)
            reasons.append(f"“{section.title}” is not marked “{label}”")
        return " and ".join(reasons)

