"""Shipped tools keep their source's paragraphs: a folded YAML block (``>``) joins paragraphs
into one line break, which Markdown reads as a space, so a prompt of several paragraphs
("Plan", "All relevant agencies:", a question, another question) must be a literal block (``|``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "definitions").rglob("*.yaml"))


def folded_with_paragraphs(node: yaml.Node) -> Iterator[str]:
    """``line:key`` of each folded block whose text held a blank line (a paragraph break)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(value, yaml.ScalarNode) and value.style == ">" and "\n" in value.value:
                    yield f"{value.start_mark.line + 1}:{key.value}"
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_no_paragraph_is_folded_away(path: Path) -> None:
    assert list(folded_with_paragraphs(yaml.compose(path.read_text(encoding="utf-8")))) == []


def test_the_multi_agency_prompts_keep_their_paragraphs() -> None:
    from auditforms.api import load_definition

    tool = load_definition(ROOT / "definitions" / "multi-agency-children-in-care.yaml")
    prompt = next(q for q in tool.index.entries.values() if q.node.id == "health-plan").node.prompt
    assert prompt.split("\n\n") == [
        "Plan", "All relevant agencies:", "Is a Personal Health Plan in place?",
        "Are appropriate services/resources called upon, to meet this child’s needs? Are they having\nan impact?"]
