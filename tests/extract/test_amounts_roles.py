"""Who gives money, who receives it and what for, read from the sentence around the amount."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract


def _one(passage: str):  # noqa: ANN202
    record = extract(passage.encode("utf-8"), name="passage.txt")
    (amount,) = record.amounts
    return amount


def test_amounts_roles_seed_000_military_support(seed_000: Path) -> None:
    first, second = extract(seed_000).amounts
    assert (first.value, first.donor, first.recipient) == (1.6e9, "Nederland", "Oekraïne")
    assert first.purpose == "militaire steun aan Oekraïne"
    assert second.value == 1e8
    assert second.donor == "Nederland"
    assert second.recipient == "trustfund voor niet-letale steun aan Oekraïne"
    assert second.purpose == "niet-letale steun aan Oekraïne"


def test_amounts_roles_recipient_key_groups_pledges_to_one_fund(
    seed_000: Path, seed_004: Path
) -> None:
    """The June trust fund pledge and the November contribution both go to UCAP: the fund
    named by the acronym the letters define ("Ukraine Comprehensive Assistance Package")."""
    june = extract(seed_000).amounts[1]
    (november,) = extract(seed_004).amounts
    assert (november.value, november.donor, november.recipient) == (25e6, "Nederland", "UCAP")
    assert june.recipient_key == november.recipient_key == "UCAP"


def test_amounts_roles_recipient_after_aan_and_purpose_after_voor() -> None:
    amount = _one(
        "Het Rijk draagt € 25 mln bij aan het Fonds Duurzaam Funderingsherstel voor leningen "
        "aan eigenaren."
    )
    assert amount.donor == "Rijk"
    assert amount.recipient == "Fonds Duurzaam Funderingsherstel"
    assert amount.recipient_key == "Fonds Duurzaam Funderingsherstel"
    assert amount.purpose == "leningen aan eigenaren"


def test_amounts_roles_kind_of_body_is_not_the_name() -> None:
    amount = _one("In 2021 is EUR 1.600.000 aan de stichting KCAF verstrekt.")
    assert (amount.recipient, amount.donor) == ("KCAF", None)


def test_amounts_roles_group_after_voor_is_the_recipient() -> None:
    amount = _one("Daarnaast stelt het kabinet 200 miljoen euro beschikbaar voor gemeenten.")
    assert (amount.donor, amount.recipient) == ("kabinet", "gemeenten")


def test_amounts_roles_country_after_voor_is_the_recipient() -> None:
    amount = _one("Duitsland heeft EUR 500 miljoen toegezegd voor Oekraïne.")
    assert (amount.donor, amount.recipient, amount.recipient_key) == (
        "Duitsland", "Oekraïne", "Oekraïne")


def test_amounts_roles_subject_after_the_finite_verb() -> None:
    amount = _one("In 2022 heeft Nederland € 10 miljoen bijgedragen aan het trustfund van de VN.")
    assert amount.donor == "Nederland"
    assert amount.recipient == "trustfund van de VN"


def test_amounts_roles_no_donor_without_giving() -> None:
    amount = _one("Nederland wijst erop dat de schade EUR 4 miljard bedraagt.")
    assert amount.donor is None


def test_amounts_roles_no_donor_across_an_infinitive_clause() -> None:
    amount = _one(
        "Nederland roept de Commissie op om de bevroren middelen, circa EUR 21 miljard, pas vrij "
        "te geven wanneer aan de voorwaarden is voldaan."
    )
    assert amount.donor is None


def test_amounts_roles_fund_before_the_amount() -> None:
    amount = _one("De Raad bereikte overeenstemming over de Oekraïnefaciliteit van EUR 50 miljard.")
    assert amount.recipient == "Oekraïnefaciliteit"


def test_amounts_roles_period_is_no_purpose() -> None:
    amount = _one("Het fonds van EUR 5 miljard voor de periode 2024–2027 is vastgesteld.")
    assert amount.purpose is None


def test_amounts_roles_receiving_turns_the_roles_round() -> None:
    amount = _one(
        "De Recovery and Resilience Facility (RRF) steunt herstel. Nederland heeft uit de RRF "
        "een bedrag van EUR 5,4 miljard ontvangen."
    )
    assert (amount.donor, amount.recipient, amount.recipient_key) == (
        "RRF", "Nederland", "Nederland")


@pytest.mark.parametrize(
    ("passage", "recipient"),
    [
        # A plain noun after "aan" says what the money is, not who gets it.
        ("Dat levert jaarlijks zo'n 3 miljard euro aan rente-inkomsten uit de tegoeden op.", None),
        ("Het gaat om € 400 miljoen aan boetes voor de sector.", None),
        # An organisation, country, fund, group or named programme is a recipient.
        ("Het kabinet maakt € 6 miljoen over aan de Voedselbank Nederland.",
         "Voedselbank Nederland"),
        ("Nederland draagt € 15 miljoen bij aan het Gemeentefonds.", "Gemeentefonds"),
        ("Het kabinet stelt € 20 miljoen beschikbaar voor het programma Kansrijke Start.",
         "programma Kansrijke Start"),
        ("Het kabinet stelt € 9 mln beschikbaar voor scholen, kinderopvang en gemeenten.",
         "scholen, kinderopvang en gemeenten"),
        ("Nederland heeft EUR 300 miljoen aan steun geleverd aan Moldavië.", "Moldavië"),
    ],
)
def test_amounts_roles_recipient_is_someone_who_can_receive(
    passage: str, recipient: str | None
) -> None:
    assert _one(passage).recipient == recipient


@pytest.mark.parametrize(
    ("passage", "field", "value"),
    [
        # A name with an enumeration after a comma is not cut at the comma.
        ("Er is € 40 miljoen beschikbaar voor het Fonds voor veiligheid, grenzen en visa.",
         "recipient", "Fonds voor veiligheid, grenzen en visa"),
        ("Het kabinet reserveert € 8 mln voor preventie, handhaving en voorlichting.",
         "purpose", "preventie, handhaving en voorlichting"),
        # A comma before a clause still ends the phrase.
        ("Het kabinet reserveert € 8 mln voor preventie, dat is hard nodig.", "purpose",
         "preventie"),
        # Money taken "uit" a fund: the fund is the source; the purpose follows it.
        ("Het kabinet heeft € 30 mln uit het Fonds voor regionale ontwikkeling (FRO) "
         "vrijgemaakt voor de uitvoering.", "purpose", "uitvoering"),
        ("Het kabinet trekt € 25 mln uit voor herstel.", "purpose", "herstel"),
    ],
)
def test_amounts_roles_enumerations_and_sources(passage: str, field: str, value: str) -> None:
    assert getattr(_one(passage), field) == value


@pytest.mark.parametrize(
    ("passage", "recipient"),
    [
        # Inverted main clause: the subject follows the receiving verb.
        ("Daarnaast ontvangt het Regionaal Informatie- en Expertisecentrum Noord € 4 mln.",
         "Regionaal Informatie- en Expertisecentrum Noord"),
        # A named programme the text defines, as the subject before the verb.
        ("De regeling gezonde schoolkantines (RGS) ontvangt in 2026 € 7 mln extra.", "RGS"),
        # "Het gaat om ...": the sentence before says who received it.
        ("België heeft op 2 mei de tweede betaling ontvangen. Het gaat om EUR 2,3 miljard.",
         "België"),
    ],
)
def test_amounts_roles_receiver_of_ontvangt(passage: str, recipient: str) -> None:
    assert _one(passage).recipient == recipient


def test_amounts_roles_purpose_after_a_received_amount() -> None:
    amount = _one("Daarnaast ontvangt het Douaneteam Zeebrugge € 2 mln voor extra scanners.")
    assert (amount.recipient, amount.purpose) == ("Douaneteam Zeebrugge", "extra scanners")
