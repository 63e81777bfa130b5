"""The authoring checks and the layout, as pure functions over a Graph."""

import pytest

from scenarios import graph as g
from scenarios.drawing import edge_list, graph_svg, layout
from scenarios.graph import Choice, Graph, Situation


def sit(key, *targets, ending=False, label=""):
    choices = tuple(
        Choice(id=f"{key}-{n}", text=f"go {t}", target=t) for n, t in enumerate(targets)
    )
    return Situation(key=key, label=label, text=key, is_ending=ending, choices=choices)


GOOD = Graph(
    (
        sit("a", "b", "c"),
        sit("b", "a", "end"),
        sit("c", "end2"),
        sit("end", ending=True),
        sit("end2", ending=True),
    )
)


def messages(graph):
    return [str(e) for e in g.check(graph)]


def test_a_good_graph_passes():
    assert g.check(GOOD) == []


CASES = [
    (Graph(()), [str(g.NO_SITUATION)]),
    (
        Graph((sit("a", "b"), sit("b", ending=True), sit("orphan", "b"))),
        [str(g.UNREACHABLE % {"situation": "orphan", "start": "a"})],
    ),
    (
        Graph((sit("a", "b", "end"), sit("b"), sit("end", ending=True))),
        [str(g.DEAD_END % {"situation": "b"})],
    ),
    (
        Graph(
            (
                sit("a", "b", "end"),
                sit("b", "c"),
                sit("c", "b"),
                sit("end", ending=True),
            )
        ),
        [
            str(g.NO_WAY_OUT % {"situation": "b"}),
            str(g.NO_WAY_OUT % {"situation": "c"}),
        ],
    ),
    (
        Graph((sit("a", "nowhere", "end"), sit("end", ending=True))),
        [
            str(
                g.UNKNOWN_TARGET
                % {"situation": "a", "choice": "go nowhere", "target": "nowhere"}
            )
        ],
    ),
    (
        Graph((sit("a", "end"), sit("end", "a", ending=True))),
        [str(g.ENDING_WITH_CHOICES % {"situation": "end"})],
    ),
    (
        Graph((sit("a", "end"), sit("end", ending=True), sit("end", ending=True))),
        [str(g.DUPLICATE_KEY % {"key": "end"})],
    ),
]


@pytest.mark.parametrize(
    ("graph", "expected"),
    CASES,
    ids=[
        "empty",
        "unreachable",
        "dead-end",
        "loop-no-way-out",
        "unknown-target",
        "ending-with-choices",
        "duplicate-key",
    ],
)
def test_each_check_names_the_situation(graph, expected):
    assert messages(graph) == expected


def test_a_loop_with_a_way_out_is_fine():
    graph = Graph((sit("a", "b"), sit("b", "a", "end"), sit("end", ending=True)))
    assert g.check(graph) == []


def test_at_most_fifty_situations():
    chain = [sit(f"s{n}", f"s{n + 1}") for n in range(50)] + [sit("s50", ending=True)]
    assert messages(Graph(tuple(chain))) == [
        str(g.TOO_MANY_SITUATIONS % {"max": 50, "count": 51})
    ]
    assert g.check(Graph(tuple(chain[1:]))) == []


def test_messages_use_the_situations_label():
    graph = Graph(
        (
            sit("a", "end"),
            sit("end", ending=True),
            sit("lost", "end", label="Le collègue insiste"),
        )
    )
    assert "Le collègue insiste" in messages(graph)[0]


def test_layout_ranks_by_depth_and_puts_unreachable_last():
    graph = Graph((sit("a", "b"), sit("b", ending=True), sit("orphan", "b")))
    boxes = layout(graph)
    assert boxes["a"].y < boxes["b"].y < boxes["orphan"].y
    assert boxes["orphan"].unreachable and boxes["a"].is_start


def test_svg_is_accessible_and_escaped():
    graph = Graph((sit("a", "end", label="<b>Début</b>"), sit("end", ending=True)))
    svg = graph_svg(graph, title="Un <titre>")
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "&lt;b&gt;Début&lt;/b&gt;" in svg and "Un &lt;titre&gt;" in svg
    assert svg.count("<rect") == 2 and svg.count('marker-end="url(#arrow)"') == 1
    assert edge_list(graph) == [
        {"source": "<b>Début</b>", "choice": "go end", "target": "end", "points": 0}
    ]
