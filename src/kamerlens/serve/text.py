"""Small text helpers for pages and feeds: money, cut, and the one safe snippet filter."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_MARK = re.compile(r"(</?mark>)", re.IGNORECASE)
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def cut(text: str, width: int = 120) -> str:
    """One line of at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def money(value: float | int | None, currency: str | None = None) -> str:
    """A readable amount: ``money(25e6, "EUR") == '€ 25 mln'``."""
    if value is None:
        return "?"
    sym = _SYMBOLS.get((currency or "").upper(), currency or "")
    v = float(value)
    if abs(v) >= 1e9:
        num = f"{v / 1e9:,.2f}".rstrip("0").rstrip(".") + " bn"
    elif abs(v) >= 1e6:
        num = f"{v / 1e6:,.2f}".rstrip("0").rstrip(".") + " mln"
    else:
        num = f"{v:,.0f}"
    return f"{sym} {num}".strip()


def safe_snippet(snippet: str | None) -> Markup:
    """Escape a store snippet except its ``<mark>`` tags, which stay balanced.

    The store marks hits with ``<mark>...</mark>``; the text around them may come raw (FTS5)
    or already HTML-escaped (the tantivy path). Each piece is unescaped once and escaped again,
    so both read the same and everything else (any markup in the document) is shown as text.
    """
    if not snippet:
        return Markup("")
    out: list[str] = []
    depth = 0
    for part in _MARK.split(snippet):
        low = part.lower()
        if low == "<mark>":
            if depth == 0:
                out.append("<mark>")
            depth += 1
        elif low == "</mark>":
            if depth == 1:
                out.append("</mark>")
            depth = max(0, depth - 1)
        else:
            out.append(str(escape(html.unescape(part))))
    if depth:
        out.append("</mark>")
    return Markup("".join(out))


def plain_snippet(snippet: str | None) -> str:
    """The snippet without its marks (feeds, titles)."""
    return html.unescape(_MARK.sub("", snippet or ""))


def month_name(value: str | None) -> str:
    """``"2022-12"`` -> ``"December 2022"``; anything else as it is."""
    from datetime import date

    text = str(value or "")
    try:
        return date.fromisoformat(text[:7] + "-01").strftime("%B %Y")
    except ValueError:
        return text or "Undated"


def weekday(value: str | None) -> str:
    """``"2022-12-12"`` -> ``"Mon"``; empty for partial dates."""
    from datetime import date

    text = str(value or "")
    try:
        return date.fromisoformat(text[:10]).strftime("%a") if len(text) >= 10 else ""
    except ValueError:
        return ""


def first_upper(value: str | None) -> str:
    """Capitalise the first letter only (``capitalize`` would lower proper nouns)."""
    text = str(value or "")
    return text[:1].upper() + text[1:]


def basename(value: str | None) -> str:
    """The file name of a source path: the server's folders are nobody's business."""
    return str(value or "").rstrip("/").rsplit("/", 1)[-1]


# Roles that speak for the government (their words can be commitments), and the chair.
GOVERNMENT_ROLES = frozenset({"minister", "staatssecretaris", "minister-president", "vicepremier"})
CHAIR_ROLES = frozenset({"voorzitter"})


def speaker_name(speaker: object) -> str:
    """How a debate names its speaker: "Minister Adema", "Van der Plas (BBB)", "De voorzitter".

    >>> speaker_name({"name": "Adema", "role": "minister", "party": None})
    'Minister Adema'
    >>> speaker_name({"name": "Van der Plas", "role": "lid", "party": "BBB"})
    'Van der Plas (BBB)'
    """
    if not isinstance(speaker, dict):
        return ""
    name = str(speaker.get("name") or "").strip()
    role = str(speaker.get("role") or "").strip()
    party = str(speaker.get("party") or "").strip()
    if role.lower() in CHAIR_ROLES:
        return (
            f"Voorzitter {name}".strip()
            if name and name.lower() != role.lower()
            else ("De voorzitter")
        )
    if role and role.lower() not in ("lid", "kamerlid", "member") and name:
        return f"{first_upper(role)} {name}"
    if name:
        return f"{name} ({party})" if party else name
    return first_upper(role) or party


def speaker_side(speaker: object) -> str:
    """``gov``, ``chair`` or ``member``: the colour of a turn in the margin."""
    role = str(speaker.get("role") or "").lower() if isinstance(speaker, dict) else ""
    if role in GOVERNMENT_ROLES:
        return "gov"
    return "chair" if role in CHAIR_ROLES else "member"
