"""Composition: a definition that ``extends`` another, with ``select`` and ``changes``.

Resolution is deterministic: the parent is resolved first (recursively), then the child's
top-level keys replace the parent's, ``scales`` and ``rules`` are merged by id, ``select``
keeps a subset, and ``changes`` apply in the order written. Every id a change names must
exist; every id it adds must be new.
"""

from __future__ import annotations

from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.language import families
from auditforms.language.composition_checks import check_part, check_update, rules_naming, sections_given
from auditforms.language.suggest import did_you_mean
from auditforms.language.tree import Slot, all_ids, children_for_insert, find_slot, iter_slots, rule_slot
from auditforms.source.located import LocDict, locate

COMPOSITION_KEYS = ("extends", "select", "changes")
MERGED_BY_ID = ("scales", "rules")


class Composer:
    """Applies one child file's composition keys to its (already resolved) parent tree."""

    def __init__(self, child: LocDict, filename: str) -> None:
        self.child = child
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        #: (id, pointer of the select or remove that took it away), for rules that still name it.
        self.gone: dict[str, str] = {}

    def error(self, code: str, message: str, pointer: str, *, at_key: bool = False) -> None:
        pos = locate(self.child, pointer, at_key=at_key)
        self.diagnostics.append(Diagnostic(
            code, message, file=pos.file if pos else self.filename,
            line=pos.line if pos else 0, col=pos.col if pos else 0, pointer=pointer))

    def compose(self, parent: dict[str, Any]) -> dict[str, Any]:
        merged = parent
        merged.pop("lineage", None)  # a tool's versions are its own: a customisation has its own lineage
        for key, value in self.child.items():
            if key in COMPOSITION_KEYS:
                continue
            if key in MERGED_BY_ID and isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = _merge_by_id(merged[key], value)
            else:
                merged[key] = value
        if isinstance(merged, LocDict):
            merged.key_positions.update(self.child.key_positions)
            merged.value_positions.update(self.child.value_positions)
        families.settle_abstract(merged, self.child)
        based_on = list(parent.get("based_on") or [])
        merged["based_on"] = [str(self.child["extends"]), *based_on]
        if isinstance(self.child.get("select"), list):
            self.select(merged, self.child["select"])
        for i, change in enumerate(self.child.get("changes") or []):
            if isinstance(change, dict):
                self.apply(merged, change, f"/changes/{i}")
        self.diagnostics += sections_given(self.child, self.filename)
        self.rules_still_naming(merged)
        return merged

    def rules_still_naming(self, tree: dict[str, Any]) -> None:
        """A rule of the parent naming a part this customisation took away: say which rule and how."""
        left = set(all_ids(tree))
        gone = {id_ for id_ in self.gone if id_ not in left}
        own = {str(r.get("id")) for r in self.child.get("rules") or [] if isinstance(r, dict)}
        for rule_id, part in rules_naming(tree, gone):
            how = ("add it to this remove: list" if self.gone[part].startswith("/changes")
                   else f"add a change: remove: {rule_id}")
            taken = "removes" if self.gone[part].startswith("/changes") else "leaves out"
            whose = "given here under rules:" if rule_id in own else "of the tool being extended"
            self.error("AF410", f"this {taken} '{part}', which the rule '{rule_id}' {whose} names; remove "
                       f"that rule too ({how}), or give a rule with id '{rule_id}' under rules: that does "
                       "not name it", self.gone[part])

    # -- select ------------------------------------------------------------------------

    def select(self, tree: dict[str, Any], wanted: list[Any]) -> None:
        known = set(all_ids(tree))
        for i, id_ in enumerate(wanted):
            if id_ not in known:
                self.error("AF403", f"select names '{id_}', which the tool being extended does not have"
                           + did_you_mean(str(id_), known), f"/select/{i}")
        keep = set(map(str, wanted))
        for id_ in known - keep:
            self.gone.setdefault(id_, "/select")  # what stays after select is worked out at the end
        sections = []
        for section in tree.get("sections") or []:
            if section.get("id") in keep:
                sections.append(section)
                continue
            items = [item for item in section.get("items") or [] if item.get("id") in keep]
            if items:
                section["items"] = items
                sections.append(section)
        tree["sections"] = sections

    # -- changes -----------------------------------------------------------------------

    def apply(self, tree: dict[str, Any], change: dict[str, Any], pointer: str) -> None:
        op = next((k for k in ("add", "remove", "replace", "move", "update", *families.FAMILY_OPS)
                   if k in change), None)
        if op == "add":
            self.add(tree, change["add"], change, pointer)
        elif op == "remove":
            targets = change["remove"] if isinstance(change["remove"], list) else [change["remove"]]
            for j, target in enumerate(targets):
                sub = f"{pointer}/remove/{j}" if isinstance(change["remove"], list) else f"{pointer}/remove"
                self.remove(tree, str(target), sub)
        elif op == "replace":
            slot = self.existing(tree, str(change["replace"]), f"{pointer}/replace")
            if slot is not None:
                slot.container[slot.index] = change.get("with")
                self.diagnostics += check_part(change.get("with"), self.child, self.filename, f"{pointer}/with")
        elif op == "move":
            slot = self.existing(tree, str(change["move"]), f"{pointer}/move")
            if slot is not None:
                node = slot.container.pop(slot.index)
                self.insert(tree, node, change, pointer)
        elif op == "update":
            slot = self.existing(tree, str(change["update"]), f"{pointer}/update")
            if slot is not None and isinstance(change.get("set"), dict):
                self.diagnostics += check_update(slot.node, change["set"], self.child, self.filename, pointer)
                slot.node.update(change["set"])
            if slot is not None:
                kind = "section" if "type" not in slot.node else "item"
                families.append_markdown(slot.node, change.get("append"), kind, pointer, self._report)
        elif op == "update_scale":
            families.update_scale(tree, change, pointer, self._report)
        elif op == "append":
            families.append_markdown(tree, change["append"], "tool", pointer, self._report)

    def _report(self, code: str, message: str, pointer: str) -> None:
        self.error(code, message, pointer)

    def existing(self, tree: dict[str, Any], id_: str, pointer: str) -> Slot | None:
        slot = find_slot(tree, id_)
        if slot is None:
            self.error("AF403", f"'{id_}' is not a section or item of the tool being extended"
                       + did_you_mean(id_, all_ids(tree)), pointer)
        return slot

    def remove(self, tree: dict[str, Any], id_: str, pointer: str) -> None:
        slot = find_slot(tree, id_) or rule_slot(tree, id_)
        if slot is None:
            rules = [str(r.get("id")) for r in tree.get("rules") or [] if isinstance(r, dict)]
            self.error("AF403", f"cannot remove '{id_}': no section, item or rule has that id"
                       + did_you_mean(id_, all_ids(tree) + rules), pointer)
            return
        for sub in iter_slots({"sections": [slot.node]}):
            self.gone.setdefault(str(sub.node.get("id")), pointer)
        del slot.container[slot.index]

    def add(self, tree: dict[str, Any], node: Any, change: dict[str, Any], pointer: str) -> None:
        if not isinstance(node, dict):
            return
        new_ids = [str(s.node.get("id")) for s in iter_slots({"sections": [node]})]
        existing = set(all_ids(tree))
        clashes = [i for i in new_ids if i in existing]
        if clashes:
            self.error("AF404", f"cannot add '{clashes[0]}': the tool being extended already has that id "
                       "(use replace or update to change it)", f"{pointer}/add")
            return
        self.diagnostics += check_part(node, self.child, self.filename, f"{pointer}/add")
        self.insert(tree, node, change, pointer)

    def insert(self, tree: dict[str, Any], node: dict[str, Any], change: dict[str, Any], pointer: str) -> None:
        is_section = "type" not in node
        for where in ("after", "before", "into"):
            if where in change:
                target = self.existing(tree, str(change[where]), f"{pointer}/{where}")
                if target is None:
                    return
                if not self._fits(node, target.node, where, f"{pointer}/{where}"):
                    return
                if where == "into":
                    children_for_insert(target.node).append(node)
                else:
                    target.container.insert(target.index + (where == "after"), node)
                return
        if is_section:
            tree.setdefault("sections", []).append(node)
        else:
            self.error("AF202", "say where the item goes: add after:, before: or into: a section",
                       pointer, at_key=True)


    def _fits(self, node: dict[str, Any], target: dict[str, Any], where: str, pointer: str) -> bool:
        """Sections go beside sections; items go beside items, or into a section or a question."""
        node_is_section, target_is_section = "type" not in node, "type" not in target
        if where == "into" and target.get("type") == "checklist":  # a criterion, which has no type
            ok = node_is_section
            if not ok:
                self.error("AF408", f"cannot put this item into checklist '{target.get('id')}': put a "
                           "criterion (id, number, title) into it", pointer)
            return ok
        if where == "into":
            ok = not node_is_section and (target_is_section or target.get("type") in CONTAINERS)
            need = "an item into a section or sub-section (or a question part into a question)"
        else:
            ok = node_is_section == target_is_section
            need = "a section after or before a section, an item after or before an item"
        if not ok:
            self.error("AF408", f"cannot put this {'section' if node_is_section else 'item'} {where} "
                       f"'{target.get('id')}': put {need}", pointer)
        return ok


#: Items other items can be put ``into``.
CONTAINERS = ("question", "subsection")


def _merge_by_id(parent: list[Any], child: list[Any]) -> list[Any]:
    out = list(parent)
    positions = {p.get("id"): i for i, p in enumerate(out) if isinstance(p, dict)}
    for entry in child:
        key = entry.get("id") if isinstance(entry, dict) else None
        if key in positions:
            out[positions[key]] = entry
        else:
            out.append(entry)
    return out
