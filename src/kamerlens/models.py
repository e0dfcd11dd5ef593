"""The record of one document: frozen dataclasses that serialise to the public JSON contract.

Every extracted item carries ``start`` and ``end``: character offsets in the *normalized* text
(``Record.text``), so a reader can check each item against its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RefKind = Literal["kamerstuk", "handelingen", "aanhangsel"]
EntityType = Literal["country", "organisation", "person", "place"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Signer:
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Speaker:
    """Who is speaking in a debate: "Minister Weerwind", "De heer Sneller (D66)"."""

    name: str | None = None
    role: str | None = None  # minister, staatssecretaris, minister-president, voorzitter, lid
    party: str | None = None  # for members: "D66", "PVV"


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in a debate: from the speaker label to the next label."""

    speaker: Speaker
    start: int
    end: int
    label_end: int  # where the label ("Minister Weerwind:") ends and the words begin


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    sha256: str
    identifier: str | None = None  # "kst-36180-42"
    dossier: str | None = None  # canonical, "36180" / "21501-02" / "36200-X"
    number: str | None = None  # ondernummer, "42" or "E"
    kind: str | None = None  # brief, verslag, geannoteerde agenda, antwoorden, motie ...
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    date_estimated: bool = False
    date_range: tuple[str, str] | None = None  # when estimated: earliest, latest
    signer: Signer = field(default_factory=Signer)
    format: str | None = None  # text, pdf, html, xml-kamerstuk, xml-publication, xml-metadata, vlos
    pages: int | None = None


@dataclass(frozen=True)
class Reference:
    kind: RefKind
    dossier: str | None
    number: str | None
    chamber: str | None  # "II" (Tweede Kamer), "I" (Eerste Kamer) or None
    text: str
    start: int
    end: int
    year: str | None = None  # vergaderjaar "2020/21" when cited
    page: str | None = None  # "p. 15-16"
    item: str | None = None  # Handelingen "item 5"
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Mention:
    start: int
    end: int


@dataclass(frozen=True)
class Motion:
    members: tuple[str, ...]
    cs: bool
    date: str | None
    dossier: str | None
    number: str | None
    subject: str | None
    text: str
    start: int
    end: int
    mentions: tuple[Mention, ...] = ()
    # the government's view in a debate: "oordeel Kamer", "ontraden", "overgenomen", "ontijdig"
    appreciation: str | None = None
    appreciation_span: Mention | None = None
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    text: str
    start: int
    end: int
    purpose: str | None = None
    donor: str | None = None
    recipient: str | None = None
    # The recipient normalised for grouping pledges over time: a fund's acronym defined in the
    # document ("EPF" for "het trustfund ..."), a canonical country or organisation name, else
    # the lower-cased phrase.
    recipient_key: str | None = None
    # "min" for a range ("€ 10 à 20 miljoen"): ``value`` is its lower end, ``upper`` its upper end
    bound: str | None = None
    speaker: Speaker | None = None  # in a debate: who says it
    upper: float | None = None


@dataclass(frozen=True)
class Percentage:
    value: float
    of: str | None
    text: str
    start: int
    end: int
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class DateMention:
    """A date or period named in the text, resolved as far as the context allows."""

    start_date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    end_date: str | None
    text: str
    start: int
    end: int
    year_inferred: bool = False
    relation: Literal["past", "upcoming"] | None = None
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Event:
    name: str
    place: str | None
    start_date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    end_date: str | None
    relation: Literal["past", "upcoming"] | None
    text: str
    start: int
    end: int
    mentions: tuple[Mention, ...] = ()  # every mention of the same meeting, the first included
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Commitment:
    text: str
    actor: str | None
    action: str | None
    deadline: str | None  # YYYY-MM-DD or YYYY-MM
    deadline_text: str | None
    requested_by: str | None
    start: int
    end: int
    subject: str | None = None
    kind: str | None = None  # "toezegging" (a promise to the Kamer) or "voornemen" (an own act)
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class MadeIn:
    dossier: str | None
    number: str | None


@dataclass(frozen=True)
class Fulfilment:
    text: str
    made_in: MadeIn | None
    start: int
    end: int
    subject: str | None = None
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Position:
    actor: str
    verb: str  # as written, with particle or fixed object: "riep op", "heeft aandacht gevraagd"
    text: str
    start: int
    end: int
    lemma: str | None = None  # normalised: "oproepen", "aandacht vragen"
    speaker: Speaker | None = None  # in a debate: who says it


@dataclass(frozen=True)
class Entity:
    type: EntityType
    name: str
    code: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    start: int
    end: int


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str
    start: int  # span of the footnote text in the normalized text
    end: int
    marker: Mention | None = None  # where the marker sits in the body


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    document: DocumentInfo
    text: str
    references: tuple[Reference, ...] = ()
    motions: tuple[Motion, ...] = ()
    amounts: tuple[Amount, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    fulfilments: tuple[Fulfilment, ...] = ()
    positions: tuple[Position, ...] = ()
    entities: tuple[Entity, ...] = ()
    findings: tuple[Finding, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    sections: tuple[Section, ...] = ()
    turns: tuple[Turn, ...] = ()

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The public JSON contract (see README, "The record")."""
        out = asdict(self)
        if not include_text:
            out.pop("text")
        return out


# The values a commitment's ``kind`` and a motion's ``appreciation`` take.
COMMITMENT_KINDS: tuple[str, ...] = ("toezegging", "voornemen")
APPRECIATIONS: tuple[str, ...] = (
    "oordeel Kamer",
    "ontraden",
    "overgenomen",
    "ontijdig",
    "aangehouden",
)

ITEM_KINDS: tuple[str, ...] = (
    "references",
    "motions",
    "amounts",
    "percentages",
    "dates",
    "events",
    "commitments",
    "fulfilments",
    "positions",
    "entities",
    "findings",
    "footnotes",
    "sections",
    "turns",
)
