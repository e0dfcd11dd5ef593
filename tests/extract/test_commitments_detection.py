"""Commitments: which sentences are promises of the government to parliament, and which are not.

Passages are modelled on real letters, answers to Kamervragen, geannoteerde agenda's, motions and
debate minutes; each runs through the whole pipeline (kamerlens.extract.extract).
"""

from __future__ import annotations

import pytest

from kamerlens.extract import extract
from kamerlens.models import Commitment


def commitments_of(text: str) -> list[Commitment]:
    return list(extract(text.encode("utf-8"), name="brief.txt").commitments)


@pytest.mark.parametrize(
    ("passage", "action"),
    [
        (
            "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek.",
            "informeren",
        ),
        ("Voor de zomer zal ik uw Kamer informeren over de voortgang.", "informeren"),
        (
            "Conform verzoek van de vaste commissie voor Defensie zal het kabinet uw Kamer tijdig "
            "voorafgaand aan de NAVO-Top informeren over de Nederlandse inzet.",
            "informeren",
        ),
        ("Wij zullen de Kamer het rapport na afronding toesturen.", "sturen"),
        (
            "De regering zal de evaluatie in het eerste kwartaal van 2025 aan de Kamer sturen.",
            "sturen",
        ),
        (
            "Ik zeg toe dat ik de Kamer voor de begrotingsbehandeling schriftelijk zal informeren.",
            "informeren",
        ),
        (
            "Ik streef ernaar uw Kamer voor het einde van het jaar te informeren over de "
            "uitwerking.",
            "informeren",
        ),
        (
            "Ik verwacht de Kamer in het voorjaar te kunnen informeren over de resultaten.",
            "informeren",
        ),
        ("Ik kom hier voor de zomer op terug.", "terugkomen op"),
        ("Hier kom ik in de volgende voortgangsbrief op terug.", "terugkomen op"),
        ("Ik zal u hierover nader informeren.", "informeren"),
        ("Uw Kamer ontvangt de brief voor 1 juli.", "sturen"),
        ("Voor de zomer ontvangt uw Kamer de evaluatie van de pilots.", "sturen"),
        ("Voor de zomer informeer ik uw Kamer over de uitkomsten van de gesprekken.", "informeren"),
        ("Het kabinet zal de voorstellen de komende maanden nader uitwerken.", "uitwerken"),
        (
            "Tijdens de aanstaande Raad Buitenlandse Zaken op 12 december zal ik in mijn "
            "interventie "
            "opnieuw aandacht vragen voor bescherming van kritieke infrastructuur.",
            "aandacht vragen",
        ),
        (
            "De Kamer zal voor het zomerreces worden geïnformeerd over de stand van zaken.",
            "informeren",
        ),
        (
            "Uw Kamer wordt via het verslag van de Raad geïnformeerd over de uitkomsten.",
            "informeren",
        ),
        ("Ik ben voornemens uw Kamer in mei een wetsvoorstel voor te leggen.", "voorleggen"),
        (
            "Ik zal de Inspectie vragen dit te onderzoeken en uw Kamer daarna informeren.",
            "onderzoeken",
        ),
        ("Het kabinet informeert uw Kamer in het najaar over de uitkomsten.", "informeren"),
        ("Zodra de resultaten bekend zijn, informeer ik uw Kamer.", "informeren"),
        ("Het kabinet komt in het najaar met een reactie op het advies.", "komen met"),
        ("Het kabinet zal voor de zomer met een voorstel komen.", "komen met"),
        ("De resultaten zullen voor 1 oktober aan uw Kamer worden toegezonden.", "toezenden"),
        (
            "Ik heb de NVWA gevraagd dit te onderzoeken en zal uw Kamer over de uitkomsten "
            "informeren.",
            "informeren",
        ),
        ("De regering is voornemens om in 2025 een wetsvoorstel in te dienen.", "indienen"),
        ("Wij komen hier in de zomer op terug.", "terugkomen op"),
        ("Ja. Ik ben bereid uw Kamer hierover voor de zomer te informeren.", "informeren"),
        ("Ik ga uw Kamer voor de zomer informeren over de uitkomsten.", "informeren"),
    ],
)
def test_commitments_detection_finds_promises(passage: str, action: str) -> None:
    found = commitments_of(passage)
    assert len(found) == 1, found
    assert found[0].action == action


