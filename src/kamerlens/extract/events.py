"""Meetings: summits, councils, ministerial meetings and parliamentary debates.

A mention is found by its head (``data/events.toml``): a named meeting ("Raad Buitenlandse
Zaken", "Europese Raad", "Eurogroep"), a summit ("NAVO-Top", "G20-top", "VN-Klimaattop"), a
meeting word with what makes it specific ("informele bijeenkomst van de NAVO-Ministers van
Buitenlandse Zaken", "donorconferentie") or a debate ("het commissiedebat Water"). What follows
the head attaches to it: a parenthesis ("(COP28)"), a place ("in Riga", "plaats in Oslo") and a
date ("op 15 en 16 juni", "van 29 en 30 juni", "in juli"), in any order. A date and place that
open the clause attach too ("Op 31 mei vond een informele bijeenkomst ... plaats", "Van 11 tot en
met 22 november vindt in Bakoe de klimaatconferentie COP29 plaats"). A debate's title runs to its
date ("het commissiedebat Eurogroep/Ecofinraad van 7 maart", "Het commissiedebat X is gepland op
..."); a debate ABOUT a meeting ("het debat over de Europese Top van 27 en 28 juni") leaves the
date to that meeting. The dossier heading of a Kamerstuk ("21 501-32 Landbouw- en
Visserijraad") names a dossier, no meeting.

Mentions merge into events in :mod:`kamerlens.extract.event_merge`; the title of a report
("Verslag ... bijeenkomst van 29 en 30 november 2022") names a meeting too.

``relation`` is past or upcoming as seen from the document's date (written or estimated), and
from the words around the mentions where the date does not decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from kamerlens.extract import gazetteer
from kamerlens.extract.dates import cue, document_span, relative
from kamerlens.extract.entities import _not_names
from kamerlens.extract.event_merge import Cluster, Found, bounds, cluster
from kamerlens.extract.lexicon import (
    SentenceIndex,
    alternation,
    hits,
    keywords,
    load,
    lower,
    sentence_index,
    trie_alternation,
)
from kamerlens.extract.needles import fold_safe
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import DateMention, Event, Mention

# --- vocabulary ------------------------------------------------------------------------------


@cache
def _v() -> dict[str, Any]:
    return load("events")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = _v()
    heads = v["heads"]
    places = [k for k, kn in gazetteer.table().items() if kn.type in ("place", "country")
              and not kn.adjective]
    cap = (r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[- ][A-ZÀ-Þ][a-zà-ÿ'’]+)?"
           r"(?: (?:de|del|da|do|di|la|le|el|al) [A-ZÀ-Þ][a-zà-ÿ'’]+)?")  # "Rio de Janeiro"
    place = rf"(?P<place>{trie_alternation(places)}|{cap})(?![\w])"
    orgs = trie_alternation(k for k, kn in gazetteer.organisations().items())
    capwords = r"[A-Z][\w-]*(?:,?\s+(?:en\s+)?[A-Z][\w-]*){0,3}"
    who = alternation(heads["who"])
    return {
        "named": re.compile(trie_alternation(_named_forms()) + r"(?![\w])"),
        "summit": re.compile(r"[Tt]op(?![\w])"),
        "meeting": re.compile(trie_alternation(heads["words"]) + r"(?![\w])", re.IGNORECASE),
        "debate": re.compile(trie_alternation(v["debates"]["words"]) + r"(?![\w])"),
        "cop": re.compile(r"COP[- ]?\d{1,2}(?![\w])"),
        "gathering": re.compile(
            rf"(?:kwamen|komen|kwam|komt)\s+(?P<who>(?:de\s+)?(?:[A-Z][\w+]*-)?(?:{who})"
            rf"(?:\s+van\s+{capwords})?)\s+(?:bijeen|samen)(?![\w])"
        ),
        "complement": re.compile(
            rf"\s+van\s+(?:de\s+|het\s+)?(?:(?:[A-Z][\w+]*-|[A-Z][\w+]*\s+)?(?:{who})"
            rf"(?:\s+van\s+{capwords})?|(?:{orgs})(?![\w])|[A-Z][A-Z0-9+]{{1,8}}(?![\w]))"
        ),
        # What a debate is about, on its own line: "ter voorbereiding op de FMM",
        # "over de NAVO-top", "Water" (a committee debate's subject).
        "subject": re.compile(
            r"[ \t]+(?:(?:ter[ \t]+voorbereiding[ \t]+(?:op|van)|over|inzake)[ \t]+"
            r"(?:de[ \t]+|het[ \t]+)?[A-Z][\w+-]*(?:[ \t]+[A-Z][\w+-]*){0,3}"
            r"|[A-Z][a-zà-ÿ-]+(?=[ \t]*[,.;:)]))"
        ),
        "paren": re.compile(r"\s*\((?P<inside>[^()\n]{1,80})\)"),
        "place": re.compile(rf"\s+(?:{alternation(v['attach']['place_lead'])})\s+{place}"),
        "date_lead": re.compile(rf"\s*,?\s*(?:(?:{alternation(v['attach']['date_lead'])})\s+)?"),
        # Between a leading date and its meeting: "a.s. vindt in Brussel de", "vond het
        # jaarlijkse" (a cue, a verb, a place, an article, up to two lower-case words).
        "lead_between": re.compile(
            r"\s*(?:(?:a\.s\.|jl\.|j\.l\.|aanstaande)\s*)?,?\s*"
            rf"(?:(?i:{alternation(v['attach']['lead_verbs'])})\s+)?"
            rf"(?:(?:in|te)\s+{place}\s+)?"
            r"(?:(?i:de|het|een|deze|dit)\s+)?(?:[a-zà-ÿ][\w-]*\s+){0,2}$"
        ),
    }


@cache
def _named_forms() -> dict[str, str]:
    """Every written form of a named meeting -> its canonical name."""
    return {form: group[0] for group in _v()["named"]["groups"] for form in group}


def _named_key(form: str) -> str:
    return _named_forms().get(" ".join(form.split()), form).lower()


@cache
def _stems() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    s = _v()["summits"]
    return frozenset(s["stems"]), frozenset(s["not_summits"]), frozenset(s["prefixes"])


# --- finding mentions ------------------------------------------------------------------------


_TOKEN_CHARS = re.compile(r"[\w+-]*")


def _token_start(text: str, lo: int, at: int) -> int:
    """Where the run of word characters, "+" and "-" that ends at ``at`` starts (not before
    ``lo``): what ``[\\w+-]*$`` finds, matched on the reversed text. Like ``$``, a line break
    right before ``at`` is stepped over."""
    end = at - 1 if at > lo and text[at - 1] == "\n" else at
    run = _TOKEN_CHARS.match(text[lo:end][::-1])
    return end - len(run.group()) if run else end


def _words_before(text: str, at: int, count: int) -> list[tuple[int, int, str]]:
    """The ``count`` words in front of ``at`` on the same line (nearest first)."""
    out: list[tuple[int, int, str]] = []
    end = at
    crossed = False
    while len(out) < count:
        while end and text[end - 1] in " \t":
            end -= 1
        if not end:
            break
        if text[end - 1] == "\n":
            # One line break is a PDF line end and the name may go on before it; a second
            # one (a blank line, a heading) ends it.
            if crossed or (end > 1 and text[end - 2] == "\n"):
                break
            crossed = True
            end -= 1
            continue
        begin = end
        while begin and not text[begin - 1].isspace():
            begin -= 1
        if begin == end or at - begin > 80:
            break
        out.append((begin, end, text[begin:end]))
        end = begin
    return out


@cache
def _named_modifiers() -> frozenset[str]:
    return frozenset(_v()["named"]["modifiers"])


@cache
def _head_modifiers() -> frozenset[str]:
    return frozenset(_v()["heads"]["modifiers"] + _v()["named"]["modifiers"])


_CAPITAL_MODIFIER = re.compile(r"(?:G\d+\+?|[A-Z][\w+]*(?:-[A-Z][\w+]*)*)$")


def _modifiers_before(text: str, at: int, not_names: frozenset[str]) -> int | None:
    """Where the words that qualify a meeting start ("informele", "NAVO", "G7+"), if any."""
    mods = _head_modifiers()
    start = None
    for begin, _, word in _words_before(text, at, 3):
        if word in mods or (_CAPITAL_MODIFIER.match(word) and word not in not_names):
            start = begin
        else:
            break
    return start


def _summits(text: str) -> list[int]:
    """Where "top" or "Top" stands not followed by a letter or digit: the matches of
    ``[Tt]op(?![\\w])``, found with str.find (a pattern that opens with a class of a letter as
    common as "t" is tried at every "t")."""
    out = []
    for word in ("top", "Top"):
        at = text.find(word)
        while at >= 0:
            after = at + 3
            if after >= len(text) or not (text[after].isalnum() or text[after] == "_"):
                out.append(at)
            at = text.find(word, at + 1)
    out.sort()
    return out


def _summit(text: str, at: int) -> tuple[int, str] | None:
    """(start, name) of the summit whose "top" ends at ``at``."""
    start = _token_start(text, max(0, at - 40), at)
    token = text[start:at + 3]
    stems, not_summits, prefixes = _stems()
    if token in not_summits or token.lower() in not_summits:
        return None
    stem = token[:-3]
    # "NAVO-Top", "G20-top", "VN-Klimaattop", "klimaattop"; not "stop", "laptop".
    last = stem.rsplit("-", 1)[-1].lower()
    if stem and not (stem.endswith("-") or last in stems or ("-" in stem and not last)):
        return None
    # "NAVO Top", "EU top": an acronym in front, with a space.
    words = _words_before(text, start, 1)
    if words and words[0][2] in prefixes:
        token = f"{words[0][2]} {text[start:at + 3]}"
        start = words[0][0]
    elif not stem and token == "top":
        return None  # a bare lower-case "top": only with a place (checked by the caller)
    return start, " ".join(token.split())


def _meeting(text: str, m: re.Match[str], not_names: frozenset[str]) -> tuple[int, str, str, bool]:
    """(start, name, head, has_modifier) of a meeting named by a head word."""
    start = _token_start(text, max(0, m.start() - 40), m.start())
    head = m.group(0).lower()
    prefix = text[start:m.start()]
    has_mod = bool(prefix)
    mods = _modifiers_before(text, start, not_names)
    if mods is not None:
        start, has_mod = mods, True
    name = " ".join(text[start:m.end()].split())
    # A lower-case compound ("delegatiebijeenkomst") is still just a kind of meeting; a
    # capitalised one ("NAVO-bijeenkomst") names who meets.
    has_mod = has_mod and not (prefix and prefix.islower() and start == m.start() - len(prefix))
    return start, name, head, has_mod


def _attach(doc: Doc, found: Found, dates_at: dict[int, DateMention], limit: int) -> None:
    """Extend a mention over its parenthesis, place and date, in any order."""
    text = doc.text
    pats = _patterns()
    not_names = _not_names()
    for _ in range(4):
        pos = found.end
        m = pats["paren"].match(text, pos, limit)
        if m and not re.match(r"\s*(?:Kamerstuk|Handelingen|zie)", m.group("inside")):
            found.end = m.end()
            inside = dates_at.get(_skip_space(text, m.start("inside")))
            if found.date is None and inside is not None and inside.start_date and \
                    inside.end_date:
                found.date = inside  # "bijeenkomst van de Europese Raad (20 en 21 oktober 2016)"
            continue
        m = pats["place"].match(text, pos, limit)
        if m and found.place is None and m.group("place") not in not_names:
            found.place = " ".join(m.group("place").split())
            found.end = m.end()
            continue
        m = pats["date_lead"].match(text, pos, limit)
        if m and found.date is None:
            at = m.end()
            date = dates_at.get(at) or dates_at.get(_skip_space(text, pos))
            if date is not None and date.start_date and date.end_date:
                found.date = date
                found.end = date.end
                cue_after = _CUE_AFTER.match(text, found.end, limit)
                if cue_after:
                    found.end = cue_after.end()  # "van 30 januari jl. in Brussel"
                continue
        break


_CUE_AFTER = re.compile(r"\s*(?:jl\.|j\.l\.|a\.s\.|aanstaande)")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _last_date_before(doc: Doc, lo: int, hi: int) -> DateMention | None:
    """The last full date (start and end date) of the document's dates that lies within
    ``[lo, hi)``. By bisection over the starts when the dates are in text order (they are, as
    the dates component finds them), else by the plain scan: no scan per mention of a long
    document."""
    dates = doc.results.get("dates", ())
    cached = getattr(doc, "_date_starts", None)
    if cached is None or cached[0] is not dates:
        starts = [d.start for d in dates]
        in_order = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        # only the full dates: a sentence of many bare days ("12 juni") is not walked back over
        full = [d for d in dates if d.start_date and d.end_date]
        cached = (dates, full, [d.start for d in full], in_order)
        doc._date_starts = cached  # type: ignore[attr-defined]
    _, dates, starts, in_order = cached
    if not in_order:
        best = None
        for d in dates:
            if lo <= d.start and d.end <= hi:
                best = d
        return best
    i = bisect_right(starts, hi) - 1
    first = bisect_left(starts, lo)
    while i >= first:
        d = dates[i]
        if d.end <= hi:
            return d  # type: ignore[no-any-return]
        i -= 1
    return None


def _lead_date(doc: Doc, found: Found, sentences: SentenceIndex) -> None:
    """"Op 31 mei ... vond een bijeenkomst plaats", "Van 11 tot en met 22 november vindt in
    Bakoe de klimaatconferentie COP29 plaats": a date (and a place) opening the clause of the
    meeting, with only a verb, a place, an article and a kind of meeting in between."""
    if found.date is not None:
        return
    s0, _ = sentences.at(found.start)
    best = _last_date_before(doc, s0, found.start)
    if best is None:
        return
    m = _patterns()["lead_between"].match(doc.text, best.end, found.start)
    if m is None:
        return
    found.date = best
    place = m.group("place")
    if place and found.place is None and place not in _not_names():
        found.place = " ".join(place.split())


def _mentions_in(doc: Doc, text: str, base: int, sentences: SentenceIndex,
                 from_title: bool = False) -> list[Found]:
    """Every mention of a meeting in ``text`` (offsets shifted by ``base``)."""
    pats = _patterns()
    date_starts = [] if from_title else sorted(d.start for d in doc.results.get("dates", ()))
    not_names = _not_names()
    found: list[Found] = []
    trig = _triggers(doc, text, from_title)
    for at in trig["ev_named"]:
        m = pats["named"].match(text, at)
        if m is None:
            continue
        before = _words_before(text, m.start(), 1)
        start = before[0][0] if before and before[0][2].lower() in _named_modifiers() else m.start()
        name = " ".join(text[start:m.end()].split())
        found.append(Found(base + start, base + m.end(), name, _named_key(m.group(0)),
                           name_start=base + start, name_end=base + m.end()))
    for at in _summits(text):
        got = _summit(text, at)
        if got:
            start, name = got
            found.append(Found(base + start, base + at + 3, name, "top",
                               specific=name.lower() != "top",
                               name_start=base + start, name_end=base + at + 3))
    for m in pats["cop"].finditer(text):
        found.append(Found(base + m.start(), base + m.end(), m.group(0).replace(" ", ""), "cop",
                           name_start=base + m.start(), name_end=base + m.end()))
    for at in trig["ev_debate"]:
        m = pats["debate"].match(text, at)
        if m is None or (at and text[at - 1] == "-"):
            continue
        end = _subject_to_date(text, m.end(), date_starts) or m.end()
        sub = pats["subject"].match(text, end) if end == m.end() else None
        if sub:
            end = sub.end()
        name = " ".join(text[m.start():end].split())
        if _about_meeting(text[m.end():end]):
            # "het debat over de Europese Top van 27 en 28 juni": the date is the summit's,
            # and the summit is a mention of its own.
            end = m.end()
        # "het commissiedebat", "tijdens het AO": one meeting; "agenderen voor algemeen
        # overleg" in a decision list: a kind of meeting, unless a date follows.
        determined = bool(_DETERMINER.search(text, max(0, m.start() - 12), m.start()))
        need = m.group(0) in _v()["debates"]["need_date"]
        found.append(Found(base + m.start(), base + end, name, m.group(0).lower(),
                           specific=determined and not need, name_start=base + m.start(),
                           name_end=base + end))
    covered = sorted((f.start - base, f.end - base) for f in found)
    for at in trig["ev_meeting"]:
        m = pats["meeting"].match(text, at)
        i = bisect_right(covered, (at, len(text))) - 1
        if m is None or (i >= 0 and covered[i][0] <= at < covered[i][1]):
            continue
        if m.group(0).isupper() and not from_title:
            continue  # a title in capitals: the title pass reads it from doc.info
        if m.group(0).lower().startswith("ministeri") and re.match(
                r"\s+\w*(?:bijeenkomst|vergadering|conferentie|top|raad)", text[m.end():],
                re.IGNORECASE):
            continue  # "ministeriële bijeenkomst": the adjective of the next head
        start, name, head, has_mod = _meeting(text, m, not_names)
        end = m.end()
        # "de klimaatconferentie SB60", "de VN-klimaatconferentie COP29": the meeting's code.
        comp = pats["complement"].match(text, end) or _CODE_NAME.match(text, end)
        if comp:
            end = comp.end()
            name = " ".join(text[start:end].split())
        weak = head in _v()["heads"]["weak"]
        key = _head_key(head)
        if comp is not None and "code" in comp.groupdict() and pats["cop"].fullmatch(
                comp.group("code")):
            key = "cop"  # merges with later mentions of the COP by its code alone
        found.append(Found(base + start, base + end, name, key,
                           specific=(has_mod and not weak) or bool(comp),
                           name_start=base + start, name_end=base + end))
    for at in trig["ev_gathering"]:
        m = pats["gathering"].match(text, at)
        if m is None:
            continue
        who = " ".join(m.group("who").split())
        who = re.sub(r"^de\s+", "", who)
        found.append(Found(base + m.start("who"), base + m.end(), f"bijeenkomst van de {who}",
                           "bijeenkomst", name_start=base + m.start("who"),
                           name_end=base + m.end("who"), synthetic=True))
    for f in found:
        f.from_title = from_title
    return found


_TRIGGER_GROUPS = {"ev_named": (True, True), "ev_debate": (True, True),
                   "ev_meeting": (False, True), "ev_gathering": (True, True)}


@keywords("ev_named")
@cache
def _named_triggers() -> tuple[str, ...]:
    return tuple(f.lower() for f in _named_forms())


@keywords("ev_debate")
@cache
def _debate_triggers() -> tuple[str, ...]:
    return tuple(w.lower() for w in _v()["debates"]["words"])


@keywords("ev_meeting", inner=True)
@cache
def _meeting_triggers() -> tuple[str, ...]:
    return tuple(w.lower() for w in _v()["heads"]["words"])


@keywords("ev_gathering")
def _gathering_triggers() -> tuple[str, ...]:
    return ("kwamen", "komen", "kwam", "komt")


@cache
def _title_scanner() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every trigger word (a title is searched apart from the text), and
    word -> the groups it triggers."""
    groups: dict[str, list[str]] = {}
    for group, words in _TRIGGER_WORDS.items():
        for w in words():
            groups.setdefault(" ".join(w.split()), []).append(group)
    return re.compile(trie_alternation(groups)), {w: tuple(g) for w, g in groups.items()}


