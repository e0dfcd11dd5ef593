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
  flattened table without stops gives ("het kabinet gaat in 2026 ...", "Nederland steunt ...").
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

LIMIT = 20.0  # seconds per text, with the start of the child; each takes a few seconds

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
}))
"""


def _debate(motions: int) -> str:
    """A member's motion by number, then the minister's view of it: two turns a motion."""
    return "".join(
        f"Mevrouw Van Ab-Cd (VVD): De motie-Van Ab-Cd op stuk nr. {i} vraagt dat.\n"
        f"Minister Weerwind: De motie op stuk nr. {i} ontraad ik.\n"
        for i in range(1, motions + 1)
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
}
# positions found, where the case is about them: every "Nederland steunt" is one
POSITIONS = {"one_sentence_of_positions": 60_000}


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
    if case in POSITIONS:
        assert found["positions"] == POSITIONS[case]
