"""Money and percentages, with who gives, who receives and what for where the sentence says so.

Money needs a currency: a sign or code before the number ("EUR 1,6 miljard", "€ 25 mln",
"€25,5 mln.", "EUR 1.600.000") or a currency word after it ("200 miljoen euro", "2,5 miljard
dollar", "duizend euro"). So years, Kamerstuk numbers and counts never pass for money. Dutch
number notation: "." groups thousands, "," marks decimals; "1.5" (a dot before other than three
digits) is read as a decimal.

A range ("€ 10 à 20 miljoen", "€ 1,2 miljard tot € 1,9 miljard", "tussen de 900 en 1.650 miljoen
euro") is one sum, as a clerk reads it: its lower end is the ``value`` (``bound="min"``), its upper
end ``upper``; so a total never counts a range twice.

Donor, recipient and purpose come from the sentence around the amount (see :func:`_roles`);
``recipient_key`` normalises the recipient for grouping pledges over time, resolving "het
trustfund" to a fund the document names by a defined acronym nearby ("... (EPF)").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from kamerlens.extract import lexicon
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
# Money may also group thousands with a space ("€ 1 250 000", "36 180 euro"): a group of
# exactly three digits after one space (never a line break) and before no further digit. Only
# next to a currency: elsewhere "36 180" is a Kamerstuk number and "2024 150" two numbers.
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?"
_MONEY_NUM = rf"{_SPACED}|{_NUM}"


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
    scale = alternation([*v["scales"], *v["ocr_scales"]]) + r"(?![\w])"
    pre = alternation(v["currency_prefix"])
    suf = alternation(v["currency_suffix"])
    join = alternation(v["ranges"]["joins"])
    sjoin = alternation([*v["ranges"]["joins"], *v["ranges"]["list_joins"]])
    # after a currency word, an amount of its own (a grouped or long number, or one with a
    # scale: "in 2024 € 25 mln") makes the word that amount's sign; a footnote number ("1.650
    # miljoen euro 6.") does not, nor a year on its own ("1,25 miljard euro\n2025", a chart)
    year = r"(?:19|20)\d{2}(?!\d|[.,]\d)"
    follow = (
        rf"\s?(?:\d{{1,3}}(?:\.\d{{3}})+|(?!{year}(?!\s*(?:{scale})))\d{{3,}}"
        rf"|\d+(?:,\d+)?\s*(?:{scale}))"
    )
    unit = alternation(v["percent"]["units"])
    num_or_word = rf"(?:{_NUM}|(?<![\w]){words}(?![\w]))"
    money_num = rf"(?:{_MONEY_NUM}|(?<![\w]){words}(?![\w]))"
    money = (
        # EUR 1,6 miljard / € 10 à 20 miljoen / € 1,2 miljard tot € 1,9 miljard / € 50,-
        rf"(?P<pcur>{pre})\s?(?P<pnum>{_MONEY_NUM})(?:\s{{0,3}}(?P<pscale>{scale}))?(?:,[-–—]{{1,2}})?"
        # "tussen € 5 miljoen en € 10 miljoen", "€ 5 en 10 miljoen": "en" joins only a second sum
        rf"(?:\s*(?P<pjoin>{join}|en(?=\s*{pre}\s?\d)"
        rf"|(?(pscale)(?!)|en(?=\s*(?:{_MONEY_NUM})\s{{0,3}}{scale})))"
        rf"\s*(?:(?P<pcur2>{pre})\s?)?(?P<pnum2>{_MONEY_NUM})"
        rf"(?:\s{{0,3}}(?P<pscale2>{scale}))?(?:,[-–—]{{1,2}})?)?"
        # 200 miljoen euro / 30 tot 50 miljoen euro / duizend euro / 2,5 miljard dollar
        rf"|(?P<snum>(?P<syear>{year})|(?!{year}){money_num})"
        rf"(?:\s*(?P<sjoin>{sjoin})\s*(?P<snum2>{money_num}))?"
        # A number right after the currency is its amount: "in 2024 € 25 mln" is € 25 mln,
        # and the year before the sign is no amount of euros ("in 2024 EUR 25").
        rf"\s+(?:(?P<sscale>{scale})\s+)?(?P<scur>{suf})(?![\w])"
        rf"(?(syear)(?!\s?\d)|(?!{follow}))"
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
            [*roles["recipient_preps"], *roles["purpose_preps"], *roles["source_preps"]])
            + r")\s+",
            re.IGNORECASE),
        # a word ("EU-lidstaten", "'s") or one sign; one class first, so that the engine
        # skips the white space (same matches as "[\w'’]+(?:-[\w'’]+)*-?|[^\w\s]")
        "word": re.compile(r"[^\s](?:(?<=[\w'’])[\w'’]*(?:-[\w'’]+)*-?)?"),
    }


_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACED_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?:,\d+)?")
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _number(text: str) -> float | None:
    """'1,6' -> 1.6, '1.600.000' -> 1600000, '1.5' -> 1.5, 'duizend' -> 1000."""
    low = " ".join(text.lower().split())
    words = _table("number_words")
    if low in words:
        return float(words[low])
    if _DOTTED.fullmatch(low):
        return float(low.replace(".", "").replace(",", "."))
    if _SPACED_NUMBER.fullmatch(low):  # "1 250 000" (see _SPACED)
        return float(low.replace(" ", "").replace(",", "."))
    if _PLAIN_NUMBER.fullmatch(low):
        return float(low.replace(",", "."))
    return None


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    key = " ".join(word.lower().split())
    return float(_table("scales").get(key, _table("ocr_scales").get(key, 1.0)))


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
    upper: float | None = None


def _range(lo: float, hi: float, cur: str, start: int, end: int) -> _Money:
    return _Money(lo, cur, start, end, "min", hi)


_YEAR = re.compile(r"(?:19|20)\d{2}")


@cache
def _between() -> re.Pattern[str]:
    return re.compile(_v()["ranges"]["between"], re.IGNORECASE)


@cache
def _change() -> re.Pattern[str]:
    return re.compile(_v()["ranges"]["change"], re.IGNORECASE)


def _ocr_scale(word: str | None, cur: str, old: bool) -> bool:
    """An OCR "min." read as "mln." (see ``[ocr_scales]``): only for guilders or an old document."""
    return bool(word) and " ".join(str(word).lower().split()) in _table("ocr_scales") and not (
        old or cur == "NLG")


def _parse_money(m: re.Match[str], old: bool = False) -> list[_Money]:
    g = m.group
    if g("pcur"):
        cur = _currency(g("pcur"), "currency_prefix")
        first = _number(g("pnum"))
        if first is None or g("pcur") == "F":  # "F 16" is a jet, a guilder sign is lower case
            return []
        if _ocr_scale(g("pscale"), cur, old):  # "€ 5 min.": five euros, then minutes
            return [_Money(first, cur, m.start(), m.end("pnum"))]
        if g("pnum2") is None:
            return [_Money(first * _scale(g("pscale")), cur, m.start(), m.end())]
        second = _number(g("pnum2"))
        scale2 = _scale(g("pscale2"))
        scale1 = _scale(g("pscale")) if g("pscale") else scale2
        if second is None:
            return [_Money(first * scale1, cur, m.start(), m.start("pjoin"))]
        lo, hi = first * scale1, second * scale2
        if g("pjoin").lower() == "en" and not _between().search(
            m.string, max(0, m.start() - 12), m.start()
        ):
            if g("pcur2"):  # "€ 25 mln en € 30 mln": two sums, each its own scale and span
                first_end = m.end("pscale") if g("pscale") else m.end("pnum")
                return [_Money(first * _scale(g("pscale")), cur, m.start(), first_end),
                        _Money(hi, _currency(g("pcur2"), "currency_prefix"),
                               m.start("pcur2"), m.end())]
            return [_Money(lo, cur, m.start(), m.end()), _Money(hi, cur, m.start(), m.end())]
        full = bool(g("pscale")) == bool(g("pscale2"))  # "met € 5 tot € 10 miljoen": one scale
        if full and g("pcur2") and g("pjoin").lower().startswith("tot") and _change().search(
            m.string, max(0, m.start() - 60), m.start()
        ):  # "stijgt met € 1,2 miljard tot € 15,6 miljard": two sums, each its own span
            first_end = m.end("pscale") if g("pscale") else m.end("pnum")
            return [_Money(first * _scale(g("pscale")), cur, m.start(), first_end),
                    _Money(hi, _currency(g("pcur2"), "currency_prefix"), m.start("pcur2"),
                           m.end())]
        if lo >= hi:  # "€ 25 - 30 leden" is no range of money; keep the first figure only
            return [_Money(first * _scale(g("pscale")), cur, m.start(), m.start("pjoin"))]
        return [_range(lo, hi, cur, m.start(), m.end())]
    cur = _currency(g("scur"), "currency_suffix")
    first = _number(g("snum"))
    if first is None or _ocr_scale(g("sscale"), cur, old):
        return []
    scale = _scale(g("sscale"))
    if g("snum2") is None:
        return [_Money(first * scale, cur, m.start(), m.end())]
    second = _number(g("snum2"))
    if (g("sjoin") or "").lower() == "en" and second is not None:
        if _between().search(m.string, max(0, m.start() - 12), m.start()):
            return [_range(min(first, second) * scale, max(first, second) * scale, cur,
                           m.start(), m.end())]
        if _YEAR.fullmatch(g("snum")):  # "in 2023 en 5 miljoen euro": one sum, after the year
            return [_Money(second * scale, cur, m.start("snum2"), m.end())]
        # "3 en 4 miljoen euro": two sums sharing the scale and the currency
        return [_Money(first * scale, cur, m.start(), m.end()),
                _Money(second * scale, cur, m.start(), m.end())]
    if second is None or first >= second:
        return [_Money((second or first) * scale, cur, m.start("snum2"), m.end())]
    return [_range(first * scale, second * scale, cur, m.start(), m.end())]


_TABLE_UNIT = re.compile(r"\(?\s*[xX×]\s*$")
# the same unit before the number of a bare sum's scale ("Bedragen x € 1 miljoen")
_TABLE_UNIT_BEFORE = re.compile(r"[xX×]\s*(?:€|EUR|ƒ|f|\$|£)?\s*$")


@cache
def _money_triggers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lower-cased currency signs (no word edge needed) and currency words (whole words)."""
    v = _v()
    forms = {k.lower() for k in [*v["currency_prefix"], *v["currency_suffix"]]}
    # the florin sign is a letter to Python but a sign to a writer: "ƒ4.500.000" (an ASCII "f"
    # glued to a number is not read: "f4" is as often a footnote or a code)
    def sign(f: str) -> bool:
        return not f[0].isalpha() or f == "ƒ"

    signs = tuple(sorted(f for f in forms if sign(f)))
    words = tuple(sorted({f.split()[-1] for f in forms if not sign(f)}))
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
    text: str, low: str | None = None, triggers: list[tuple[int, str]] | None = None,
    *, old: bool = False,
) -> list[_Money]:
    """Every amount of money in ``text`` (no roles).

    Found from the currency: the full pattern is tried only where a currency sign or word
    stands, beginning at the sign or up to six words before the word. ``old``: a document of
    the guilder years, whose OCR writes "min." for "mln.".
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
                out.extend(_parse_money(m, old))  # "(x € 1.000)": a table's unit, skipped
            break
    return out


# --- sums written without their currency ------------------------------------------------------


@keywords("money_scales")
def _bare_scale_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in [*_v()["bare"]["scales"], *_v()["ocr_scales"]])


_BARE_NUM = re.compile(rf"(?<![\w.,€$£ƒ/-])(?:{_NUM})(?=\s+$)")
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s]|$)")


@cache
def _bare_words() -> tuple[frozenset[str], re.Pattern[str]]:
    bare = _v()["bare"]
    context = re.compile(
        r"(?<![\w])(?:" + alternation(bare["context"]) + "|"
        + alternation(bare["context_words"]) + r"(?![\w]))",
        re.IGNORECASE,
    )
    return frozenset(w.lower() for w in bare["after"]), context


class _Covered:
    """Whether a position lies inside one of the sums found (a bisect, not a scan of them all)."""

    def __init__(self, found: list[_Money]) -> None:
        spans = sorted((m.start, m.end) for m in found)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # the furthest end so far

    def __call__(self, at: int) -> bool:
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at


class _Earlier:
    """The last sum found before a position whose value is the same (within 0.5), looked up
    among the sums of about that value only. ``found`` is in the order of the text."""

    def __init__(self, found: list[_Money]) -> None:
        self.found = found
        self.by_value: dict[int, list[int]] = {}  # rounded value -> indexes into found
        for i, m in enumerate(found):
            self.by_value.setdefault(round(m.value), []).append(i)
        self.starts = {k: [found[i].start for i in ix] for k, ix in self.by_value.items()}

    def __call__(self, before: int, value: float) -> _Money | None:
        best = -1
        for key in (round(value) - 1, round(value), round(value) + 1):
            indexes = self.by_value.get(key, [])
            for j in range(bisect_left(self.starts.get(key, []), before) - 1, -1, -1):
                if abs(self.found[indexes[j]].value - value) < 0.5:
                    best = max(best, indexes[j])
                    break
        return self.found[best] if best >= 0 else None


def find_bare_sums(
    text: str, hits: list[tuple[int, str]], found: list[_Money], sentences: SentenceIndex,
    *, old: bool = False,
) -> list[_Money]:
    """Sums written without a currency ("1,5 miljoen vrij te maken vanuit de middelen"): see
    ``[bare]`` in the data file; the context is the sentence and the one before it. The currency
    is that of the same sum written before, else the document's own (guilders in a document of
    the guilder years that names no euros)."""
    after, context = _bare_words()
    ocr = _table("ocr_scales")
    currencies = {m.currency for m in found}
    default = "NLG" if currencies == {"NLG"} or (old and "EUR" not in currencies) else "EUR"
    out: list[_Money] = []
    longest: dict[int, str] = {}
    for at, word in hits:
        if len(word) > len(longest.get(at, "")):
            longest[at] = word
    covered = _Covered(found)
    earlier = _Earlier(found)
    for at, word in sorted(longest.items()):
        if word in ocr and not old:
            continue
        if covered(at):
            continue
        num = _BARE_NUM.search(text, max(0, at - 24), at)
        value = _number(num.group(0)) if num else None
        if num is None or value is None:
            continue
        if _TABLE_UNIT_BEFORE.search(text, max(0, num.start() - 8), num.start()):
            continue  # "Bedragen x € 1 miljoen": a table's unit
        end = at + len(word)
        token = _NEXT_TOKEN.match(text, end)
        nxt = token.group(1).lower() if token else ""
        if nxt and nxt[0].isalnum() and nxt not in after:
            continue  # "8 miljoen woningen", "2,5 miljoen mensen": a count
        value *= _scale(word)
        same = earlier(num.start(), value)
        if same is not None:
            out.append(_Money(value, same.currency, num.start(), end))
            continue
        s_start, s_end = sentences.at(at)
        before = sentences.at(max(0, s_start - 2))[0]  # "... fors financieel beslag. Dat was
        if context.search(text, min(before, s_start), s_end):  # 13,5 miljard."
            out.append(_Money(value, default, num.start(), end))
    return out


# --- noun phrases ----------------------------------------------------------------------------


@cache
def _phrase_words() -> dict[str, frozenset[str]]:
    p = _v()["phrase"]
    r = _v()["roles"]
    return {
        "stop": frozenset(w.lower() for w in p["stop"]),
        "adverbs": frozenset(w.lower() for w in p["adverbs"]),
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
    """The noun phrase starting at ``start``: up to punctuation, a verb, an adverb or a clause
    word. A comma goes on only into an enumeration ("Fonds voor asiel, migratie en integratie")."""
    w = _phrase_words()
    tokens = _words(text, start, min(limit, start + 200))
    kept: list[tuple[int, int, str]] = []
    for i, (s, e, tok) in enumerate(tokens):
        low = tok.lower()
        if not tok[0].isalnum():
            if tok == "," and kept and _enumeration(tokens, i + 1, w):
                kept.append((s, e, tok))
                continue
            break
        if low in w["stop"] or (kept and low in w["participles"]):
            break
        if stop_at_preps and kept and low in w["preps"]:
            break
        if kept and _adverb_after_noun(kept[-1][2], tok, w):
            break  # "de openbare apotheken | tijdelijk geen ...": the noun phrase has ended
        kept.append((s, e, tok))
        if len(kept) >= max_words:
            break
    while kept and (kept[-1][2].lower() in w["participles"] or kept[-1][2].lower() in w["preps"]
                    or kept[-1][2].lower() in {"en", "of", ","}):
        kept.pop()
    if not kept:
        return None
    return kept[0][0], kept[-1][1]


def _enumeration(tokens: list[tuple[int, int, str]], i: int, w: dict[str, frozenset[str]]
                 ) -> bool:
    """After a comma: a list that closes with "en"/"of" ("asiel, migratie en integratie"),
    each member at most three words, no verb or clause word in between."""
    size = 0
    for _, _, tok in tokens[i:i + 12]:
        low = tok.lower()
        if low in ("en", "of"):
            return size > 0
        if tok == ",":
            if not size:
                return False
            size = 0
            continue
        if not tok[0].isalnum() or low in w["stop"] or low in w["participles"]:
            return False
        size += 1
        if size > 3:
            return False
    return False


# Uninflected adjectives used as adverbs: after a noun they start the predicate ("... apotheken
# tijdelijk geen ..."); in front of a noun they would be inflected or follow an article.
_ADVERB_FORM = re.compile(r"[a-zà-ÿ]{3,}(?:lijk|lijks|ig|isch|baar|zaam|loos)$")


def _adverb_after_noun(prev: str, tok: str, w: dict[str, frozenset[str]]) -> bool:
    low = tok.lower()
    if low in w["adverbs"]:
        return True
    if not _ADVERB_FORM.match(tok):
        return False
    p = prev.lower()
    # Only after a noun: not after an article, a preposition, a conjunction or an inflected
    # adjective ("de financieel kwetsbare", "een structureel tekort").
    return not (p in w["articles"] or p in w["preps"] or p in {"en", "of", ","}
                or p.endswith("e") or not prev[0].isalpha())


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


# --- the component ---------------------------------------------------------------------------


def _guilder_years(doc: Doc, found: list[_Money]) -> bool:
    """A document of the guilder years: dated before 2002, or writing its sums in guilders."""
    written = str(doc.info.get("date") or "")
    return (written[:4].isdigit() and written[:4] < "2002") or any(
        m.currency == "NLG" for m in found)



@component("amounts", needs=(), sets=("amounts", "percentages"))
def amounts(doc: Doc) -> None:
    text = doc.text
    sentences = sentence_index(doc)
    out: list[Amount] = []
    low = lower(doc)
    money_hits = lexicon.hits(doc, "money_signs", left=False, right=False) + lexicon.hits(
        doc, "money_words")
    found = find_money(text, low, money_hits)
    old = _guilder_years(doc, found)
    if old and " min." in low:
        found = find_money(text, low, money_hits, old=True)  # OCR "min." for "mln."
    found += find_bare_sums(text, lexicon.hits(doc, "money_scales"), found, sentences, old=old)
    found.sort(key=lambda m: m.start)
    for money in found:
        roles = amount_roles.roles(doc, sentences, money)
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
            upper=money.upper,
        ))
    doc.results["amounts"] = out
    doc.results["percentages"] = find_percentages(
        text, sentences, low, sorted(lexicon.hits(doc, "percent", right=False) + lexicon.hits(
            doc, "percent_sign", left=False, right=False)))


# Last: the roles module reads the helpers above (its trigger words must be registered too).
from kamerlens.extract import amount_roles  # noqa: E402

__all__ = ["find_money", "find_percentages", "phrase", "strip_article"]
