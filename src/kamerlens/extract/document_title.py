"""The title of a document: its metadata, a subject line ("Betreft ..."), the questions' line of
answers to Kamervragen, or an all-capitals heading rewritten in sentence case with acronyms and
names as the text writes them elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from kamerlens.extract._document_source import FOOTER, TITLE_ZONE, meta, vocabulary
from kamerlens.extract.lexicon import lower as doc_lower
from kamerlens.extract.needles import fold_safe, may_match
from kamerlens.extract.pipeline import Doc

_CASING_ZONE = 200_000  # how far to look for the usual spelling of a title's words

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LINE = re.compile(r"[^\n]+")


_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_LETTER = re.compile(r"[^\W\d_]")


# Five lower-case letters among the first 40 characters (one match, no list of letters built).
_FIVE_LOWER = re.compile(r"(?:[^a-zß-öø-ÿ]*[a-zß-öø-ÿ]){5}")


def _is_caps(line: str) -> bool:
    # counted by regular expressions (in C): this runs on every line of the title zone
    if _FIVE_LOWER.match(line, 0, 40):
        return False  # running text: decided on the first 40 characters
    letters = len(_LETTER.findall(line))
    if letters < 6:
        return False
    lower = len(_LOWER.findall(line))
    return letters - lower >= 0.9 * letters


@lru_cache(maxsize=8)
def caps_blocks(text: str, end: int) -> list[tuple[int, int]]:
    """Runs of consecutive all-capitals lines in ``text[:end]``, as spans."""
    blocks: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, 0, end):
        line = m.group(0)
        if not _is_caps(line) or FOOTER.search(line):
            continue
        s = m.start() + len(line) - len(line.lstrip())
        e = m.start() + len(line.rstrip())
        between = text[blocks[-1][1] : s] if blocks else ""
        if blocks and between.count("\n") == 1 and not between.strip():
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
    return blocks


def _casing(words: set[str], text: str, skip: tuple[int, int]) -> dict[str, Counter[str]]:
    """How each word is written elsewhere in ``text``: counts of "upper", "title" and "lower"."""
    seen: dict[str, Counter[str]] = {w: Counter() for w in words}
    if not words:
        return seen
    line_end, line_caps = -1, False  # the line of the last occurrence: each line read once
    for start, end in _occurrences(words, text, min(len(text), _CASING_ZONE)):
        if skip[0] <= start < skip[1]:
            continue
        before = text[max(0, start - 3) : start].rstrip(" \t")
        if not before or before[-1] in ".!?\n:" or before.endswith("\n"):
            continue  # sentence-initial capitals say nothing about the word
        form = text[start:end]
        if form.isupper() and start > line_end:  # occurrences come in the order of the text
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            line_caps = _is_caps(text[text.rfind("\n", 0, start) + 1 : line_end])
        if form.isupper() and line_caps:
            continue  # the title itself, or a running head repeating it
        if form.isupper() and len(form) > 1:
            shape = "upper"
        else:
            shape = "title" if form[0].isupper() else "lower"
        seen[form.lower()][shape] += 1
    return seen


def _occurrences(words: set[str], text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the ``words`` (lower case) in ``text[:end]``, in any case, as whole words: no
    letter, digit, "_" or "-" before, no letter, digit or "_" after; in the order of the text."""
    end = min(end, len(text))
    if not fold_safe(text) or not all(_WORD.fullmatch(w) for w in words):
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text, 0, end)]
    # The same matches found with str.find in the lower-cased text (the same offsets in a
    # fold-safe text): no pattern compiled per title, none tried at every position. Words of
    # letters only cannot overlap as whole words, so the order of the finds does not matter.
    low = text[:end].lower()  # only the zone searched: no copy of a long document
    found = []
    for word in words:
        at = low.find(word, 0, end)
        while at >= 0:
            after = at + len(word)
            left = at and (low[at - 1].isalnum() or low[at - 1] in "_-")
            right = after < end and (low[after].isalnum() or low[after] == "_")
            if not left and not right:
                found.append((at, after))
            at = low.find(word, at + 1, end)
    found.sort()
    return found


@cache
def _title_words() -> tuple[dict[str, str], frozenset[str]]:
    """Acronyms (lower case -> as written) and the words always lower case in a title."""
    vocab = vocabulary()["title"]
    return {a.lower(): a for a in vocab["acronyms"]}, frozenset(vocab["lower"])


@cache
def _name_prefixes() -> frozenset[str]:
    return frozenset(vocabulary()["signer"]["prefixes"])


def sentence_case(title: str, text: str = "", skip: tuple[int, int] = (0, 0)) -> str:
    """Rewrite an all-capitals title in sentence case, keeping acronyms and names as ``text`` shows.

    >>> sentence_case("VERSLAG VAN DE NAVO-TOP VAN 11 EN 12 JULI 2023")
    'Verslag van de NAVO-top van 11 en 12 juli 2023'
    """
    acronyms, lower = _title_words()
    parts = _WORD.findall(title)
    seen = _casing({p.lower() for p in parts if p.lower() not in lower}, text, skip)
    first = True

    def recase(m: re.Match[str]) -> str:
        nonlocal first
        word, key = m.group(0), m.group(0).lower()
        counts = seen.get(key, Counter())
        if key in acronyms:
            out = acronyms[key]
        elif key in lower:
            out = key
        elif counts and counts.most_common(1)[0][0] == "upper":
            out = word.upper()
        elif counts and counts["title"] >= counts["lower"]:
            out = key.capitalize()
        else:
            out = key
        if first:
            out = out[0].upper() + out[1:]
            first = False
        return out

    return _WORD.sub(recase, " ".join(title.split()))


