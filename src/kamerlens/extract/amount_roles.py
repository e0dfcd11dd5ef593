"""Who gives money, who receives it and what for, read from the sentence around an amount.

The giver is the subject of a clause about giving ("Nederland heeft EUR 1,6 miljard geleverd"),
the receiver follows "aan"/"naar" or a group word after "voor" ("voor gemeenten"), or is the
subject of a receiving verb ("Gemeenten ontvangen ...", "Daarnaast ontvangt het X ..."). A
recipient must be someone who can receive money: a country or organisation, a fund or a named
programme, a group of people or bodies, or a proper name; "aan winsten" is what the money is.
``recipient_key`` normalises the recipient for grouping pledges over time, resolving "het
trustfund" to a fund the document names by a defined acronym nearby ("... (EPF)").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kamerlens.extract import gazetteer, lexicon
from kamerlens.extract.amounts import (
    _Money,
    _patterns,
    _phrase_words,
    _v,
    _words,
    phrase,
    strip_article,
)
from kamerlens.extract.lexicon import SentenceIndex, find_all, keywords
from kamerlens.extract.pipeline import Doc


@dataclass
class Roles:
    donor: str | None = None
    recipient: str | None = None
    purpose: str | None = None
    key: str | None = None


def _actor_name(doc: Doc, s: int, e: int) -> str:
    text = doc.text
    hits = gazetteer.scan_doc(doc, s, e)
    if hits and hits[0].start == s and hits[0].end == e and not hits[0].known.adjective:
        return hits[0].known.name
    return strip_article(text[s:e])


@keywords("give")
def _give_words() -> list[str]:
    return [w.lower() for w in _v()["roles"]["give"]]


@keywords("receive")
def _receive_words() -> list[str]:
    return [w.lower() for w in _v()["roles"]["receive"]]


@keywords("actors")
def _actor_words() -> list[str]:
    return [w.lower() for w in _v()["roles"]["actors"]]


def _between(found: list[tuple[int, str]], s0: int, s1: int) -> list[tuple[int, str]]:
    i = bisect_left(found, (s0, ""))
    out = []
    while i < len(found) and found[i][0] < s1:
        out.append(found[i])
        i += 1
    return out


def _candidates(doc: Doc, s0: int, upto: int) -> list[tuple[int, int]]:
    """Spans of actors (countries, organisations, government words) in ``text[s0:upto]``."""
    spans = [(h.start, h.end) for h in gazetteer.scan_doc(doc, s0, upto)
             if h.known.type in ("country", "organisation") and not h.known.adjective]
    text = doc.text
    for at, word in _between(lexicon.hits(doc, "actors"), s0, upto):
        article = _ARTICLE_BEFORE.search(text, max(s0, at - 5), at)
        spans.append((article.start() if article else at, at + len(word)))  # "het kabinet"
    return sorted(spans)


_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:[Dd]e|[Hh]et)\s+$")


def _donor(doc: Doc, sent: tuple[int, int], at: int) -> str | None:
    """The giver: the subject of the clause that holds the amount, when it is an actor."""
    if not _between(lexicon.hits(doc, "give", right=False), *sent):
        return None
    return _subject(doc, sent, at)


_DOOR = re.compile(r"door(?<!\wdoor)\s+")  # the literal first: the engine skips to it


def _subject(doc: Doc, sent: tuple[int, int], at: int) -> str | None:
    """The actor that is the subject of the clause holding the amount."""
    text = doc.text
    s0, s1 = sent
    w = _phrase_words()
    passive = _DOOR.search(text, s0, s1)
    best: tuple[int, int] | None = None
    for s, e in _candidates(doc, s0, s1):
        if passive and s == passive.end():
            return _actor_name(doc, s, e)
        if s >= at:
            continue
        before = _words(text, max(s0, s - 40), s)
        prev = before[-1][2].lower() if before else ""
        if not text[s0:s].strip(" \"'«(") or prev in w["finite"] or prev in w["subordinators"]:
            best = (s, e)  # the nearest subject before the amount wins
    if best is None:
        return None
    between = {t[2].lower() for t in _words(text, best[1], at)}
    if between & w["clause_words"]:
        return None  # "Nederland roept de Commissie op om ... vrij te geven": not the giver
    return _actor_name(doc, *best)


def _first_prep(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """The first recipient or purpose preposition within a few words after the amount."""
    m = _patterns()["preps"].search(text, end, min(limit, end + 80))
    if not m or len(_words(text, end, m.start())) > 5:
        return None
    return " ".join(m.group(1).lower().split()), m.end()


def _named(doc: Doc, s: int, e: int) -> gazetteer.Hit | None:
    for hit in gazetteer.scan_doc(doc, s, e):
        if not hit.known.adjective and hit.known.type in ("country", "organisation"):
            return hit
    return None


def roles(doc: Doc, sentences: SentenceIndex, money: _Money) -> Roles:
    text = doc.text
    sent = sentences.at(money.start)
    at = money.start
    if _REFERRING.match(text, _skip_space(text, sent[0]), at) and sentences.index(sent[0]) > 0:
        # "Nederland heeft ... ontvangen. Het gaat om EUR 1,2 miljard.": the sentence before
        # says who gives or gets it.
        prev = sentences.spans[sentences.index(sent[0]) - 1]
        if prev[1] <= sent[0]:
            sent, at = (prev[0], sent[1]), sent[0]
    if _between(lexicon.hits(doc, "receive"), *sent):
        # "Nederland heeft uit de RRF EUR 5,4 miljard ontvangen": the subject gets the money,
        # the fund named in the sentence gives it.
        acrs = gazetteer.acronyms(doc)
        got = Roles(donor=_nearby_fund(text, sentences, money.start, acrs,
                                        same_sentence_only=True),
                     recipient=_subject(doc, sent, at) or _receiver(doc, sent, at))
        found = _first_prep(text, money.end, sent[1])
        span = phrase(text, found[1], sent[1]) if found else None
        if found and span and found[0] not in _v()["roles"]["recipient_preps"]:
            purpose = strip_article(text[span[0]:span[1]])
            if not _TIME.match(purpose):
                got.purpose = purpose  # "ontvangt ... € 12,5 mln voor extra scanners"
        if got.recipient is not None:
            got.key = _recipient_key(doc, sentences, money, got)
        return got
    out = Roles(donor=_donor(doc, sent, at))
    found = _first_prep(text, money.end, sent[1])
    if found and found[0] in _v()["roles"]["source_preps"]:
        # "EUR 2 miljard uit het Fonds voor asiel, migratie en integratie (AMIF) beschikbaar
        # gesteld voor ...": the fund gives; what follows it says what for.
        src = phrase(text, found[1], sent[1])
        w = _phrase_words()
        if src is None or text[src[0]:src[1]].split()[0].lower() in w["preps"]:
            # "trekt € 25 mln uit voor herstel": "uit" is the particle of the verb
            found = _first_prep(text, found[1], sent[1])
        else:
            name = strip_article(text[src[0]:src[1]])
            if out.donor is None and _recipient_like(doc, name, src[1] - len(name)):
                out.donor = name
            found = _first_prep(text, _past_bracket(text, src[1], sent[1]), sent[1])
    span = phrase(text, found[1], sent[1]) if found else None
    if found and span:
        _phrase_roles(doc, found[0], span, out)
        if out.recipient is None:
            out.recipient = _later_recipient(doc, span[1], sent[1])
    if out.recipient is None:
        out.recipient = _fund_before(text, sent, money.start)
    out.key = _recipient_key(doc, sentences, money, out)
    return out


# A sentence that only names the sum of what the sentence before said.
_REFERRING = re.compile(r"(?:Het|Dit|Dat)\s+(?:gaat\s+om|betreft|bedraagt|komt\s+neer\s+op|is)"
                        r"\s+(?:in\s+totaal\s+|ruim\s+|circa\s+|ongeveer\s+|bijna\s+)?$")
_BRACKET = re.compile(r"\s*\([^()\n]{1,40}\)")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _past_bracket(text: str, pos: int, limit: int) -> int:
    m = _BRACKET.match(text, pos, limit)
    return m.end() if m else pos


# The subject that opens the sentence, with an acronym it defines: "De ... (ISDE) ontvangt".
_LEAD_SUBJECT = re.compile(r"(?:De|Het)\s+[^\W\d][\w\s'’-]{0,100}?\((?P<acr>[A-Z][A-Za-z0-9&+-]"
                           r"{1,10})\)\s+")
_AFTER_PARTICIPLE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?aan\s+")


def _later_recipient(doc: Doc, end: int, limit: int) -> str | None:
    """"EUR 1,6 miljard aan steun geleverd aan Oekraïne": the receiver after the verb."""
    text = doc.text
    m = _AFTER_PARTICIPLE.match(text, end, limit)
    if m is None or not any(t[2].lower() in _phrase_words()["participles"]
                            for t in _words(text, end, m.end())):
        return None
    span = phrase(text, m.end(), limit)
    if span is None:
        return None
    name = strip_article(text[span[0]:span[1]])
    return _tidy(name) if _recipient_like(doc, name, span[1] - len(name)) else None


def _receiver(doc: Doc, sent: tuple[int, int], at: int) -> str | None:
    """The subject of a receiving verb that the gazetteers do not know: after the verb in an
    inverted clause ("Daarnaast ontvangt het Havenbeveiligingsteam Rotterdam € 12,5 mln")."""
    text = doc.text
    for verb_at, word in _between(lexicon.hits(doc, "receive"), sent[0], at):
        lead = _LEAD_SUBJECT.fullmatch(text, _skip_space(text, sent[0]), verb_at)
        if lead and lead.group("acr"):
            # "De investeringssubsidie duurzame energie (ISDE) ontvangt ...": a name the
            # text defines is a named programme.
            return lead.group("acr")
        start = verb_at + len(word)
        span = phrase(text, start, at, max_words=6, stop_at_preps=True)
        if span is None or text[span[1]:at].strip():
            continue  # the phrase must run up to the amount
        name = strip_article(text[span[0]:span[1]])
        if _recipient_like(doc, name, span[1] - len(name), strict=True):
            return _tidy(name)
    return None


_TIME = re.compile(r"(?:de\s+|het\s+)?(?:periode|jaren|jaar|komende|looptijd)\b|\d{4}", re.I)


def _phrase_roles(doc: Doc, prep: str, span: tuple[int, int], out: Roles) -> None:
    """Recipient or purpose from the phrase after the amount ("aan ...", "voor ...")."""
    text = doc.text
    w = _phrase_words()
    body = text[span[0]:span[1]]
    head = strip_article(body)
    first = head.split()[0].lower().strip(",")
    head_at = span[0] + len(body) - len(head)
    if prep in _v()["roles"]["recipient_preps"] and first not in w["support"]:
        if not _recipient_like(doc, head, head_at):
            return  # "1,5 miljard euro aan winsten uit ...": what the money is, not who gets it
        out.recipient = _tidy(head)  # "aan het trustfund voor niet-letale steun aan Oekraïne"
        inner = re.search(r"(?<![\w])voor\s+", body)
        if inner:
            out.purpose = strip_article(body[inner.end():])
            name = head[:head.find(" voor ")] if " voor " in head else head
            if _proper(name):
                out.recipient = _tidy(name)  # "het Fonds Duurzaam Funderingsherstel voor ..."
        return
    if prep not in _v()["roles"]["recipient_preps"]:
        # "voor gemeenten", "voor Oekraïne", "voor het Gemeentefonds": who gets it.
        if _recipient_like(doc, head, head_at, strict=True):
            out.recipient = _tidy(head)
            return
        if _TIME.match(head):
            return  # "voor de periode 2024-2027": when, not what for
    out.purpose = head  # "aan militaire steun aan Oekraïne", "voor de uitvoering"
    inner = re.search(r"(?<![\w])aan\s+", body)
    if inner:
        rec = phrase(text, span[0] + inner.end(), span[1])
        if rec:
            name = strip_article(text[rec[0]:rec[1]])
            if _recipient_like(doc, name, rec[1] - len(name)):
                out.recipient = _tidy(name)


def _recipient_like(doc: Doc, head: str, at: int, *, strict: bool = False) -> bool:
    """Whether a phrase names who can receive money: a country or organisation, a fund or a
    named programme, a group of people or bodies ("gemeenten", "vijf lidstaten"), or a proper
    name. ``strict`` (after "voor", which mostly gives a purpose) wants the name to open it."""
    w = _phrase_words()
    named = _named(doc, at, at + len(head))
    if named is not None and (named.start <= at or not strict):
        return True
    words = [x.strip(",").lower() for x in head.split()[:3]]
    if words[0] in w["beneficiaries"] or (not strict and set(words) & w["beneficiaries"]):
        return True
    if any(x in _actor_set() for x in words[:2]):
        return True
    lead = " ".join(head.split()[:2])
    if _patterns()["fund"].search(lead) and not (strict and head[:1].islower()
                                                  and _patterns()["fund"].match(lead) is None):
        return True  # "het trustfund", "het Gemeentefonds", "de Oekraïnefaciliteit"
    return head[:1].isupper() and not strict or _proper(head.split(" voor ")[0])


@cache
def _actor_set() -> frozenset[str]:
    return frozenset(w.split()[-1].lower() for w in _v()["roles"]["actors"])


_ORG_NOUN = re.compile(r"(?:stichting|vereniging|organisatie|bedrijf|instelling|coöperatie)\s+"
                       r"(?=[A-Z])", re.IGNORECASE)


def _tidy(name: str) -> str:
    """'stichting KCAF' -> 'KCAF': the name, without the kind of body in front."""
    m = _ORG_NOUN.match(name)
    return name[m.end():] if m else name


def _proper(name: str) -> bool:
    """A proper name: two capitalised words or an acronym ("Fonds Duurzaam Funderingsherstel")."""
    words = strip_article(name).split()
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 or any(len(w) > 1 and w.isupper() for w in words)


_FUND_VAN = re.compile(r"([\w'’-]+)\s+van\s+(?:ruim\s+|circa\s+|bijna\s+|ongeveer\s+)?$")


def _fund_before(text: str, sent: tuple[int, int], at: int) -> str | None:
    """"de Oekraïnefaciliteit van EUR 50 miljard": the fund the amount belongs to."""
    lo = max(sent[0], at - 80)
    if text.rfind("van", max(lo, at - 30), at) < 0:
        return None  # the common case: no "van" right before the amount
    m = _FUND_VAN.search(text[lo:at])
    if m and _patterns()["fund"].search(m.group(1)):
        return m.group(1)
    return None


def _recipient_key(doc: Doc, sentences: SentenceIndex, money: _Money, roles: Roles) -> str | None:
    text = doc.text
    acrs = gazetteer.acronyms(doc)
    rec = roles.recipient
    if rec:
        for a in acrs:
            if a.acronym in rec.split() or a.long.lower() in rec.lower():
                return a.acronym
        known = gazetteer.table().get(rec)
        if known is not None and not known.adjective:
            return known.name
        if _proper(rec):
            return " ".join(rec.split())
    fundish = bool(rec and _patterns()["fund"].search(rec))
    if rec is None or fundish:
        named = _nearby_fund(text, sentences, money.start, acrs, same_sentence_only=rec is None)
        if named:
            if rec is None:
                roles.recipient = named
            return named
    if rec is None:
        return None
    return strip_article(rec).lower()


_FUNDISH: dict[int, tuple[list[gazetteer.Acronym], frozenset[str]]] = {}


def _fundish(acrs: list[gazetteer.Acronym]) -> frozenset[str]:
    """The defined acronyms that name a fund (once per document's acronym list)."""
    got = _FUNDISH.get(id(acrs))
    if got is None or got[0] is not acrs:
        fund = _patterns()["fund"]
        got = (acrs, frozenset(a.acronym for a in acrs if fund.search(a.long)))
        _FUNDISH.clear()  # one document at a time: keep only the latest list
        _FUNDISH[id(acrs)] = got
    return got[1]


def _nearby_fund(
    text: str, sentences: SentenceIndex, at: int, acrs: list[gazetteer.Acronym],
    *, same_sentence_only: bool,
) -> str | None:
    """A defined acronym naming a fund or package, used in this sentence or the two before."""
    fundish = _fundish(acrs)
    if not fundish:
        return None
    i = sentences.index(at)
    first = i if same_sentence_only else max(0, i - 2)
    for k in range(i, first - 1, -1):
        s0, s1 = sentences.spans[k]
        hits = find_all(text, fundish, start=s0, end=s1)
        if hits:
            return min(hits, key=lambda h: abs(h[0] - at))[1]
    return None


__all__ = ["Roles", "roles"]
