"""Commitments in less common forms: a named minister's present tense, a later document that
carries the promise, the act promised inside "ik zeg toe dat ...", and the sentence's own subject
as the actor of a sending it does not name.

Passages are modelled on real letters, geannoteerde agenda's and debate minutes; each runs through
the whole pipeline (kamerlens.extract.extract).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kamerlens.extract import extract
from kamerlens.models import Record


def letter(body: str, date: str = "14 maart 2024", head: str = "Betreft Voortgang") -> Record:
    # no signer: the writer's "ik" stays "ik", whatever the document component finds
    return extract(f"Datum {date}\n{head}\n\n{body}\n".encode(), name="brief.txt")


@pytest.mark.parametrize(
    ("body", "actor", "action", "deadline"),
    [
        (
            "De Minister van Sociale Zaken en Werkgelegenheid stuurt uw Kamer voor de zomer van "
            "2024 een brief over de uitvoering van de regeling.",
            "de Minister van Sociale Zaken en Werkgelegenheid",
            "sturen",
            "2024-07",
        ),
        (
            "Voor het kerstreces informeert de Staatssecretaris van Financiën de Kamer over de "
            "planning van de hersteloperatie.",
            "de Staatssecretaris van Financiën",
            "informeren",
            "2024-12",
        ),
        (
            "Het kabinet informeert uw Kamer in het najaar over de uitkomsten van de evaluatie.",
            "het kabinet",
            "informeren",
            "2024-12",
        ),
        (
            "Mijn ambtgenoot van Financiën stuurt uw Kamer voor de zomer een brief over de "
            "uitvoering.",
            "mijn ambtgenoot van Financiën",
            "sturen",
            "2024-07",
        ),
        # plural present tenses next to their subject
        (
            "Wij informeren uw Kamer voor het zomerreces over de uitkomsten.",
            "wij",
            "informeren",
            "2024-07",
        ),
        (
            "De Minister voor Klimaat en Energie en ik sturen uw Kamer in het najaar de "
            "uitwerking.",
            "ik",
            "sturen",
            "2024-12",
        ),
    ],
)
def test_commitments_forms_third_person_present(
    body: str, actor: str, action: str, deadline: str
) -> None:
    (found,) = letter(body).commitments
    assert (found.actor, found.action, found.deadline) == (actor, action, deadline)


@pytest.mark.parametrize(
    "body",
    [
        # another country's minister
        "De Duitse Minister van Financiën stuurt uw Kamer voor de zomer een brief.",
        # past
        "De Minister van Financiën stuurde uw Kamer op 3 februari een brief over de uitvoering.",
        # a present tense without anything that makes it future
        "De Minister van Financiën informeert uw Kamer over de stand van zaken.",
        # an infinitive, not a plural present: someone else informs
        "Gemeenten vragen het kabinet om uw Kamer in het najaar te informeren.",
    ],
)
def test_commitments_forms_third_person_present_not(body: str) -> None:
    assert letter(body).commitments == ()


def test_commitments_forms_later_document_is_a_promise_and_a_fulfilment() -> None:
    record = letter(
        "Zoals toegezegd tijdens het commissiedebat Raad Algemene Zaken van 7 maart jl. "
        "informeer ik uw Kamer in het verslag van deze Raad over de reactie van de Commissie.",
        head="Betreft Geannoteerde agenda Raad Algemene Zaken van 19 maart 2024",
    )
    (found,) = record.commitments
    # the debate where the promise was made is past: no deadline
    assert (found.actor, found.action, found.deadline) == ("ik", "informeren", None)
    assert len(record.fulfilments) == 1  # the earlier promise is named too


@pytest.mark.parametrize(
    "body",
    [
        # this very letter keeps the promise
        "Zoals toegezegd tijdens het commissiedebat informeer ik uw Kamer hierbij over de reactie "
        "van de Commissie.",
        # a report that is this very document
        "Zoals toegezegd informeer ik uw Kamer in dit verslag over de reactie van de Commissie.",
    ],
)
def test_commitments_forms_later_document_not(body: str) -> None:
    assert letter(body).commitments == ()


@pytest.mark.parametrize(
    ("turn", "action"),
    [
        (
            "Ik zeg mevrouw De Wit toe dat de Kamer voor het kerstreces een brief krijgt over de "
            "wachttijden.",
            "sturen",
        ),
        ("Ik zeg toe dat ik de Kamer voor de zomer een brief stuur over de wachttijden.", "sturen"),
        (
            "Ik zeg de heer Jansen graag toe dat ik daar in de volgende voortgangsbrief op "
            "terugkom.",
            "terugkomen op",
        ),
        # nothing said about the act: the promise itself
        ("Dat zeg ik toe.", "toezeggen"),
    ],
)
def test_commitments_forms_promised_act_in_a_debate(
    turn: str, action: str, minister_says: Callable[[str], Record]
) -> None:
    (found,) = minister_says(turn).commitments
    assert (found.actor, found.action) == ("Minister Van der Berg", action)


@pytest.mark.parametrize(
    ("body", "actor", "deadline_text"),
    [
        (
            "Het kabinet verwelkomt dat het voorstel er is en zal de inzet bepalen in het "
            "BNC-fiche dat uw Kamer binnen zes weken ontvangt.",
            "het kabinet",
            "binnen zes weken",
        ),
        (
            "Het kabinet steunt het voorstel dat de Commissie heeft gedaan en zal uw Kamer voor "
            "de zomer informeren over de uitwerking.",
            "het kabinet",
            "voor de zomer",
        ),
        (
            "De Minister van Infrastructuur en Waterstaat werkt aan een plan van aanpak, dat uw "
            "Kamer voor de zomer ontvangt.",
            "de Minister van Infrastructuur en Waterstaat",
            "voor de zomer",
        ),
        # no government subject: the writer sends
        (
            "Over de uitkomsten wordt uw Kamer voor de zomer geïnformeerd.",
            "ik",
            "voor de zomer",
        ),
        # another subject in another clause; the deadline of the Kamer's own clause
        (
            "De Commissie publiceert het voorstel in het voorjaar; uw Kamer ontvangt het "
            "BNC-fiche binnen zes weken.",
            "ik",
            "binnen zes weken",
        ),
    ],
)
def test_commitments_forms_subject_before_writer(body: str, actor: str, deadline_text: str) -> None:
    (found,) = letter(body).commitments
    assert (found.actor, found.deadline_text) == (actor, deadline_text)


def test_commitments_forms_subordinate_future_is_not_the_subjects() -> None:
    body = (
        "Ik verwacht dat de Commissie het voorstel in maart publiceert en dat de lidstaten "
        "zullen instemmen."
    )
    assert letter(body).commitments == ()


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # an announced act of the government, not a promise to the Kamer: a voornemen
        (
            "De Minister van Financiën stuurt voor de zomer een voorstel naar de Europese "
            "Commissie.",
            "voornemen",
        ),
        ("Het kabinet zal de komende jaren EUR 500 miljoen investeren.", "voornemen"),
        ("Ik zal uw Kamer voor de zomer informeren over de uitkomsten.", "toezegging"),
    ],
)
def test_commitments_forms_kind(body: str, kind: str) -> None:
    assert [c.kind for c in letter(body).commitments] == [kind]
