"""commitments: toezeggingen and announced intentions of the government to parliament.

A commitment is one sentence in which the government undertakes a future action: "Ik zal uw
Kamer voor de zomer informeren over ...", "zal het kabinet uw Kamer ... informeren", "Ik zeg toe
...", "Ik kom hier voor de zomer op terug", "Uw Kamer ontvangt de brief voor 1 juli", and the
passive "waarover uw Kamer door de Minister van X zo snel mogelijk wordt geïnformeerd".

Decisions (documented because a reader may expect otherwise):
- the actor of "ik"/"wij" is the writing minister: the signer's role ("de Minister van
  Buitenlandse Zaken"), else the name, else the pronoun itself ("ik"/"wij": the text does not say
  whether a minister or a state secretary writes); in a debate transcript the speaking minister,
  and a member of parliament's "ik zal" is no commitment; the chair reading out "De minister
  zegt toe ..." gives the actor "de minister";
- "Nederland zal ..." is a pledge or a position, never a commitment; third parties
  ("bondgenoten zullen") and general future facts ("die op de Top zal worden vastgelegd") are not;
- what a minister will do at a meeting ("zal ik in mijn interventie aandacht vragen voor") counts
  when the minister says it of themself; "het kabinet zal tijdens de Raad steun uitspreken" in a
  geannoteerde agenda is a position for that meeting, not a promise to parliament;
- past promises ("zegde ik u toe", "heb ik toegezegd") belong to fulfilments; questions ("Bent u
  bereid ...?") and motion texts ("verzoekt de regering ...") are never commitments;
- a present tense is a promise when a deadline ahead, a condition ("zodra ...") or a later
  document ("informeer ik uw Kamer in het verslag van deze Raad") makes it future; "Zoals
  toegezegd ... informeer ik uw Kamer in het verslag" is then both a fulfilment (the earlier
  promise is named) and a commitment (kept in a later document); a named minister's present
  tense counts only for what goes to the Kamer ("De Minister van Financiën stuurt uw Kamer ...");
- the grammatical subject wins over the writer: "Het kabinet ... zal de inzet bepalen in het
  BNC-fiche dat uw Kamer binnen zes weken ontvangt" is het kabinet's;
- in "Ik zeg toe dat ..." the action is the promised act ("dat de Kamer een brief krijgt":
  sturen), "toezeggen" only when the sentence names none.
The vocabulary is data: ``data/commitments.toml`` (verbs, markers, actors) and
``data/deadlines.toml`` (deadline phrases).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kamerlens.extract import _deadlines, _promises, scan
from kamerlens.extract._cues import (
    doc_date,
    first_person_actor,
    is_foreign_minister,
    load_toml,
    minister_re,
    present_act,
    squash,
    words,
    writer,
)
from kamerlens.extract._speech import is_debate
from kamerlens.extract._spoken import _CHAIR, _GOV, _LISTED, _REPORTED, spoken_sentences
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Commitment

_Phrases = Callable[[], list[_deadlines.Hit]]


@dataclass(frozen=True)
class _Verb:
    lemma: str
    cls: str
    start: int
    end: int


@dataclass(frozen=True)
class _Hit:
    actor: str | None
    verb: _Verb | None
    anchor: int  # where the commitment's clause starts (for choosing its deadline)
    promise: bool = False  # an explicit "ik zeg toe": the subject is what follows it


@dataclass(frozen=True)
class _Lexicon:
    verbs: re.Pattern[str]
    lemmas: tuple[tuple[str, str], ...]  # (lemma, class) by group index
    actor: re.Pattern[str]
    marker: re.Pattern[str]
    te_markers: frozenset[str]
    exclude: re.Pattern[str]
    present_act: re.Pattern[str]
    requested_by: re.Pattern[str]
    later_document: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_toml("commitments.toml")
    groups, lemmas = [], []
    for i, verb in enumerate(data["verb"]):
        forms = sorted(verb["forms"], key=len, reverse=True)
        groups.append(f"(?P<v{i}>" + "|".join(words(f) for f in forms) + ")")
        lemmas.append((verb["lemma"], verb["class"]))
    first = "|".join(data["first_person"])
    others = "|".join(words(a) for a in data["actors"])
    actor = rf"\b(?P<first>(?i:{first}))\b|\b(?P<gov>(?i:{others}))\b|(?P<minister>{minister_re()})"
    rb = data["requested_by"]
    name = words(rb["name"])
    member = rf"(?:het\s+lid|de\s+leden)\s+{name}(?:(?:\s*,\s*|\s+en\s+){name})*(?:\s+c\.s\.)?"
    motion = rf"(?:de\s+)?(?:gewijzigde\s+)?motie(?:\s+van)?\s+(?:{member}|{name}(?:\s+c\.s\.)?)"
    who = rf"(?P<who>{motion}|{member}|{words(rb['committee'])})"
    return _Lexicon(
        verbs=re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE),
        lemmas=tuple(lemmas),
        actor=re.compile(actor),
        # lower case only: a marker opening a sentence ("Zal ...?") makes a question
        marker=re.compile(r"\b(?:" + "|".join(words(m) for m in data["markers"]) + r")\b"),
        te_markers=frozenset(data["te_markers"]),
        exclude=re.compile("|".join(data["exclude"]), re.IGNORECASE),
        present_act=present_act(),
        requested_by=re.compile(
            words(rb["lead"]) + r"\s+(?:(?:het|de)\s+)?(?:verzoek\s+van\s+)?" + who, re.IGNORECASE
        ),
        later_document=re.compile(words(data["later_document"]), re.IGNORECASE),
    )


# A clause boundary between an actor and its verb: the verb then belongs to another subject.
_CLAUSE = r"\b(?:dat|die|wat|waarin|waarmee|waarbij|waardoor|zodat|omdat|terwijl|maar|nadat)\b"
_BOUNDARY = re.compile(r"[;:()]|" + _CLAUSE, re.IGNORECASE)
_VERB_BOUNDARY = re.compile(r"[;:]|" + _CLAUSE, re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:niet|geen|nooit)\b(?!\s+(?:later|eerder)\s+dan)", re.IGNORECASE)
_TOEZEG = re.compile(
    r"\b(?:(?P<p1>ik|wij|we)\s+zeg(?:gen)?|zeg(?:gen)?\s+(?P<p2>ik|wij|we))\b(?:\s+[^\s:;]+){0,8}?\s+toe\b"
    r"|\b(?:ik|wij|we)\s+(?:kan|kunnen|wil|willen)\s+(?:\S+\s+){0,3}?toezeggen\b"
    r"|\b(?:kan|wil)\s+(?:ik|wij|we)\s+(?:\S+\s+){0,3}?toezeggen\b",
    re.IGNORECASE,
)
# what comes back to the Kamer after "kom(en)": "... op terug", "terug op", "daarop terug"
_BACK = r"(?P<rest>[^.;]{0,150}?)(?:\bop\s+terug|\bterug\s+op|(?:hier|daar|er)op\s+terug)\b"
_TERUGKOMEN = re.compile(
    r"\b(?:(?P<a>ik|wij|we|het\s+kabinet)\s+(?:kom|komen|komt)|(?:kom|komen|komt)\s+(?P<b>ik|wij|we|"
    r"het\s+kabinet))\b" + _BACK,
    re.IGNORECASE,
)
# The subject elided in the second of two main clauses: "Ik bekijk dat en kom erop terug".
_TERUGKOMEN_ELIDED = re.compile(
    r"\W*(?:(?:dan|daarna|daarom)\s+)?(?P<a>ik|wij|we)\s+[^.;,?]{1,100}?\ben\s+(?:kom|komen)\b"
    + _BACK,
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"(?P<pre>\b(?:wordt|worden|zal|zullen)\s+)?\b(?:uw|de)\s+(?:Tweede\s+)?Kamer\b"
    r"(?P<mid>[^.;?]{0,220}?)\b(?P<verb>ge ?ïnformeerd|geinformeerd|ingelicht"
    r"|op\s+de\s+hoogte\s+(?:gesteld|gehouden|gebracht)|in\s+kennis\s+gesteld|toegezonden"
    r"|toegestuurd|gestuurd|gezonden|aangeboden|voorgelegd|ingediend)\b(?P<after>\s+(?:worden|zal\s+worden))?",
    re.IGNORECASE,
)
# The action of a passive, by its participle.
_PARTICIPLE = {"toegezonden": "toezenden", "gezonden": "toezenden", "toegestuurd": "sturen"}
_PARTICIPLE["gestuurd"] = "sturen"
_PARTICIPLE.update({"aangeboden": "aanbieden", "voorgelegd": "voorleggen", "ingediend": "indienen"})
# What the government submits to the Kamer ("ingediend"): a bill of its own, never a member's
# initiative, motion or amendment, and no member as the agent.
_GOV_BILL = re.compile(
    r"^(?!.*\b(?:initiatief\w*|door\s+(?:het\s+lid|de\s+leden|de\s+heer|mevrouw)))"
    r".*\b(?:wetsvoorstel\w*|voorstel\s+van\s+(?:rijks)?wet|nota\s+van\s+wijziging|suppletoire\s+begroting\w*)\b",
    re.IGNORECASE | re.DOTALL,
)
# An indirect question before the passive: whether it happens is open.
_QUESTION_OF = re.compile(r"(?:^|\bis\s+|\bvraag\s+|,\s*)of\s", re.IGNORECASE)
# The auxiliary of a passive standing before "(bij) uw Kamer" in its clause ("Het wetsvoorstel
# wordt naar verwachting in het voorjaar bij uw Kamer ingediend").
_AUX_BEFORE = re.compile(r"\b(?:wordt|worden|zal|zullen)\s+(?:[^\s,;:.]+\s+){0,10}?$", re.I)
_RECEIVES = re.compile(
    r"\b(?:uw|de)\s+(?:Tweede\s+)?Kamer\b[^.;,]{0,80}?\bontvangt\b|\bu\s+ontvangt\b"
    r"|\bontvangt\s+(?:uw\s+Kamer|u)\b",
    re.IGNORECASE,
)
_PRESENT_WHO = r"(?i:ik|wij|we|het\s+kabinet|de\s+regering)"


@cache
def _present_who() -> str:
    """Who may promise in the present tense: "ik", "wij", het kabinet and the other government
    actors of the data ("mijn ambtgenoot van Financiën")."""
    others = "|".join(words(a) for a in load_toml("commitments.toml")["actors"])
    return rf"(?:{_PRESENT_WHO}|(?i:{others}))"


_PRESENT_VERB = (
    r"(?i:informeer|informeren|informeert|stuur|sturen|stuurt|zend|zenden|zendt|kom|komen|komt)"
)


@cache
def _present_kamer(minister: bool = False) -> re.Pattern[str]:
    """A present tense of informing or sending, with its subject before or after the verb; with
    ``minister`` the subject may be a named minister ("De Minister van Financiën stuurt ...")."""
    who = rf"(?:{_present_who()}|{minister_re()})" if minister else _present_who()
    return re.compile(
        rf"\b(?:(?P<a>{who})\s+(?P<v1>{_PRESENT_VERB})|(?P<v2>{_PRESENT_VERB})\s+(?P<b>{who}))\b"
    )


# Without these a sentence names no minister (a substring test spares the long pattern).
_MINISTER_KEY = ("inister", "taatssecretaris", "ewindspersoon")


# A named minister's present tense promises only what goes to the Kamer ("stuurt uw Kamer").
_TO_KAMER = re.compile(r"\b(?:(?:uw|de)\s+(?:Tweede\s+)?Kamer|u)\b", re.IGNORECASE)
# What makes a present tense a promise when no deadline is named: "Zodra ..., informeer ik".
_FUTURE_SIGNAL = re.compile(
    r"\b(?:zodra|nadat|na\s+afronding|na\s+afloop|wanneer|indien|zo\s+gauw|separaat|nader|apart)\b",
    re.IGNORECASE,
)
_WITH = re.compile(r"\s+(?:\S+\s+){0,8}?met\s+(?:een|de|het|mijn|onze|nadere)\b", re.IGNORECASE)
# Substrings without which the exclusion and "who asked" patterns cannot match (speed; a few
# ``in`` tests cost less than one regular expression that has to try each at every position).
_EXCLUDE_KEY = (
    "erzoekt", "oept", "Bent u", "bent u", "Kunt u", "kunt u", "Wilt u", "wilt u", "Kan de",
    "kan de",
)  # fmt: skip
_REQUEST_KEY = ("erzoek", "erzocht", "aanleiding", "n.a.v.", "uitvoering", "reactie", "gevolg")
_TOEZEG_END = re.compile(r"\b(?:zeg|zegt|zeggen)\b(?:\s+\S+){0,6}?\s+toe\b|\btoezeggen\b", re.I)
_KAMER_GETS = re.compile(
    r"\b(?:uw|de)\s+(?:Tweede\s+)?Kamer\b[^.;]{0,160}?\b(?:krijgt|ontvangt|zal\s+(?:\S+\s+){0,6}?"
    r"(?:krijgen|ontvangen))\b|\b(?:krijgt|ontvangt)\s+(?:uw|de)\s+(?:Tweede\s+)?Kamer\b",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"\ben\s+$")
_TE_BEFORE = re.compile(r"\bte\s+$")
_PASSIVE_KEY = (
    "nformeerd", "ïnformeerd", "ingelicht", "hoogte", "kennis", "gezonden", "gestuurd", "geboden",
    "gelegd", "ingediend",
)  # fmt: skip
_PRESENT_KEY = ("nformee", "nformer", "stur", "stuu", "zend", "kom")


def _holds(text: str, keys: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the substrings ``keys``."""
    return any(k in text for k in keys)


