"""Sentence boundaries on real prose: abbreviations, initials and footnote markers."""

from __future__ import annotations

import pytest

from kamerlens.extract.sentences import split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De motie van het lid Valstar c.s. is aangenomen. Nederland steunt dat.",
            ["De motie van het lid Valstar c.s. is aangenomen.", "Nederland steunt dat."],
        ),
        (
            "De Minister van Buitenlandse Zaken, W.B. Hoekstra tekende. Daarna volgde de Top.",
            ["De Minister van Buitenlandse Zaken, W.B. Hoekstra tekende.", "Daarna volgde de Top."],
        ),
        (
            "uitvoering te geven aan de motie van het lid Valstar c.s.¹ Internationale samenwerking"
            " is essentieel.",
            [
                "uitvoering te geven aan de motie van het lid Valstar c.s.¹",
                "Internationale samenwerking is essentieel.",
            ],
        ),
        (
            "Zie Kamerstuk 28 676, nr. 434. Het kabinet zal u d.d. 1 juli informeren.",
            ["Zie Kamerstuk 28 676, nr. 434.", "Het kabinet zal u d.d. 1 juli informeren."],
        ),
        (
            "Nederland heeft EUR 1,6 miljard geleverd.² Nederland riep op.",
            ["Nederland heeft EUR 1,6 miljard geleverd.²", "Nederland riep op."],
        ),
        (
            "Eerste alinea zonder punt\n\nTweede alinea.",
            ["Eerste alinea zonder punt", "Tweede alinea."],
        ),
    ],
)
def test_sentences_split_real_prose(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a PDF text layer lost the space after a stop: two sentences
        (
            "We gaan dat bekijken.Voor uw vraag over de regeling geldt dit.",
            ["We gaan dat bekijken.", "Voor uw vraag over de regeling geldt dit."],
        ),
        # an abbreviation before a capital is no end ("nr.Vijf", "bijv.Nederland")
        ("Zie bijlage nr.Vijf van het rapport.", ["Zie bijlage nr.Vijf van het rapport."]),
        # an e-mail or web address: no end inside it
        (
            "Vragen kunt u mailen aan piet.Jansen@minbzk.nl of bellen.",
            ["Vragen kunt u mailen aan piet.Jansen@minbzk.nl of bellen."],
        ),
        (
            "Zie rijksoverheid.Nl/onderwerpen voor meer.",
            ["Zie rijksoverheid.Nl/onderwerpen voor meer."],
        ),
        ("Kijk op www.Overheid.nl voor meer.", ["Kijk op www.Overheid.nl voor meer."]),
        # the stop right after an address's top-level domain ends the sentence
        (
            "Zie www.rijksoverheid.nl.Daarna volgt de brief.",
            ["Zie www.rijksoverheid.nl.", "Daarna volgt de brief."],
        ),
        (
            "Mail naar info@minbzk.nl.De vragen worden beantwoord.",
            ["Mail naar info@minbzk.nl.", "De vragen worden beantwoord."],
        ),
        # one address early in a run without spaces does not keep the later ends glued: the
        # word before a stop reaches back 40 characters at most
        (
            "Zie/bijlage.Hetkabinetheeftdezetekstzonderspatiesgeschreven.Daarnavolgtdebrief.",
            [
                "Zie/bijlage.Hetkabinetheeftdezetekstzonderspatiesgeschreven.",
                "Daarnavolgtdebrief.",
            ],
        ),
        # a run of glued ends and slashes (a URL list) is one span, found in one pass
        ("aa.Bb/" * 5, ["aa.Bb/" * 5]),
    ],
)
def test_sentences_split_glued_ends(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash opening a line after a finished sentence is a list item ...
        (
            "De volgende toezeggingen zijn gedaan.\n— De minister stuurt een brief.\n"
            "— De minister informeert de Kamer.",
            [
                "De volgende toezeggingen zijn gedaan.",
                "— De minister stuurt een brief.",
                "— De minister informeert de Kamer.",
            ],
        ),
        # ... before a lower-case word it closes an aside, also at a line start, and the
        # sentence goes on
        (
            "We bespreken dit met hen — hoe kunnen we dat nagaan?\n— en geven het een zetje.",
            ["We bespreken dit met hen — hoe kunnen we dat nagaan?\n— en geven het een zetje."],
        ),
    ],
)
def test_dash_items_and_asides(text: str, expected: list[str]) -> None:
    assert [text[s:e].strip() for s, e in split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line break normalize kept (a heading, a list item) after a word ends the sentence
        # (the water letter of IenW, 2022, in pdfminer's text)
        (
            "1.2 Bodem; vitaal en efficiënt geordend\nProblematiek\nWe vragen veel van de bodem\n"
            "We hebben de bodem nodig.",
            [
                "1.2 Bodem; vitaal en efficiënt geordend",
                "Problematiek",
                "We vragen veel van de bodem",
                "We hebben de bodem nodig.",
            ],
        ),
        (
            "Zuinig met water\n- In de gebiedsprocessen worden onttrekkingen in beeld gebracht.",
            [
                "Zuinig met water",
                "- In de gebiedsprocessen worden onttrekkingen in beeld gebracht.",
            ],
        ),
        # ... not before a lower-case word, nor after a comma (a signature, a motion's clauses)
        (
            "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering de regeling te herzien.",
            ["De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering de regeling te herzien."],
        ),
        (
            "De Minister van Financiën,\nE. Heinen",
            ["De Minister van Financiën,\nE. Heinen"],
        ),
        # a footnote marker in plain digits after a stop, as PDF text gives it
        (
            "Dat leidt tot een stijging van drie graden Celsius.8 Met de huidige infrastructuur "
            "halen we het doel niet.",
            [
                "Dat leidt tot een stijging van drie graden Celsius.8",
                "Met de huidige infrastructuur halen we het doel niet.",
            ],
        ),
        # ... but not a number after an abbreviation or a year
        ("Zie Kamerstuk 36 200, nr.8 Tweede Kamer.", ["Zie Kamerstuk 36 200, nr.8 Tweede Kamer."]),
        ("Sinds 2022.3 Procent is veel.", ["Sinds 2022.3 Procent is veel."]),
    ],
)
def test_sentences_split_kept_line_breaks_and_plain_markers(
    text: str, expected: list[str]
) -> None:
    assert [text[s:e].strip() for s, e in split(text)] == expected
