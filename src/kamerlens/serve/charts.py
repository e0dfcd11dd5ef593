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
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 26, 40


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
    """Month starts between lo and hi on a round step (1, 2, 3, 6 or 12 months), at most ~8."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = next((s for s in (1, 2, 3, 6, 12) if months / s <= 8), 12 * math.ceil(months / 96))
    k = lo.year * 12 + lo.month - 1
    k = -(-k // step) * step  # the first month on the step, at or after lo's month
    out: list[date] = []
    while True:
        d = date(k // 12, k % 12 + 1, 1)
        if d > hi:
            return out
        if d >= lo:
            out.append(d)
        k += step


def _scale(values: list[float]) -> tuple[bool, float, float]:
    """(log, low, high): a log scale when amounts differ by more than a factor 50."""
    positive = [v for v in values if v > 0]
    if positive and max(positive) / min(positive) > 50:
        return (
            True,
            10 ** math.floor(math.log10(min(positive))),
            10 ** math.ceil(math.log10(max(positive))),
        )
    return False, 0.0, _nice_max(max(values) if values else 0.0)


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
    log, bottom, top = _scale([p["value"] for _, p, _ in pts])
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return LEFT + (W - LEFT - RIGHT) * (d - lo).days / span

    def y(v: float) -> float:
        if log:
            share = (math.log10(max(v, bottom)) - math.log10(bottom)) / (
                math.log10(top) - math.log10(bottom)
            )
        else:
            share = v / top
        return TOP + (H - TOP - BOTTOM) * (1 - share)

    label = f"Pledged amounts over time ({currency}{', log scale' if log else ''})"
    out = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    if log:  # amounts of very different size: say so, or a reader misjudges the gaps
        out.append(
            f'<text x="{W - RIGHT}" y="{TOP - 12}" text-anchor="end" font-size="12" '
            'fill="#9ca3af">log scale</text>'
        )
    if log:
        exps = range(round(math.log10(bottom)), round(math.log10(top)) + 1)
        levels = [10.0**e for e in exps]
    else:
        levels = [top * i / 4 for i in range(5)]
    for v in levels:
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
