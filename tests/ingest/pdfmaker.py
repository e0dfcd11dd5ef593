"""A tiny PDF writer for tests: pages of text lines in Helvetica (WinAnsi), nothing more.

It lets a test put known text into a real PDF and check what PDFium gives back, without any
tool outside the project. Body lines run from the top; ``notes`` are set small at the bottom of
the page, like footnotes.
"""

from __future__ import annotations


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(body: list[str], notes: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 72 780 Td"]
    for line in body:
        ops.append(b"(" + _escape(line) + b") Tj T*" if line.strip() else b"T*")
    ops.append(b"ET")
    if notes:
        ops.append(b"BT /F1 8 Tf 10 TL 72 " + str(40 + 10 * len(notes)).encode() + b" Td")
        ops.extend(b"(" + _escape(line) + b") Tj T*" for line in notes)
        ops.append(b"ET")
    return b"\n".join(ops)


def make_pdf(pages: list[tuple[list[str], list[str]]]) -> bytes:
    """``pages`` is a list of (body lines, footnote lines); returns the bytes of a PDF."""
    return _document([_content(body, notes) for body, notes in pages])


# A run of text: ("F1", "Minister ") in Helvetica, ("F2", "Adema") in Helvetica-Bold.
Run = tuple[str, str]
# A line placed on the page: x and y of its baseline, its runs, the font size.
Placed = tuple[float, float, list[Run], float]


def make_placed_pdf(pages: list[list[Placed]]) -> bytes:
    """Pages of lines placed where the test says, in the order given (the content stream's
    order, which need not be the reading order); F1 is Helvetica, F2 Helvetica-Bold."""
    contents = []
    for page in pages:
        ops = []
        for x, y, runs, size in page:
            ops.append(b"BT %.2f 0 0 %.2f %.2f %.2f Tm" % (size, size, x, y))
            for font, text in runs:
                ops.append(b"/" + font.encode() + b" 1 Tf (" + _escape(text) + b") Tj")
            ops.append(b"ET")
        contents.append(b"\n".join(ops))
    return _document(contents)


def _document(contents: list[bytes]) -> bytes:
    objects: list[bytes] = []
    n_pages = len(contents)
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R"
            f" /F2 4 0 R >> >> /Contents {6 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