# Answers to Kamervragen name their subject in the questions' line: "Vragen van het lid Dijk (SP)
# aan de Minister van ... over het tekort aan amoxicilline (ingezonden 12 december 2022)."
# "Vragen van de leden X (SP), Y (beiden GroenLinks-PvdA) aan de Minister van Z over ...
# (ingezonden 11 oktober 2024)": over line breaks, with the members' parties in brackets
_ASKED = re.compile(
    r"(?m)^[ \t]*(?P<title>Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s"
    r"(?:[^()]|\([^()]{0,60}\)){3,600}?"
    r"\sover\s(?:[^()]|\([^()]{0,60}\)){3,600}?)\s*\((?:ingezonden|ontvangen)\s+\d"
)


@cache
def _subject_re() -> re.Pattern[str]:
    return re.compile(vocabulary()["title"]["subject_line"])


def subject_line(doc: Doc) -> str | None:
    """A letterhead's "Betreft ..." / "Onderwerp: ..." / a list's "Document: ..." line.

    Read from the source text, where the line still ends where the author ended it (the
    normalizer may join it to the next line); a wrapped line continues in lower case."""
    cached = getattr(doc, "_subject", None)  # asked for the kind and for the title
    if cached is not None and cached[0] is doc.text:
        return cached[1]  # type: ignore[no-any-return]
    found = _find_subject_line(doc)
    doc._subject = (doc.text, found)  # type: ignore[attr-defined]
    return found


def _find_subject_line(doc: Doc) -> str | None:
    pattern = _subject_re()
    raw = doc.raw.text
    end = min(TITLE_ZONE, len(raw))
    m = pattern.search(raw, 0, end) if may_match(pattern, raw[:end]) else None
    if m:
        value, nxt = m.group(1), _LINE.match(raw, m.end() + 1)
        if nxt and (nxt.group(0).strip()[:1].islower() or nxt.group(0).strip().isdigit()):
            value += " " + nxt.group(0)
        return " ".join(value.split())
    end = min(TITLE_ZONE, doc.body_end)
    if not may_match(pattern, doc.text, doc_lower(doc), 0, end):
        return None
    m = pattern.search(doc.text, 0, end)
    return " ".join(m.group(1).split()) if m else None


def title(doc: Doc) -> str | None:
    """Metadata title; else a subject line, an all-capitals heading that names the subject, the
    normalizer's title, a heading that only names the document's type ("BRIEF VAN ...")."""
    given = meta(doc, "title", "DC.title", "OVERHEIDop.documenttitel", "titel")
    if given:
        return given if not _is_caps(given) else sentence_case(given, doc.text)
    if subject := subject_line(doc):
        return subject
    end = min(TITLE_ZONE, doc.body_end)
    if may_match(_ASKED, doc.text, doc_lower(doc), 0, end) and (
        m := _ASKED.search(doc.text, 0, end)
    ):
        return " ".join(m.group("title").split())
    vocab = vocabulary()["title"]
    weak, prefix = re.compile(vocab["weak_heads"]), re.compile(vocab["number_prefix"])
    text = doc.text
    blocks = caps_blocks(text, min(TITLE_ZONE, doc.body_end))
    strong = [b for b in blocks if not weak.search(prefix.sub("", text[b[0] : b[1]]))]
    if strong:
        return _recased(text, strong[0], prefix)
    found = getattr(doc.norm, "title", None)
    if isinstance(found, str) and found.strip() and not weak.search(found.strip()):
        return sentence_case(found, text) if _is_caps(found) else " ".join(found.split())
    return _recased(text, blocks[0], prefix) if blocks else None


def _recased(text: str, span: tuple[int, int], prefix: re.Pattern[str]) -> str | None:
    raw = prefix.sub("", " ".join(text[span[0] : span[1]].split()))
    if not raw:
        return None
    titled = sentence_case(raw, text, span)
    # "MOTIE VAN HET LID VAN DER PLAS C.S.": the words after "lid"/"leden" are names
    if m := re.search(vocabulary()["title"]["names_after"], titled):
        names = re.split(r"(\s*,\s*|\s+en\s+)", m.group(2))
        cased = "".join(part if i % 2 else name_case(part) for i, part in enumerate(names))
        titled = titled[: m.start(2)] + cased + titled[m.end(2) :]
    return titled


def name_case(name: str) -> str:
    """A surname written in capitals, as a name: "VAN DER PLAS" -> "Van der Plas".

    >>> name_case("VAN DER PLAS"), name_case("JASPER VAN DIJK"), name_case("YEŞILGÖZ-ZEGERIUS")
    ('Van der Plas', 'Jasper van Dijk', 'Yeşilgöz-Zegerius')
    """
    prefixes = _name_prefixes()
    words = name.lower().split()
    return " ".join(
        w if i and w in prefixes else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )
