"""Recipients group by acronym, spelled-out name or fuzzy likeness; generic ones take context."""

from __future__ import annotations

import pytest

from kamerlens.link.recipients import merge, resolve

CONTEXT = (
    "Daarom sprak Nederland steun uit voor een intensivering van het Ukraine Comprehensive "
    "Assistance Package (UCAP) van de NAVO. Nederland heeft in een eerder stadium "
)


@pytest.mark.parametrize(
    "name",
    [
        "UCAP",
        "het UCAP-trustfonds",
        "Ukraine Comprehensive Assistance Package (UCAP) trust fund",
        "het trustfund voor niet-letale steun aan Oekraïne",  # generic: takes the named fund
        "dit fonds",
    ],
)
def test_recipients_variants_share_one_key(name: str) -> None:
    found = resolve(name, lambda: CONTEXT)
    assert found is not None and found.key == "UCAP"


def test_recipients_generic_has_lower_confidence_and_evidence() -> None:
    found = resolve("het trustfund voor niet-letale steun aan Oekraïne", lambda: CONTEXT)
    assert found is not None and found.confidence < 1.0
    assert "(UCAP)" in found.evidence


@pytest.mark.parametrize(
    ("name", "key"),
    [("de Wereldbank", "Wereldbank"), ("het Rode Kruis", "Rode Kruis"), ("UNHCR", "UNHCR")],
)
def test_recipients_named_keep_their_name(name: str, key: str) -> None:
    found = resolve(name, lambda: CONTEXT)
    assert found is not None and found.key == key and found.confidence == 1.0


def test_recipients_generic_without_context_is_not_grouped() -> None:
    # unnamed funds of different letters must not pile up under one key "fonds"
    assert resolve("het fonds", lambda: "Geen naam in de buurt.") is None


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["UCAP", "Ukraine Comprehensive Assistance Package"], "UCAP"),
        (
            ["Defence Capacity Building Trust Fund", "Defense Capacity Building trust fund"],
            "Defence Capacity Building Trust Fund",
        ),
        (["Wereldbank", "Wereldbank."], "Wereldbank"),
    ],
)
def test_recipients_merge_groups(keys: list[str], expected: str) -> None:
    groups = merge(keys)
    assert {groups[k] for k in keys} == {expected}


def test_recipients_merge_keeps_different_funds_apart() -> None:
    groups = merge(["UCAP", "Wereldbank", "Rode Kruis", "UNHCR"])
    assert len(set(groups.values())) == 4
