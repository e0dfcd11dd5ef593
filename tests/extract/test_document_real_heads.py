"""Kind and date of real documents from their heads: a nota's "Ontvangen" closing its heading, a
motion "Voorgesteld tijdens het ... van <date>", a scanned motion opening with its date."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens import extract

REAL = Path(__file__).parents[1] / "real" / "docs"


@pytest.mark.parametrize(
    ("name", "kind", "date"),
    [
        ("nota_fin_accijns_1986.txt", "nota", "1986-10-10"),
        ("motie_brekelmans_telefoons_asiel.txt", "motie", "2024-02-12"),
        ("motie_leondejong_pensioenvermogen.txt", "motie", "2023-02-15"),
    ],
)
def test_document_real_heads(name: str, kind: str, date: str) -> None:
    info = extract(REAL / name).document
    assert (info.kind, info.date, info.date_estimated) == (kind, date, False)


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "Tweede Kamer\nNr. 5\nNOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen 3 maart 2021\n"
            "De regering dankt de leden voor hun inbreng.\n",
            "nota",
            "2021-03-03",
        ),
        (
            "Nr. 12\nMOTIE VAN HET LID JANSEN\nVoorgesteld in de vergadering van 7 november 2023\n"
            "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering X te doen,\n"
            "en gaat over tot de orde van de dag.\nJansen\n",
            "motie",
            "2023-11-07",
        ),
    ],
)
def test_document_real_heads_variants(text: str, kind: str, date: str) -> None:
    info = extract(text.encode(), name="stuk.txt").document
    assert (info.kind, info.date) == (kind, date)
