"""The side column of government letters and other furniture that PDF extraction splices in.

A letter in the rijksoverheid.nl house style prints a column beside the text on every page
("Directie Buitenlandse Financiële Betrekkingen / Ons kenmerk 2024-0000081537 / Pagina 2 van 4",
"Datum 14 november 2023 / Onze referentie ..."). Text extraction puts that column between two
lines of the running text, often in the middle of a sentence or a hyphenated word. Pages are not
always marked ("\\f"), so the column is found by what it is made of, not by where it stands:

1. seeds: a field label alone on its line with a value of the right shape under it ("Ons
   kenmerk" + a code, "Datum" + a date, "Bijlagen" + a count), a label and a code on one line,
   the return address, a Handelingen running head ("TK 88 26 juni 2024 88-5-1");
2. growth: address lines, phone numbers, web addresses and the sending unit ("Directie ...")
   that touch a seed join it;
3. repetition: a short line that recurs (the unit's name, "Datum 14 november 2023") and that
   touches the furniture of at least half of its occurrences is furniture everywhere it stands
   in a block of furniture;
4. the letterhead: blocks made only of address lines and the sending unit, above the subject
   line or the salutation.

Everything is marked (``Line.kind = "furniture"``), so the document component can still read
the date and the reference, and the paragraph and hyphen rules join the text across the gap.
Vocabulary: ``furniture.toml`` next to this module.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kamerlens.normalize.lines import Line

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE_VALUE = re.compile(
    rf"^\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}$|^\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}$", re.I
)
_DATE_FIELD = re.compile(
    rf"^(?:Datum|Dagtekening|Uw brief van)\s*:?\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}$", re.I
)
_COUNT_VALUE = re.compile(r"^(?:\d{1,2}|[-–]|geen|een|één|twee|drie|vier|vijf)$", re.I)
_DIGIT = re.compile(r"\d")
_ENDS = ".?!;:,"
_SPACES = re.compile(r"\s+")
_MAX_KEY = 60  # longer lines are running text, never repeated furniture
_ZONE = 80  # lines that may belong to the letterhead of the first page
_KEYED = ("body", "furniture")


@dataclass(frozen=True)
class _Rules:
    labels: dict[str, frozenset[str]]  # label (lower case, no colon) -> accepted value kinds
    inline: re.Pattern[str]
    always: re.Pattern[str]
    running_head: re.Pattern[str]
    chamber_head: re.Pattern[str]
    address: re.Pattern[str]
    street: re.Pattern[str]
    unit: re.Pattern[str]
    joiners: frozenset[str]
    letterhead_end: re.Pattern[str]
    initials: frozenset[str]  # first characters of every label and of the return address


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def rules() -> _Rules:
    path = resources.files("kamerlens.normalize").joinpath("furniture.toml")
    data = tomllib.loads(path.read_text("utf-8"))
    labels: dict[str, set[str]] = defaultdict(set)
    for group in data["label"]:
        for name in group["names"]:
            labels[name.lower()].add(group["value"])
    inline = "|".join(re.escape(n) for n in sorted(data["inline"], key=len, reverse=True))
    line = data["line"]
    return _Rules(
        labels={k: frozenset(v) for k, v in labels.items()},
        inline=re.compile(rf"^(?i:{inline})\s*:?\s+(\S.{{0,40}})$"),
        always=_any(line["always"]),
        running_head=_any(line["running_head"]),
        chamber_head=re.compile(line["chamber_head"]),
        address=_any(line["address"]),
        street=re.compile(line["street"]),
        unit=re.compile(line["unit"]),
        joiners=frozenset(line["unit_joiners"]),
        letterhead_end=re.compile(line["letterhead_end"]),
        initials=frozenset(
            {n[0].upper() for n in labels} | {n[0].lower() for n in labels} | {">", "R"}
        ),
    )


def mark(lines: list[Line], found: set[int]) -> None:
    """Grow the furniture in ``found`` (indices, marked by :class:`Seeder` and the page rules)
    into the side column, running heads and letterhead blocks; mark them and add them."""
    if not found:
        return
    r = rules()
    _grow(lines, found, r)
    if _repeated(lines, found):
        _grow(lines, found, r)
    if min(found) < _ZONE:
        _letterhead(lines, found, r)


def _set(lines: list[Line], i: int, found: set[int]) -> None:
    if lines[i].label:
        return  # "De voorzitter:" recurs at page edges, and opens a turn every time
    lines[i].kind = "furniture"
    found.add(i)


# ---------------------------------------------------------------- seeds


class Seeder:
    """The seed rules, applied line by line inside the page-furniture loop to the lines that
    pass its cheap test: "K " in the line, or at most 60 characters opening with one of
    ``rules().initials``."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.r = rules()

    def seed(self, i: int, found: set[int]) -> None:
        lines, r = self.lines, self.r
        text = lines[i].text
        if len(text) > 160:
            return
        if "K " in text and r.running_head.match(text):
            _set(lines, i, found)
            for j in (i - 1, i + 1):
                near = lines[j] if 0 <= j < len(lines) else None
                if near is not None and near.kind == "body" and r.chamber_head.match(near.text):
                    _set(lines, j, found)
            return
        if len(text) > 60 or text[0] not in r.initials:
            return
        if "Retouradres" in text[:14] and r.always.match(text):
            _set(lines, i, found)
            return
        kinds = r.labels.get(text.rstrip(": ").lower()) if len(text) <= 40 else None
        if kinds is not None:
            nxt = i + 1
            if (
                nxt < len(lines)
                and lines[nxt].kind == "body"
                and _value_ok(lines[nxt].text, kinds, r)
            ):
                _set(lines, i, found)
                _set(lines, nxt, found)
            return
        m = r.inline.match(text)
        if m and _value_ok(m.group(1), _CODE, r):
            _set(lines, i, found)