_TRIGGER_WORDS = {"ev_named": _named_triggers, "ev_debate": _debate_triggers,
                  "ev_meeting": _meeting_triggers, "ev_gathering": _gathering_triggers}


def _triggers(doc: Doc, text: str, from_title: bool) -> dict[str, list[int]]:
    """Where each kind of meeting word stands: from the document's shared keyword pass, or
    (for a title) from a search of that text alone."""
    if from_title:
        return _title_triggers(text.lower())
    return {group: [at for at, _ in hits(doc, group, left=left, right=right)]
            for group, (left, right) in _TRIGGER_GROUPS.items()}


def _title_triggers(low: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {group: [] for group in _TRIGGER_GROUPS}
    pattern, groups = _title_scanner()
    pos = 0
    while True:
        m = pattern.search(low, pos)
        if m is None:
            break
        at, end = m.span()
        pos = at + 1  # overlapping words ("raad" inside "europese raad") each count
        word = " ".join(m.group(0).split())
        for group in groups.get(word, ()):
            left, right = _TRIGGER_GROUPS[group]
            if left and at and (low[at - 1].isalnum() or low[at - 1] == "_"):
                continue
            if right and end < len(low) and (low[end].isalnum() or low[end] == "_"):
                continue
            out[group].append(at)
    return out


_ABOUT = re.compile(r"\s+(?:over|inzake|ter\s+voorbereiding\s+(?:op|van))\s")


def _about_meeting(subject: str) -> bool:
    """Whether a debate's subject ("over de NAVO-Top") names a meeting of its own. A subject
    without "over" is the debate's title: "het commissiedebat Eurogroep/Ecofinraad van 7
    maart" is a debate on 7 March."""
    if not _ABOUT.match(subject):
        return False
    pats = _patterns()
    if pats["named"].search(subject) or pats["cop"].search(subject):
        return True
    m = pats["summit"].search(subject)
    return m is not None and _summit(subject, m.start()) is not None


# A numbered edition ("COP29", "SB60", "CHOGM2024"): an acronym alone ("SWAP") may be a topic.
_CODE_NAME = re.compile(r"[ \t]+(?P<code>[A-Z]{2,6}[0-9]{1,4}[A-Z]?)(?![\w-])")
_DETERMINER = re.compile(r"(?:^|\s)(?:het|de|dit|dat|deze|een|tijdens)\s+$", re.IGNORECASE)
_SUBJECT_WORDS = re.compile(
    r"[ \t]+((?:(?!(?:dat|die|is|wordt|werd|zal|gepland|op|van|staat|was)\s)[\w'’/-]+\s+)"
    r"{0,7}?)(?:op|van|d\.d\.|(?:(?:dat|die)\s+)?(?:is|wordt|staat|was|werd)\s+"
    r"(?:gepland|voorzien|ingepland)"
    r"\s+(?:op|voor))\s+$"
)


def _subject_to_date(text: str, end: int, date_starts: list[int]) -> int | None:
    """"AO bejegening publieke ambtsdragers op 21 april 2009", "Het commissiedebat
    georganiseerde criminaliteit is gepland op 5 februari": the subject runs to a date in the
    same paragraph, introduced by op/van/d.d. or "is gepland op"; returns where it ends."""
    para_end = text.find("\n\n", end)
    limit = min(end + 90, len(text) if para_end < 0 else para_end)
    for k in range(bisect_right(date_starts, end), len(date_starts)):  # the starts are sorted
        at = date_starts[k]
        if at > limit:
            break
        if end < at:
            m = _SUBJECT_WORDS.match(text, end, at)
            if m:
                stop = m.end(1)
                while stop > end and text[stop - 1].isspace():
                    stop -= 1
                return stop
    return None


def _head_key(head: str) -> str:
    """Compounds share their head: "donorconferentie" is a "conferentie"."""
    for word in ("bijeenkomst", "conferentie", "vergadering", "ministeriële", "ministeriele"):
        if head.endswith(word):
            return "bijeenkomst" if word.startswith("ministeri") else word
    return head


def _title_in_text(doc: Doc, title: str) -> tuple[int, int] | None:
    """Where ``title`` stands in the text, in any case, its words apart by any white space:
    the first match of ``\\s+``-joined words under ``(?i)``."""
    words = title.split()
    if not words or not (fold_safe(doc.text) and fold_safe(title)):
        pattern = r"\s+".join(re.escape(w) for w in words)
        m = re.search(pattern, doc.text, re.IGNORECASE)
        return m.span() if m else None
    # The same first match in the lower-cased text (same offsets), found with str.find and no
    # pattern compiled per title: a word has no white space, so "\s+" before it takes all the
    # white space there is, and the first place where every word follows is the match.
    low, words = lower(doc), [w.lower() for w in words]
    at = low.find(words[0])
    while at >= 0:
        end = at + len(words[0])
        for word in words[1:]:
            gap = end
            while gap < len(low) and low[gap].isspace():
                gap += 1
            if gap == end or not low.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return at, end
        at = low.find(words[0], at + 1)
    return None


def _title_mentions(doc: Doc, sentences: SentenceIndex) -> list[Found]:
    """The meeting a report's title names ("Verslag ... bijeenkomst van 29 en 30 november 2022"),
    spanning the title where it stands in the text; None when the text does not hold it."""
    title = doc.info.get("title")
    if not isinstance(title, str) or not title.strip():
        return []
    found = [f for f in _mentions_in(doc, title, 0, sentences, from_title=True) if f.specific]
    if not found:
        return []  # most titles name no meeting: the text is not searched for them
    where = _title_in_text(doc, title)
    if where is None:
        return []
    from kamerlens.extract.dates import find_raw

    raws = [r for r in find_raw(title) if r.year_known and r.first and r.last]
    dated = [d for d in doc.results.get("dates", ())
             if where[0] <= d.start < where[1] and d.start_date and d.end_date
             and not d.year_inferred]
    out = []
    for f in sorted(found, key=lambda x: x.start):
        # The title's date belongs to the meeting it follows ("Raad ... van 19 maart 2024"),
        # not to one further on ("Eurogroep en Ecofinraad 17 en 18 februari": the Ecofinraad).
        mine = [i for i, r in enumerate(raws) if r.start >= f.end and _TITLE_GLUE.fullmatch(
            title[f.end:r.start])]
        if mine and len(raws) == len(dated):
            f.date = dated[mine[0]]
        f.start = f.name_start = where[0]
        f.end = f.name_end = where[1]
        out.append(f)
    return out


_TITLE_GLUE = re.compile(r"\s*(?:van|op|d\.d\.|,)?\s*(?:de\s+|het\s+)?(?:[a-z]+dag\s+)?",
                         re.IGNORECASE)


def find_mentions(doc: Doc) -> list[Found]:
    """Every meeting mention in the document, each with its place and date."""
    text = doc.text
    sentences = sentence_index(doc)
    dates_at = {d.start: d for d in doc.results.get("dates", ())}
    title = _title_mentions(doc, sentences)
    found = _mentions_in(doc, text, 0, sentences)
    found += _acronym_mentions(doc)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for i, f in enumerate(found):
        if kept and f.start < kept[-1].end:
            continue  # inside a longer mention ("Raad" of "Europese Raad", "(RAZ)", a head twice)
        if _kind_before_name(text, f, found[i + 1:i + 2]) or _dossier_line(text, f):
            continue
        _attach(doc, f, dates_at, sentences.at(f.start)[1])
        _lead_date(doc, f, sentences)
        kept.append(f)
    for f in kept:
        if f.place or f.date:
            f.specific = True
        if f.head == "top" and f.name == "top" and not f.place:
            f.specific = False
    named = {o.head for o in kept if o.specific}  # once, not per bare mention
    out = [f for f in kept if f.specific or _fits_named(f, named)]
    title = [t for t in title if not any(f.start <= t.start < f.end for f in out)]
    return sorted(title + out, key=lambda f: f.start)


def _kind_before_name(text: str, f: Found, following: list[Found]) -> bool:
    """"de klimaatconferentie COP29": a lower-case kind of meeting right before the meeting's
    name describes that one meeting."""
    if f.head in _debate_heads():
        return False  # "het algemeen overleg Eurogroep/Ecofinraad": a debate's title follows
    return bool(following) and f.name.islower() and following[0].start >= f.end and \
        not text[f.end:following[0].start].strip()


@cache
def _debate_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in _v()["debates"]["words"])


# A Kamerstuk's dossier heading: "21 501-32 Landbouw- en Visserijraad", "36 410 XV Begroting".
_DOSSIER_LINE = re.compile(r"[ \t]*\d{2}[ \u00a0]?\d{3}(?:[- ][A-Z0-9]{1,5})?[ \t]+\S")


def _dossier_line(text: str, f: Found) -> bool:
    """A mention in the title of a dossier (the line opens with its number) names the dossier,
    not a meeting."""
    line = text.rfind("\n", 0, f.start) + 1
    m = _DOSSIER_LINE.match(text, line, f.start + 1)
    return m is not None and not re.search(r"[.!?]\s", text[line:f.start])


def _fits_named(f: Found, specific_heads: set[str]) -> bool:
    """A bare mention counts when a specific mention of the same kind exists to merge with
    (``f`` is no specific mention itself, so it is not among them)."""
    return f.head in specific_heads and f.name[:1].isupper()


@cache
def _named_lower() -> frozenset[str]:
    return frozenset(n.lower() for n in _named_forms())


def _acronym_mentions(doc: Doc) -> list[Found]:
    """"de ER in februari": an acronym the document defines for a named meeting."""
    named = _named_lower()
    out = []
    for a in gazetteer.acronyms(doc):
        if a.long.lower() not in named:
            continue
        # the acronym first, its left edge checked after it: the engine skips to the literal
        acr = re.escape(a.acronym)
        for m in re.finditer(rf"{acr}(?<![\w]{acr})(?![\w])", doc.text):
            if a.start <= m.start() < a.end:
                continue
            out.append(Found(m.start(), m.end(), a.long, _named_key(a.long),
                             name_start=m.start(), name_end=m.end()))
    return out


# --- relation and output ---------------------------------------------------------------------


def _relation(doc: Doc, c: Cluster, sentences: SentenceIndex) -> str | None:
    d = c.date()
    period = bounds(d)
    span = document_span(doc)
    if period is not None:
        decided = relative(period[0], period[1], span)
        if decided:
            return decided
    votes = {"past": 0, "upcoming": 0}
    cues = hits(doc, "cues")
    for m in c.mentions:
        rel, strength = cue(doc.text, sentences.at(m.start), m.name_start, m.name_end, cues)
        if rel:
            votes[rel] += strength
    if votes["past"] != votes["upcoming"]:
        return "past" if votes["past"] > votes["upcoming"] else "upcoming"
    if period is not None and span is not None:
        if period[1] <= span[0]:
            return "past"
        if span[1] is not None and period[0] >= span[1]:
            return "upcoming"
    return None


def _event(doc: Doc, c: Cluster, sentences: SentenceIndex) -> Event:
    first = min(c.mentions, key=lambda m: m.start)
    d = c.date()
    return Event(
        name=c.name(),
        place=c.place(),
        start_date=d.start_date if d else None,
        end_date=(d.end_date or d.start_date) if d else None,
        relation=_relation(doc, c, sentences),  # type: ignore[arg-type]
        text=doc.text[first.start:first.end],
        start=first.start,
        end=first.end,
        mentions=tuple(Mention(m.start, m.end) for m in sorted(c.mentions, key=lambda m: m.start)),
    )


