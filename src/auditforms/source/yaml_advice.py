"""The YAML reader's complaints in a lead auditor's words, for the mistakes people make.

libyaml says where it stopped and what it expected ("did not find expected key", "did not find
expected ',' or '}'"), which is exact but speaks of the grammar. The mistakes behind those
messages are few: a line indented out of step with its neighbours, text holding ``:`` inside
``{ }``, text that starts with a character YAML reads as syntax (a quote mark, ``*``, ``&``,
``!``), a quoted text never closed, a tab. Each gets a sentence saying what to change, at the
place to change it; anything else keeps libyaml's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters that start YAML syntax when they start a plain text, and what YAML reads them as.
_SYNTAX_STARTS = {"*": "an alias (a reference to another part of the file)",
                  "&": "an anchor (a name for this part of the file)",
                  "!": "a tag (a type for the value)"}


@dataclass(frozen=True)
class Advice:
    """What to say, and where (0-based line and column, as YAML marks count)."""

    message: str
    line: int
    column: int


def advise(text: str, problem: str, context: str | None, at: tuple[int, int],
           context_at: tuple[int, int] | None) -> Advice:
    """Advice for a YAML error: ``problem`` and ``context`` are the reader's own words, ``at``
    and ``context_at`` (line, column) where it stopped and what it was reading then."""
    lines = text.splitlines()
    line_no, column = at

    def line(n: int) -> str:
        return lines[n] if 0 <= n < len(lines) else ""

    here = line(line_no)
    context = context or ""
    if "\t" in here[: column + 1]:
        return Advice("this line holds a tab; YAML indents with spaces only, so replace the tab with spaces",
                      line_no, column)
    if "quoted scalar" in context and context_at is not None:  # a quote opened and never closed
        return Advice("this quoted text is never closed: end it with the same quote mark it starts with, on "
                      "this line or, for a long text, use a block (key: |) instead", *context_at)
    if "anchor" in context or "alias" in problem:
        start = context_at or at
        return Advice(_starts_with_syntax("&" if "anchor" in context else "*", line(start[0])), *start)
    if "mapping values are not allowed" in problem:
        key, _, rest = here.strip().lstrip("- ").partition(": ")
        rest = _without_comment(rest)
        if rest.rstrip().endswith(":") or ": " in rest:
            quoted = rest.strip().replace('"', '\\"')
            return Advice(f"the text after '{key}:' holds a ':', which YAML reads as a new key; put the text in "
                          f"quotes: {key}: \"{quoted}\"", line_no, column)
    if ("flow mapping" in context or "flow sequence" in context) and context_at is not None \
            and context_at[0] != line_no:  # a { or [ opened on an earlier line and never closed
        opened = line(context_at[0])[context_at[1]:context_at[1] + 1] or "{"
        closing = "]" if opened == "[" else "}"
        return Advice(f"this {opened} is never closed: end it with {closing} on the same line, or, if it starts a "
                      "text, put the text in quotes", *context_at)
    if "flow mapping" in context or "flow sequence" in context or (
            "unexpected ':'" in problem and ("{" in here or "[" in here)):
        return Advice("inside { } or [ ] (a mapping or list written on one line), text holding ':', ',', '#', "
                      "'[', ']', '{' or '}' must be in quotes, e.g. {id: ethnicity, label: \"Ethnicity: as "
                      "recorded\"}", line_no, column)
    requoted = _text_after_quote(here)
    if requoted is not None:
        return Advice(f"a text that starts with a quote mark ends at the matching one, so YAML cannot read what "
                      f"follows it; put the whole text in the other kind of quotes: {requoted}", line_no, column)
    above = next((n for n in range(line_no - 1, -1, -1) if line(n).strip()), None)
    if above is not None and ("expected key" in problem or "expected '-' indicator" in problem
                              or "expected <block end>" in problem):
        return Advice(f"this line is indented out of step with line {above + 1}: the keys of one item, and the "
                      "items of one list (-), must start in the same column", line_no, column)
    if "could not find expected ':'" in problem:
        start = context_at or at
        return Advice("this line reads as a key with no ':' after it: if it continues a text written with | "
                      "or >, indent it as far as the text's other lines; if it is a key, write 'key: value'",
                      *start)
    return Advice(problem, line_no, column)


def _starts_with_syntax(char: str, line: str) -> str:
    key, _, rest = line.strip().lstrip("- ").partition(": ")
    example = f" {key}: \"{rest.strip()}\"" if key and rest.strip().startswith(char) else ""
    return (f"a text starting with '{char}' is read as {_SYNTAX_STARTS[char]}; put the text in quotes"
            + (f":{example}" if example else ""))


def swallowed_start(text: str, index: int) -> str | None:
    """What to say when the plain text at ``index`` began with YAML syntax that silently took
    part of it: a bare ``!`` (a tag: ``label: ! Ethnicity`` reads as "Ethnicity"), or an anchor
    ``&name`` that no alias ``*name`` uses (``title: &amp; more`` reads as "more", where the
    author meant text); ``None`` for a text read whole."""
    if not 0 <= index < len(text):
        return None
    if text[index] == "!" and text[index + 1: index + 2] in (" ", "\t", "\r", "\n", ""):
        return f"a text starting with '!' is read as {_SYNTAX_STARTS['!']}, and the '!' is lost; put the text in quotes"
    anchor = re.match(r"&([^\s,\[\]{}]+)", text[index:index + 200])
    if anchor is not None and f"*{anchor.group(1)}" not in text:
        return (f"a text starting with '&' is read as {_SYNTAX_STARTS['&']}, and its first word is lost; put the "
                "text in quotes")
    return None


def _text_after_quote(line: str) -> str | None:
    """The line written as meant, when it gives a key (or a list item) a text that opens with a
    quote mark, closes it and goes on: ``label: '"Ethnicity" of the child'``; or one quoted
    whole that holds its own quote mark: ``title: "The child's plan is clear"``."""
    content = line.strip()
    item = content.startswith("- ")
    content = content[2:].strip() if item else content
    key, sep, value = content.partition(": ")
    if not sep or key[:1] in "\"'":  # a list item's text (or no key at all)
        key, value = "", content
    value = _without_comment(value.strip())
    if len(value) < 2 or value[0] not in "\"'":
        return None
    quote = value[0]
    close = value.find(quote, 1)
    if close < 0 or close == len(value) - 1:
        return None
    meant = value[1:-1] if value.endswith(quote) else value  # 'The child's plan' means The child's plan
    other = "'" if quote == '"' else '"'
    # in the other quotes; else (it holds both kinds) in single ones, where ' is written twice
    written = f"{other}{meant}{other}" if other not in meant else "'" + meant.replace("'", "''") + "'"
    return ("- " if item else "") + (f"{key}: " if key else "") + written


def _without_comment(value: str) -> str:
    """A YAML value without its trailing comment (`` # …``), which is not part of the text."""
    return value.split(" #", 1)[0].rstrip()