_CODE = frozenset({"code"})


def _value_ok(text: str, kinds: frozenset[str], r: _Rules) -> bool:
    if text.rstrip(": ").lower() in r.labels:
        return False  # the next label, not a value
    if "date" in kinds and _DATE_VALUE.match(text):
        return True
    if "count" in kinds and _COUNT_VALUE.match(text):
        return True
    if text[-1] in _ENDS:
        return False
    if "code" in kinds and len(text) <= 40 and _DIGIT.search(text) and len(text.split()) <= 5:
        return True
    return "short" in kinds and len(text) <= 50 and len(text.split()) <= 6


# ---------------------------------------------------------------- growth


def is_address(text: str) -> bool:
    """A line of an address or of contact details ("Postbus 20018", "2500 EA Den Haag")."""
    if len(text) > 60:
        return False
    r = rules()
    return bool(r.address.match(text) or r.street.match(text))


def _is_unit(text: str, r: _Rules) -> bool:
    if not r.unit.match(text):
        return False
    return all(w[:1].isupper() or w in r.joiners for w in text.split()[1:])


def _unit_rest(text: str, r: _Rules) -> bool:
    """The second line of a wrapped unit name ("Financiële Betrekkingen", "Klimaat en Energie")."""
    words = text.split()
    if not words or len(words) > 5 or len(text) > 45 or text[-1] in _ENDS:
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w in r.joiners for w in words)


def _like(lines: list[Line], j: int, r: _Rules, dates: bool = True) -> bool:
    """A line that belongs with the furniture it touches: address, contact, sending unit, and
    (with ``dates``) a date field: "Datum 14 november 2023" beside the text of a later page."""
    text = lines[j].text
    if len(text) > 60:
        return False
    if r.address.match(text) or r.street.match(text) or _is_unit(text, r):
        return True
    if dates and text[0] in "DdUu" and _DATE_FIELD.match(text):
        return True
    prev = lines[j - 1] if j else None
    return prev is not None and _is_unit(prev.text, r) and _unit_rest(text, r)


