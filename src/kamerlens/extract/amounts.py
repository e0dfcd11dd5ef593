"""Money and percentages, with who gives, who receives and what for where the sentence says so.

Money needs a currency: a sign or code before the number ("EUR 1,6 miljard", "€ 25 mln",
"€25,5 mln.", "EUR 1.600.000") or a currency word after it ("200 miljoen euro", "2,5 miljard
dollar", "duizend euro"). So years, Kamerstuk numbers and counts never pass for money. Dutch
number notation: "." groups thousands, "," marks decimals; "1.5" (a dot before other than three
digits) is read as a decimal.

A range ("€ 10 à 20 miljoen", "€ 1,2 miljard tot € 1,9 miljard") gives two amounts, one per end,
marked ``bound="min"`` and ``bound="max"``: both figures are in the text and a reader searching
for either should find it; the bound keeps a total from counting the range twice.

Donor, recipient and purpose come from the sentence around the amount (see :func:`_roles`);
``recipient_key`` normalises the recipient for grouping pledges over time, resolving "het
trustfund" to a fund the document names by a defined acronym nearby ("... (UCAP)").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from kamerlens.extract import gazetteer, lexicon
from kamerlens.extract.lexicon import (
    SentenceIndex,
    alternation,
    find_all,
    keywords,
    load,
    lower,
    sentence_index,
    starts_before,
)
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Amount, Percentage

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"


@cache
def _v() -> dict[str, Any]:
    return load("amounts")


@cache
def _table(section: str) -> dict[str, Any]:
    """A section of the data file ("percent.of" for a nested one), keys normalised."""
    node: Any = _v()
    for part in section.split("."):
        node = node[part]
    return {" ".join(k.lower().split()): v for k, v in node.items()}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = _v()
    words = alternation(v["number_words"])
    scale = alternation(v["scales"]) + r"(?![\w])"
    pre = alternation(v["currency_prefix"])
    suf = alternation(v["currency_suffix"])
    join = alternation(v["ranges"]["joins"])
    unit = alternation(v["percent"]["units"])
    num_or_word = rf"(?:{_NUM}|(?<![\w]){words}(?![\w]))"
    money = (
        # EUR 1,6 miljard / € 10 à 20 miljoen / € 1,2 miljard tot € 1,9 miljard / € 50,-
        rf"(?P<pcur>{pre})\s?(?P<pnum>{_NUM})(?:\s{{0,3}}(?P<pscale>{scale}))?(?:,[-–—]{{1,2}})?"
        rf"(?:\s*(?P<pjoin>{join})\s*(?:(?P<pcur2>{pre})\s?)?(?P<pnum2>{_NUM})"
        rf"(?:\s{{0,3}}(?P<pscale2>{scale}))?(?:,[-–—]{{1,2}})?)?"
        # 200 miljoen euro / 30 tot 50 miljoen euro / duizend euro / 2,5 miljard dollar
        rf"|(?P<snum>{num_or_word})(?:\s*(?P<sjoin>{join})\s*(?P<snum2>{num_or_word}))?"
        rf"\s+(?:(?P<sscale>{scale})\s+)?(?P<scur>{suf})(?![\w])"
    )
    percent = (
        rf"(?P<num>{num_or_word})(?:\s*(?P<join>{join})\s*(?P<num2>{num_or_word}))?"
        rf"\s?(?P<unit>{unit})(?![\w]|-?punt)"
    )
    roles = v["roles"]
    return {
        "money": re.compile(money, re.IGNORECASE),
        "percent": re.compile(percent, re.IGNORECASE),
        "fund": re.compile(alternation(roles["fund_words"]), re.IGNORECASE),
        "percent_of": re.compile(r"\s+(" + alternation(v["percent"]["of"]) + r")\s+",
                                 re.IGNORECASE),
        "preps": re.compile(r"(?<![\w])(" + alternation(
            [*roles["recipient_preps"], *roles["purpose_preps"]]) + r")\s+", re.IGNORECASE),
        "word": re.compile(r"[\w'’]+(?:-[\w'’]+)*-?|[^\w\s]"),
    }


def _number(text: str) -> float | None:
    """'1,6' -> 1.6, '1.600.000' -> 1600000, '1.5' -> 1.5, 'duizend' -> 1000."""
    low = " ".join(text.lower().split())
    words = _table("number_words")
    if low in words:
        return float(words[low])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", low):
        return float(low.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", low):
        return float(low.replace(",", "."))
    return None


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    return float(_table("scales").get(" ".join(word.lower().split()), 1.0))


def _currency(word: str, section: str) -> str:
    table = _table(section)
    return str(table.get(" ".join(word.lower().split()), "EUR"))


@dataclass(frozen=True)
class _Money:
    value: float
    currency: str
    start: int
    end: int
    bound: str | None = None


def _parse_money(m: re.Match[str]) -> list[_Money]:
    g = m.group
    if g("pcur"):
        cur = _currency(g("pcur"), "currency_prefix")
        first = _number(g("pnum"))
        if first is None:
            return []
        if g("pnum2") is None:
            return [_Money(first * _scale(g("pscale")), cur, m.start(), m.end())]
        second = _number(g("pnum2"))
        scale2 = _scale(g("pscale2"))
        scale1 = _scale(g("pscale")) if g("pscale") else scale2
        if second is None:
            return [_Money(first * scale1, cur, m.start(), m.start("pjoin"))]
        lo, hi = first * scale1, second * scale2
        if lo >= hi:  # "€ 25 - 30 leden" is no range of money; keep the first figure only
            return [_Money(first * _scale(g("pscale")), cur, m.start(), m.start("pjoin"))]
        return [_Money(lo, cur, m.start(), m.end(), "min"), _Money(hi, cur, m.start(), m.end(),
                                                                   "max")]
    cur = _currency(g("scur"), "currency_suffix")
    first = _number(g("snum"))
    if first is None:
        return []
    scale = _scale(g("sscale"))
    if g("snum2") is None:
        return [_Money(first * scale, cur, m.start(), m.end())]
    second = _number(g("snum2"))
    if second is None or first >= second:
        return [_Money((second or first) * scale, cur, m.start("snum2"), m.end())]
    return [_Money(first * scale, cur, m.start(), m.end(), "min"),
            _Money(second * scale, cur, m.start(), m.end(), "max")]


_TABLE_UNIT = re.compile(r"\(?\s*[xX×]\s*$")


@cache
def _money_triggers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lower-cased currency signs (no word edge needed) and currency words (whole words)."""
    v = _v()
    forms = {k.lower() for k in [*v["currency_prefix"], *v["currency_suffix"]]}
    signs = tuple(sorted(f for f in forms if not f[0].isalpha()))
    words = tuple(sorted({f.split()[-1] for f in forms if f[0].isalpha()}))
    return signs, words


