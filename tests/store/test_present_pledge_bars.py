"""Pledges in a terminal: each amount drawn as a bar on a log scale, bigger money a longer bar."""

from __future__ import annotations

from kamerlens.store.present import pledge_rows


def test_present_pledge_bars_grow_with_the_amount() -> None:
    groups = [
        {
            "recipient": "UCAP",
            "pledges": [
                {"recipient": "UCAP", "value": 25e6},
                {"recipient": "het UCAP-trustfonds", "value": 100e6},
            ],
        },
        {"recipient": "Oekraïne", "pledges": [{"recipient": "Oekraïne", "value": 1.6e9}]},
    ]
    bars = [len(r["bar"]) for r in pledge_rows(groups)]
    assert bars[0] == 1 and bars[2] == 12
    assert bars[0] < bars[1] < bars[2]
