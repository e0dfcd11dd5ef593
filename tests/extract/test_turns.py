"""Speaker turns of real debates: flat text (line breaks removed by the publisher), text with line
breaks, VLOS XML; labels glued to a sentence end; items get their speaker."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kamerlens import extract
from kamerlens.extract import PIPELINE
from kamerlens.extract.pipeline import Doc, run
from kamerlens.extract.turns import find_turns
from kamerlens.ingest import read
from kamerlens.normalize import normalize

REAL = Path(__file__).parents[1] / "real" / "docs"
OLD_DEBATE = "hand_vragen_defensie_vs_legermateriaal_1983.txt"


def _labels(name: str) -> Counter[tuple[str | None, str | None, str | None]]:
    text = (REAL / name).read_text("utf-8")
    return Counter((t.speaker.role, t.speaker.name, t.speaker.party) for t in find_turns(text))


def test_turns_flat_debate_speakers_with_roles_and_parties() -> None:
    got = _labels("hand_jenv_begroting_2024_appreciatie.txt")
    assert got[("minister", "Yeşilgöz-Zegerius", None)] >= 18
    assert got[("minister", "Weerwind", None)] >= 8
    assert got[("lid", "Van Nispen", "SP")] == 4
    assert got[("voorzitter", None, None)] >= 30


@pytest.mark.parametrize(
    ("name", "label"),
    [
        # "... snel door. Minister Weerwind:" and "nr. 52!De voorzitter:" (glued)
        ("hand_jenv_begroting_2024_appreciatie.txt", ("voorzitter", None, None)),
        # a long surname with particles, lined text of ParlaMint
        ("hand_parlamint_financiele_markten_2022.txt", ("lid", "Tony van Dijck", "PVV")),
        (OLD_DEBATE, ("lid", "Gualthérie van Weezel", "CDA")),
        (OLD_DEBATE, ("staatssecretaris", "Van Houwelingen", None)),
        ("hand_jenv_begroting_2024_tweede_termijn.txt", ("lid", "Faber-van de Klashorst", "PVV")),
    ],
)
def test_turns_label_forms(name: str, label: tuple[str, str | None, str | None]) -> None:
    assert _labels(name)[label] >= 1


def test_turns_names_never_run_over_a_sentence_end() -> None:
    for path in sorted(REAL.glob("hand_*.txt")):
        for turn in find_turns(path.read_text("utf-8")):
            name = turn.speaker.name or ""
            assert "." not in name and "\n" not in name, (path.name, name)


def test_turns_a_mention_of_a_member_is_no_label() -> None:
    mention = "Mevrouw Michon-Derkzen vroeg mij om twee brieven: een over de stand van zaken."
    text = f"De voorzitter: Het woord is aan de minister. Minister Weerwind: Dank. {mention}"
    assert [t.speaker.role for t in find_turns(text)] == ["voorzitter", "minister"]


def test_turns_debate_is_handelingen_and_items_have_speakers() -> None:
    record = extract(REAL / "hand_jenv_begroting_2024_tweede_termijn.txt")
    assert record.document.kind == "handelingen"  # it holds motions, yet it is no motie
    roles = {m.speaker.role for m in record.motions if m.speaker is not None}
    assert "lid" in roles  # members submit them in their turns


def test_turns_vlos_minutes() -> None:
    record = extract(REAL / "vlos_mivd_2025.xml")
    roles = Counter(t.speaker.role for t in record.turns)
    assert roles["minister"] >= 10 and roles["lid"] >= 10 and roles["voorzitter"] >= 5
    ministers = {t.speaker.name for t in record.turns if t.speaker.role == "minister"}
    assert ministers == {"Brekelmans"}


def test_turns_letter_has_none() -> None:
    assert extract(REAL / "kb_ienw_emissies_luchtvaart.txt").turns == ()


# ---------------------------------------------------------------- which documents are debates

_LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2025

Betreft: verdeling van de portefeuilles

Geachte voorzitter,

Hierbij stuur ik u het overzicht van de verdeling van de portefeuilles binnen het ministerie.
Minister van Financiën: begroting, rijksbegroting en Europese zaken.
Staatssecretaris Van Rij: fiscaliteit en douane.

Ik zal uw Kamer voor de zomer van 2025 informeren over de voortgang van de herziening.

De Minister van Financiën,
E. Heinen
"""


