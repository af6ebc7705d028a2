"""Placeholder PDFs for the demo's outcome documents.

The sources name the documents released at the summit but give no address for them, and the demo links to no
address it would have to invent. Each demo outcome therefore gets a one-page PDF that names the document and says
that its text is not reproduced: the public pages and the API show a PDF as they would for a real upload.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56
LINE_CHARACTERS = 80


def _escaped(text: str) -> str:
    # The standard Helvetica font of a PDF reader covers Latin-1: other characters are written as "?".
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_lines(title: str, lines: list[str]) -> list[tuple[int, str]]:
    """(font size, line) pairs: the title in large type, then the lines, wrapped to the page."""
    shown = [(18, part) for part in textwrap.wrap(title, 48)] + [(11, "")]
    for line in lines:
        shown += [(11, part) for part in textwrap.wrap(line, LINE_CHARACTERS) or [""]]
    return shown


def placeholder_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF (version 1.4) showing `title` and `lines` in Helvetica."""
    commands, y = ["BT"], PAGE_HEIGHT - MARGIN
    for size, line in _text_lines(title, lines):
        y -= size + 6
        commands.append(f"/F1 {size} Tf 1 0 0 1 {MARGIN} {y} Tm ({_escaped(line)}) Tj")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ).encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body
