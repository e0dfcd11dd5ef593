"""Shared helpers of the statement components (commitments, fulfilments, positions, findings).

Loads their data files, knows who "the government" is in Dutch prose (the writing minister,
het kabinet, a named minister) and finds the sentences that hold a cue. Everything here is cheap:
one compiled regular expression over the text, then work on the few sentences it hits.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from kamerlens.extract._speech import government_actor, is_debate, is_government, label_at
from kamerlens.extract.pipeline import Doc
from kamerlens.extract.sentences import split
from kamerlens.labels import ministries

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_RE = "(?:" + "|".join(MONTHS) + ")"

# What the writing minister is called when the document names no signer: the pronoun itself.
# Honest ("ik" may be a minister or a state secretary) and what a clerk writes down.
WRITER_FALLBACK = "ik"


@cache
def load_toml(name: str) -> dict[str, Any]:
    text = resources.files("kamerlens.extract").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(text)


def words(phrase: str) -> str:
    """A phrase from a data file as a regex fragment: a space matches any white space, " ?" none.

    >>> words("zo snel mogelijk")
    'zo\\s+snel\\s+mogelijk'
    """
    parts = phrase.replace(" ?", "\0").split()
    return r"\s+".join(parts).replace("\0", r"\s*").replace("{CAP}", "(?-i:[A-ZÀ-Ý])")


@cache
def minister_re() -> str:
    """A regex fragment for a named Dutch minister or state secretary ("de Minister van Defensie").

    The ministry names are data (``kamerlens/data/ministries.txt``); longest first, so
    "Binnenlandse Zaken en Koninkrijksrelaties" wins over "Binnenlandse Zaken".
    """
    names = sorted(ministries(), key=len, reverse=True)
    ministry = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    title = r"(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Bb]ewindspersoon)"
    return rf"(?:[Dd]e\s+)?{title}\b(?:\s+(?:van|voor)\s+(?:{ministry})\b)?"


# A minister of another country: "de Oekraïense Minister van ...", "... van Noorwegen".
_FOREIGN_BEFORE = re.compile(r"\b[A-Za-zÀ-ÿ]+se\s+$")
_FOREIGN_AFTER = re.compile(r"\s+(?:van|uit)\s+(?!de\b|het\b)[A-Z]")


def is_foreign_minister(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    if _FOREIGN_BEFORE.search(before) and not before.rstrip().lower().endswith("nederlandse"):
        return True
    return bool(_FOREIGN_AFTER.match(text, end))


def writer(doc: Doc, pronoun: str = WRITER_FALLBACK) -> str:
    """The writing minister ("ik"/"wij"): the signer's role (or name) when known.

    The role is preferred to the name: it says which part of government promised, and stays
    meaningful when ministers change. Without a signer: "ik" (or "wij" for ``pronoun="wij"``).
    """
    signer = doc.info.get("signer")
    role = getattr(signer, "role", None) if signer is not None else None
    name = getattr(signer, "name", None) if signer is not None else None
    if isinstance(signer, dict):
        role, name = signer.get("role"), signer.get("name")
    if role:
        role = " ".join(str(role).split())
        if re.match(r"(?:minister|staatssecretaris)\b", role, re.IGNORECASE):
            return "de " + role
        return role
    if name:
        return " ".join(str(name).split())
    return pronoun


@cache
def present_act() -> re.Pattern[str]:
    """Words that make a present tense describe this very document ("hierbij bied ik u ... aan",
    "met deze brief"): commitments.toml's present_act, its verbs of the letter's act filled in."""
    data = load_toml("commitments.toml")
    pattern = data["present_act"].replace("{ACT}", "|".join(data["document_acts"]))
    return re.compile(words(pattern), re.IGNORECASE)


def doc_date(doc: Doc) -> str | None:
    value = doc.info.get("date")
    return value if isinstance(value, str) and re.match(r"\d{4}-\d\d", value) else None


def body_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentences of the body (footnotes excluded); split here when the pipeline has not."""
    sents = doc.sentences or split(doc.text, 0, doc.body_end)
    if sents and sents[-1][0] >= doc.body_end:
        sents = sents[: bisect_left(sents, (doc.body_end, -1))]
    return sents


def sentences_hit(
    doc: Doc, cue: re.Pattern[str], accept: Callable[[str, re.Match[str]], bool] | None = None
) -> Iterator[tuple[int, int]]:
    """The body sentences holding a match of ``cue`` (that ``accept(text, match)`` takes, when
    given), in order, each once."""
    sents = body_sentences(doc)
    starts = [s for s, _ in sents]
    text, end = doc.text, doc.body_end
    m = cue.search(text, 0, end)
    while m is not None:
        if accept is not None and not accept(text, m):
            m = cue.search(text, m.end(), end)
            continue
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and sents[i][0] <= m.start() < sents[i][1]:
            yield sents[i]
            m = cue.search(text, sents[i][1], end)  # on to the next sentence
        else:
            m = cue.search(text, m.end(), end)


def squash(text: str) -> str:
    """One line, single spaces (for short fields such as actor or subject)."""
    return " ".join(text.split())


def first_person_actor(doc: Doc, pos: int, pronoun: str = "ik") -> str | None:
    """Who "ik"/"wij" is at ``pos``: the writer, or in a debate the speaking minister.

    None when a member of parliament or the chair speaks: their "ik zal" is no commitment of the
    government. Nor is a label line outside a debate ("De heer Jansen (VVD): Ik zal ..." in a
    letter reporting a conversation): whoever it names, it is not the writer.
    """
    if is_debate(doc):
        turn = doc.turn_at(pos)
        return government_actor(turn.speaker) if turn and is_government(turn.speaker) else None
    if label_at(doc, pos) is not None or not written_by_government(doc):
        return None
    return writer(doc, "wij" if pronoun.lower() in ("wij", "we") else "ik")


# Documents that parliament writes, or that speak to the public: their "ik"/"wij" and their
# implicit actors are not the government's promising the Kamer (a decision list reporting a
# letter, a motion, a member's questions, a notice in a Provinciaal blad).
_PARLIAMENT_KINDS = (
    # official publications and catalogue records speak to the public, not to the Kamer
    "staatsblad",
    "staatscourant",
    "gemeenteblad",
    "provinciaal blad",
    "waterschapsblad",
    "tractatenblad",
    "metadata",
    "catalogue",
    "besluitenlijst",
    "motie",
    "amendement",
    "handelingen",
    "verslag van een commissie",
    "schriftelijke vragen",
    "kamervragen",
    "inbreng",
)
_GOVERNMENT_ROLE = re.compile(r"minister|staatssecretaris|bewindspersoon|premier|kabinet", re.I)


def written_by_government(doc: Doc) -> bool:
    """False when the signer or the kind of document says parliament wrote it."""
    kind = str(doc.info.get("kind") or "").lower()
    if any(kind.startswith(k) for k in _PARLIAMENT_KINDS):
        return False
    signer = doc.info.get("signer")
    role = signer.get("role") if isinstance(signer, dict) else getattr(signer, "role", None)
    return not role or bool(_GOVERNMENT_ROLE.search(str(role)))
