"""The dashboard's charts as server-rendered SVG (no script, no CDN): sign-ups per day, demand against capacity
per employer, interviews per candidate, the day's load per slot. Each chart has a title and a description for
screen readers, and the page keeps the numbers in tables as well."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from flask_babel import gettext as _
from markupsafe import Markup

from jobdating.core.models import Event
from jobdating.core.times import hhmm
from jobdating.planning.overview import Demand

WIDTH, BAR_GAP = 640, 4
COLOURS = {"main": "#0b5cad", "second": "#7aa7d6", "over": "#b3261e", "mark": "#1f2933"}


@dataclass
class Bar:
    label: str
    value: int
    mark: int | None = None  # a second value drawn as a tick (capacity)
    over: bool = False


def _svg(title: str, description: str, height: int, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title><desc>{escape(description)}</desc>'
        + "".join(body) + "</svg>")


def columns(title: str, description: str, bars: list[Bar], height: int = 180) -> Markup:
    """Vertical bars with their label below and value above."""
    if not bars:
        return Markup("")
    top = max(max(b.value for b in bars), 1)
    step = (WIDTH - 20) / len(bars)
    body = []
    for n, bar in enumerate(bars):
        h = round((height - 50) * bar.value / top)
        x = 10 + n * step
        w = max(step - BAR_GAP, 1)
        body.append(f'<rect x="{x:.1f}" y="{height - 30 - h}" width="{w:.1f}" height="{h}" '
                    f'fill="{COLOURS["main"]}"><title>{escape(bar.label)} : {bar.value}</title></rect>')
        if step >= 18:
            body.append(f'<text x="{x + w / 2:.1f}" y="{height - 34 - h}" font-size="10" text-anchor="middle">'
                        f'{bar.value}</text>')
        if step >= 45 or n % max(1, round(45 / step)) == 0:
            body.append(f'<text x="{x + w / 2:.1f}" y="{height - 14}" font-size="10" text-anchor="middle">'
                        f'{escape(bar.label)}</text>')
    return _svg(title, description, height, body)


def rows(title: str, description: str, bars: list[Bar]) -> Markup:
    """Horizontal bars (label on the left), with an optional tick for a second value."""
    if not bars:
        return Markup("")
    top = max(max(max(b.value, b.mark or 0) for b in bars), 1)
    label_width, line = 200, 20
    scale = (WIDTH - label_width - 50) / top
    body = []
    for n, bar in enumerate(bars):
        y = 10 + n * line
        colour = COLOURS["over"] if bar.over else COLOURS["main"]
        body.append(f'<text x="{label_width - 6}" y="{y + 13}" font-size="11" text-anchor="end">'
                    f'{escape(bar.label[:32])}</text>')
        body.append(f'<rect x="{label_width}" y="{y + 3}" width="{bar.value * scale:.1f}" height="{line - 6}" '
                    f'fill="{colour}"><title>{escape(bar.label)} : {bar.value}</title></rect>')
        if bar.mark is not None:
            x = label_width + bar.mark * scale
            body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + line}" stroke="{COLOURS["mark"]}" '
                        f'stroke-width="2"/>')
        body.append(f'<text x="{label_width + max(bar.value, bar.mark or 0) * scale + 6:.1f}" y="{y + 13}" '
                    f'font-size="10">{bar.value}{f" / {bar.mark}" if bar.mark is not None else ""}</text>')
    return _svg(title, description, 20 + len(bars) * line, body)


def signups(days: list[tuple[str, int, int]]) -> Markup:
    bars = [Bar(f"{day[8:10]}/{day[5:7]}", c + e) for day, c, e in days]
    return columns(_("Inscriptions par jour"), _("Candidats et employeurs inscrits chaque jour."), bars)


def demand(rows_: list[Demand], limit: int = 15) -> Markup:
    bars = [Bar(d.employer.company, d.wishes, d.capacity, d.wishes > d.capacity) for d in rows_[:limit]]
    return rows(_("Demande et capacité par employeur"),
                _("Candidats qui ont demandé chaque employeur (barre) et entretiens qu'il peut tenir (trait)."), bars)


def interviews_per_candidate(event: Event) -> Markup:
    counts = Counter(len(c.interviews) for c in event.candidates)
    most = max(counts, default=0)
    bars = [Bar(str(n), counts.get(n, 0)) for n in range(0, max(most, 3) + 1)]
    return columns(_("Entretiens par candidat"), _("Nombre de candidats ayant 0, 1, 2… entretiens."), bars)


def load_per_slot(event: Event) -> Markup:
    busy = Counter(i.start for i in event.interviews)
    bars = [Bar(hhmm(start), busy.get(start, 0)) for start in event.slot_starts()]
    return columns(_("Charge de la journée"), _("Entretiens planifiés à chaque créneau."), bars)


def outcomes(overall: dict[str, int]) -> Markup:
    """The day's outcomes ({"held": n, "follow_up": n, "missed": n, "none": n})."""
    bars = [Bar(str(_("tenus")), overall.get("held", 0)), Bar(str(_("suite souhaitée")), overall.get("follow_up", 0)),
            Bar(str(_("manqués")), overall.get("missed", 0)), Bar(str(_("non renseignés")), overall.get("none", 0))]
    return columns(_("Résultats des entretiens"), _("Entretiens tenus, avec une suite, manqués et non renseignés."),
                   bars)
