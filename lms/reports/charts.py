"""Charts drawn on the server as SVG: no JavaScript, no CDN, nothing to load.

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and
``<desc>``; the description states the figures in words, and templates put a
data table next to every chart as its text alternative. Every piece of text
is escaped. Colours meet a 3:1 contrast against white (WCAG 1.4.11) and each
bar carries its value in text, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

BAR_COLOUR = "#0b5cad"
AXIS_COLOUR = "#5c6670"
TEXT_COLOUR = "#1b1f24"
FONT = "font-family:system-ui,sans-serif;font-size:12px"


@dataclass(frozen=True)
class Datum:
    """One bar or column: its label, its value, and the value as shown."""

    label: str
    value: float
    text: str


def _open_svg(*, ident: str, width: int, height: int, title: str, desc: str):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="relais-chart" '
        'viewBox="0 0 {width} {height}" width="100%" '
        'style="max-width:{width}px;height:auto" '
        'aria-labelledby="{ident}-title {ident}-desc">'
        '<title id="{ident}-title">{title}</title>'
        '<desc id="{ident}-desc">{desc}</desc>',
        width=width,
        height=height,
        ident=ident,
        title=title,
        desc=desc,
    )


def _baseline(*, left: float, right: float, y: float):
    """The horizontal axis under a column chart's columns."""
    return format_html(
        '<line x1="{l}" y1="{y}" x2="{r}" y2="{y}" stroke="{c}" aria-hidden="true"/>',
        l=left,
        r=right,
        y=y,
        c=AXIS_COLOUR,
    )


def horizontal_bar_chart(
    *,
    ident: str,
    title: str,
    description: str,
    data: list[Datum],
    maximum: float = 100,
) -> SafeString:
    """Horizontal bars, one per datum (e.g. completion rate per team)."""
    label_width, bar_area, row, top = 200, 380, 26, 10
    width = label_width + bar_area + 60
    height = top * 2 + row * max(len(data), 1) + 20
    parts = [
        _open_svg(
            ident=ident, width=width, height=height, title=title, desc=description
        )
    ]
    axis_bottom = top + row * max(len(data), 1)
    for tick in (0, 25, 50, 75, 100):
        x = label_width + bar_area * tick / 100
        parts.append(
            format_html(
                '<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{c}" '
                'stroke-opacity="0.35" aria-hidden="true"/>'
                '<text x="{x}" y="{label_y}" text-anchor="middle" fill="{tc}" '
                'style="{font}" aria-hidden="true">{value}</text>',
                x=f"{x:.1f}",
                top=top,
                bottom=axis_bottom,
                c=AXIS_COLOUR,
                label_y=axis_bottom + 15,
                tc=TEXT_COLOUR,
                font=FONT,
                value=f"{int(maximum * tick / 100)}",
            )
        )
    for index, datum in enumerate(data):
        y = top + row * index
        length = bar_area * max(0.0, min(datum.value, maximum)) / (maximum or 1)
        parts.append(
            format_html(
                "<g><title>{full}: {text}</title>"
                '<text x="{lx}" y="{ty}" text-anchor="end" fill="{tc}" '
                'style="{font}">{label}</text>'
                '<rect x="{bx}" y="{by}" width="{bw}" height="{bh}" fill="{colour}"/>'
                '<text x="{vx}" y="{ty}" fill="{tc}" style="{font}">{text}</text></g>',
                full=datum.label,
                text=datum.text,
                lx=label_width - 8,
                ty=y + 17,
                tc=TEXT_COLOUR,
                font=FONT,
                label=Truncator(datum.label).chars(30),
                bx=label_width,
                by=y + 4,
                bw=f"{length:.1f}",
                bh=row - 8,
                colour=BAR_COLOUR,
                vx=f"{label_width + length + 6:.1f}",
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def column_chart(
    *, ident: str, title: str, description: str, data: list[Datum]
) -> SafeString:
    """Vertical columns, one per datum (e.g. completions per month)."""
    left, top, column, plot_height = 40, 20, 46, 180
    width = left + column * max(len(data), 1) + 10
    height = top + plot_height + 40
    maximum = max((datum.value for datum in data), default=0) or 1
    baseline = top + plot_height
    parts = [
        _open_svg(
            ident=ident, width=width, height=height, title=title, desc=description
        ),
        _baseline(left=left, right=width - 10, y=baseline),
    ]
    for index, datum in enumerate(data):
        x = left + column * index
        bar = plot_height * datum.value / maximum
        parts.append(
            format_html(
                "<g><title>{label}: {text}</title>"
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>'
                '<text x="{cx}" y="{vy}" text-anchor="middle" fill="{tc}" '
                'style="{font}">{text}</text>'
                '<text x="{cx}" y="{ly}" text-anchor="middle" fill="{tc}" '
                'style="{font}">{label}</text></g>',
                label=datum.label,
                text=datum.text,
                x=x + 6,
                y=f"{baseline - bar:.1f}",
                w=column - 12,
                h=f"{bar:.1f}",
                colour=BAR_COLOUR,
                cx=x + column / 2,
                vy=f"{baseline - bar - 4:.1f}",
                ly=baseline + 16,
                tc=TEXT_COLOUR,
                font=FONT,
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


#: The second series of a grouped chart: dark red, 6:1 against white.
SECOND_COLOUR = "#b3261e"


@dataclass(frozen=True)
class Group:
    """One group of columns (e.g. a month): its label and one datum per series."""

    label: str
    data: list[Datum]


def grouped_column_chart(
    *,
    ident: str,
    title: str,
    description: str,
    series: list[str],
    groups: list[Group],
    maximum: float = 100,
) -> SafeString:
    """Two columns per group (e.g. share current and share overdue per month).

    A legend names the series in text; each column carries its value, and
    its ``<title>`` says which series and group it is, so colour is never the
    only cue. At most two series (the bar colour, then dark red).
    """
    colours = (BAR_COLOUR, SECOND_COLOUR)
    left, top, column, gap, plot_height = 10, 34, 22, 10, 160
    group_width = column * len(series) + gap
    width = left + group_width * max(len(groups), 1) + 10
    height = top + plot_height + 40
    baseline = top + plot_height
    parts = [
        _open_svg(
            ident=ident, width=width, height=height, title=title, desc=description
        ),
        _baseline(left=left, right=width - 10, y=baseline),
    ]
    for index, name in enumerate(series):
        x = left + index * 160
        parts.append(
            format_html(
                '<g><rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>'
                '<text x="{tx}" y="16" fill="{tc}" style="{font}">{name}</text></g>',
                x=x,
                tx=x + 16,
                colour=colours[index % 2],
                tc=TEXT_COLOUR,
                font=FONT,
                name=name,
            )
        )
    for g_index, group in enumerate(groups):
        x0 = left + group_width * g_index
        for s_index, datum in enumerate(group.data):
            x = x0 + column * s_index
            bar = plot_height * max(0.0, min(datum.value, maximum)) / (maximum or 1)
            parts.append(
                format_html(
                    "<g><title>{label}, {name}: {text}</title>"
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>'
                    '<text x="{cx}" y="{vy}" text-anchor="middle" fill="{tc}" '
                    'style="font-family:system-ui,sans-serif;font-size:9px">{text}'
                    "</text></g>",
                    label=group.label,
                    name=series[s_index],
                    text=datum.text,
                    x=x + 1,
                    y=f"{baseline - bar:.1f}",
                    w=column - 2,
                    h=f"{bar:.1f}",
                    colour=colours[s_index % 2],
                    cx=x + column / 2,
                    vy=f"{baseline - bar - 3:.1f}",
                    tc=TEXT_COLOUR,
                )
            )
        parts.append(
            format_html(
                '<text x="{cx}" y="{ly}" text-anchor="middle" fill="{tc}" '
                'style="{font}">{label}</text>',
                cx=x0 + column * len(series) / 2,
                ly=baseline + 16,
                tc=TEXT_COLOUR,
                font=FONT,
                label=group.label,
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))
