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
An auxiliary takes its own verb form: a participle after "heeft" ("heeft gesteund"), an
infinitive after "zal", "kan", "wil" ..., never one after "te" ("heeft besloten ... om de
koopkracht te ondersteunen" is a decision). A stance may be one adjective ("is terughoudend over",
"is niet positief over"); a negation stays in ``verb`` ("is geen voorstander van").
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

from kamerlens.extract import scan
from kamerlens.extract._cues import body_sentences, load_toml, words
from kamerlens.extract.lexicon import find_all
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Position


@dataclass(frozen=True)
class _VerbRule:
    lemma: str
    finite: frozenset[str]
    rest: re.Pattern[str] | None


@dataclass(frozen=True)
class _Lex:
    actor: re.Pattern[str]
    not_after: frozenset[str]
    topic_starts: frozenset[str]
    topic: re.Pattern[str]  # a sentence opening after which the verb may precede the subject
    aux: frozenset[str]
    verbs: tuple[_VerbRule, ...]
    by_finite: dict[str, tuple[_VerbRule, ...]]
    perfect: frozenset[str]  # auxiliaries of the perfect: a participle follows
    participle: re.Pattern[str]  # every verb's participles, one group per verb
    infinitive: re.Pattern[str]  # every verb's infinitives (after zal, kan, wil ...)


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
    verbs: list[_VerbRule] = []
    alternatives: dict[str, list[str]] = {"participle": [], "infinitive": []}
    for i, v in enumerate(data["verb"]):
        rest = re.compile(words(v["rest"]), re.I) if v.get("rest") else None
        verbs.append(_VerbRule(v["lemma"], frozenset(v["finite"]), rest))
        for kind, found in alternatives.items():
            if forms := v.get(kind, ()):
                # group names made unique per verb: "(?P<a>" -> "(?P<v3_a>"
                body = "|".join(words(f).replace("(?P<", f"(?P<v{i}_") for f in forms)
                found.append(f"(?P<v{i}>{body})")
    by_finite: dict[str, list[_VerbRule]] = {}
    for rule in verbs:
        for form in rule.finite:
            by_finite.setdefault(form, []).append(rule)
    topics = sorted(data["topic_starts"], key=len, reverse=True)
    return _Lex(
        actor=re.compile(rf"\b(?:{actor})\b"),
        not_after=frozenset(w.lower() for w in data["not_after"]),
        topic_starts=frozenset(data["topic_starts"]),
        topic=re.compile(r"(?:" + "|".join(words(t) for t in topics) + r")\b", re.I),
        aux=frozenset(data["aux"]),
        verbs=tuple(verbs),
        by_finite={k: tuple(v) for k, v in by_finite.items()},
        perfect=frozenset(data["perfect"]),
        participle=re.compile(r"\b(?:" + "|".join(alternatives["participle"]) + r")\b", re.I),
        # never after "te": "... om gemeenten te ondersteunen" belongs to another verb
        infinitive=re.compile(
            r"(?<!\bte )\b(?:" + "|".join(alternatives["infinitive"]) + r")\b", re.I
        ),
    )


# The words that pre-select where an actor may stand ("Nederland", "het kabinet", "de regering"),
# found with ``str.find``: three memory-speed passes cost less than one alternation tried at every
# position of the text.
_ACTOR_CUE = ("ederland", "kabinet", "regering")
_WORD = re.compile(r"[\wÀ-ÿ'’-]+")
# "Nederland en Frankrijk pleitten ...", "Nederland samen met de Baltische staten riep op ...":
# the Netherlands takes the position with others.
_CO_SUBJECT = re.compile(
    r"\s*,?\s+(?:en|samen\s+met)\s+(?:(?:de|het)\s+)?(?:[A-Z][\w-]*\s*,?\s*){1,4}(?:\s*,)?\s*"
    r"(?=[a-z])"
)
_APPOSITION = re.compile(r"\s*,[^,;.]{1,200}?,\s*")
_EXCLUDE = re.compile(
    r"\bverzoekt\s+(?:de\s+regering|het\s+kabinet)|\broept\s+(?:de\s+regering|het\s+kabinet)\s+op"
    r"|\b(?:constaterende|overwegende)\b|\b(?:bent|kunt|wilt|deelt)\s+u\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:niet|geen)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]")
_WINDOW = 160  # characters after the verb in which its particle or participle must stand
_COORD_REACH = 400  # characters after the verb in which a second verb of the subject is looked for
_LEAD = 200  # characters before the actor in which an inverted verb and its topic stand
_COORD = re.compile(r"\s+en\s+(?:(?:ook|daarnaast|tevens|verder|vervolgens)\s+)?([\wÀ-ÿ]+)\b", re.I)


@component("positions")
def positions(doc: Doc) -> None:
    lex = _lex()
    sents = body_sentences(doc)
    starts = [s for s, _ in sents]
    out: list[Position] = []
    text = doc.text
    seen: set[int] = set()
    found = doc.scan
    excluded: dict[int, bool] = {}  # a sentence is looked at once, not once for every actor in it
    for cue_start, cue_end in _cues(text, doc.body_end):
        # a literal is fast to scan the whole text for; the actor pattern is tried where it hits
        window = (max(0, cue_start - 25), min(doc.body_end, cue_end + 1))
        for m in lex.actor.finditer(text, *window):
            if not (m.start() <= cue_start and cue_end <= m.end()) or m.start() in seen:
                continue
            seen.add(m.start())
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or not sents[i][0] <= m.start() < sents[i][1]:
                continue
            s, e = sents[i]
            if s not in excluded:
                excluded[s] = _excluded(text[s:e], found.mask(s, e))
            if not excluded[s]:
                out.extend(_positions_at(doc, m, s, e))
    doc.results["positions"] = out


