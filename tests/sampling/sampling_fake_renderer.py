"""Fake form renderers for the sampling tests: they show exactly what they were given.

The real html and docx renderers are built elsewhere; the batch is tested against these
so that the tests say precisely which pre-fill and audit id each form received.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass

from auditforms.renderers import RenderOptions

FAIL_ON_CHILD = "C-FAIL"


@dataclass(frozen=True)
class FakeRenderer:
    name: str
    suffix: str
    media_type: str = "text/plain"
    description: str = "a fake form for tests"
    accepts_prefill: bool = True

    def render(self, definition, options: RenderOptions) -> bytes:
        if FAIL_ON_CHILD in json.dumps(dict(options.prefill)):
            raise RuntimeError("the fake renderer was told to fail")
        time.sleep(float(os.environ.get("FAKE_RENDER_SECONDS", "0")))
        record = {"format": self.name, "definition": definition.id, "audit_id": options.audit_id,
                  "prefill": dict(options.prefill),
                  "due_date": options.due_date.isoformat() if options.due_date else None}
        return json.dumps(record, sort_keys=True).encode()


FORM = FakeRenderer("fakeform", ".form.txt")
DOC = FakeRenderer("fakedoc", ".doc.txt")
PLAIN = FakeRenderer("fakeplain", ".txt", accepts_prefill=False)