def test_turns_letter_with_label_shaped_lines_keeps_its_signer_as_actor() -> None:
    record = extract(_LETTER.encode(), name="brief.txt")
    assert record.turns == ()
    assert record.document.kind == "brief"
    [promise] = [c for c in record.commitments if "informeren" in c.text]
    assert promise.actor == "de Minister van Financiën"
    assert promise.speaker is None


@pytest.mark.parametrize(
    "lines",
    [
        # portfolios: only the government "speaks", and "Minister van X" is a title
        "Minister van Financiën: begroting.\nStaatssecretaris Van Rij: fiscaliteit.\n"
        "Staatssecretaris Idsinga: toeslagen.",
        # a table of contacts, one member of the government a line
        "Minister Heinen: financiën.\nMinister Keijzer: wonen.\nStaatssecretaris Szabó: asiel.",
    ],
    ids=["portfolios", "contacts"],
)
def test_turns_government_only_label_lines_are_no_debate(lines: str) -> None:
    text = f"Geachte voorzitter,\n\nHierbij het overzicht.\n{lines}\n\nIk zal u informeren."
    record = extract(text.encode(), name="brief.txt")
    assert record.turns == ()
    assert all(c.speaker is None for c in record.commitments)


# ---------------------------------------------------------------- excerpts of two turns


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the chair gives the floor, the minister answers (lined)
        (
            "De voorzitter: Dan geef ik nu het woord aan de staatssecretaris.\n"
            "Staatssecretaris Tielen: Dank u, voorzitter. Ik zal de Kamer na de zomer van 2026 "
            "een brief sturen over de uitvoering.\n",
            "Staatssecretaris Tielen",
        ),
        # vragenuur: a member asks, the minister answers (flat)
        (
            "Mevrouw Bikker (ChristenUnie): Ik ga een motie indienen over de jeugdzorg. Kan de "
            "minister toezeggen dat zij de Kamer informeert? Minister Keijzer: Ik zal de Kamer "
            "voor 1 juni 2026 informeren over de jeugdzorg.",
            "Minister Keijzer",
        ),
        # a member asks, the minister-president answers (lined)
        (
            "De heer Bontenbal (CDA): Ik zal straks een motie indienen over de netcongestie.\n"
            "Minister-president Schoof: Wij zullen de Kamer in het najaar van 2026 een brief "
            "sturen over de netcongestie.\n",
            "Minister-president Schoof",
        ),
    ],
    ids=["chair-minister", "member-minister", "member-premier"],
)
def test_turns_two_turns_with_a_minister_make_a_debate(text: str, actor: str) -> None:
    record = extract(text.encode(), name="hand.txt")
    assert len(record.turns) == 2
    [promise] = record.commitments  # the member's "ik zal"/"ik ga" is none of the government's
    assert promise.actor == actor
    assert promise.speaker is not None and promise.speaker.role != "lid"
    assert not promise.text.startswith(("De ", "Mevrouw", "Minister", "Staatssecretaris"))


@pytest.mark.parametrize(
    "text",
    [
        # the chair and a member only: no debate, and the member's "ik zal" is not the writer's
        "De voorzitter: Het woord is aan de heer Bontenbal.\n"
        "De heer Bontenbal (CDA): Ik zal volgende week een motie indienen over de netcongestie.\n",
        "Mevrouw Bikker (ChristenUnie): Ik ga de Kamer voorstellen de regeling te wijzigen. "
        "De heer Eerdmans (JA21): Ik zal die motie steunen.",
    ],
    ids=["chair-member", "member-member"],
)
def test_turns_a_label_line_outside_a_debate_is_never_the_writers(text: str) -> None:
    record = extract(text.encode(), name="hand.txt")
    assert record.turns == ()
    assert record.commitments == ()


