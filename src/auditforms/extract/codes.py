"""Diagnostic codes of ``auditforms extract`` (AF7xx). Add, never renumber or reuse."""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "AF701": "the file is not a Word .docx file, or it is damaged",
    "AF702": "the file is larger than the size limit for a Word form",
    "AF703": "the zip directory declares sizes or compression ratios of a 'zip bomb'",
    "AF704": "the document's XML is malformed or uses features a form never needs (DTDs)",
    "AF705": "the form was made from a different audit tool",
    "AF706": "the form was made from another version of the audit tool",
    "AF707": "the file is not a form made from this audit tool (its controls do not match)",
    "AF708": "controls had lost their tags and were matched by their titles",
    "AF709": "controls had lost their tags and titles and were matched by table position",
    "AF710": "controls of the form are missing, duplicated or not recognised",
    "AF711": "an answer could not be read as the type the question asks for; it was kept as text",
    "AF712": "answers were given to parts that do not apply; they are kept, and check ignores them",
    "AF713": "characters that XML cannot hold were removed from the document",
    "AF714": "a table of the form was not found, or was found only by its headings or place",
    "AF715": "the file is an old-style .doc or a password-protected document",
    "AF716": "the form's controls had been removed; answers were read from the text of their cells",
    "AF717": "the moderator's comments or judgements were read, but the moderator's name or date is missing",
}
