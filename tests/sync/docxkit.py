# ruff: noqa: E501
"""Build small Word (.docx) files by hand: the WordprocessingML parts python-docx cannot write
(footnotes) included. Used to make the constructed fixtures in tests/fixtures/sync/resources/
(``python tests/sync/docxkit.py`` writes them again, byte for byte) and by the benchmark.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>'
    "</w:styles>"
)


def _runs(text: str, notes: dict[str, str]) -> str:
    """Text with ``[^n]`` markers -> runs with footnote references."""
    out, rest = [], text
    while "[^" in rest:
        before, _, tail = rest.partition("[^")
        number, _, rest = tail.partition("]")
        out.append(f'<w:r><w:t xml:space="preserve">{escape(before)}</w:t></w:r>')
        out.append(f'<w:r><w:footnoteReference w:id="{int(number) + 1}"/></w:r>')
        notes.setdefault(number, "")
    out.append(f'<w:r><w:t xml:space="preserve">{escape(rest)}</w:t></w:r>')
    return "".join(out)


def build_docx(blocks: list[tuple[str, str]], footnotes: dict[str, str] | None = None) -> bytes:
    """``blocks``: (kind, text) with kind ``h1``, ``h2``, ``p``, ``row`` (cells split by
    ``|``) or ``xml`` (body XML as it stands); ``[^n]`` in a text is footnote n, whose text is
    ``footnotes[str(n)]``."""
    footnotes = footnotes or {}
    used: dict[str, str] = {}
    body: list[str] = []
    rows: list[str] = []

    def flush_table() -> None:
        if rows:
            body.append("<w:tbl>" + "".join(rows) + "</w:tbl>")
            rows.clear()

    for kind, text in blocks:
        if kind == "xml":  # body XML as given (what the kinds above cannot say: nested tables)
            flush_table()
            body.append(text)
            continue
        if kind == "row":
            cells = "".join(
                f"<w:tc><w:p>{_runs(cell.strip(), used)}</w:p></w:tc>" for cell in text.split("|")
            )
            rows.append(f"<w:tr>{cells}</w:tr>")
            continue
        flush_table()
        style = {"h1": "Kop1", "h2": "Kop2"}.get(kind)
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f"<w:p>{ppr}{_runs(text, used)}</w:p>")
    flush_table()
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    notes = "".join(
        f'<w:footnote w:id="{int(n) + 1}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(footnotes.get(n, ""))}</w:t></w:r></w:p></w:footnote>'
        for n in sorted(used, key=int)
    )
    footnotes_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{notes}</w:footnotes>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in (
            ("[Content_Types].xml", _CT),
            ("_rels/.rels", _RELS),
            ("word/_rels/document.xml.rels", _DOC_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", _STYLES),
            ("word/footnotes.xml", footnotes_xml),
        ):
            info = zipfile.ZipInfo(name, date_time=(2025, 7, 3, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return buffer.getvalue()


MOTION = [
    ("p", "Tweede Kamer der Staten-Generaal"),
    ("p", "Vergaderjaar 2024–2025"),
    ("h1", "29 924 Militaire Inlichtingen- en Veiligheidsdienst (MIVD)"),
    ("h2", "Nr. 290 MOTIE VAN HET LID OLGER VAN DIJK"),
    ("p", "Voorgesteld 3 juli 2025"),
    ("p", "De Kamer,"),
    ("p", "gehoord de beraadslaging,"),
    (
        "p",
        "overwegende dat de MIVD in openbare rapporten aanbevelingen doet om cyberaanvallen van "
        "buitenaf te weren, en dat niet bekend is in hoeverre die worden opgevolgd[^1];",
    ),
    (
        "p",
        "verzoekt de regering, met het Nationaal Cyber Security Centrum na te gaan hoe de "
        "opvolging van deze aanbevelingen kan worden verbeterd,",
    ),
    ("p", "en gaat over tot de orde van de dag."),
    ("p", "Olger van Dijk"),
]
MOTION_NOTES = {"1": "Openbaar jaarverslag MIVD 2024, Kamerstuk 29 924, nr. 282."}

LETTER = [
    ("p", "Tweede Kamer der Staten-Generaal"),
    ("h1", "29 924 Militaire Inlichtingen- en Veiligheidsdienst (MIVD)"),
    ("h2", "Nr. 291 BRIEF VAN DE MINISTER VAN DEFENSIE"),
    ("p", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
    ("p", "Den Haag, 15 september 2025"),
    (
        "p",
        "Met deze brief informeer ik uw Kamer over de uitvoering van de motie van het lid Olger "
        "van Dijk (Kamerstuk 29 924, nr. 290) over de opvolging van aanbevelingen uit openbare "
        "rapporten[^1].",
    ),
    ("h2", "Opvolging van aanbevelingen"),
    (
        "p",
        "Samen met het Nationaal Cyber Security Centrum is nagegaan welke aanbevelingen zijn "
        "opgevolgd. Ik zal uw Kamer voor het einde van 2025 informeren over de uitkomsten.",
    ),
    ("row", "Rapport | Aanbevelingen | Opgevolgd"),
    ("row", "Laundry Bear | 12 | 9"),
    ("p", "De minister van Defensie,"),
    ("p", "R.P. Brekelmans"),
]
LETTER_NOTES = {"1": "Handelingen II 2024/25, nr. 98, item 12."}


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "fixtures" / "sync" / "resources"
    out.mkdir(parents=True, exist_ok=True)
    # named by the Document entity they are the file of (tests/fixtures/sync/feed/Document/)
    (out / "d0c00000-0000-4000-8000-000000000001.docx").write_bytes(
        build_docx(MOTION, MOTION_NOTES)
    )
    (out / "d0c00000-0000-4000-8000-000000000002.docx").write_bytes(
        build_docx(LETTER, LETTER_NOTES)
    )


if __name__ == "__main__":
    main()
