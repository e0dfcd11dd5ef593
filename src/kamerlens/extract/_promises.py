"""Constructions that announce a future act of the government or promise parliament something.

The commitments component tries its verb-lexicon rules first (``commitments.py``: "zal ik uw Kamer
informeren", "ik zeg toe", passives of informing); these constructions catch what real letters and
debates say beyond that lexicon: "Ik ga dat in kaart brengen", "We willen ook kijken hoe ...",
"Ik ben voornemens ...", "Die oproep neem ik mee", "Laten we afspreken dat ...", "komend kwartaal
zorg ik ervoor dat ...", "We begrenzen de koelwaterlozingen", "De voorwaarden worden
aangescherpt". Each is data (``data/promises.toml``); so are the clauses that undo one: necessity
("zullen ... moeten"), ongoing work ("blijven", "momenteel"), the past, talk about one's own words
("Ik wil benadrukken dat"), the course of a debate ("Ik ga nu naar de moties", in debates only),
verbs of talk without an object or a time ahead ("Laat ik beginnen met", but "Het kabinet zal voor
1 juli reageren op het advies" promises), third parties as doers, and scheduled facts that are no
deliverable of the government ("De verkiezingen vinden plaats op ...", "Het besluit van de
rechtbank volgt in juni"). Whether the Kamer is the one promised (a toezegging) is read from the
construction's own clause: a letter or an act of sending for another receiver ("een brief aan
alle gemeenten", "Ik zal de burgemeesters een brief sturen") is a voornemen.

Every window is bounded: a clause reaches at most ``_REACH`` characters around its construction,
and a sentence puts at most ``_TRIES`` matches of one construction through ``undone``. A stretch
without stops (a table, a list) then costs its length, not its length squared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from kamerlens.extract import scan
from kamerlens.extract._cues import load_toml, minister_re, present_act, words
from kamerlens.extract.lexicon import trie_alternation

# A gap of a few words that does not open a new clause ("dat de Commissie zal" is someone else's).
_GAP = (
    r"(?:(?!(?:dat|die|of|wat|als|omdat|wanneer|zodat|waar\w*|hoe|welke?|en|maar|want|nadat)\b)"
    r"\S+\s+){0,6}?"
)
# Where a clause ends: the scope of a construction's exclusions.
# (the stop of an abbreviation inside the clause ends nothing: "gewasbeschermingsmiddelen etc. uit")
_CLAUSE_END = re.compile(
    r"[;:?!]|(?<!\betc)(?<!\benz)(?<!\bbijv)(?<!\bo\.a)(?<!\be\.d)(?<!\bresp)\.(?:\s|$)"
    r"|\s[—–-]\s|,\s+(?:maar|want|omdat|terwijl|zodat|hoewel|dus)\b",
    re.I,
)


@dataclass(frozen=True)
class Construction:
    name: str
    kind: str
    pattern: re.Pattern[str]
    needs_deadline: bool
    letters_only: bool
    reported_only: bool = False
    keys: tuple[str, ...] = ()
    patient: bool = False  # the subject is what is delivered or done, not a doer
    # what the one scan looks for: the pattern itself, or a cheaper one that every match of the
    # pattern holds (data: ``trigger``)
    trigger: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Match:
    construction: Construction
    start: int
    end: int


@cache
def _data() -> dict:  # type: ignore[type-arg]
    return load_toml("promises.toml")


def _alternation(phrases: list[str]) -> str:
    return "|".join(words(p) for p in sorted(phrases, key=len, reverse=True))


def _change_plurals(data: dict[str, Any]) -> list[str]:
    """The plurals of the verbs of change: present_verbs is written in pairs (stem, plural), and
    a pair is one of change when the stem's third person ("pakt", "staat") is in
    present_verbs_third ("Rijk en gemeenten ontwikkelen", not "... ondersteunen")."""
    verbs, third = data["present_verbs"], set(data["present_verbs_third"])
    pairs = list(zip(verbs[::2], verbs[1::2], strict=False))
    if len(verbs) % 2 or not all(plural.endswith("n") for _, plural in pairs):
        raise ValueError("promises.toml: present_verbs must be written in pairs (stem, plural)")
    return [p for s, p in pairs if {s, s + "t", s + s[-1] + "t"} & third]


@cache
def _fills() -> dict[str, str]:
    data = _data()
    return {
        "{I}": "(?:" + "|".join(data["subjects_first"]) + ")",
        "{GOV}": "(?:" + "|".join(words(s) for s in data["subjects_gov"] + data["ministries"])
        + rf"|{minister_re()})",
        "(?:{GAP})?": _GAP,
        "{PRESENT}": "|".join(sorted(data["present_verbs"], key=len, reverse=True)),
        "{PRESENT3}": "|".join(sorted(data["present_verbs_third"], key=len, reverse=True)),
        "{PRESENT3_PLURAL}": "|".join(sorted(_change_plurals(data), key=len, reverse=True)),
        # the Rijk or a ministry with its partners as one subject: "Rijk en gemeenten", "het
        # Rijk, provincies en waterschappen", "EZK, IenW en IPO"
        "{JOINT}": r"(?:(?:het\s+)?Rijk|" + "|".join(data["ministries"])
        + r")(?:,\s+[\w-]+)*\s+en\s+(?:de\s+)?[\w-]+",
        "{PARTICIPLE}": _alternation(data["participles"] + data["participles_policy"]),
        "{POLICY}": _alternation(data["participles_policy"]),
        "{STATIVE}": "(?:" + "|".join(data["stative"]) + r")\b",
        "{TALK}": _alternation(data["talk_words"]),
        "{OTHERS}": _alternation(data["others_plural"]),
        "{PROPOSAL}": _alternation(data["proposals"]),
        "{WILLEN_STATIVE}": "(?:" + "|".join(data["willen_stative"]) + ")",
        "{SENT}": "(?:" + "|".join(data["sent"]) + ")",
        # "over" as the particle of overnemen: it ends its clause ("neem ik over."), where the
        # preposition goes on ("het advies over de woningbouw")
        "{OVER_END}": r"\bover\b(?=\s*(?:[.,;:!?]|$|(?:en|maar|dat|om|omdat|zodat)\b))",
        # an aside between commas right after the verb ("Ik ben, na overleg met de sector,
        # voornemens ..."): no clause boundary inside it
        "{ASIDE}": r",\s[^,.;:?!]{1,80},",
        "{ADVERB}": "(?:" + "|".join(data["adverbs"]) + ")",
    }


def _fill(pattern: str) -> str:
    for key, value in _fills().items():
        pattern = pattern.replace(key, value)
    return pattern


@cache
def constructions() -> tuple[Construction, ...]:
    out = []
    for c in _data()["construction"]:
        pattern = _fill(c["pattern"])
        out.append(
            Construction(
                name=c["name"],
                kind=c["kind"],
                pattern=re.compile(pattern, re.IGNORECASE),
                needs_deadline=bool(c.get("needs_deadline")),
                letters_only=bool(c.get("letters_only")),
                reported_only=bool(c.get("reported_only")),
                keys=tuple(c.get("keys", ())),
                patient=bool(c.get("patient")),
                trigger=re.compile(_fill(c["trigger"]), re.IGNORECASE) if "trigger" in c else None,
            )
        )
    return tuple(out)


def _triggers() -> dict[str, re.Pattern[str]]:
    # the constructions, and the hedge that undoes a whole sentence (rare: "aanleiding")
    return {**{c.name: c.trigger or c.pattern for c in constructions()}, _HEDGE: _ex()["hedge"]}


_HEDGE = "exclude_hedge"


scan.declare("promises", _triggers)


@cache
def _bits() -> tuple[int, ...]:
    return tuple(scan.bit(f"promises.{c.name}") for c in constructions())


@cache
def _hedge_bit() -> int:
    return scan.bit(f"promises.{_HEDGE}")


@cache
def _unions() -> tuple[int, int]:
    """The triggers of every construction, and of those that need no deadline phrase."""
    pairs = list(zip(constructions(), _bits(), strict=True))
    return (
        scan.union([b for _c, b in pairs]),
        scan.union([b for c, b in pairs if not c.needs_deadline]),
    )


def possible(mask: int, *, dated: bool) -> bool:
    """Whether any construction may match in a sentence of ``mask``; ``dated``: whether a
    deadline phrase may (the constructions that need one are tried only then)."""
    every, undated = _unions()
    return bool(mask & (every if dated else undated))


@cache
def _ex() -> dict[str, re.Pattern[str]]:
    out = {k: re.compile(_fill(v), re.IGNORECASE) for k, v in _data()["exclude"].items()}
    talk = _data()["exclude"]["talk_object"]
    out["talk_object_any"] = re.compile(_fill(talk.replace("{TALK}", "(?!)")), re.IGNORECASE)
    # no \b before: the head of a compound counts ("innovatieregelingen", "voortgangsbrief")
    out["deliverable"] = re.compile(
        trie_alternation(_data()["deliverables"]) + r"\b", re.IGNORECASE
    )
    data = _data()
    out["owner_noun"] = re.compile(
        r"\b(?:" + "|".join(data["owners"] + data["others_plural"]) + r")\b", re.IGNORECASE
    )
    out["finite"] = re.compile(r"\b(?:" + "|".join(data["finite"]) + r")\b", re.IGNORECASE)
    # "informeer ik uw Kamer hierbij", "met deze brief": this very document, not a later act
    out["this_document"] = present_act()
    return out


# The exclusions ``undone`` reads in the windows of a construction (its clause, its lead, the
# words before it): one scan of a window with all of them loosened says which may match there,
# and only those are searched (most windows hold none).
_WINDOWED = (
    "modal", "modal_passive", "ongoing", "ongoing_unless", "past", "negation",
    "negation_unless", "wish", "target", "discourse", "debate_talk", "talk_acts", "talk_object",
    "talk_object_any", "same_debate", "same_debate_topic", "quoted", "third", "foreign_agent",
    "embedded", "hedge", "this_document", "meeting", "er_komt_not", "position", "reported_other",
    "on_request", "outline",
)  # fmt: skip


def _window_patterns() -> dict[str, re.Pattern[str]]:
    ex = _ex()
    return {key: ex[key] for key in _WINDOWED}


scan.declare_window("exclude", _window_patterns)


@cache
def _window_bits() -> dict[str, int]:
    return {key: scan.bit(f"exclude.{key}") for key in _WINDOWED}


@cache
def _separable() -> dict[str, re.Pattern[str]]:
    # the particle of a separable verb, not a preposition before its noun ("uit de rivieren")
    data = _data()
    particles = dict(data["separable"])
    for verb in data["present_verbs_third"]:
        # the third person is the stem and a "t" ("pakt", "breidt"; "staat" writes the stem's
        # long vowel twice): it takes its stem's particle
        stems = (verb, verb[:-1], verb[:-2] if verb[-3:-2] == verb[-2:-1] else "")
        stem = next((s for s in stems if s in particles), None)
        if stem is not None:
            particles.setdefault(verb, particles[stem])
    return {
        verb: re.compile(
            rf"\b(?:{particle})\b(?!\s+(?:de|het|een|deze|dit|die|onze|ons|hun|zijn|haar|mijn)\b)",
            re.IGNORECASE,
        )
        for verb, particle in particles.items()
    }


def clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_END.search(text, pos, end)
    return m.start() if m else end


_CLAUSE_OPEN = re.compile(
    r"[;:]|\s[—–]\s|,\s+(?=(?:maar|want|omdat|terwijl|zodat|dus|en)\b)"
    r"|\s(?=en\s+(?:dat|dit|daar|die|ik|we|wij|het\s+kabinet)\s)"
)
# matched at the clause's start (``match`` anchors at ``pos``; a "^" would not match there)
_AS_SAID = re.compile(r"\s*zoals\b[^,]*,\s*", re.IGNORECASE)


def clause_start(text: str, start: int, pos: int) -> int:
    """The start of the clause holding ``pos``: after the last ; : dash or clause-opening comma,
    and after a leading "Zoals ik heb toegezegd," (a reference to the past, not the act)."""
    cut = start
    for m in _CLAUSE_OPEN.finditer(text, start, pos):
        cut = m.end()
    said = _AS_SAID.match(text, cut, pos)
    return said.end() if said else cut


def find(
    text: str,
    start: int,
    end: int,
    *,
    letter: bool,
    debate: bool,
    ahead: Callable[[int, int], bool],
    reported: bool = False,
    mask: int = scan.ALL,
    meetings: Sequence[tuple[int, int]] = (),
) -> Match | None:
    """The first construction in ``text[start:end]`` (one sentence) that no exclusion undoes;
    ``ahead(lo, hi)`` says whether ``text[lo:hi]`` names a time that lies ahead (some
    constructions need one in their own clause); ``mask`` holds the triggers the one scan
    found in the sentence; ``meetings``: the spans of the meetings the document names, sorted."""
    sentence = text[start:end]
    low = sentence.lower()
    candidates = _candidates(mask, letter, reported)
    tried = [c for c in candidates if not c.keys or any(k in low for k in c.keys)]
    if not tried:
        return None  # no construction can match: the exclusions below need not be read
    ex = _ex()
    if ex["present_act"].search(sentence.lstrip()) or (
        scan.has(mask, _hedge_bit()) and ex["hedge"].search(sentence)
    ):
        return None
    budget = _BUDGET
    for construction in tried:
        if construction.needs_deadline and not ahead(start, end):
            continue  # no time ahead anywhere in the sentence: spare the pattern
        for tries, m in enumerate(construction.pattern.finditer(text, start, end)):
            if tries == _TRIES:
                break  # a real sentence holds a few; more is a list or a table run together
            if construction.name == "conditional_present" and m.start() != _lstrip(text, start):
                continue
            budget -= 1
            if budget < 0:
                return None
            if undone(
                text, start, end, m.start(), m.end(), debate=debate, name=construction.name,
                ahead=ahead, meetings=meetings,
            ):
                continue
            if construction.needs_deadline and not ahead(
                *clause(text, start, end, m.start(), m.end())
            ):
                continue
            return Match(construction, m.start(), m.end())
    return None


_CANDIDATES: dict[tuple[int, bool, bool], tuple[Construction, ...]] = {}


def _candidates(mask: int, letter: bool, reported: bool) -> tuple[Construction, ...]:
    """The constructions that may match in a sentence of ``mask``, in their order: those of this
    kind of document whose trigger the one scan found (the same few masks recur: kept)."""
    key = (mask, letter, reported)
    found = _CANDIDATES.get(key)
    if found is None:
        found = tuple(
            c
            for c, bit in zip(constructions(), _bits(), strict=True)
            if not (c.letters_only and not letter)
            and not (c.reported_only and not reported)
            and scan.has(mask, bit)
        )
        if len(_CANDIDATES) < _KEPT:
            _CANDIDATES[key] = found
    return found


_KEPT = 4096  # masks whose candidates are kept (a corpus shows a few hundred)


# The matches of one construction, and of all, that one sentence may put through ``undone``: far
# above what real prose holds (the real set: three of one construction at most), a bound on what a
# stretch without stops costs.
_TRIES = 12
_BUDGET = 48


def _lstrip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


# How far a clause may reach from its construction. Real clauses are shorter; a longer "sentence"
# is a table or an enumeration without stops, where an unbounded window would make every match
# cost the whole sentence.
_REACH = 300


def _window(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> tuple[int, int]:
    lo = s_start
    if m_start - s_start > _REACH:
        space = text.find(" ", m_start - _REACH, m_start)  # begin at a word
        lo = space + 1 if space >= 0 else m_start
    return lo, min(s_end, m_end + _REACH)


def clause(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> tuple[int, int]:
    """The clause of the construction ``text[m_start:m_end]`` in the sentence
    ``text[s_start:s_end]``, within ``_REACH`` characters of it."""
    lo, hi = _window(text, s_start, s_end, m_start, m_end)
    return clause_start(text, lo, m_start), clause_end(text, m_end, hi)


# The Kamer as the one promised: informed, sent something, come back to ("uw Kamer", "de Eerste
# Kamer"; not "de Kamer van Koophandel").
_TO_KAMER_ACT = re.compile(
    r"\b(?:uw|de|aan\s+de|naar\s+de)\s+(?:Tweede\s+|Eerste\s+)?Kamer\b(?!\s+van\b)"
    r"|\bu\s+(?:\S+\s+){0,4}?(?:informeren|sturen|toesturen|toekomen|berichten|laten\s+weten"
    r"|tegemoet\s*zien|tegemoetzien)\b|\bterug\s*(?:te\s+)?(?:komen|kom|koppelen)\b|\bterugkom",
    re.IGNORECASE,
)
# A letter as the object of the act ("stuur ik een brief", "in een nadere brief"), not a letter
# of the past ("de brief van 3 maart"), this one ("in deze aanbiedingsbrief") or a newsletter.
_LETTER = re.compile(
    r"(?<!\bdeze\s)\b(?!nieuws)\w*brief(?:en)?\b(?!\s+(?:van|d\.\s*d\.|met\s+kenmerk)\b)",
    re.IGNORECASE,
)
_IN_WRITING_WORD = re.compile(
    r"\bschriftelijk\s+(?:\S+\s+){0,2}?(?:laten\s+weten|laat\s+weten|beantwoord(?:en)?"
    r"|reageer|reageren|antwoorden|ingaan)\b",
    re.IGNORECASE,
)
# The Kamer's committees and members receive for the Kamer ("de vaste commissie informeren").
_PARLIAMENT = r"(?:(?:vaste|algemene|bijzondere)\s+)?(?:kamer)?(?:commissie|leden|woordvoerders)\b"
# A letter sent to someone else: "een brief sturen aan alle gemeenten", "een brief naar de
# provincies" (not "aan het eind van het jaar").
_OTHER_RECEIVER = re.compile(
    r"\b(?:aan|naar)\s+(?!(?:het\s+)?(?:begin|eind|einde)\b|(?:de\s+)?" + _PARLIAMENT + r")"
    r"(?:de|het|alle|onze|mijn|(?!een\b)\w+en)\b",
    re.IGNORECASE,
)
# A noun phrase that may be an indirect object before "een brief" or the object of "informeren"
# ("Ik zal de burgemeesters voor de zomer een brief sturen", "de sector informeren").
_NP = re.compile(r"(?<![\w-])(?:de|het|alle)\s+(?P<np>[\w-]+)", re.IGNORECASE)
_PREPOSITIONS = frozenset(
    [
        "aan", "naar", "voor", "in", "op", "met", "van", "over", "na", "bij", "tot", "uit",
        "door", "tijdens", "rond", "vóór", "om", "tegen", "sinds", "vanaf", "binnen", "onder",
    ]
)
# not an indirect object: a time ("de komende weken een brief"), a government subject, "het" as
# a pronoun ("Ik zal het u sturen") or the Kamer's committee or members
_NOT_INDIRECT = re.compile(
    r"(?:komende?|volgende?|eerstvolgende|zomer|winter|najaar|voorjaar|week|weken|maand|jaar"
    r"|kwartaal|eind|einde|begin|kabinet|regering|minister|staatssecretaris|ministerie|Rijk"
    r"|rijksoverheid|u|uw|ook|dan|nog|wel|graag|daarover|hierover|daarna)\b|" + _PARLIAMENT,
    re.IGNORECASE,
)
# An aside names the Kamer without promising it anything: between commas ("Ik zal, zoals de Kamer
# vroeg, de regeling aanpassen") or closing the clause ("..., zoals de Kamer vroeg").
_ASIDE = re.compile(
    r",\s*(?:zoals|conform|naar\s+aanleiding|op\s+verzoek|gelet\s+op|gezien|mede)\b[^,]*(?:,|$)",
    re.I,
)


def kamer_promised(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> bool:
    """Whether the own clause of a commitment ``text[m_start:m_end]`` names the Kamer as the one
    promised (a toezegging); the rest of the sentence ("In de brief van 3 maart schreef ik het
    al: we gaan ...") does not count, and a letter counts only when it names no other receiver
    ("een brief aan alle gemeenten", "de burgemeesters een brief sturen")."""
    _lo, own = _own_clause(text, s_start, s_end, m_start, m_end)
    if _TO_KAMER_ACT.search(own):
        return True
    # a letter, or an answer in writing ("Ik zal dat schriftelijk laten weten"), with no other
    # receiver
    letter = _LETTER.search(own) or _IN_WRITING_WORD.search(own)
    return letter is not None and not _elsewhere(own, letter.start())


def sent_elsewhere(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> bool:
    """Whether the own clause of an act of sending or informing ``text[m_start:m_end]`` names a
    receiver other than the Kamer, and not the Kamer ("Ik zal de burgemeesters een brief
    sturen", "de evaluatie naar de provincies sturen", "de sector informeren"): no toezegging."""
    lo, own = _own_clause(text, s_start, s_end, m_start, m_end)
    # a receiver a few words before the verb at most ("de evaluatie naar de provincies sturen")
    return not _TO_KAMER_ACT.search(own) and _elsewhere(own, max(0, m_end - lo - _NEAR))


# How far before its verb a receiver may stand ("naar de provincies sturen").
_NEAR = 40


def _own_clause(text: str, s_start: int, s_end: int, m_start: int, m_end: int) -> tuple[int, str]:
    """The start of the commitment's own clause and its words without asides."""
    lo, hi = clause(text, s_start, s_end, m_start, m_end)
    return lo, _ASIDE.sub(" ", text[lo:hi])


_ABOUT = re.compile(r"\bover\b", re.IGNORECASE)
# the verbs whose object is the one informed ("de sector informeren")
_INFORM = re.compile(r"\b(?:te\s+)?(?:informeren|informeer|inlichten|in\s+te\s+lichten)\b", re.I)
_A_LETTER = re.compile(r"\been\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _elsewhere(own: str, at: int) -> bool:
    """Whether the clause ``own`` names a receiver other than the Kamer: "aan/naar <noun phrase>"
    from ``at`` on (not in the topic: "een brief over de steun aan gemeenten"), an indirect
    object before "een brief", or the object of "informeren"."""
    for m in _OTHER_RECEIVER.finditer(own, at):
        if not _ABOUT.search(own, at, m.start()):
            return True
    for m in _LETTER.finditer(own):
        before = own[: m.start()]
        a = _A_LETTER.search(before)
        rest = before[: a.start()] if a else ""
        last = rest.split()[-1:]  # "de burgemeesters een brief", not "in een brief"
        if last and last[0].lower() not in _PREPOSITIONS and _indirect_object(rest):
            return True
    return any(_indirect_object(own[: m.start()]) for m in _INFORM.finditer(own))


def _indirect_object(before: str) -> bool:
    """Whether ``before`` holds a noun phrase after no preposition that is no time and no
    government subject: the one something is sent to or told."""
    for m in _NP.finditer(before):
        pre = before[: m.start()].split()[-1:]
        np = m.group("np")
        if pre and pre[0].lower() in _PREPOSITIONS:
            continue
        if np.lower() in _PREPOSITIONS or _NOT_INDIRECT.match(before, m.start("np")):
            continue
        return True
    return False


_RELATIVE_IN_LEAD = re.compile(
    r"\s(?:die|welke|waarin|waarmee|waarbij|waarover|waarvan|waardoor)\s[^,;]*,", re.I
)
_QUESTION = re.compile(r"\s(?:hoe|of|wat|welke|waarom|wanneer|waar)\s", re.I)
_RELATIVE = re.compile(r"\s(?:die|welke|waarin|waarmee|waarbij|waarover|waarvan|waardoor)\s", re.I)

# Talk that promises a document all the same: "Ook zal ik daarin aangeven wanneer ...".
_IN_WRITING = re.compile(
    r"\b(?:daarin|hierin|in\s+(?:de|die|deze|een|mijn)\s+(?:\S+\s+)?brief|schriftelijk"
    r"|per\s+brief)\b",
    re.I,
)

# A later document that carries an outline ("In de voortgangsbrief zal ik ingaan op ..."),
# not this one ("In deze brief", "dit verslag").
_LATER_DOCUMENT = re.compile(
    r"\b(?:daarin|hierin|schriftelijk|per\s+brief)\b|" + _LETTER.pattern
    + r"|(?<!\bdit\s)\b\w*(?:rapportage|verslag|reactie)\b",
    re.I,
)

# A relative pronoun right before the subject of a subordinate clause ("die we willen ...").
_RELATIVE_SUBJECT = re.compile(r"\b(?:die|welke|waar\w+)\s+$", re.IGNORECASE)

_ALL = frozenset(
    {"modal", "ongoing", "past", "negation", "wish", "target", "discourse", "debate_talk",
     "talk_acts", "same_debate", "third", "embedded", "meeting", "position", "this_document",
     "quoted", "stative", "deliverable", "unowned", "on_request", "outline", "relative"}
)
# What still undoes a rule of the verb lexicon (which checks its own past, negation and subject;
# not this_document: it has its own).
RULE_CHECKS = frozenset(
    {"modal", "ongoing", "same_debate", "debate_talk", "outline", "hedge", "on_request"}
)
# The constructions that name the plan or the delivery, not who acts.
_UNOWNED = frozenset({"plan_unowned", "kamer_passive", "policy_passive_future"})
# The constructions in the present tense: a sentence that opens with a means ("Door het beleid
# te richten op ...,") states their verb as its effect, no act of its own.
_PRESENT = frozenset({"policy_present", "policy_present_gov", "present_scheduled"})
_MEANS = re.compile(r"\W*door\s+(?:[^\s,.;]+\s+){0,15}?te\s+\w+", re.IGNORECASE)
# The constructions that state a scheduled fact: the government's only when it delivers the thing.
_SCHEDULED = frozenset({"scheduled", "scheduled_future", "content_future", "er_komt"})


@cache
def _patients() -> frozenset[str]:
    return frozenset(c.name for c in constructions() if c.patient)


def undone(
    text: str,
    s_start: int,
    s_end: int,
    m_start: int,
    m_end: int,
    *,
    debate: bool,
    name: str = "",
    checks: frozenset[str] = _ALL,
    ahead: Callable[[int, int], bool] | None = None,
    meetings: Sequence[tuple[int, int]] = (),
) -> bool:
    """True when the clause around ``text[m_start:m_end]`` (a construction in the sentence
    ``text[s_start:s_end]``) says the act is necessary, ongoing, past, negated, wished of others,
    talk, a third party's, a fact the government does not deliver or only described."""
    ex = _ex()
    lo, hi = _window(text, s_start, s_end, m_start, m_end)
    stop = clause_end(text, m_end, hi)
    # a relative clause describes something else ("de resultaten die Rijkswaterstaat momenteel
    # uitvoert"): what it says is not the act's tense or mood
    rel = _RELATIVE.search(text, m_end, stop)
    if rel is not None and rel.start() == m_end:
        # right after the verb "die" is a determiner ("zal die boodschap blijven overbrengen")
        rel = _RELATIVE.search(text, rel.end() - 1, stop)
    lead_start = clause_start(text, lo, m_start)
    # the construction's own words: its lead without relative clauses, and what follows up to
    # a relative clause or 80 characters
    own = _RELATIVE_IN_LEAD.sub(" ", text[lead_start:m_start]) + text[
        m_start : min(rel.start() if rel else stop, m_end + 80)
    ]
    scope = text[m_start:stop]
    whole = text[lead_start:stop]
    # a modal in a question the act is about is not the act's own ("we zullen bepalen hoe de
    # borging eruit moet zien")
    question = _QUESTION.search(text, m_end, stop)
    main = text[lead_start : question.start() if question else stop]
    head = text[m_start : min(stop, m_end + 90)]
    lead = text[lead_start:m_end]
    passive = name.startswith("policy_passive")
    before = text[lo:m_start]

    bits = _window_bits()
    masks: dict[str, int] = {}  # window -> the exclusions that may match in it (one scan each)

    def has(key: str, where: str) -> bool:
        mask = masks.get(where)
        if mask is None:
            mask = masks[where] = scan.window_mask(where)
        return scan.has(mask, bits[key]) and bool(ex[key].search(where))

    def later() -> bool:
        """A document or a time ahead makes talk a promise ("Ik zal voor 1 juli reageren")."""
        return bool(_IN_WRITING.search(head)) or (ahead is not None and ahead(lead_start, stop))

    def talk_object() -> bool:
        # in a debate, what the debate talks about is no object ("reageren op de vraag van ...")
        return has("talk_object" if debate else "talk_object_any", whole)

    tests = (
        # a passive's own modal stands before its participle or in it ("kan worden aangepast",
        # "aangepast kan worden"), not in a question after it ("wordt verkend hoe dit kan
        # worden gebracht")
        ("modal", lambda: has("modal", main) or (passive and has("modal_passive", lead))),
        ("ongoing", lambda: has("ongoing", own) and not has("ongoing_unless", scope)),
        ("past", lambda: has("past", own)),
        ("negation", lambda: has("negation", scope) and not has("negation_unless", scope)),
        ("wish", lambda: name == "willen" and has("wish", head)),
        ("target", lambda: name == "willen" and has("target", whole)),
        ("discourse", lambda: has("discourse", head) and not later()),
        ("debate_talk", lambda: debate and has("debate_talk", head)
         and not _IN_WRITING.search(head)),
        ("talk_acts", lambda: has("talk_acts", head) and not talk_object() and not later()),
        ("same_debate", lambda: debate and has("same_debate", whole)
         and has("same_debate_topic", whole)),
        ("quoted", lambda: has("quoted", before)),
        # the letter's own outline ("Vervolgens zal ik ingaan op de kosten") unless a later
        # document or a time ahead carries it ("In de voortgangsbrief zal ik ingaan op ...")
        ("outline", lambda: not debate and has("outline", head)
         and not _LATER_DOCUMENT.search(text, s_start, stop)
         and not (ahead is not None and ahead(s_start, stop))),
        ("on_request", lambda: has("on_request", text[s_start:m_start])
         or _continues_offer(text, s_start)),
        ("stative", lambda: name == "willen" and bool(ex["willen_stative"].match(text, m_end, stop))
         ),
        # "een sector die we willen helpen": the wish describes the noun before it
        ("relative", lambda: name == "willen" and bool(_RELATIVE_SUBJECT.search(before))
         and not text[m_start:m_end].lower().startswith("wil")),
        ("third", lambda: (name not in _patients() and has("third", lead))
         or (passive and has("foreign_agent", whole))),
        ("embedded", lambda: has("embedded", before) or _quoted_saying(before)),
        ("hedge", lambda: has("hedge", text[lo:hi])),
        ("this_document", lambda: has("this_document", whole)),
        ("meeting", lambda: name == "scheduled" and (
            has("meeting", whole) or _overlaps(meetings, lead_start, stop))),
        ("deliverable", lambda: name in _SCHEDULED and (
            not _delivered(text, s_start, own)
            or (name == "er_komt" and has("er_komt_not", scope)))),
        ("position", lambda: _gov_subject(text, m_start, m_end) and has("position", scope)),
        # a plan or a delivery named without its doer is another's when the sentence reports
        # someone ("Volgens de gemeente is het voornemen om ...", "Of de rapportage zal worden
        # gedeeld, is aan de Commissie") or the thing is another's ("Het rapport van de
        # Algemene Rekenkamer zal worden aangeboden aan de Kamer")
        ("unowned", lambda: name in _UNOWNED and (
            has("reported_other", text[s_start:m_start]) or _foreign_owned(whole))),
    )
    if name.startswith("policy_present") and _bare_present(text, m_start, m_end, stop):
        return True  # cheap, and it undoes most of its matches: first
    if name in _PRESENT and _MEANS.match(text, s_start, m_start):
        return True  # "Door ... te werken, versterken we het profiel": the effect of a means
    return any(check in checks and test() for check, test in tests)


def _continues_offer(text: str, s_start: int) -> bool:
    """A sentence opening with "Dan" goes on from the one before: an offer when that one makes
    it on the Kamer's request or puts the request in the Kamer's mouth."""
    ex = _ex()
    if not ex["then_opening"].match(text, s_start):
        return False
    window = text[max(0, s_start - 400) : s_start].rstrip()
    prev = window[max(window.rfind(mark, 0, len(window) - 1) for mark in ".?!") + 1 :]
    return bool(ex["on_request"].search(prev) or ex["kamer_hypothetical"].search(prev))


def _quoted_saying(before: str) -> bool:
    """Words after a verb of saying and a colon are the sayer's, unless "ik"/"we" say them now
    (a past "hebben we gezegd:" reports them)."""
    m = _ex()["saying"].search(before)
    if m is None:
        return False
    if m.group("verb").lower() in ("gezegd", "zei", "zeiden"):
        return True
    who = _WHO.search(before, 0, m.start())  # the few words before the verb
    return who is None or not _FIRST.search(who.group(0))


_WHO = re.compile(r"(?:\S+\s+){0,3}$")


def _delivered(text: str, s_start: int, own: str) -> bool:
    """A scheduled fact's subject is something the government delivers and nobody else owns, or
    its clause names a government agent; a pronoun subject stands for the subject of the
    sentence before (or for what a member asked for there)."""
    ex = _ex()
    if ex["gov_agent"].search(own):
        return True
    if ex["pronoun"].search(own):
        return _antecedent_delivered(_sentence_before(text, s_start))
    return _owned(own)


def _owned(words: str) -> bool:
    """The first deliverable in ``words`` is named with no owner or agent outside the
    government ("het plan van aanpak", not "het plan van de provincie")."""
    ex = _ex()
    d = ex["deliverable"].search(words)
    if d is None:
        return False
    o = ex["owner"].match(words, d.end())
    while o is not None and not o.group("det") and not _foreign(d.group(0), o):
        # a bare noun names the kind of deliverable ("het plan van aanpak", "de nota van
        # wijziging"): its owner may follow ("het plan van aanpak van de provincie")
        o = ex["owner"].match(words, o.end())
    return o is None or not _foreign(d.group(0), o)


def _foreign_owned(words: str) -> bool:
    """The first deliverable in ``words`` has an owner or agent outside the government."""
    return _ex()["deliverable"].search(words) is not None and not _owned(words)


def _foreign(noun: str, owner: re.Match[str]) -> bool:
    """Whether the party after the deliverable ``noun`` is someone outside the government: the
    agent after "door", the other party of a meeting ("het gesprek met de sector"), or after
    "van" an actor (a name that is no deliverable itself, or a noun of ``owners``) rather than
    the thing dealt with ("de evaluatie van de regeling", "van de Omgevingswet")."""
    ex = _ex()
    prep, np = owner.group("prep").lower(), owner.group("np")
    meeting = noun.lower().endswith(tuple(_data()["meetings_held"]))
    party = bool(owner.group("det")) or np[0].isupper() or bool(ex["owner_noun"].match(np))
    if prep == "door" or meeting:
        return party  # the agent; the other party of a meeting ("met de sector")
    if prep != "van":
        return False  # "met"/"tussen" after a deliverable that is no meeting
    if ex["deliverable"].search(np):
        return False  # "de evaluatie van de Omgevingswet": the thing evaluated
    return np[0].isupper() or bool(ex["owner_noun"].match(np))


_STOP = re.compile(r"[.!?:](?=\s)|\n\s*\n")  # a sentence's end or a paragraph's


def _sentence_before(text: str, s_start: int) -> str:
    """The sentence that ends before ``s_start`` (at most ``_REACH`` characters of it); a
    speaker's label ("Minister Madlener:") is skipped, so a turn's first "Die komt voor de zomer"
    reads the question before it."""
    chunk = text[max(0, s_start - _REACH) : s_start].rstrip()
    ends = list(_STOP.finditer(chunk, 0, max(0, len(chunk) - 1)))  # not its own final stop
    last = chunk[ends[-1].end() :] if ends else chunk
    if last.endswith(":") and len(last.split()) <= _LABEL_WORDS and ends:
        return _sentence_before(chunk, ends[-1].end())
    return last


_LABEL_WORDS = 6


# an opening adverbial, after which the subject follows the verb ("Voor de zomer verschijnt ...")
_PREP = re.compile(
    r"\s*(?:in|op|voor|na|bij|met|tijdens|vanaf|sinds|door|over|eind|begin|medio|half)\b", re.I
)
# what may open a subject: a determiner or a name
_OPENS_SUBJECT = re.compile(r"\s*(?:(?i:de|het|een|deze|dit|die|dat|mijn|onze|ons|uw)\b|[A-Z])")


def _antecedent_delivered(before: str) -> bool:
    """Whether the subject of ``before`` (the sentence before a "Dit volgt ...") is a deliverable
    of the government: "Ik ga de regeling herzien" (the government acting on a deliverable), "Het
    plan van aanpak is bijna klaar", "De heer Sneller vroeg naar een terugkoppeling" (what a
    member asks for); not "Het vonnis is nog niet bekend", "De gemeente heeft een plan gemaakt"."""
    ex = _ex()
    asked = ex["asked"].search(before)
    if asked:
        return bool(ex["deliverable"].search(before, asked.end()))
    if _FIRST.search(before) or re.match(r"\s*" + _fills()["{GOV}"], before, re.I):
        return _owned(before)
    verb = ex["finite"].search(before)
    if verb is None:
        return False
    lead = before[: verb.start()]
    if lead.strip() and "," not in lead and _OPENS_SUBJECT.match(lead) and not _PREP.match(lead):
        return _owned(lead)
    # an adverbial opens the sentence: the subject follows the verb
    after = before[verb.end() :]
    comma = after.find(",")
    return _owned(after[: comma if comma >= 0 else 80])


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted ``spans`` overlaps ``[start, end)``."""
    i = bisect_left(spans, (start, start))
    if i > 0 and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end


_FIRST = re.compile(r"\b(?:ik|wij|we)\b", re.IGNORECASE)


def _gov_subject(text: str, m_start: int, m_end: int) -> bool:
    """The construction's subject is het kabinet or a minister, not "ik"/"wij"."""
    return not _FIRST.search(text, m_start, m_end)


@cache
def _present_verbs() -> frozenset[str]:
    data = _data()
    return frozenset(data["present_verbs"] + data["present_verbs_third"])


def _bare_present(text: str, m_start: int, m_end: int, stop: int) -> bool:
    """A policy_present verb that needs its particle but lacks it ("we staan voor een opgave",
    not "we staan ... toe"), or a reflexive ("vragen we ons af")."""
    verb = text[m_start:m_end].split()
    # the verb ends the match after its subject ("we begrenzen", "het kabinet verhoogt") and
    # opens it before ("past het Rijk")
    last = verb[-1].lower()
    word = last if last in _present_verbs() else verb[0].lower()
    particle = _separable().get(word)
    if particle is not None and not particle.search(text, m_end, stop):
        return True
    return bool(re.match(r"\s+(?:ons|mij|me)\b", text[m_end:stop]))


__all__ = [
    "RULE_CHECKS",
    "Construction",
    "Match",
    "clause",
    "clause_end",
    "constructions",
    "find",
    "kamer_promised",
    "sent_elsewhere",
    "undone",
]