@keywords("money_signs")
def _signs() -> tuple[str, ...]:
    return _money_triggers()[0]


@keywords("money_words")
def _currency_words() -> tuple[str, ...]:
    return _money_triggers()[1]


def _units() -> tuple[str, ...]:
    return tuple(u.lower() for u in _v()["percent"]["units"])


@keywords("percent")
def _unit_words() -> tuple[str, ...]:
    return tuple(u for u in _units() if u[0].isalpha())


@keywords("percent_sign", inner=True)
def _unit_signs() -> tuple[str, ...]:
    return tuple(u for u in _units() if not u[0].isalpha())


def find_money(
    text: str, low: str | None = None, triggers: list[tuple[int, str]] | None = None
) -> list[_Money]:
    """Every amount of money in ``text`` (no roles).

    Found from the currency: the full pattern is tried only where a currency sign or word
    stands, beginning at the sign or up to six words before the word.
    """
    if triggers is None:
        low = text.lower() if low is None else low
        signs, words = _money_triggers()
        triggers = find_all(low, signs, left=False, right=False) + find_all(low, words)
    hits = triggers
    pattern = _patterns()["money"]
    out: list[_Money] = []
    done = 0
    for at, _ in sorted(hits):
        if at < done:
            continue
        for start in starts_before(text, at, done, words=6, chars=60):
            if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
                continue  # inside a word or a number: "1.000 euro" is read from its start
            m = pattern.match(text, start)
            if m is None or m.end() <= at:
                continue
            done = m.end()
            if not _TABLE_UNIT.search(text, max(0, start - 4), start):
                out.extend(_parse_money(m))  # "(x € 1.000)" is the unit of a table: skipped
            break
    return out


# --- noun phrases ----------------------------------------------------------------------------


@cache
def _phrase_words() -> dict[str, frozenset[str]]:
    p = _v()["phrase"]
    r = _v()["roles"]
    return {
        "stop": frozenset(w.lower() for w in p["stop"]),
        "participles": frozenset(w.lower() for w in p["participles"]),
        "preps": frozenset(w.lower() for w in p["preps"]),
        "articles": frozenset(w.lower() for w in p["articles"]),
        "support": frozenset(w.lower() for w in r["support_nouns"]),
        "beneficiaries": frozenset(w.lower() for w in r["beneficiaries"]),
        "finite": frozenset(w.lower() for w in r["finite"]),
        "subordinators": frozenset(w.lower() for w in r["subordinators"]),
        "clause_words": frozenset(w.lower() for w in r["clause_words"]),
    }


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    pattern = _patterns()["word"]
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text, start, end)]


