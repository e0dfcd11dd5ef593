"""Page furniture, footnotes and paragraphs in layout text modelled on real Kamerstukken."""

from __future__ import annotations

from kamerlens.ingest import RawDocument
from kamerlens.normalize import NormalizedText, normalize

FOOTER = "Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733"

PAGES = [
    "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken\n"
    "Nr. 2733 VERSLAG VAN DE RAAD BUITENLANDSE ZAKEN VAN 12 DECEMBER 2022\n"
    "\n"
    "Tijdens de Raad spraken de ministers over de Russische agressie tegen\n"
    "Oekraïne. Nederland heeft opnieuw gepleit voor een negende sanctie-\n"
    "pakket, zoals toegezegd in het commissiedebat.1 De Raad nam ook\n"
    "besluiten over de Europese Vredesfaciliteit.\n"
    "\n"
    "1 Kamerstuk 21 501-02, nr. 2720\n"
    f"{FOOTER}\n"
    "1",
    "Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733 2\n"
    "Daarnaast sprak de Raad over de situatie in de Westelijke Balkan en\n"
    "de relatie met China. Ik zal uw Kamer voor de zomer informeren over\n"
    "de uitkomsten.2\n"
    "\n"
    "De volgende punten kwamen aan de orde:\n"
    "1 de verlenging van de sancties;\n"
    "2 de steun aan Moldavië.\n"
    "\n"
    "2 Kamerstuk 21 501-02, nr. 2725\n"
    f"{FOOTER}\n"
    "2",
]


def _norm(text: str, fmt: str = "pdf") -> NormalizedText:
    return normalize(
        RawDocument(source="t", data=b"", sha256="", format=fmt, text=text, pages=None)
    )


def test_normalize_layout_drops_furniture_and_keeps_it():
    norm = _norm("\f".join(PAGES))
    body = norm.text[: norm.body_end]
    assert "vergaderjaar" not in body
    assert FOOTER in norm.furniture
    assert not any(line.strip() in {"1", "2"} for line in body.splitlines())


def test_normalize_layout_footnotes_across_pages():
    norm = _norm("\f".join(PAGES))
    assert [(n.number, n.text) for n in norm.footnotes] == [
        ("1", "Kamerstuk 21 501-02, nr. 2720"),
        ("2", "Kamerstuk 21 501-02, nr. 2725"),
    ]
    assert norm.text[norm.footnotes[0].marker.start - 15 : norm.footnotes[0].marker.end] == (
        "commissiedebat.¹"
    )
    assert "de uitkomsten.²" in norm.text


def test_normalize_layout_list_items_are_not_footnotes():
    norm = _norm("\f".join(PAGES))
    assert "\n1 de verlenging van de sancties;\n2 de steun aan Moldavië." in norm.text


def test_normalize_layout_paragraph_runs_over_page_break():
    norm = _norm("\f".join(PAGES))
    assert "besluiten over de Europese Vredesfaciliteit.\n\nDaarnaast sprak de Raad" in norm.text
    assert "negende sanctiepakket, zoals toegezegd" in norm.text


def test_normalize_layout_year_line_is_no_footnote():
    text = (
        "Het kabinet heeft in de begroting middelen gereserveerd voor de jaren\n"
        "2023 tot en met 2025 voor de steun aan Oekraïne.\n"
    )
    norm = _norm(text, "text")
    assert norm.footnotes == ()
    assert "jaren 2023 tot en met 2025" in norm.text


def test_normalize_layout_note_without_marker_stays_in_body():
    text = "Dit is de eerste alinea van de brief.\n\n1 Inleiding\n\nHet kabinet schrijft u.\n"
    norm = _norm(text, "text")
    assert norm.footnotes == ()
    assert "1 Inleiding" in [s.title for s in norm.sections]


def test_normalize_layout_headings_and_sections():
    text = (
        "Hierbij informeer ik u over de uitkomsten van de Raad.\n"
        "\n"
        "Oekraïne\n"
        "\n"
        "De Raad sprak over de steun aan Oekraïne. Nederland pleit voor meer\n"
        "steun.\n"
        "\n"
        "Vitale infrastructuur\n"
        "De ministers spraken over de bescherming van kabels op zee.\n"
    )
    norm = _norm(text, "text")
    assert [s.title for s in norm.sections] == ["Oekraïne", "Vitale infrastructuur"]
    last = norm.sections[-1]
    assert norm.text[last.start : last.end] == (
        "Vitale infrastructuur\n\nDe ministers spraken over de bescherming van kabels op zee."
    )


def test_normalize_layout_signature_keeps_lines():
    text = (
        "Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd.\n\n"
        "De Minister van Buitenlandse Zaken,\nW.B. Hoekstra\n"
    )
    norm = _norm(text, "text")
    assert norm.text.endswith("De Minister van Buitenlandse Zaken,\nW.B. Hoekstra")
    assert norm.sections == ()


