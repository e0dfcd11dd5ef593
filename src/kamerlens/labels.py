"""The speaker labels of a debate, one vocabulary for ingest and extract.

A label opens a speaker's turn: "De voorzitter:", "Minister Weerwind:", "Mevrouw Van der Plas
(BBB):". Two layers read them: ingest marks a PDF's label lines (set in bold) and extract divides
a debate into turns, also in flat text. Both take the forms of address from ``data/labels.toml``
through :func:`label_re`, so a line that one layer reads as a label the other reads as one too.

>>> m = label_re().match("Mevrouw Van der Plas (BBB): Dank.")
>>> (label_role(m), m.group(label_group(m, "name")), m.group(label_group(m, "party")))
('lid', 'Van der Plas', 'BBB')
>>> label_re().match("Minister van Financiën: begroting") is None  # a title, not a name
True
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any


def _data(name: str) -> str:
    return resources.files("kamerlens").joinpath(f"data/{name}").read_text("utf-8")


@cache
def vocabulary() -> dict[str, Any]:
    """``data/labels.toml``: the particles of a surname and the labels, by role."""
    return tomllib.loads(_data("labels.toml"))


@cache
def ministries() -> tuple[str, ...]:
    """The ministries and portfolios after "Minister van"/"Staatssecretaris van"
    (``data/ministries.txt``), one a line."""
    lines = (line.strip() for line in _data("ministries.txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _spaced(phrase: str) -> str:
    """A phrase as a regex: its words apart by spaces or tabs, never by a line break (flat text
    has none to lose, and in text with lines a name ends with its line)."""
    return r"[ \t]+".join(re.escape(w) for w in phrase.split())


def _name() -> str:
    particle = "|".join(re.escape(p) for p in vocabulary()["particles"])
    word = r"[A-ZÀ-ÝĀ-Ž][\w'’]*(?:-[\w'’]+)*"
    ministry = _ministry()
    # a surname: capitalised words, particles between them ("Van der Plas", "Faber-van de
    # Klashorst", "Gualthérie van Weezel"), at most five words; never "van Financiën"
    return (
        rf"(?!(?:{particle})[ \t]+(?:{ministry})\b)"
        rf"(?:(?:{particle})[ \t]+)*{word}(?:[ \t]+(?:(?:{particle})[ \t]+)*{word}){{0,4}}"
    )


def _ministry() -> str:
    """The ministries' names, longest first, a space standing for spaces or tabs."""
    return "|".join(_spaced(m) for m in sorted(ministries(), key=len, reverse=True))


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[str, ...]]:
    name = _name()
    # "Minister Hoekstra (Buitenlandse Zaken):": the ministry in brackets after the name
    ministry = rf"(?:[ \t]*\((?:{_ministry()})\))?"
    groups, roles = [], []
    for i, label in enumerate(vocabulary()["label"]):
        address = "|".join(_spaced(a) for a in label["address"])
        follows = label["follows"].replace("{NAME}", f"(?P<name{i}>{name})")
        follows = follows.replace("{MINISTRY}", ministry)
        follows = follows.replace("(?P<party>", f"(?P<party{i}>")
        groups.append(f"(?P<l{i}>(?:{address}){follows})")
        roles.append(label["role"])
    return re.compile(r"(?:" + "|".join(groups) + r")[ \t]*:"), tuple(roles)


def label_re() -> re.Pattern[str]:
    """A speaker label up to its colon; what stands before it is for the reader to check."""
    return _compiled()[0]


@cache
def _openers() -> re.Pattern[str]:
    """Every form of address that opens a label: where a label can start."""
    addresses = (a for label in vocabulary()["label"] for a in label["address"])
    return re.compile("|".join(_spaced(a) for a in addresses))


def label_matches(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The labels of ``text[start:end]``, as ``label_re().finditer`` gives them, only faster: the
    big pattern is tried only where a form of address opens (a pattern of plain words, which
    the engine finds by its first letters), not at every position of the text.

    >>> [m.group() for m in label_matches("Ja. De voorzitter: Dank. Minister Adema: Nee.")]
    ['De voorzitter:', 'Minister Adema:']
    """
    end = len(text) if end is None else end
    openers, label = _openers(), label_re()
    pos = start
    while (opener := openers.search(text, pos, end)) is not None:
        m = label.match(text, opener.start(), end)
        if m is None:
            pos = opener.start() + 1  # another form of address may open inside this one
        else:
            yield m
            pos = m.end()


def _index(m: re.Match[str]) -> int:
    """Which label of the vocabulary matched (the outer group ``l<i>``)."""
    for group, value in m.groupdict().items():
        if value is not None and group.startswith("l"):
            return int(group[1:])
    return 0


def label_role(m: re.Match[str]) -> str:
    """The role of a matched label: "minister", "staatssecretaris", "lid", "voorzitter" ..."""
    return _compiled()[1][_index(m)]


def label_group(m: re.Match[str], part: str) -> str:
    """The group name of ``part`` ("name", "party", "l" for the whole label) in a matched label."""
    return f"{part}{_index(m)}"


def is_label_line(line: str) -> bool:
    """Whether a whole line is one speaker label ("Minister Adema:")."""
    return label_re().fullmatch(line.strip()) is not None


__all__ = [
    "is_label_line",
    "label_group",
    "label_matches",
    "label_re",
    "label_role",
    "ministries",
    "vocabulary",
]