def phrase(
    text: str, start: int, limit: int, *, max_words: int = 12, stop_at_preps: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at ``start``: up to punctuation, a verb or clause word."""
    w = _phrase_words()
    tokens = _words(text, start, min(limit, start + 200))
    kept: list[tuple[int, int, str]] = []
    for s, e, tok in tokens:
        low = tok.lower()
        if not tok[0].isalnum():
            break
        if low in w["stop"] or (kept and low in w["participles"]):
            break
        if stop_at_preps and kept and low in w["preps"]:
            break
        kept.append((s, e, tok))
        if len(kept) >= max_words:
            break
    while kept and (kept[-1][2].lower() in w["participles"] or kept[-1][2].lower() in w["preps"]
                    or kept[-1][2].lower() in {"en", "of"}):
        kept.pop()
    if not kept:
        return None
    return kept[0][0], kept[-1][1]


def strip_article(phrase_text: str) -> str:
    """'het trustfund voor ...' -> 'trustfund voor ...'; line breaks become spaces."""
    words = phrase_text.split()
    arts = _phrase_words()["articles"]
    while len(words) > 1 and words[0].lower() in arts:
        words = words[1:]
    return " ".join(words)


# --- percentages -----------------------------------------------------------------------------


def _percent_of(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """What a percentage is a share of ("van het BBP" -> "BBP"), and where that phrase ends."""
    table = _table("percent.of")
    m = _patterns()["percent_of"].match(text, end, limit)
    if not m:
        return None, end
    kind = table.get(" ".join(m.group(1).lower().split()), "short")
    span = phrase(text, m.end(), limit, max_words=12 if kind == "long" else 6,
                  stop_at_preps=(kind == "short"))
    if span is None:
        return None, end
    of = strip_article(text[span[0]:span[1]])
    if re.fullmatch(r"[\d\s.,]+", of) or of.lower() in _phrase_words()["articles"]:
        return None, end
    return of, span[1]


def find_percentages(
    text: str, sentences: SentenceIndex | None = None, low: str | None = None,
    triggers: list[tuple[int, str]] | None = None,
) -> list[Percentage]:
    """Every percentage, with what it is a share of ("2% van het BBP" -> "BBP")."""
    if triggers is None:
        low = text.lower() if low is None else low
        units = _units()
        triggers = find_all(low, [u for u in units if u[0].isalpha()], right=False) + find_all(
            low, [u for u in units if not u[0].isalpha()], left=False, right=False)
    hits = [(at, u) for at, u in triggers if not u[0].isalpha() or not at
            or not text[at - 1].isalpha()]
    pattern = _patterns()["percent"]
    out: list[Percentage] = []
    done = 0
    for at, _ in sorted(hits):
        if at < done:
            continue
        for start in starts_before(text, at, done, words=4, chars=40):
            if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
                continue
            m = pattern.match(text, start)
            if m is None or m.end() <= at:
                continue
            done = m.end()
            limit = sentences.at(start)[1] if sentences else min(len(text), m.end() + 200)
            of, end = _percent_of(text, m.end(), limit)
            for key in ("num", "num2"):
                value = _number(m.group(key)) if m.group(key) else None
                if value is not None:
                    out.append(Percentage(value=value, of=of, text=text[start:end], start=start,
                                          end=end))
            break
    return out


# --- roles -----------------------------------------------------------------------------------


@dataclass
class _Roles:
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


def _subject(doc: Doc, sent: tuple[int, int], at: int) -> str | None:
    """The actor that is the subject of the clause holding the amount."""
    text = doc.text
    s0, s1 = sent
    w = _phrase_words()
    passive = re.search(r"(?<![\w])door\s+", text[s0:s1])
    best: tuple[int, int] | None = None
    for s, e in _candidates(doc, s0, s1):
        if passive and s == s0 + passive.end():
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


def _roles(doc: Doc, sentences: SentenceIndex, money: _Money) -> _Roles:
    text = doc.text
    sent = sentences.at(money.start)
    if _between(lexicon.hits(doc, "receive"), *sent):
        # "Nederland heeft uit de RRF EUR 5,4 miljard ontvangen": the subject gets the money,
        # the fund named in the sentence gives it.
        acrs = gazetteer.acronyms(doc)
        got = _Roles(donor=_nearby_fund(text, sentences, money.start, acrs,
                                        same_sentence_only=True),
                     recipient=_subject(doc, sent, money.start))
        if got.recipient is not None:
            got.key = _recipient_key(doc, sentences, money, got)
        return got
    out = _Roles(donor=_donor(doc, sent, money.start))
    found = _first_prep(text, money.end, sent[1])
    span = phrase(text, found[1], sent[1]) if found else None
    if found and span:
        _phrase_roles(doc, found[0], span, out)
    if out.recipient is None:
        out.recipient = _fund_before(text, sent, money.start)
    out.key = _recipient_key(doc, sentences, money, out)
    return out


_TIME = re.compile(r"(?:de\s+|het\s+)?(?:periode|jaren|jaar|komende|looptijd)\b|\d{4}", re.I)


def _phrase_roles(doc: Doc, prep: str, span: tuple[int, int], out: _Roles) -> None:
    """Recipient or purpose from the phrase after the amount ("aan ...", "voor ...")."""
    text = doc.text
    w = _phrase_words()
    body = text[span[0]:span[1]]
    head = strip_article(body)
    first = head.split()[0].lower()
    if prep in _v()["roles"]["recipient_preps"] and first not in w["support"]:
        out.recipient = _tidy(head)  # "aan het trustfund voor niet-letale steun aan Oekraïne"
        inner = re.search(r"(?<![\w])voor\s+", body)
        if inner:
            out.purpose = strip_article(body[inner.end():])
            name = head[:head.find(" voor ")] if " voor " in head else head
            if _proper(name):
                out.recipient = _tidy(name)  # "het Fonds Duurzaam Funderingsherstel voor ..."
        return
    if prep not in _v()["roles"]["recipient_preps"]:
        named = _named(doc, span[0], span[1])
        # "voor gemeenten", "voor Oekraïne": who gets it; the name opens the phrase.
        if first in w["beneficiaries"] or (
                named is not None and named.start <= span[0] + len(body) - len(head)):
            out.recipient = _tidy(head)  # "voor gemeenten", "voor Oekraïne"
            return
        if _TIME.match(head):
            return  # "voor de periode 2024-2027": when, not what for
    out.purpose = head  # "aan militaire steun aan Oekraïne", "voor de uitvoering"
    inner = re.search(r"(?<![\w])aan\s+", body)
    if inner:
        rec = phrase(text, span[0] + inner.end(), span[1])
        if rec:
            out.recipient = _tidy(strip_article(text[rec[0]:rec[1]]))


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


def _fund_before(text: str, sent: tuple[int, int], at: int) -> str | None:
    """"de Oekraïnefaciliteit van EUR 50 miljard": the fund the amount belongs to."""
    m = re.search(r"([\w'’-]+)\s+van\s+(?:ruim\s+|circa\s+|bijna\s+|ongeveer\s+)?$",
                  text[max(sent[0], at - 80):at])
    if m and _patterns()["fund"].search(m.group(1)):
        return m.group(1)
    return None


def _recipient_key(doc: Doc, sentences: SentenceIndex, money: _Money, roles: _Roles) -> str | None:
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


def _nearby_fund(
    text: str, sentences: SentenceIndex, at: int, acrs: list[gazetteer.Acronym],
    *, same_sentence_only: bool,
) -> str | None:
    """A defined acronym naming a fund or package, used in this sentence or the two before."""
    fund = _patterns()["fund"]
    fundish = {a.acronym for a in acrs if fund.search(a.long)}
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


# --- the component ---------------------------------------------------------------------------


@component("amounts", needs=(), sets=("amounts", "percentages"))
def amounts(doc: Doc) -> None:
    text = doc.text
    sentences = sentence_index(doc)
    out: list[Amount] = []
    low = lower(doc)
    money_hits = lexicon.hits(doc, "money_signs", left=False, right=False) + lexicon.hits(
        doc, "money_words")
    for money in find_money(text, low, money_hits):
        roles = _roles(doc, sentences, money)
        out.append(Amount(
            value=money.value,
            currency=money.currency,
            text=text[money.start:money.end],
            start=money.start,
            end=money.end,
            purpose=roles.purpose,
            donor=roles.donor,
            recipient=roles.recipient,
            recipient_key=roles.key,
            bound=money.bound,
        ))
    doc.results["amounts"] = out
    doc.results["percentages"] = find_percentages(
        text, sentences, low, sorted(lexicon.hits(doc, "percent", right=False) + lexicon.hits(
            doc, "percent_sign", left=False, right=False)))


__all__ = ["find_money", "find_percentages", "phrase", "strip_article"]