def test_normalize_layout_repeated_running_head_dropped():
    page = (
        "Ministerie van Buitenlandse Zaken\n"
        "Datum 12 december 2022\n"
        "Kenmerk BZDOC-123\n"
        "De tekst van pagina {n} gaat hier verder over de steun aan de\n"
        "partners in de regio en de inzet van het kabinet ({n}).\n"
        "Pagina {n} van 3"
    )
    norm = _norm("\f".join(page.format(n=n) for n in (1, 2, 3)))
    assert norm.text.count("Kenmerk BZDOC-123") == 0
    assert "Pagina 2 van 3" in norm.furniture
    assert norm.text.count("partners in de regio") == 3


MOTION = """Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2022–2023

36 200 X Vaststelling van de begrotingsstaten van het Ministerie van
Defensie (X) voor het jaar 2023

Nr. 26 MOTIE VAN HET LID VALSTAR C.S.
Voorgesteld 17 november 2022
De Kamer,
gehoord de beraadslaging,
constaterende dat de Noordzee en de Baltische Zee van groot belang zijn voor de
energievoorziening en het dataverkeer van Nederland en zijn bondgenoten;
verzoekt de regering, binnen de JEF de samenwerking te versterken voor de
beveiliging van de Noordzee en de Baltische Zee,
en gaat over tot de orde van de dag.
Valstar
Boswijk
Kahraman
kst-36200-X-26
ISSN 0921 - 7371
’s-Gravenhage 2022 Tweede Kamer, vergaderjaar 2022–2023, 36 200 X, nr. 26 1
"""


def test_normalize_layout_motion():
    norm = _norm(MOTION, "pdf")
    assert norm.furniture == (
        "kst-36200-X-26",
        "ISSN 0921 - 7371",
        "’s-Gravenhage 2022 Tweede Kamer, vergaderjaar 2022–2023, 36 200 X, nr. 26 1",
    )
    assert "De Kamer,\ngehoord de beraadslaging,\nconstaterende dat" in norm.text
    assert "bondgenoten;\nverzoekt de regering" in norm.text
    assert norm.text.endswith("orde van de dag.\n\nValstar\nBoswijk\nKahraman")
    assert norm.sections == ()  # the members' names are no headings


AGENDA = """Hierbij bied ik u de geannoteerde agenda aan voor de Raad Algemene Zaken van 19 maart.

Den Haag, 8 maart 2024

Voorbereiding Europese Raad van 21 en 22 maart 2024

Onderwerp

De Raad Algemene Zaken bereidt de Europese Raad voor.

Artikel 7-procedure Hongarije

Onderwerp

Onder het Belgisch voorzitterschap vindt een hoorzitting plaats.

Postbus 20018
2500 EA DEN HAAG
"""


def test_normalize_layout_nested_headings_and_dates():
    norm = _norm(AGENDA, "text")
    assert [s.title for s in norm.sections] == [
        "Voorbereiding Europese Raad van 21 en 22 maart 2024",
        "Onderwerp",
        "Artikel 7-procedure Hongarije",
        "Onderwerp",
    ]
    assert norm.title is None  # an address in capitals is no title
    assert norm.text.endswith("Postbus 20018\n2500 EA DEN HAAG")


def test_normalize_layout_two_digit_footnotes():
    body = "".join(
        f"Het kabinet heeft in brief {n} de Kamer geïnformeerd over de voortgang.{n}\n\n"
        for n in range(1, 13)
    )
    notes = "".join(f"{n} Kamerstuk 21 501-20, nr. {1900 + n}\n" for n in range(1, 13))
    norm = _norm(body + notes, "text")
    assert [f.number for f in norm.footnotes] == [str(n) for n in range(1, 13)]
    assert norm.footnotes[11].text == "Kamerstuk 21 501-20, nr. 1912"
    assert norm.text[norm.footnotes[11].marker.start - 10 : norm.footnotes[11].marker.end] == (
        "voortgang.¹²"
    )
    assert "in brief 12 de Kamer" in norm.text  # a number in the sentence is no marker


def test_em_dash_items_keep_their_lines() -> None:
    # a chair's list of toezeggingen, wrapped short: each "— " item after a finished line keeps
    # its line; a dash inside a sentence that runs on joins as any wrapped line
    from kamerlens.ingest import read

    text = (
        "Ik heb de volgende toezeggingen genoteerd.\n"
        "— De minister stuurt de Kamer voor de zomer een brief.\n"
        "— De minister informeert de Kamer over de pilot.\n"
    )
    normalized = normalize(read(text.encode(), name="lijst.txt")).text
    assert "genoteerd.\n— De minister stuurt" in normalized
    assert "een brief.\n— De minister informeert" in normalized