def _sentences(text: str) -> list[str]:
    raw = read(text.encode(), name="brief.txt")
    doc = run(Doc(raw=raw, norm=normalize(raw)), PIPELINE[:2])
    return [doc.text[s:e] for s, e in doc.sentences]


@pytest.mark.parametrize(
    ("text", "label", "after"),
    [
        (
            "De voorzitter: Het woord is aan de heer Bontenbal. De heer Bontenbal (CDA): Ik zal "
            "een motie indienen.",
            "De heer Bontenbal (CDA):",
            "Ik zal een motie indienen.",
        ),
        (
            "Geachte voorzitter,\n\nHierbij de verdeling.\nStaatssecretaris Van Rij: fiscaliteit "
            "en douane.\nMinister Heinen: begroting.\n",
            "Staatssecretaris Van Rij:",
            "fiscaliteit en douane.",
        ),
    ],
    ids=["two-labels", "portfolio-lines"],
)
def test_turns_sentences_split_at_labels_debate_or_not(text: str, label: str, after: str) -> None:
    got = _sentences(text)
    assert after in got
    assert not any(label in sentence for sentence in got)


# ---------------------------------------------------------------- letters reporting a debate

_HEAD = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 14 mei 2025\n\n"
    "Betreft: {subject}\n\nGeachte voorzitter,\n\n"
)
_REPORTS = {
    # the spokespeople asked, the state secretary answered; the minister writes
    "consultation": (
        "verslag overleg woordvoerders",
        "Op uw verzoek doe ik verslag van het overleg met de woordvoerders.\n"
        "De heer Vermeer (BBB): vroeg hoe het staat met de herziening.\n"
        "Mevrouw Inge van Dijk (CDA): vroeg wat de herziening kost.\n"
        "Staatssecretaris Nobel: antwoordde dat de regeling in 2026 wordt herzien.\n\n",
        "De Minister van Sociale Zaken en Werkgelegenheid,\n\nE. van Hijum\n",
        "de Minister van Sociale Zaken en Werkgelegenheid",
    ),
    # a werkbezoek, with the chair of the committee among the labels
    "visit": (
        "verslag werkbezoek Groningen",
        "Graag bericht ik u over het werkbezoek aan Groningen van 2 mei jongstleden.\n\n"
        "De voorzitter (Bosma): opende het gesprek met de bewoners.\n\n"
        "De heer Bushoff (GroenLinks-PvdA): Ik zal de Kamer vragen om een debat.\n\n"
        "Minister Keijzer: zegde de bewoners een snelle afhandeling toe.\n\n",
        "De Minister van Volkshuisvesting en Ruimtelijke Ordening,\n\nM.C.G. Keijzer\n",
        "de Minister van Volkshuisvesting en Ruimtelijke Ordening",
    ),
}


@pytest.mark.parametrize("case", sorted(_REPORTS))
def test_turns_a_signed_letter_reporting_a_conversation_is_no_debate(case: str) -> None:
    subject, body, foot, writer = _REPORTS[case]
    promise = "Ik zal uw Kamer voor de zomer van 2026 informeren over de voortgang.\n\n"
    text = _HEAD.format(subject=subject) + body + promise + foot
    record = extract(text.encode(), name="brief.txt")
    assert record.turns == ()
    assert record.document.kind != "handelingen"
    [found] = record.commitments  # the label lines report others: no commitment of the writer
    assert found.actor == writer
    assert found.speaker is None and found.text.startswith("Ik zal uw Kamer")


