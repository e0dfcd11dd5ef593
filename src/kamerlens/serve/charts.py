"""Pledges over time as an inline SVG line chart, drawn on the server (no chart library, no JS).

Every label that comes from a document is escaped; colours are presentation attributes, not
``style``, so the page's Content-Security-Policy needs no ``unsafe-inline``.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from kamerlens.serve.text import money

PALETTE = ("#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f")
W, H = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 16, 40


def _day(value: Any) -> date | None:
    text = str(value or "")
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10])
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        if len(text) == 4:
            return date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * step:
            return m * step
    return 10 * step


def _ticks(lo: date, hi: date) -> list[date]:
    """Month or year starts between lo and hi, at most ~8 of them."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = max(1, math.ceil(months / 8))
    if step > 6:
        step = 12 * math.ceil(step / 12)
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        d = date(y, m, 1)
        if lo <= d <= hi and ((m - 1) % step == 0 if step <= 12 else True):
            out.append(d)
        m += step if step < 12 else 12
        while m > 12:
            y, m = y + 1, m - 12
    return out


def pledge_chart(series: list[dict[str, Any]], *, limit: int = 8) -> Markup:
    """An SVG of the cumulative amount per recipient over time (one step line each)."""
    if not series:
        return Markup("")
    currency = series[0]["currency"]
    shown = [s for s in series if s["currency"] == currency][:limit]
    pts = [(s, p, _day(p.get("date"))) for s in shown for p in s["points"]]
    days = [d for _, _, d in pts if d]
    if not days:
        return Markup("")
    lo, hi = min(days), max(days)
    if (hi - lo).days < 60:
        lo, hi = lo - timedelta(days=30), hi + timedelta(days=30)
    top = _nice_max(max(p["value"] for _, p, _ in pts))
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (d - lo).days / span

    def y(v: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - v / top)

    out = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" '
        f'aria-label="Pledged amounts over time ({escape(currency)})" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i in range(5):
        v = top * i / 4
        yy = y(v)
        out.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e5e7eb"/>'
            f'<text x="{LEFT - 8}" y="{yy + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#6b7280">{escape(money(v, currency))}</text>'
        )
    for d in _ticks(lo, hi):
        xx = x(d)
        out.append(
            f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{H - BOTTOM}" y2="{H - BOTTOM + 5}" '
            f'stroke="#9ca3af"/>'
            f'<text x="{xx:.1f}" y="{H - BOTTOM + 20}" text-anchor="middle" font-size="12" '
            f'fill="#6b7280">{d:%b %Y}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" stroke="#9ca3af"/>'
    )
    for n, s in enumerate(shown):
        colour = PALETTE[n % len(PALETTE)]
        dated = [(d, p) for ss, p, d in pts if ss is s and d]
        path: list[str] = []
        for k, (d, p) in enumerate(dated):
            # A step line: a pledge holds until the next document changes it.
            path.append(
                f"M{x(d):.1f},{y(p['value']):.1f}"
                if k == 0
                else f"H{x(d):.1f} V{y(p['value']):.1f}"
            )
        if len(dated) > 1:
            out.append(
                f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
        for d, p in dated:
            tip = f"{s['recipient']}: {money(p['value'], currency)} ({p.get('date')})"
            out.append(
                f'<circle cx="{x(d):.1f}" cy="{y(p["value"]):.1f}" r="5" fill="{colour}" '
                f'stroke="#fff" stroke-width="1.5"><title>{escape(tip)}</title></circle>'
            )
    out.append("</svg>")
    return Markup("".join(out))


def legend(series: list[dict[str, Any]], *, limit: int = 8) -> list[tuple[str, str]]:
    """(recipient, colour) in chart order, for the HTML legend under the chart."""
    if not series:
        return []
    currency = series[0]["currency"]
    shown = [s for s in series if s["currency"] == currency][:limit]
    return [(s["recipient"], PALETTE[n % len(PALETTE)]) for n, s in enumerate(shown)]