@pytest.mark.parametrize(
    "passage",
    [
        # third parties and general future facts
        "De bondgenoten zullen de steun aan Oekraïne voortzetten.",
        "Naast de gesprekken over Oekraïne kwam ook de nieuwe Defence Investment Pledge ter "
        "sprake, "
        "die op de Top in Vilnius zal worden vastgelegd.",
        "De Europese Commissie zal naar verwachting in juni een voorstel presenteren.",
        "Dit zal de interoperabiliteit van de Oekraïense krijgsmacht vergroten.",
        # past promises are fulfilments
        "Tijdens het commissiedebat van 7 februari heb ik uw Kamer toegezegd voor 1 mei te "
        "informeren.",
        "Tijdens het debat zegde ik u toe in het verslag aandacht te zullen besteden aan de motie.",
        # questions and motion texts
        "Bent u bereid de Kamer voor de zomer te informeren over de stand van zaken?",
        "Kunt u de Kamer voor 1 juni 2024 informeren over een geactualiseerde planning?",
        "verzoekt de regering, de Kamer hierover voor 1 april 2024 te informeren,",
        # this very letter, and the past
        "Hierbij informeer ik uw Kamer over de uitkomsten van de Raad.",
        "Met deze brief wordt uw Kamer geïnformeerd over de voortgang.",
        "Over de verdere vormgeving heb ik uw Kamer eerder geïnformeerd.",
        "Uw Kamer is op 3 mei geïnformeerd over de uitkomsten.",
        "Het verslag van de informele Raad heeft u op 9 februari ontvangen.",
        # a forecast, not a promise
        "Ik verwacht dat de wetgeving voor 1 januari 2026 in werking kan treden.",
        # a position announced for a meeting, not a promise to parliament
        "Het kabinet zal tijdens de Raad steun uitspreken voor de conclusies.",
        "Nederland zal zich ervoor inzetten dat het onderhandelingskader pas later wordt "
        "vastgesteld.",
        # a foreign minister
        "De Minister van Buitenlandse Zaken van Noorwegen zal de bondgenoten informeren.",
        "Ik zal de Kamer niet informeren over vertrouwelijke gesprekken.",
        "Nee, ik ben niet voornemens de Kamer hierover te informeren.",
        "Het rapport is op 3 mei aan uw Kamer toegezonden.",
        "De Europese Commissie komt in juni met een voorstel.",
        "Ik informeer uw Kamer in deze brief over de stand van zaken.",
        "Graag informeer ik uw Kamer over de uitkomsten van de Raad.",
        "Door middel van deze brief wordt de Kamer over deze mededeling geïnformeerd.",
        "Wij gaan ervan uit dat de Kamer tijdig wordt geïnformeerd.",
        "In deze brief ga ik in op de vragen van de commissie.",
        "Het kabinet gaat uit van een gelijkblijvende instroom.",
        "Ik ben niet bereid de Kamer te informeren over individuele gevallen.",
        "De Inspectie zal het onderzoek voor de zomer afronden.",
        "Hoe zal de regering de Kamer informeren?",
    ],
)
def test_commitments_detection_ignores_non_promises(passage: str) -> None:
    assert commitments_of(passage) == []


@pytest.mark.parametrize(
    ("passage", "actor"),
    [
        (
            "De Minister van Financiën zal uw Kamer bij de Voorjaarsnota informeren over de "
            "dekking.",
            "de Minister van Financiën",
        ),
        ("Het kabinet zal uw Kamer voor de zomer informeren.", "het kabinet"),
        ("Ik zal uw Kamer voor de zomer informeren.", "ik"),
        ("Wij zullen uw Kamer voor de zomer informeren.", "wij"),
        (
            "Dit maakt deel uit van de strategie voor de Noordzee, waarover uw Kamer door de "
            "Minister "
            "van Infrastructuur en Waterstaat, coördinerend bewindspersoon voor de Noordzee, "
            "zo snel "
            "mogelijk wordt geïnformeerd.",
            "de Minister van Infrastructuur en Waterstaat",
        ),
        (
            "De Staatssecretaris van Justitie en Veiligheid zal de Kamer na de zomer een brief "
            "sturen.",
            "de Staatssecretaris van Justitie en Veiligheid",
        ),
    ],
)
def test_commitments_detection_names_the_actor(passage: str, actor: str) -> None:
    (found,) = commitments_of(passage)
    assert found.actor == actor


