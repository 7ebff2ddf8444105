"""The final copy as a tagged PDF (PDF/UA-1) laid out by WeasyPrint, fonts embedded.

Chosen on evidence (bench/bench_final_copy.py): WeasyPrint installs with pip (it needs
Pango, which README's apt line brings), embeds subsets of the fonts it uses, writes tagged
PDF/UA, and lays out a completed Torbay audit in well under a second in-process, where
LibreOffice (docx to PDF) and Chromium (print to PDF) need a separate program started per
document, take longer and would have to be present at run time.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from auditforms.model.definition import Definition
from auditforms.renderers.final_copy import EngineMissing
from auditforms.renderers.final_copy.content import final_copy, refuse_oversized
from auditforms.renderers.final_copy.html import to_html

PDF_VARIANT = "pdf/ua-1"


def render_pdf(definition: Definition, document: Mapping[str, Any]) -> bytes:
    copy = final_copy(definition, document)
    refuse_oversized(copy)  # before WeasyPrint, whose time grows faster than the copy
    try:  # heavy: imported only when a PDF is asked for
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is not installed
        raise EngineMissing(f"the PDF cannot be made: WeasyPrint or Pango is missing ({error}); install "
                            "them with 'apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
                            "libharfbuzz-subset0' and 'pip install weasyprint'") from None

    # WeasyPrint logs every CSS property it skips; a final copy's terminal output stays clean.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = to_html(copy)
    pdf: bytes = weasyprint.HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    return pdf
