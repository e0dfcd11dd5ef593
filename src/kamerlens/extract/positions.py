"""positions: what the Netherlands argued, supported or asked for.

"Nederland benadrukte ...", "riep op ...", "pleit voor ...", "Het kabinet zet zich in voor ...",
"Ook gaf Nederland aan ...", "Nederland, een van de grootste donoren ..., onderstreepte ...".
A position is a clause whose subject is the Netherlands ("Nederland", "het kabinet", "de
regering") and whose verb is a position verb, found next to the subject (V2 order, past an
apposition) or right before it after an opening adverb or phrase (inversion). A second verb
joined by "en" ("Nederland hecht belang aan X en benadrukt Y") is a second position.

``verb`` is the verb as written, with its particle or fixed object ("riep op", "sprak steun uit",
"heeft aandacht gevraagd", "acht het van belang"); ``lemma`` the normalised infinitive
("oproepen", "steun uitspreken", "aandacht vragen", "van belang achten") for grouping.
Other countries' positions, joint statements of others "waaronder Nederland", the Netherlands
as object, motion texts and questions are left out. Actors and verbs are data
(``data/positions.toml``). Only regular expressions: the actor words pre-select the few places
worth a look, so this costs next to nothing on a long text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from kamerlens.extract._cues import body_sentences, load_toml, words
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Position


@dataclass(frozen=True)
class _VerbRule:
    lemma: str
    finite: frozenset[str]
    rest: re.Pattern[str] | None
    nonfinite: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class _Lex:
    actor: re.Pattern[str]
    not_after: frozenset[str]
    topic_starts: tuple[str, ...]
    aux: frozenset[str]
    verbs: tuple[_VerbRule, ...]
    finite: frozenset[str]


@dataclass(frozen=True)
class _Verb:
    lemma: str
    shown: str
    start: int  # of the finite verb
    end: int  # of the verb phrase


@cache
def _lex() -> _Lex:
    data = load_toml("positions.toml")
    actors = sorted(data["actors"], key=len, reverse=True)
    # "Nederland"/"het kabinet" at any sentence position: only the first letter may change case
    actor = "|".join(f"[{a[0].upper()}{a[0].lower()}]" + words(a[1:]) for a in actors)
    verbs = []
    for v in data["verb"]:
        rest = re.compile(words(v["rest"]), re.I) if v.get("rest") else None
        forms = v.get("nonfinite", ())
        nonfinite = tuple(re.compile(r"\b" + words(p) + r"\b", re.I) for p in forms)
        verbs.append(_VerbRule(v["lemma"], frozenset(v["finite"]), rest, nonfinite))
    return _Lex(
        actor=re.compile(rf"\b(?:{actor})\b"),
        not_after=frozenset(w.lower() for w in data["not_after"]),
        topic_starts=tuple(data["topic_starts"]),
        aux=frozenset(data["aux"]),
        verbs=tuple(verbs),
        finite=frozenset(f for v in verbs for f in v.finite),
    )


_WORD = re.compile(r"[\wÀ-ÿ'’-]+")
_APPOSITION = re.compile(r"\s*,[^,;.]{1,200}?,\s*")
_EXCLUDE = re.compile(
    r"\bverzoekt\s+(?:de\s+regering|het\s+kabinet)|\broept\s+(?:de\s+regering|het\s+kabinet)\s+op"
    r"|\b(?:constaterende|overwegende)\b|\b(?:bent|kunt|wilt|deelt)\s+u\b",
    re.IGNORECASE,
)
_WINDOW = 160  # characters after the verb in which its particle or participle must stand
_COORD = re.compile(r"\s+en\s+(?:(?:ook|daarnaast|tevens|verder|vervolgens)\s+)?([\wÀ-ÿ]+)\b", re.I)


@component("positions")
def positions(doc: Doc) -> None:
    lex = _lex()
    sents = body_sentences(doc)
    starts = [s for s, _ in sents]
    out: list[Position] = []
    for m in lex.actor.finditer(doc.text, 0, doc.body_end):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or not (sents[i][0] <= m.start() < sents[i][1]):
            continue
        out.extend(_positions_at(doc, m, *sents[i]))
    doc.results["positions"] = out


def _positions_at(doc: Doc, m: re.Match[str], s: int, e: int) -> list[Position]:
    text = doc.text
    sentence = text[s:e]
    if sentence.rstrip(" »”’\"')").endswith("?") or _EXCLUDE.search(sentence):
        return []
    if not _is_subject(doc, m, s):
        return []
    verb = _after_subject(doc, m, e) or _before_subject(doc, m, s, e)
    if verb is None:
        return []
    actor = m.group(0)
    actor = actor if actor == "Nederland" else actor[0].lower() + actor[1:]
    found = [verb]
    for coord in _COORD.finditer(text, verb.end, e):
        # a second verb of the same subject: singular, finite ("... en benadrukt dat ...")
        word = coord.group(1)
        if word.lower().endswith("en") and word.lower() not in _lex().aux:
            continue
        more = _verb(doc, word, coord.start(1), coord.end(1), e)
        if more is not None:
            found.append(more)
            break
    out = []
    for k, v in enumerate(found):
        start = s if k == 0 else v.start
        end = found[k + 1].start if k + 1 < len(found) else e
        end = _trim_end(text, start, end)
        out.append(
            Position(
                actor=actor, verb=v.shown, text=text[start:end], start=start, end=end, lemma=v.lemma
            )
        )
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if text[max(start, end - 3) : end].endswith(" en"):
        end -= 3
    return end


def _is_subject(doc: Doc, m: re.Match[str], s: int) -> bool:
    """Not "steun aan Nederland", "zoals Nederland", "Caribisch Nederland"."""
    lex = _lex()
    before = _WORD.findall(doc.text[max(s, m.start() - 40) : m.start()])
    if not before:
        return True
    prev = before[-1]
    if prev.lower() in lex.not_after:
        return False
    # a capitalised word glued before the actor makes a name ("Invest International Nederland"),
    # unless it opens the sentence ("Ook Nederland steunt")
    at_start = doc.text[s : m.start()].strip() == prev
    return not (prev[0].isupper() and not at_start and prev.lower() not in lex.topic_starts)


def _after_subject(doc: Doc, m: re.Match[str], e: int) -> _Verb | None:
    """V2 order: "Nederland benadrukte", "Nederland, donor van het eerste uur, onderstreepte"."""
    text = doc.text
    pos = m.end()
    app = _APPOSITION.match(text, pos, e)
    for at in (pos, app.end() if app else None):
        if at is None:
            continue
        while at < e and text[at].isspace():
            at += 1
        w = _WORD.match(text, at, e)
        if w is None:
            continue
        verb = _verb(doc, w.group(0), w.start(), w.end(), e)
        if verb is not None:
            return verb
    return None


def _before_subject(doc: Doc, m: re.Match[str], s: int, e: int) -> _Verb | None:
    """Inversion: "Ook gaf Nederland aan", "Tijdens de Raad benadrukte Nederland"."""
    lex = _lex()
    text = doc.text
    before = list(_WORD.finditer(text, s, m.start()))
    if len(before) < 2 or text[before[-1].end() : m.start()].strip():
        return None
    opening = text[s : before[-1].start()].lower()
    if not any(re.match(re.escape(t) + r"\b", opening) for t in lex.topic_starts):
        return None
    finite = before[-1]
    return _verb(doc, finite.group(0), finite.start(), m.end(), e)


def _verb(
    doc: Doc,
    word: str,
    start: int,
    rest_from: int,
    e: int,
    *,
    allow_aux: bool = True,
) -> _Verb | None:
    """The position verb that ``word`` (a finite verb) heads, with what follows up to ``e``."""
    lex = _lex()
    w = word.lower()
    window_end = min(e, rest_from + _WINDOW)
    window = doc.text[rest_from:window_end]
    window = re.split(r"[;:]", window, maxsplit=1)[0]
    lead = len(window) - len(window.lstrip())
    body = window.lstrip()
    if w in lex.aux and allow_aux:
        best: tuple[int, _VerbRule, re.Match[str]] | None = None
        for rule in lex.verbs:
            for pattern in rule.nonfinite:
                hit = pattern.search(body)
                if hit and (best is None or hit.start() < best[0]):
                    best = (hit.start(), rule, hit)
        if best is not None:
            _, rule, hit = best
            return _Verb(rule.lemma, f"{word} {_shown(hit)}", start, rest_from + lead + hit.end())
        if w in ("wil", "wilde", "willen", "wilden"):
            return _Verb("willen", word, start, rest_from)
        return None
    for rule in lex.verbs:
        if w not in rule.finite:
            continue
        if rule.rest is None:
            return _Verb(rule.lemma, word, start, rest_from)
        hit = rule.rest.match(body)
        if hit is None:
            continue
        shown = _shown(hit, whole=False)
        return _Verb(rule.lemma, f"{word} {shown}".strip(), start, rest_from + lead + hit.end())
    return None


def _shown(m: re.Match[str], *, whole: bool = True) -> str:
    parts = [g for g in m.groups() if g] if m.re.groupindex else []
    if not parts:
        return " ".join(m.group(0).split()) if whole else ""
    return " ".join(" ".join(p.split()) for p in parts)


__all__ = ["positions"]
