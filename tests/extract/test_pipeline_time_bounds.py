"""No text makes extraction hang: adversarial texts of about 1 MB, each extracted in a child
process under a generous time limit (a rule that walks back or rescans without a bound takes
minutes on them).

- a run without spaces of glued sentence ends and slashes, as a PDF text layer without spaces or
  a list of web addresses gives ("aa.Bb/aa.Bb/...");
- glued sentence ends without spaces ("kijken.Voor...");
- a debate naming one hyphenated motion name many times ("motie Van Ab-Cd");
- a debate of 6,000 turns: 3,000 members' motions by number, each with the minister's view;
- a debate naming 5,000 motions of as many members ("De motie-Bakabe vraagt dat.");
- one sentence naming a government actor or the Netherlands tens of thousands of times, as a
  flattened table without stops gives ("het kabinet gaat in 2026 ...", "Nederland steunt ...");
- one sentence of 30,000 sums ("EUR 100 miljoen aan het fonds en ...");
- one sentence naming one meeting 20,000 times ("de Raad Buitenlandse Zaken van 12 juni in
  Brussel en ...");
- one line of capitals without a newline ("ABC ABC ..."), read as the title zone;
- one sentence naming 8,000 meetings of one kind, each on its own day ("de Raad Buitenlandse
  Zaken van 3 mei 1950 in Brussel en ..."), and one naming a summit bare 80,000 times;
- one line of 16,000 citations of motions ("de motie-Valstar (Kamerstuk 36 200, nr. 12) is
  aangenomen en ...").
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

LIMIT = 40.0  # seconds per text, with the start of the child: each takes a few seconds alone, and
# a quadratic path takes minutes, so a loaded machine still tells the two apart

# The child reads the text on stdin, extracts it as a debate's minutes and prints what it found.
_CHILD = """
import json, sys, time
from kamerlens.extract import extract
text = sys.stdin.buffer.read()
extract(b"Warm up. Tekst.", name="warm.txt")
t0 = time.perf_counter()
record = extract(text, name="handelingen.txt")
print(json.dumps({
    "seconds": time.perf_counter() - t0,
    "chars": len(record.text),
    "motions": [[list(m.members), m.number, m.appreciation] for m in record.motions],
    "positions": len(record.positions),
    "amounts": len(record.amounts),
    "references": len(record.references),
    "events": len(record.events),
}))
"""


def _debate(motions: int) -> str:
    """A member's motion by number, then the minister's view of it: two turns a motion."""
    return "".join(
        f"Mevrouw Van Ab-Cd (VVD): De motie-Van Ab-Cd op stuk nr. {i} vraagt dat.\n"
        f"Minister Weerwind: De motie op stuk nr. {i} ontraad ik.\n"
        for i in range(1, motions + 1)
    )


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def _meetings(n: int) -> str:
    """One sentence naming ``n`` councils of one kind, each on another day."""
    return "".join(
        f"de Raad Buitenlandse Zaken van {i % 28 + 1} {_MONTHS[i // 28 % 12]} {1950 + i // 336} "
        "in Brussel en "
        for i in range(n)
    )


def _surnames(n: int) -> list[str]:
    letters = itertools.product("bdfgklmnprst", "aeiou", "bdfgklmnprst", "aeiou", "bdfgklmnprst")
    return ["".join(w).capitalize() for w in itertools.islice(letters, n)]


CASES = {
    "no_spaces_glued_and_slashes": ("aa.Bb/" * 170_000, []),
    "no_spaces_glued_ends": ("kijken.Voor" * 95_000, []),
    "hyphenated_names": (
        "De voorzitter: Ja.\nMevrouw Ab (X): " + "motie Van Ab-Cd " * 62_000 + "\nMinister X: Nee.",
        [[["Van Ab", "Cd"], None, None]],
    ),
    "debate_of_3000_motions": (
        _debate(3000),
        [[["Van Ab-Cd"], str(i), "ontraden"] for i in range(1, 3001)],
    ),
    "debate_of_5000_members": (
        "Mevrouw Ab (X): "
        + " ".join(f"De motie-{name} vraagt dat." for name in _surnames(5000))
        + "\nMinister X: Nee.",
        [[[name], None, None] for name in _surnames(5000)],
    ),
    "one_sentence_of_actors": (
        "Geachte voorzitter,\n\n" + "het kabinet gaat in 2026 " * 15_000,
        [],
    ),
    "one_sentence_of_positions": ("Nederland steunt " * 60_000, []),
    "one_sentence_of_sums": ("EUR 100 miljoen aan het fonds en " * 30_000, []),
    "one_sentence_of_one_meeting": (
        "de Raad Buitenlandse Zaken van 12 juni in Brussel en " * 20_000, []),
    "one_line_of_capitals": ("ABC " * 250_000, []),
    "one_sentence_of_8000_meetings": (_meetings(8_000), []),
    "one_summit_named_bare": (
        "De NAVO-top van 11 juli 2023 in Vilnius. " + "de NAVO-top en de top en " * 40_000, []),
    "one_line_of_citations": (
        "de motie-Valstar (Kamerstuk 36 200, nr. 12) is aangenomen en " * 16_000,
        [[["Valstar"], "12", None]],
    ),
}
# items found, where the case is about them: every "Nederland steunt" is a position, every
# "EUR 100 miljoen" a sum, a meeting named over and over is one, meetings of other days are not
COUNTS = {
    "one_sentence_of_positions": {"positions": 60_000},
    "one_sentence_of_sums": {"amounts": 30_000},
    "one_sentence_of_one_meeting": {"events": 1},
    "one_sentence_of_8000_meetings": {"events": 8_000},
    "one_summit_named_bare": {"events": 1},
    "one_line_of_citations": {"references": 16_000},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_pipeline_time_bounds_adversarial_text(case: str) -> None:
    text, motions = CASES[case]
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text.encode(),
            capture_output=True,
            timeout=LIMIT,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case}: extraction of {len(text):,} characters took over {LIMIT:.0f} s")
    found = json.loads(done.stdout)
    assert found["chars"] > 0.9 * len(text)
    assert found["motions"] == motions
    for kind, count in COUNTS.get(case, {}).items():
        assert found[kind] == count, kind