def _summit_family(clusters: list[Cluster]) -> str | None:
    """"NAVO-Top" when every summit the document names by a prefix has that prefix."""
    names = {c.name() for c in clusters if c.head == "top"}
    prefixed = {re.sub(r"[- ]?[Tt]op$", "", n) for n in names if n.lower() != "top"}
    if len(prefixed) != 1:
        return None
    # The form written most often ("NAVO-Top" over "NAVO Top"), then the first: never the
    # order of a set, which changes from run to run.
    written = [m.name for c in clusters if c.head == "top" for m in c.mentions
               if m.name.lower() != "top"]
    counts = Counter(written)
    first = {n: i for i, n in reversed(list(enumerate(written)))}
    return max(counts, key=lambda n: (counts[n], -first[n]))


@component("events", needs=("dates", "document_date"), sets=("events",))
def events(doc: Doc) -> None:
    sentences = sentence_index(doc)
    clusters = cluster(find_mentions(doc))
    family = _summit_family(clusters)
    out = []
    for c in clusters:
        ev = _event(doc, c, sentences)
        if family and ev.name.lower() == "top":
            ev = replace(ev, name=family)  # "de Top in Wales" in a letter about NAVO-Toppen
        out.append(ev)
    doc.results["events"] = out


def event_at(doc: Doc, start: int, end: int) -> Event | None:
    """The event one of whose mentions overlaps ``[start, end)`` (for deadlines)."""
    for ev in doc.results.get("events", ()):
        for m in ev.mentions or (Mention(ev.start, ev.end),):
            if m.start < end and start < m.end:
                return ev  # type: ignore[no-any-return]
    return None


def find_event(doc: Doc, name: str) -> Event | None:
    """The event whose name or place is ``name`` ("NAVO-Top", "Washington"), case-insensitively."""
    low = name.lower()
    for ev in doc.results.get("events", ()):
        if ev.name.lower() == low or (ev.place or "").lower() == low:
            return ev  # type: ignore[no-any-return]
    return None


__all__ = ["Found", "cluster", "event_at", "find_event", "find_mentions"]  # re-exported
