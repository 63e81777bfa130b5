"""The scenario's graph as an SVG picture, laid out on the server by hand.

Layered layout: each situation's rank is its breadth-first depth from the
start (situations the start cannot reach go on a last rank of their own);
within a rank, authoring order. Boxes carry the situation's name; arrows go
from a box's bottom to the target's top, and arrows going back up (loops)
curve round the right-hand side. The picture is ``role="img"`` with a
``<title>`` and ``<desc>``; :func:`edge_list` gives the same edges as text for
the list printed under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from scenarios.graph import Graph, depths

BOX_WIDTH, BOX_HEIGHT = 180, 44
GAP_X, GAP_Y, MARGIN = 30, 60, 20
LABEL_CHARS = 24


@dataclass(frozen=True)
class Box:
    key: str
    label: str
    x: int
    y: int
    is_start: bool
    is_ending: bool
    unreachable: bool


def layout(graph: Graph) -> dict[str, Box]:
    """Each situation's box, placed rank by rank (pure)."""
    found = depths(graph)
    last = max(found.values(), default=-1) + 1
    ranks: dict[int, list] = {}
    for situation in graph.by_key.values():
        ranks.setdefault(found.get(situation.key, last), []).append(situation)
    boxes = {}
    for rank, situations in sorted(ranks.items()):
        for column, situation in enumerate(situations):
            boxes[situation.key] = Box(
                key=situation.key,
                label=Truncator(situation.name).chars(LABEL_CHARS),
                x=MARGIN + column * (BOX_WIDTH + GAP_X),
                y=MARGIN + rank * (BOX_HEIGHT + GAP_Y),
                is_start=situation is graph.start,
                is_ending=situation.is_ending,
                unreachable=situation.key not in found,
            )
    return boxes


def edge_list(graph: Graph) -> list[dict]:
    """Every choice as text (source, choice, target, points), for the list."""
    return [
        {
            "source": source.name,
            "choice": choice.text,
            "target": target.name,
            "points": choice.points,
        }
        for source, choice, target in graph.edges()
    ]


def _arrow(source: Box, target: Box, width: int) -> str:
    x1, y1 = source.x + BOX_WIDTH // 2, source.y + BOX_HEIGHT
    x2, y2 = target.x + BOX_WIDTH // 2, target.y
    if target.y > source.y:
        path = f"M{x1},{y1} L{x2},{y2 - 2}"
    else:  # back up a rank or across one: round the right-hand side
        right = width - MARGIN // 2
        ys, yt = source.y + BOX_HEIGHT // 2, target.y + BOX_HEIGHT // 2
        path = (
            f"M{source.x + BOX_WIDTH},{ys} C{right},{ys} {right},{yt} "
            f"{target.x + BOX_WIDTH + 2},{yt}"
        )
    return f'<path d="{path}" class="scenario-graph__edge" marker-end="url(#arrow)"/>'


def graph_svg(graph: Graph, *, title: str, ident: str = "scenario-graph") -> SafeString:
    """The picture, as safe SVG markup; every text is escaped."""
    boxes = layout(graph)
    columns = max((b.x for b in boxes.values()), default=MARGIN)
    rows = max((b.y for b in boxes.values()), default=MARGIN)
    width = columns + BOX_WIDTH + MARGIN * 2
    height = rows + BOX_HEIGHT + MARGIN
    endings = sum(s.is_ending for s in graph.by_key.values())
    desc = _(
        "%(situations)s situations and %(choices)s choices; %(endings)s endings. "
        "The list below the picture gives every choice as text."
    ) % {
        "situations": len(boxes),
        "choices": len(graph.edges()),
        "endings": endings,
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scenario-graph" '
        f'role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
        "<style>.scenario-graph__edge{fill:none;stroke:#333;stroke-width:1.5}"
        ".scenario-graph__box{fill:#fff;stroke:#1d4f91;stroke-width:2}"
        ".scenario-graph__box--ending{fill:#e6f4ea;stroke:#1e6b34}"
        ".scenario-graph__box--unreachable{fill:#fdecea;stroke:#a4161a;"
        "stroke-dasharray:6 3}"
        ".scenario-graph__text{font:13px sans-serif;fill:#111}</style>",
    ]
    for source, _choice, target in graph.edges():
        parts.append(_arrow(boxes[source.key], boxes[target.key], width))
    for box in boxes.values():
        modifier = (
            " scenario-graph__box--unreachable"
            if box.unreachable
            else " scenario-graph__box--ending"
            if box.is_ending
            else ""
        )
        radius = 16 if box.is_ending else 4
        stroke = ' stroke-width="4"' if box.is_start else ""
        parts.append(
            f'<rect class="scenario-graph__box{modifier}" x="{box.x}" y="{box.y}" '
            f'width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="{radius}"{stroke}/>'
            f'<text class="scenario-graph__text" x="{box.x + BOX_WIDTH // 2}" '
            f'y="{box.y + BOX_HEIGHT // 2 + 5}" text-anchor="middle">'
            f"{escape(box.label)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