def _place(text: str) -> bool:
    """A town or country alone on a line of an address ("Den Haag", "Nederland")."""
    words = text.split()
    return (
        0 < len(words) <= 2
        and len(text) <= 30
        and text[-1] not in _ENDS
        and not _DIGIT.search(text)
        and all(w[:1].isupper() or w[:2] in ("'s", "’s") for w in words)
    )


def _grow(lines: list[Line], found: set[int], r: _Rules) -> None:
    n = len(lines)
    stack = list(found)
    while stack:
        i = stack.pop()
        for j in (i - 1, i + 1):
            if 0 <= j < n and lines[j].kind == "body" and _like(lines, j, r):
                _set(lines, j, found)
                stack.append(j)
                # a unit name wrapped over two lines: its first line comes along
                if (
                    j + 1 == i
                    and j
                    and lines[j - 1].kind == "body"
                    and _is_unit(lines[j - 1].text, r)
                    and _unit_rest(lines[j].text, r)
                ):
                    _set(lines, j - 1, found)
                    stack.append(j - 1)


# ---------------------------------------------------------------- repetition


def _repeated(lines: list[Line], found: set[int]) -> bool:
    """Mark recurring short lines that sit with the furniture at least half of the time."""
    where: dict[str, list[int]] = defaultdict(list)
    keys: list[str | None] = [None] * len(lines)
    # short lines that end in no stop or comma, picked by a list comprehension (it costs less
    # than a loop over every line)
    short = [
        (i, line.text)
        for i, line in enumerate(lines)
        if 0 < len(line.text) <= _MAX_KEY and line.text[-1] not in _ENDS and line.kind in _KEYED
    ]
    for i, text in short:
        key = _SPACES.sub(" ", text.lower()) if "  " in text else text.lower()
        keys[i] = key
        where[key].append(i)
    repeated = {k for k, idx in where.items() if len(idx) >= 2}
    if not repeated:
        return False
    attached = _attached(lines, keys, repeated, found)
    furniture_keys = set()
    for key in repeated:
        idx = where[key]
        count = sum(1 for i in idx if i in attached)
        if count >= 2 and 2 * count >= len(idx):
            furniture_keys.add(key)
    changed = False
    for key in furniture_keys:
        for i in where[key]:
            if lines[i].kind != "body":
                continue
            if i in attached or _in_block_of(lines, keys, i, furniture_keys):
                _set(lines, i, found)
                changed = True
    return changed


def _attached(
    lines: list[Line], keys: list[str | None], repeated: set[str], found: set[int]
) -> set[int]:
    """Lines of a repeated key joined to a furniture line by other repeated lines."""
    out: set[int] = set()
    for i in found:
        if keys[i] in repeated:
            out.add(i)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and lines[j].kind == "body" and keys[j] in repeated:
                out.add(j)
                j += step
    return out


def _in_block_of(lines: list[Line], keys: list[str | None], i: int, keys_ok: set[str]) -> bool:
    """True when the blank-separated block around line ``i`` is all furniture or such keys."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].kind != "blank":
            if lines[j].kind == "body" and keys[j] not in keys_ok:
                return False
            j += step
    return True


# ---------------------------------------------------------------- letterhead


def _letterhead(lines: list[Line], found: set[int], r: _Rules) -> None:
    """Blocks above the subject line or salutation that hold only addresses and the unit."""
    end = None
    for i, line in enumerate(lines[:_ZONE]):
        if line.kind == "body" and r.letterhead_end.match(line.text):
            end = i
            break
    if end is None:
        return
    block: list[int] = []
    for i in range(end + 1):
        if i < end and lines[i].kind != "blank":
            block.append(i)
            continue
        body = [j for j in block if lines[j].kind == "body"]
        # the letter's own date line stays in the text ("Datum 3 april 2024" over "Betreft")
        like = [j for j in body if _like(lines, j, r, dates=False)]
        # the sender's address: every line an address line, or a town or country between them
        if like and (
            len(like) == len(body)
            or (len(like) >= 2 and all(j in like or _place(lines[j].text) for j in body))
        ):
            for j in body:
                _set(lines, j, found)
        block = []