def _cues(text: str, end: int) -> list[tuple[int, int]]:
    """The spans of the cue words in ``text[:end]`` as a regular expression of their alternation
    finds them: leftmost first, none overlapping the one before."""
    out: list[tuple[int, int]] = []
    last = 0
    for at, word in find_all(text, _ACTOR_CUE, left=False, right=False, end=end):
        if at >= last:
            last = at + len(word)
            out.append((at, last))
    return out


def _excluded(sentence: str, mask: int = scan.ALL) -> bool:
    """A question, a motion's considerations, a question put to the reader: no positions
    (``mask``: the triggers the one scan found in the sentence)."""
    if sentence.rstrip(" »”’\"')").endswith("?"):
        return True
    return scan.has(mask, scan.bit("positions.exclude")) and _EXCLUDE.search(sentence) is not None


def _triggers() -> dict[str, re.Pattern[str]]:
    """The exclusion, a trigger of the one scan (see scan.py): most sentences lack it."""
    return {"exclude": _EXCLUDE}


def _windows() -> dict[str, re.Pattern[str]]:
    """The participles and infinitives after an auxiliary, searched in the few words after it:
    one scan of those words says whether the long alternation can match there."""
    return {"participle": _lex().participle, "infinitive": _lex().infinitive}


scan.declare("positions", _triggers)
scan.declare_window("positions", _windows)


def _positions_at(doc: Doc, m: re.Match[str], s: int, e: int) -> list[Position]:
    text = doc.text
    if not _is_subject(doc, m, s):
        return []
    verb = _after_subject(doc, m, e) or _before_subject(doc, m, s, e)
    if verb is None:
        return []
    actor = m.group(0)
    actor = actor if actor == "Nederland" else actor[0].lower() + actor[1:]
    found = [verb]
    for coord in _COORD.finditer(text, verb.end, min(e, verb.end + _COORD_REACH)):
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
    at_start = m.start() - s <= _LEAD and doc.text[s : m.start()].strip() == prev
    return not (prev[0].isupper() and not at_start and prev.lower() not in lex.topic_starts)


def _after_subject(doc: Doc, m: re.Match[str], e: int) -> _Verb | None:
    """V2 order: "Nederland benadrukte", "Nederland, donor van het eerste uur, onderstreepte"."""
    text = doc.text
    pos = m.end()
    app = _APPOSITION.match(text, pos, e)
    also = _CO_SUBJECT.match(text, pos, e)
    for at in (pos, app.end() if app else None, also.end() if also else None):
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
    if m.start() - s > _LEAD:
        return None  # a topic phrase opens the sentence, a few words before the verb
    before = list(_WORD.finditer(text, s, m.start()))
    if len(before) < 2 or text[before[-1].end() : m.start()].strip():
        return None
    if not lex.topic.match(text, s, before[-1].start()):
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
    window = _CLAUSE_END.split(window, maxsplit=1)[0]
    lead = len(window) - len(window.lstrip())
    body = window.lstrip()
    if w in lex.aux and allow_aux:
        # "heeft" takes a participle, "zal" an infinitive: "heeft ... te ondersteunen" is none
        kind = "participle" if w in lex.perfect else "infinitive"
        pattern = lex.participle if kind == "participle" else lex.infinitive
        # the long alternation only where a scan of the words after the auxiliary may find it
        may = scan.has(scan.window_mask(body), scan.bit(f"positions.{kind}"))
        hit = pattern.search(body) if may else None
        if hit is not None and hit.lastgroup:
            rule = lex.verbs[int(hit.lastgroup[1:])]
            shown = _shown(hit, prefix=f"{hit.lastgroup}_")
            if _NEGATION.search(body, 0, hit.start()):
                shown = f"niet {shown}"  # "zal hier niet mee instemmen": the opposite position
            return _Verb(rule.lemma, f"{word} {shown}", start, rest_from + lead + hit.end())
        if w in ("wil", "wilde", "willen", "wilden"):
            return _Verb("willen", word, start, rest_from)
        return None
    for rule in lex.by_finite.get(w, ()):
        if rule.rest is None:
            return _Verb(rule.lemma, word, start, rest_from)
        hit = rule.rest.match(body)
        if hit is None:
            continue
        shown = _shown(hit, whole=False)
        return _Verb(rule.lemma, f"{word} {shown}".strip(), start, rest_from + lead + hit.end())
    return None


def _shown(m: re.Match[str], *, whole: bool = True, prefix: str = "") -> str:
    """The verb as shown: its named parts ("aandacht" + "gevraagd"), else the whole match."""
    names = sorted(
        (m.start(n), n) for n in m.re.groupindex if n.startswith(prefix) and n != prefix[:-1]
    )
    parts = [m.group(n) for pos, n in names if pos >= 0 and m.group(n)]
    if not parts:
        text = m.group(m.lastgroup) if prefix and m.lastgroup else m.group(0)
        return " ".join(text.split()) if whole else ""
    return " ".join(" ".join(p.split()) for p in parts)


__all__ = ["positions"]