def test_turns_a_letter_whose_labels_make_its_body_stays_a_debate() -> None:
    # a transcript sent under a salutation: the labels open (nearly) all of the body
    turns = (
        "De voorzitter: Ik open de vergadering en geef het woord aan de heer Vermeer.\n"
        "De heer Vermeer (BBB): Voorzitter, wanneer komt de herziening van de regeling?\n"
        "Staatssecretaris Nobel: Ik zal de Kamer voor de zomer van 2026 een brief sturen over "
        "de herziening van de regeling, zoals de heer Vermeer vroeg.\n"
        "De voorzitter: Dank u wel. Dan sluit ik de vergadering.\n"
    )
    text = _HEAD.format(subject="verslag") + turns + "\nDe Minister van Financiën,\n\nE. Heinen\n"
    record = extract(text.encode(), name="brief.txt")
    assert [t.speaker.role for t in record.turns] == [
        "voorzitter",
        "lid",
        "staatssecretaris",
        "voorzitter",
    ]
    [promise] = record.commitments
    assert promise.actor == "Staatssecretaris Nobel"


def test_turns_a_name_never_runs_over_a_line_break() -> None:
    text = "Minister Weerwind\nDe Voorzitter: Het woord is aan u. Minister Weerwind: Dank u."
    got = [(t.speaker.role, t.speaker.name) for t in find_turns(text)]
    assert got == [("voorzitter", None), ("minister", "Weerwind")]


@pytest.mark.parametrize(
    "title",
    [
        "Minister van Financiën",
        "Staatssecretaris van Justitie en Veiligheid",
        "Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Minister van Landbouw, Natuur en Voedselkwaliteit",
        "Minister-president van Algemene Zaken",
    ],
)
def test_turns_a_title_with_its_ministry_is_no_label(title: str) -> None:
    text = f"De voorzitter: Dank u. {title}: begroting. De heer Dassen (Volt): Ja."
    speakers = [(t.speaker.role, t.speaker.name) for t in find_turns(text)]
    assert speakers == [("voorzitter", None), ("lid", "Dassen")]


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("Minister Van Rij", ("minister", "Van Rij")),
        ("Staatssecretaris Van der Burg", ("staatssecretaris", "Van der Burg")),
        ("Minister van Agt", ("minister", "van Agt")),  # a particle, then a surname
        ("Minister-president Rutte", ("minister-president", "Rutte")),
        ("De voorzitter (Bosma)", ("voorzitter", "Bosma")),
    ],
)
def test_turns_named_labels_still_read(label: str, speaker: tuple[str, str]) -> None:
    text = f"De heer Dassen (Volt): Ja. {label}: Dank u. Mevrouw Kathmann (GroenLinks-PvdA): Ja."
    assert [(t.speaker.role, t.speaker.name) for t in find_turns(text)][1] == speaker


# A procedure meeting's VLOS minutes list the zaken on the agenda; nobody speaks in them.
_PROCEDURE = {"vlos_be33e3cf.xml"}
_DEBATES = [
    p
    for p in sorted(REAL.iterdir())
    if p.name.startswith(("hand_", "handelingen_", "vlos_")) and p.name not in _PROCEDURE
]
_NO_DEBATES = sorted(
    p
    for p in REAL.iterdir()
    if p.name.startswith(("kb_", "ah_", "ga_", "nota_", "motie_", "seed_", "besluitenlijst_"))
    or p.name in _PROCEDURE
)


@pytest.mark.parametrize("path", _DEBATES, ids=lambda p: getattr(p, "name", str(p)))
def test_turns_real_debates_are_debates(path: Path) -> None:
    record = extract(path)
    roles = {t.speaker.role for t in record.turns}
    assert len(record.turns) >= 3 and roles & {"voorzitter", "lid"}, roles


@pytest.mark.parametrize("path", _NO_DEBATES, ids=lambda p: p.name)
def test_turns_real_letters_motions_and_lists_are_no_debates(path: Path) -> None:
    record = extract(path)
    assert record.turns == ()
    assert all(getattr(c, "speaker", None) is None for c in record.commitments)
