"""Heuristics on narrative text: how many words, whether it speaks of the child, whether it
was copied from another box.

They are deliberately forgiving (they warn; a moderator decides) and tuned to stay quiet on
ordinary good audits. The word lists are English. The HTML form's script receives them in its
embedded data (:data:`VOCABULARY`) and mirrors these functions, so the two cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

#: A word: letters (Latin, with accents) or digits, joined by apostrophes or hyphens.
WORD = r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019-][A-Za-z0-9\u00C0-\u024F]+)*"

#: Words a moderator reads as the child (the issue's list, with their plural and possessive forms).
CHILD_WORDS = (
    "child", "children", "young person", "young people", "baby", "babies", "infant", "toddler",
    "teenager", "boy", "girl", "son", "daughter", "he", "him", "his", "himself", "she", "her",
    "hers", "herself", "they", "them", "their", "theirs", "themselves",
)

#: Capitals that are abbreviations of social care, not a child's initials.
ACRONYMS = (
    "CP", "CIN", "CLA", "LAC", "IRO", "TM", "SW", "GP", "PEP", "EHCP", "CAMHS", "SEN", "SEND",
    "DV", "DA", "MASH", "PLO", "SGO", "UASC", "ICPC", "RCPC", "LA", "QA", "NHS", "ADHD", "ASD",
    "CSE", "CCE", "FGC", "TAF", "EHA", "IFA", "NFA", "CPP", "CYP", "YOT", "YJS", "HV", "FWI", "LCS",
)

#: What the form's script needs to mirror these heuristics exactly.
VOCABULARY = {"word": WORD, "childWords": list(CHILD_WORDS), "acronyms": list(ACRONYMS)}

_WORD = re.compile(WORD)
_CHILD = re.compile(r"(?<![A-Za-z0-9\u00C0-\u024F])(?:" + "|".join(w.replace(" ", r"[ \t\r\n]+") for w in CHILD_WORDS)
                    + r")(?:['\u2019]s)?(?![A-Za-z0-9\u00C0-\u024F])", re.IGNORECASE)
_INITIALS = re.compile(r"(?<![A-Za-z0-9\u00C0-\u024F])(?:[A-Z]\.?){2,3}(?![A-Za-z0-9\u00C0-\u024F])")
_ACRONYMS = frozenset(ACRONYMS)

_POSSESSIVES = ("'s", "\u2019s")
_TITLE = re.compile(r"^[A-Z][a-z\u00DF-\u00FF]+$")

#: The shorter text must have this many words for "contained in the other" to count as a copy.
COPY_MIN_WORDS = 8


_LETTER = "A-Za-z0-9\u00C0-\u024F"
_JOINER = "'\u2019-"


def at_least_words_pattern(count: int) -> str:
    """A regular expression (for JSON Schema: searched, not anchored) that a text matches
    exactly when it has ``count`` words or more (``count`` >= 1), as :func:`word_count`
    counts them. A word starts at a letter or digit not joined to the one before it (directly,
    or by an apostrophe or hyphen with a letter before that); the pattern finds ``count`` such
    starts, one after another."""
    letter, start = f"[{_LETTER}]", f"(?:[^{_LETTER}{_JOINER}]|[^{_LETTER}][{_JOINER}])"
    first = f"(?:^|^[{_JOINER}]|{start})"
    return first + letter + f"(?:[\\s\\S]*?{start}{letter}){{{count - 1}}}"


def child_words_pattern() -> str:
    """A regular expression (for JSON Schema) that matches only texts :func:`refers_to_child`
    finds a child word in: the words with both cases spelled out, and every letter or digit
    of any script refusing a word boundary (the edges are consumed, not looked around, so the
    pattern stays a fast automaton). It may miss a few texts Python's case folding
    matches, never the reverse, so a text it does not match may still name the child (by
    initials or name): enough to prove that a rule asking for the child holds."""
    def spelled(word: str) -> str:
        return "".join("[ \\t\\r\\n]+" if c == " " else f"[{c.lower()}{c.upper()}]" for c in word)
    edge = "[^\\p{L}\\p{N}]"
    return (f"(?:^|{edge})(?:" + "|".join(spelled(w) for w in CHILD_WORDS) + f")(?:['\u2019][sS])?(?:{edge}|$)")


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    """Kept for a while: one audit's rules read each narrative several times."""
    return tuple(_WORD.findall(text))