_AUX = re.compile(
    r"\b(?:wordt|worden|zal|zullen|werd|werden|is|was|zijn|waren|heeft|hebben|had)\b", re.I
)
_PAST_AUX = re.compile(r"werd|werden|is|was|zijn|waren|heeft|hebben|had", re.IGNORECASE)


@component("commitments", needs=("document", "dates", "document_date", "events", "turns"))
def commitments(doc: Doc) -> None:
    out: list[Commitment] = []
    dates = _deadlines.date_index(doc)
    found = doc.scan
    for s_start, s_end, speaking in spoken_sentences(doc):
        if s_end - s_start <= _LONGEST and not _may_promise(found.mask(s_start, s_end)):
            continue  # most sentences: the one scan found no trigger of any rule or construction
        for start, end in _pieces(doc.text, s_start, s_end):
            item = _commitment(doc, start, end, dates, speaking)
            if item is not None:
                out.append(item)
    doc.results["commitments"] = out


# The longest stretch read as one sentence. A real sentence of government prose stays far below
# (the real set's longest is about 1,300 characters); a longer one is a table, a list or a text
# layer without stops, and would make the rules cost its length for every cue in it.
_LONGEST = 2000


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as one span, or cut into spans of at most ``_LONGEST`` characters:
    after a semicolon or line break in the second half of the stretch, else at a space."""
    out = []
    while end - start > _LONGEST:
        limit = start + _LONGEST
        cut = max(text.rfind(";", start, limit), text.rfind("\n", start, limit))
        if cut < start + _LONGEST // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit - 1
        out.append((start, cut + 1))
        start = cut + 1
    out.append((start, end))
    return out


def _commitment(
    doc: Doc, start: int, end: int, dates: _deadlines.DateIndex, speaking: str = _GOV
) -> Commitment | None:
    mask = doc.scan.mask(start, end)
    if not _may_promise(mask):
        return None  # the one scan found no trigger of any rule or construction here
    lex = _lexicon()
    text = doc.text
    sentence = text[start:end]
    if sentence.rstrip(" »”’\"')").endswith("?") or (
        _holds(sentence, _EXCLUDE_KEY) and lex.exclude.search(sentence)
    ):
        return None
    found: list[list[_deadlines.Hit]] = []

    def phrases() -> list[_deadlines.Hit]:
        # the deadline phrases: looked for once, and only when a rule needs them
        if not found:
            found.append(_deadlines.phrases(doc, start, end))
        return found[0]

    hit = _rules_hit(doc, start, end, sentence, phrases, mask)
    kind = None
    if hit is not None and (hit.actor is None or (speaking == _CHAIR and not hit.promise)):
        hit = None  # nobody of the government; the chair only reads out what it promised
    if hit is not None and speaking == _LISTED and not (
        hit.promise or _holds(sentence, _MINISTER_KEY)
    ):
        hit = None  # an item of the chair's list names the member of the government promising
    if hit is not None and _promises.undone(
        text, start, end, hit.anchor, hit.verb.end if hit.verb and hit.verb.end else hit.anchor,
        debate=is_debate(doc), checks=_promises.RULE_CHECKS,
    ):
        hit = None  # a construction elsewhere in the sentence may still promise
    if hit is None and speaking in (_GOV, _REPORTED, _LISTED):
        hit, kind = _construction_hit(
            doc, start, end, phrases, reported=speaking != _GOV, mask=mask
        )
    if hit is None or hit.actor is None:
        return None
    deadline = _deadlines.choose(doc, phrases(), prefer_from=hit.anchor, dates=dates)
    requested = _holds(sentence, _REQUEST_KEY) and lex.requested_by.search(text, start, end)
    if kind is None:
        kind = "toezegging" if hit.verb is None or hit.verb.cls == "kamer" else "voornemen"
    verb_end = hit.verb.end if hit.verb is not None and hit.verb.end else hit.anchor
    if (
        kind == "toezegging"
        and hit.verb is not None
        and hit.verb.cls == "kamer"
        and _promises.sent_elsewhere(text, start, end, hit.anchor, max(verb_end, hit.anchor))
    ):
        kind = "voornemen"  # sent or told to someone else ("Ik zal de gemeenten een brief sturen")
    if kind == "voornemen" and _promises.kamer_promised(
        text, start, end, hit.anchor, max(verb_end, hit.anchor)
    ):
        kind = "toezegging"
    if speaking == _LISTED:
        kind = "toezegging"  # the chair's list holds what the Kamer registers as toezeggingen
    return Commitment(
        text=sentence,
        actor=hit.actor,
        action=hit.verb.lemma if hit.verb else None,
        deadline=deadline.date if deadline else None,
        deadline_text=squash(deadline.text) if deadline else None,
        requested_by=_requester(requested.group("who")) if requested else None,
        start=start,
        end=end,
        subject=_subject(doc, start, end, hit, deadline.start if deadline else None),
        kind=kind,
    )


def _triggers() -> dict[str, re.Pattern[str]]:
    """What must match in a sentence before each verb-lexicon rule can (see scan.py)."""
    return {
        "toezeggen": _TOEZEG,
        "toezeggen_third": _toezeg_third(),
        "future": _lexicon().marker,
        "terugkomen": _TERUGKOMEN,
        "terugkomen_elided": _TERUGKOMEN_ELIDED,
        "passive": _PASSIVE,
        "receives": _RECEIVES,
        "present": _present_kamer(),
        "present_minister": _present_kamer(minister=True),
    }


scan.declare("commitments", _triggers)


@cache
def _rule_bits() -> dict[str, int]:
    return {name: scan.bit(f"commitments.{name}") for name in _triggers()}


@cache
def _rules_union() -> int:
    return scan.union(list(_rule_bits().values()))


def _may_promise(mask: int) -> bool:
    """Whether a rule or a construction may match in a sentence of ``mask`` (the constructions
    that need a deadline only where a deadline phrase may stand)."""
    return bool(mask & _rules_union() or _promises.possible(mask, dated=_deadlines.possible(mask)))


def _rules_hit(
    doc: Doc, start: int, end: int, sentence: str, phrases: _Phrases, mask: int = scan.ALL
) -> _Hit | None:
    """The verb-lexicon rules, each only where its key word occurs (a substring test costs next
    to nothing) and the one scan found its trigger."""
    bits = _rule_bits()

    def may(*names: str) -> bool:
        return any(scan.has(mask, bits[n]) for n in names)

    hit = (
        ("zeg" in sentence and may("toezeggen", "toezeggen_third") and _toezeggen(doc, start, end))
        or (may("future") and _future(doc, start, end))
        or (
            "terug" in sentence and may("terugkomen", "terugkomen_elided")
            and _terugkomen(doc, start, end)
        )
        or (may("passive") and _holds(sentence, _PASSIVE_KEY) and _passive(doc, start, end))
        or None
    )
    if hit is None and "ontvangt" in sentence and may("receives"):
        hit = _receives(doc, start, end, phrases)
    if hit is None and may("present", "present_minister") and _holds(sentence, _PRESENT_KEY):
        hit = _present(doc, start, end, phrases)
    return hit


def _construction_hit(
    doc: Doc,
    start: int,
    end: int,
    phrases: _Phrases,
    *,
    reported: bool = False,
    mask: int = scan.ALL,
) -> tuple[_Hit | None, str | None]:
    """A construction of ``_promises`` (beyond the verb lexicon), with its kind. ``reported``:
    a document of parliament reporting what a named minister said ("De minister van Financiën is
    voornemens ...", "meldt de staatssecretaris dat hij ... zal sturen")."""
    debate = is_debate(doc)
    known: dict[tuple[int, int], bool] = {}  # asked for the same span by many constructions

    def ahead(lo: int, hi: int) -> bool:
        found = known.get((lo, hi))
        if found is None:
            found = known[lo, hi] = _ahead(doc, [h for h in phrases() if lo <= h[0] and h[1] <= hi])
        return found

    m = _promises.find(
        doc.text,
        start,
        end,
        letter=not debate,
        debate=debate,
        ahead=ahead,
        reported=reported,
        mask=mask,
        meetings=_meetings(doc),
    )
    if m is None:
        return None, None
    actor = _reported_actor(doc, start, m) if reported else _construction_actor(doc, start, m)
    if actor is None:
        return None, None
    verb = _Verb(m.construction.name, m.construction.kind, m.start, m.end)
    return _Hit(actor, verb, m.start), m.construction.kind


def _meetings(doc: Doc) -> list[tuple[int, int]]:
    """The spans where the document names a meeting (events), sorted; once per document."""
    events = doc.results.get("events") or ()
    cached = getattr(doc, "_meeting_spans", None)
    if cached is None or cached[0] is not events:
        spans = sorted((m.start, m.end) for e in events for m in e.mentions)
        cached = (events, spans)
        setattr(doc, "_meeting_spans", cached)  # noqa: B010  a plain attribute, not a result
    return cached[1]  # type: ignore[no-any-return]


def _ahead(doc: Doc, hits: list[_deadlines.Hit]) -> bool:
    """A deadline phrase that lies ahead of the document (or cannot be dated: "binnenkort");
    "zo snel mogelijk" alone makes no present tense a promise."""
    written = doc_date(doc) or ""
    for _s, _e, _o, rule, m in hits:
        if _ASAP.search(m.group(0)):
            continue
        value = _deadlines.resolve(doc, rule, m)
        if value is None:
            # a phrase kept as text may still name a year ("in 2020"): one before the date the
            # document states is behind (an estimated date is too rough to tell)
            year = _YEAR.search(m.group(0))
            if (
                year is None
                or not written
                or doc.info.get("date_estimated")
                or year.group(0) >= written[:4]
            ):
                return True
        elif value >= written[: len(value)]:
            return True
    return False


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


# Times too vague to make a present tense a promise: "zo snel mogelijk", "straks", "de komende
# jaren" (also "Dat zal de komende jaren het geval zijn"), recurrences.
_ASAP = re.compile(
    r"\b(?:zo\s+(?:snel|spoedig|vlug)\s+mogelijk|zsm|z\.s\.m\.|straks|de\s+komende\s+(?:jaren|tijd|periode)"
    r"|(?:half)?jaarlijks|periodiek|regelmatige\s+basis|vanaf\s+heden)",
    re.I,
)


_HE = re.compile(r"\b(?:hij|zij|ze)\b", re.IGNORECASE)


def _reported_actor(doc: Doc, start: int, m: _promises.Match) -> str | None:
    """The named member of the government a report says will act: the construction's own
    subject, or "hij"/"zij" standing for the minister the sentence named before."""
    lex = _lexicon()
    gov = lex.actor.search(doc.text, m.start, m.end)
    if gov is not None and not gov.group("first") and (gov.group("minister") or gov.group("gov")):
        return _actor_at(doc, gov)
    if _HE.search(doc.text, m.start, m.end):
        named = [a for a in lex.actor.finditer(doc.text, start, m.start) if a.group("minister")]
        if named:
            return _actor_at(doc, named[-1])
    elif m.construction.patient:
        # no subject of its own ("Het voornemen is om ...", "Hierbij zal ... worden gedeeld met
        # de Kamer"): the minister the paragraph reports on, named before in it
        # (the one who reports: "meldt de staatssecretaris", "De minister van Financiën is
        # voornemens"; a minister named as an object, "overlegd met de minister van JenV", is not)
        para = max(doc.text.rfind("\n", 0, start) + 1, start - _PARAGRAPH_REACH)
        text = doc.text
        named = [
            a for a in lex.actor.finditer(text, para, m.start)
            if a.group("minister") and _REPORTS.search(
                text[max(para, a.start() - 25) : a.start()] + " " + text[a.end() : a.end() + 25]
            )
        ]
        if named:
            return _actor_at(doc, named[-1])
    return None


# A reporting verb next to a minister: the one a report's paragraph is about.
_REPORTS = re.compile(
    r"\b(?:meldt|melden|schrijft|stelt|kondigt|deelt|informeert|geeft|vraagt|verzoekt|zegt|is\s+voornemens"
    r"|heeft\s+(?:besloten|aangekondigd|toegezegd)|brief\s+(?:regering\s+-|van\s+de))\b",
    re.IGNORECASE,
)

_PARAGRAPH_REACH = 1500  # how far back a report's paragraph is read for the minister it is about


def _construction_actor(doc: Doc, start: int, m: _promises.Match) -> str | None:
    """Who acts: a named government subject of the match ("het kabinet"), else the speaker or
    writer."""
    gov = _lexicon().actor.search(doc.text, m.start, m.end)
    if gov is not None and not gov.group("first"):
        return _actor_at(doc, gov)
    return first_person_actor(doc, start)


def _first_verb(doc: Doc, start: int, end: int, *, same_clause: bool = True) -> _Verb | None:
    """The first action verb in ``doc.text[start:end]``, not past a clause boundary or negation."""
    lex = _lexicon()
    text = doc.text
    if same_clause:
        # a verb past a boundary or a negation would not count: search only up to the first
        # (the long verb pattern then reads the clause, not the sentence)
        for stop in (_VERB_BOUNDARY.search(text, start, end), _NEGATION.search(text, start, end)):
            if stop is not None:
                end = min(end, stop.start())
    m = lex.verbs.search(text, start, end)
    if m is None:
        return None
    lemma, cls = lex.lemmas[int((m.lastgroup or "v0")[1:])]
    return _Verb(lemma, cls, m.start(), m.end())


def _actor_at(doc: Doc, m: re.Match[str]) -> str | None:
    if m.group("first"):
        return first_person_actor(doc, m.start(), m.group("first"))
    if m.group("minister"):
        if is_foreign_minister(doc.text, m.start(), m.end()):
            return None
        name = squash(m.group("minister"))
        return name[0].lower() + name[1:] if name.lower().startswith("de ") else name
    gov = squash(m.group("gov"))
    if _UNDERSIGNED.fullmatch(gov):
        return first_person_actor(doc, m.start(), "wij" if gov.endswith("n") else "ik")
    return gov[0].lower() + gov[1:]


# "(De) ondergetekende(n)": the writer of an older letter or answer, in the third person.
_UNDERSIGNED = re.compile(r"(?:de\s+)?ondergetekenden?", re.IGNORECASE)


def _allowed(actor_match: re.Match[str], verb: _Verb) -> bool:
    """Meeting verbs ("aandacht vragen") count for a minister's own word, not for het kabinet."""
    gov = actor_match.group("gov")
    return verb.cls != "meeting" or gov is None or bool(_UNDERSIGNED.fullmatch(squash(gov)))


def _toezeggen(doc: Doc, start: int, end: int) -> _Hit | None:
    """ "Ik zeg u toe ...", and the chair's "De minister zegt toe ..." in a transcript."""
    m = _TOEZEG.search(doc.text, start, end)
    if m is not None:
        pronoun = m.group("p1") or m.group("p2") or "ik"
        actor = first_person_actor(doc, m.start(), pronoun)
    else:
        m = _toezeg_third().search(doc.text, start, end)
        if m is None:
            return None
        actor_m = _lexicon().actor.match(doc.text, m.start())
        actor = _actor_at(doc, actor_m) if actor_m else None
    clause = doc.text[max(start, m.start() - 40) : m.end()]
    if _NEGATION.search(clause[max(clause.rfind(","), clause.rfind(";")) + 1 :]):
        return None  # "Dat kan ik niet toezeggen", "Ik zeg niet toe dat ...": no promise
    # "Ik zeg toe dat ik ... zal sturen": the promised act sits in the dat-clause; "dat de Kamer
    # ... een brief krijgt" promises the sending
    verb = _first_verb(doc, m.end(), end, same_clause=False)
    if verb is None and (got := _KAMER_GETS.search(doc.text, m.end(), end)):
        verb = _Verb("sturen", "kamer", got.start(), got.end())
    return _Hit(actor, verb or _Verb("toezeggen", "kamer", 0, 0), start, promise=True)


@cache
def _toezeg_third() -> re.Pattern[str]:
    who = rf"(?:{minister_re()}|[Hh]et\s+kabinet|[Dd]e\s+regering)"
    return re.compile(rf"{who}\s+(?:zegt|zeggen)\b(?:\s+\S+){{0,8}}?\s+toe\b")


def _future(doc: Doc, start: int, end: int) -> _Hit | None:
    """A finite future/intention marker with a government actor next to it and an action verb."""
    lex = _lexicon()
    text = doc.text
    for tries, mk in enumerate(lex.marker.finditer(text, start, end)):
        if tries == _MARKERS:
            break  # a real sentence holds a few markers; more is a list run together
        if _TE_BEFORE.search(text, max(start, mk.start() - 4), mk.start()):
            continue  # "te zullen": inside a reported promise, not a finite marker
        actor_m = _actor_next_to(doc, mk.start(), mk.end(), start)
        if actor_m is None:
            continue
        verb_from = max(mk.end(), actor_m.end())
        verb = _first_verb(doc, verb_from, min(end, verb_from + _NEAR))
        if verb is None or not _allowed(actor_m, verb):
            continue
        head = mk.group(0).split()[0].lower()
        # "verwacht ... te informeren" only; "verwacht dat ..." is a forecast
        if (
            head in lex.te_markers
            and not re.search(r"\bte\b", text[verb.start : verb.end], re.I)
            and not re.search(r"\bte\s+(?:kunnen\s+)?$", text[verb_from : verb.start], re.I)
        ):
            continue
        return _Hit(_actor_at(doc, actor_m), verb, min(mk.start(), actor_m.start()))
    return None


def _actor_next_to(doc: Doc, m_start: int, m_end: int, s_start: int) -> re.Match[str] | None:
    """A government actor right after the marker ("zal ik", "zal het kabinet") or before it in
    the same clause ("Het kabinet zal", "waarna ik uw Kamer zal informeren")."""
    lex = _lexicon()
    text = doc.text
    after = lex.actor.match(text, _skip_space(text, m_end))
    if after is not None:
        return after
    before = None
    # the subject stands within a few words of its verb: a bounded window keeps a sentence of
    # many markers linear
    for a in lex.actor.finditer(text, max(s_start, m_start - _NEAR), m_start):
        before = a
    if _COORDINATED.search(text, max(s_start, m_start - 6), m_start):
        # "Het kabinet verwelkomt dat het voorstel er is en zal ...": a second main verb of the
        # sentence's subject, past any subordinate clause
        subject = _sentence_subject(doc, s_start)
        if subject is not None:
            return subject
    if before is None or _BOUNDARY.search(text, before.end(), m_start):
        return None
    if _COORDINATED.search(text, before.end(), m_start) and before.start() - s_start < 40:
        return before  # "Ik heb de NVWA gevraagd dit te onderzoeken en zal ...": one subject
    gap = text[before.end() : m_start]
    # the subject stands close to its verb; a long gap means another subject intervened
    if len(gap.split()) > 8 or "," in gap:
        return None
    return before


# How far from its marker the verb-lexicon rules look for the subject and the verb, and how many
# markers of one sentence they try.
_NEAR = 400
_MARKERS = 12


# What may open a sentence before its subject: a conjunction or a linking adverb.
_OPENER = re.compile(r"(?:(?:En|Maar|Ook|Daarnaast|Tevens|Verder|Bovendien)\s+)?")


def _sentence_subject(doc: Doc, s_start: int) -> re.Match[str] | None:
    """The government actor that opens the sentence as its subject ("Het kabinet ...", "De
    Minister van Financiën ..."), or None (a foreign minister is nobody's actor here)."""
    text = doc.text
    pos = _skip_space(text, s_start)
    pos = _OPENER.match(text, pos).end()  # type: ignore[union-attr]  # always matches
    m = _lexicon().actor.match(text, pos)
    if m is None or (m.group("minister") and is_foreign_minister(text, m.start(), m.end())):
        return None
    return m


def _writer_or_subject(doc: Doc, s_start: int, pos: int) -> str | None:
    """Who sends when the sentence names no agent: the sentence's own government subject
    ("Het kabinet zal de inzet bepalen in het BNC-fiche dat uw Kamer binnen zes weken ontvangt")
    before the writer."""
    subject = _sentence_subject(doc, s_start)
    if subject is not None and not subject.group("first"):
        return _actor_at(doc, subject)
    return first_person_actor(doc, pos)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _terugkomen(doc: Doc, start: int, end: int) -> _Hit | None:
    m = _TERUGKOMEN.search(doc.text, start, end) or _TERUGKOMEN_ELIDED.match(doc.text, start, end)
    if m is None or _NEGATION.search(re.sub(r",[^,]*,", " ", m.group("rest"))):
        return None  # "Daar kom ik niet meer op terug"; not a clause between commas
    who = (m.group("a") or m.group("b")).lower()
    actor = "het kabinet" if "kabinet" in who else first_person_actor(doc, m.start(), who)
    return _Hit(actor, _Verb("terugkomen op", "kamer", m.start(), m.end()), m.start())


def _passive(doc: Doc, start: int, end: int) -> _Hit | None:
    """ "uw Kamer wordt (door X) zo snel mogelijk geïnformeerd", "de Kamer zal ... worden ..."."""
    lex = _lexicon()
    text = doc.text
    for m in _PASSIVE.finditer(text, start, end):
        mid = m.group("mid")
        auxes = list(_AUX.finditer(mid))
        if auxes:
            if _PAST_AUX.fullmatch(auxes[-1].group(0)):
                continue  # "uw Kamer is op 3 mei geïnformeerd" is past
        elif not (
            m.group("pre") or m.group("after")
            or _AUX_BEFORE.search(text, max(start, m.start() - 90), m.start())
        ):
            continue
        future = re.search(r"\b(?:zal|zullen)\b", m.group(0), re.I)
        if m.group("verb").lower() == "ingediend" and not _GOV_BILL.search(text[start:end]):
            continue  # members submit motions and amendments; the government submits bills
        clause = max(text.rfind(",", start, m.start()) + 1, start)
        if _NEGATION.search(text, clause, m.end("verb")):
            continue  # "De rapportage zal vooralsnog niet aan de Kamer worden gestuurd"
        if _QUESTION_OF.search(text[start : m.start()]):
            continue  # "De vraag is of het wetsvoorstel in 2026 bij de Kamer zal worden ingediend"
        if not future and lex.present_act.search(text, start, end):
            continue  # "Hierbij wordt uw Kamer geïnformeerd" is this very letter; "Hierbij zal
            # ook een kader worden gedeeld met de Kamer" is a later act
        if not future and re.search(r"\bdat\b", text[start : m.start()], re.I):
            continue  # "Wij gaan ervan uit dat de Kamer wordt geïnformeerd": someone's assumption
        actor = _door_actor(doc, m.start("mid"), m.end("mid"), start)
        lemma = _PARTICIPLE.get(m.group("verb").lower(), "informeren")
        verb = _Verb(lemma, "kamer", m.start("verb"), m.end("verb"))
        return _Hit(actor, verb, m.start())
    return None


def _door_actor(doc: Doc, start: int, end: int, s_start: int) -> str | None:
    """The agent of a passive ("door de Minister van X"); the writer when none is named."""
    lex = _lexicon()
    text = doc.text
    for door in re.finditer(r"\bdoor\s+", text[start:end]):
        pos = start + door.end()
        m = lex.actor.match(text, pos)
        if m is not None and (m.group("minister") or m.group("gov")):
            return _actor_at(doc, m)
        if re.match(r"(?:mij|ons)\b", text[pos:end]):
            return first_person_actor(doc, pos)
        return None  # someone else informs the Kamer
    return _writer_or_subject(doc, s_start, start)


def _receives(doc: Doc, start: int, end: int, phrases: _Phrases) -> _Hit | None:
    """ "Uw Kamer ontvangt de brief voor 1 juli": a delivery promised by the writer."""
    m = _RECEIVES.search(doc.text, start, end)
    if m is None or _lexicon().present_act.search(doc.text, start, end) or not phrases():
        return None
    verb = _Verb("sturen", "kamer", m.start(), m.end())
    # the deadline of its own clause: "De Commissie publiceert X in het voorjaar; uw Kamer
    # ontvangt het BNC-fiche binnen zes weken"
    anchor = doc.text.rfind(";", start, m.start()) + 1 or start
    return _Hit(_writer_or_subject(doc, start, m.start()), verb, anchor)


def _agreeing(text: str, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """The first subject and present tense that agree: "ik stuur", "wij sturen", "de Minister
    voor Klimaat en ik sturen", "het kabinet stuurt"; not "(zal) het kabinet informeren"."""
    for m in pattern.finditer(text, start, end):
        who = (m.group("a") or m.group("b")).lower()
        verb = (m.group("v1") or m.group("v2")).lower()
        if verb.endswith("en"):
            # plural: "wij", or a coordinated subject ending in "en ik" before the verb
            coordinated = m.group("a") and _COORDINATED.search(
                text, max(start, m.start() - 4), m.start()
            )
            ok = who in ("wij", "we") or (who == "ik" and bool(coordinated))
        elif verb.endswith("t"):
            ok = who not in ("ik", "wij", "we")
        else:
            ok = who == "ik"
        if ok:
            return m
    return None


def _present(doc: Doc, start: int, end: int, phrases: _Phrases) -> _Hit | None:
    """ "Voor de zomer informeer ik uw Kamer over ...", "Het kabinet komt in het najaar met een
    reactie": a present tense made future by a deadline or a condition ("zodra ...")."""
    text = doc.text
    m = _agreeing(text, _present_kamer(), start, end)
    if m is None and _holds(text[start:end], _MINISTER_KEY):
        m = _agreeing(text, _present_kamer(minister=True), start, end)
    if m is None or _lexicon().present_act.search(text, start, end):
        return None
    who = m.group("a") or m.group("b") or ""
    minister = bool(re.match(minister_re(), who)) and not re.fullmatch(_present_who(), who)
    if minister and (
        is_foreign_minister(text, m.start(), m.end()) or not _TO_KAMER.search(text, m.end(), end)
    ):
        return None
    verb_word = (m.group("v1") or m.group("v2")).lower()
    if verb_word.startswith("kom") and not _WITH.match(text, m.end(), end):
        return None  # "komen" promises only "met een voorstel", "met een reactie"
    deadline = _deadlines.choose(doc, phrases(), prefer_from=m.end())
    if deadline is not None:
        if deadline.start > m.end() and _BOUNDARY.search(text, m.end(), deadline.start):
            return None  # "Ik informeer u over X, die voor de zomer ...": the time is X's, not mine
        if deadline.date and deadline.date < (doc_date(doc) or "")[: len(deadline.date)]:
            return None  # "Op 3 februari stuur ik ...": a past time makes no promise
    elif not (_FUTURE_SIGNAL.search(text, start, end) or _later_document(doc, m.end(), end)):
        return None
    if verb_word.startswith("inform"):
        lemma = "informeren"
    elif verb_word.startswith("zend"):
        lemma = "toezenden"
    elif verb_word.startswith("kom"):
        lemma = "komen met"
    else:
        lemma = "sturen"
    actor: str | None
    if minister:
        actor = squash(who)
        actor = actor[0].lower() + actor[1:] if actor.lower().startswith("de ") else actor
    elif re.fullmatch(_PRESENT_WHO, who) is None or re.search("kabinet|regering", who, re.I):
        actor = squash(who)  # het kabinet, mijn ambtgenoot van Financiën
        actor = actor[0].lower() + actor[1:]
    else:
        actor = first_person_actor(doc, m.start(), who.lower())
    return _Hit(actor, _Verb(lemma, "kamer", m.start(), m.end()), start)


def _later_document(doc: Doc, start: int, end: int) -> bool:
    """ "informeer ik uw Kamer in het verslag van deze Raad": a later document carries the act
    (not when this document is itself of that kind: a verslag speaking of "het verslag")."""
    m = _lexicon().later_document.search(doc.text, start, end)
    if m is None:
        return False
    kind = str(doc.info.get("kind") or "").lower()
    return not (kind and kind.startswith(m.group("doc").lower()))


def _requester(who: str) -> str:
    who = squash(who)
    who = re.sub(r"^(?:de|uw)\s+(?=\w)", "", who, flags=re.I) if "commissie" in who else who
    return re.sub(r"^de\s+motie\b", "motie", who)


_SUBJECT_OVER = re.compile(r"\b(?:over|omtrent|inzake)\s+(?!de\s+(?:zomer|uitkomst)\b)", re.I)
_SUBJECT_END = re.compile(r"\s*(?:[;(]|\s-\s|$)")
_ANTECEDENT = re.compile(
    r"\b(?:van|over|aan|naar|uit|met|in)\s+(?P<np>(?:de|het|een)\s+[^,;()]{3,120}?)\s*,\s*"
    r"(?:waarover|waarop|waarvan|waarmee)\s*$",
    re.I,
)


def _subject(doc: Doc, start: int, end: int, hit: _Hit, deadline_at: int | None) -> str | None:
    """What the commitment is about, when the sentence says it plainly."""
    text = doc.text
    verb = hit.verb
    if verb is None:
        return None
    promised = _TOEZEG_END.search(text, start, end) if hit.promise else None
    if promised is not None:  # "Ik zeg toe <what>", "De minister zegt toe <what>"
        rest = re.sub(
            r"^[\s,]*(?:u\s+|uw\s+Kamer\s+|de\s+Kamer\s+)?(?:om\s+|dat\s+)?",
            "",
            text[promised.end() : end],
        )
        return _trim(re.split(r",\s+en\s+zal\b", rest, maxsplit=1)[0])
    if verb.end == 0:
        return None
    if verb.lemma == "aandacht vragen":
        m = re.match(r"\s+(voor\s+.+)", text[verb.end : end], re.S)
        return _trim(m.group(1)) if m else None
    rel = re.search(r"(?:,\s*)(?:waarover|waarop|waarvan|waarmee)\b", text[start:end], re.I)
    if rel is not None:
        ante = _ANTECEDENT.search(text[start : start + rel.end()])
        return _trim(ante.group("np")) if ante else None
    over = _SUBJECT_OVER.search(text, hit.anchor, end)
    if over is None:
        # "Over de uitkomsten wordt uw Kamer ... geïnformeerd": the topic opens the sentence
        lead = _SUBJECT_OVER.match(text, start, hit.anchor)
        return _trim(text[lead.start() : hit.anchor]) if lead else None
    # "uw Kamer over de uitkomsten informeren": the phrase ends at the verb
    stop = verb.start if over.start() < verb.start else end
    if deadline_at is not None and over.start() < deadline_at < stop:
        stop = deadline_at  # "over de uitkomsten voor de zomer informeren"
    return _trim(text[over.start() : stop])


def _trim(phrase: str) -> str | None:
    phrase = squash(phrase)
    phrase = _SUBJECT_END.split(phrase, maxsplit=1)[0]
    phrase = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", phrase).rstrip(" .,:")
    if not phrase or len(phrase) > 300:
        return None
    return phrase


__all__ = ["commitments", "writer"]