def test_commitments_detection_resolves_ik_to_the_signer() -> None:
    letter = (
        "Datum 12 april 2024\nBetreft Voortgang aanpak\n\n"
        "Ik zal uw Kamer in het najaar van 2024 informeren over de eerste ervaringen.\n\n"
        "De Minister voor Volkshuisvesting en Ruimtelijke Ordening,\n\nA.B. Visser\n"
    )
    (found,) = commitments_of(letter)
    assert found.actor == "de Minister voor Volkshuisvesting en Ruimtelijke Ordening"


@pytest.mark.parametrize(
    ("passage", "requested_by"),
    [
        (
            "Conform verzoek van de vaste commissie voor Defensie zal het kabinet uw Kamer voor de "
            "zomer informeren.",
            "vaste commissie voor Defensie",
        ),
        (
            "Op verzoek van het lid Van der Lee zal ik uw Kamer voor 1 juni informeren.",
            "het lid Van der Lee",
        ),
        (
            "Naar aanleiding van de motie van het lid Boswijk zal ik uw Kamer zo snel mogelijk "
            "informeren.",
            "motie van het lid Boswijk",
        ),
        ("Ik zal uw Kamer voor de zomer informeren.", None),
    ],
)
def test_commitments_detection_records_who_asked(passage: str, requested_by: str | None) -> None:
    (found,) = commitments_of(passage)
    assert found.requested_by == requested_by


def test_commitments_detection_gives_subject_and_span() -> None:
    text = (
        "Inleiding.\n\nIk zal uw Kamer voor de zomer informeren over de Nederlandse inzet "
        "voor de Top."
    )
    record = extract(text.encode(), name="brief.txt")
    (found,) = record.commitments
    assert found.subject == "over de Nederlandse inzet voor de Top"
    assert record.text[found.start : found.end] == found.text
    assert found.text.startswith("Ik zal uw Kamer")


def test_commitments_detection_in_a_transcript_only_for_ministers() -> None:
    text = (
        "De heer Van Dijk (NSC):\n\nIk zal hierover een motie indienen en de Kamer informeren.\n\n"
        "Minister Brekelmans:\n\nIk zal de Kamer voor de begrotingsbehandeling schriftelijk "
        "informeren.\n\n"
        "De voorzitter:\n\nDe minister zegt toe de Kamer voor de behandeling van de "
        "Defensiebegroting te informeren.\n"
    )
    found = commitments_of(text)
    assert [c.actor for c in found] == ["Minister Brekelmans", "de minister"]
    assert all(c.action == "informeren" for c in found)


def test_commitments_detection_decision_list_reports_only_named_actors() -> None:
    # a committee's decision list reports the government's letters: an implicit actor there is
    # not the writer (the clerk), so only a named member of the government counts
    text = (
        "Besluitenlijst procedurevergadering\n\nDe staatssecretaris streeft ernaar de Kamer deze "
        "brief zo snel mogelijk te sturen. Over de standpunten zal de Kamer dan middels BNC-fiches "
        "worden geïnformeerd.\n\nDe griffier van de commissie,\n\nR.F. Berck\n"
    )
    assert [(c.actor, c.action) for c in commitments_of(text)] == [
        ("de staatssecretaris", "sturen")
    ]


@pytest.mark.parametrize(
    ("passage", "subject"),
    [
        (
            "Over de uitkomsten van de evaluatie wordt uw Kamer voor de zomer geïnformeerd.",
            "Over de uitkomsten van de evaluatie",
        ),
        ("Ik zal uw Kamer over de uitkomsten voor de zomer informeren.", "over de uitkomsten"),
        (
            "Ik zeg toe dat ik de Kamer informeer over de planning.",
            "ik de Kamer informeer over de planning",
        ),
    ],
)
def test_commitments_detection_subject(passage: str, subject: str) -> None:
    (found,) = commitments_of(passage)
    assert found.subject == subject
