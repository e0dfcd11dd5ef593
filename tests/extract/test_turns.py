"""Speaker turns of real debates: flat text (line breaks removed by the publisher), text with line
breaks, VLOS XML; labels glued to a sentence end; items get their speaker."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kamerlens import extract
from kamerlens.extract.turns import find_turns

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