def word_count(text: str) -> int:
    return len(_words(text))


def mentions_child(text: str, names: Iterable[str] = ()) -> bool:
    """Whether ``text`` refers to the child: a child word, initials, or a name the tool records."""
    return refers_to_child(text) or names_in(text, names)


def refers_to_child(text: str) -> bool:
    """A child word (child, young person, she, their…) or initials that are not an abbreviation."""
    if _CHILD.search(text):
        return True
    return any(m.group(0).replace(".", "") not in _ACRONYMS for m in _INITIALS.finditer(text))


def names_in(text: str, names: Iterable[str]) -> bool:
    """Whether any of ``names`` appears in ``text`` as whole words, ignoring case."""
    lowered = [w.lower() for w in words(text)]
    return any(name_words and _contains(lowered, name_words)
               for name_words in ([w.lower() for w in words(name)] for name in names))


def inferred_names(texts: Iterable[str]) -> set[str]:
    """Words the audit uses as names: capitalised at least twice and never written in lower
    case ("Sam", "Jo"). Tools rarely record the child's first name, but auditors write it;
    counting it as a reference to the child keeps the impact heuristic quiet on good audits."""
    capitalised: dict[str, int] = {}
    lower: set[str] = set()
    for text in texts:
        for word in words(text):
            stem = word[:-2] if word.endswith(_POSSESSIVES) else word
            if "A" <= stem[0] <= "Z" and _TITLE.match(stem):
                capitalised[stem] = capitalised.get(stem, 0) + 1
            else:
                lower.add(stem.lower())
    return {w for w, n in capitalised.items() if n >= 2 and w.lower() not in lower}


#: (how many words a text has, its words in lower case joined by one space, with one around)
WordKey = tuple[int, str]


def word_key(text: str) -> WordKey:
    """What :func:`copies` compares, worked out by the regular expression and string methods
    alone (a check reads two dozen narratives per audit). Lower-casing the joined words is
    lower-casing each word: ``str.lower`` maps character by character (its one rule that looks
    at neighbours, the Greek final sigma, cannot apply: Greek letters are not word letters),
    and no lower-case form is a space."""
    found = _WORD.findall(text)
    return len(found), f" {' '.join(found).lower()} "


def copies(text: str, other: str, key: Callable[[str], WordKey] = word_key) -> bool:
    """Whether one text is the other, or holds all of it (the shorter having 8 words or more),
    compared word by word without case or punctuation. ``key`` is :func:`word_key`, or a
    function that keeps what it gives (a check reads each narrative several times)."""
    return not surely_apart(text, other) and copied(key(text), key(other))


#: ASCII capitals to lower case, and every ASCII character that is not a letter or digit, deleted:
#: one pass of ``bytes.translate`` makes what :func:`surely_apart` compares
_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def surely_apart(text: str, other: str) -> bool:
    """Whether neither of two ASCII texts can hold the other's words, told by C string methods
    alone: most narrative pairs differ, and splitting both into words costs far more.

    Every letter or digit of a text belongs to one of its words, and only other characters
    come between words; so when one text's words are the other's, or a run of them, its
    letters and digits, lower-cased, are a run of the other's too. When neither is, neither
    text :func:`copies` the other. ``False`` (not known) for texts with other characters."""
    if not (text.isascii() and other.isascii()):
        return False
    mine = text.encode().translate(_LOWER, _NOT_ALNUM)
    theirs = other.encode().translate(_LOWER, _NOT_ALNUM)
    if len(mine) > len(theirs):  # only the shorter can be within the other
        mine, theirs = theirs, mine
    return mine not in theirs


def copied(mine: WordKey, theirs: WordKey) -> bool:
    """:func:`copies` on the two texts' :func:`word_key`."""
    (mine_count, mine_words), (their_count, their_words) = mine, theirs
    if not mine_count or not their_count:
        return False
    if mine_count == their_count:  # of as many words, only the same words can hold the other
        return mine_words == their_words
    short, long_ = (mine_words, their_words) if mine_count < their_count else (their_words, mine_words)
    return min(mine_count, their_count) >= COPY_MIN_WORDS and short in long_


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return f" {' '.join(needle)} " in f" {' '.join(haystack)} "
