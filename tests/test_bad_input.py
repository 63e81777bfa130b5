"""Bad input never reaches a 500: every Relais URL, every id it reads.

The URLs come from the URLconf itself (``get_resolver()``), so a new learner
or admin pattern is covered without touching this file: its path ids get
Unicode digits, signs, spaces, huge numbers and the like (a refused id is a
404 at the resolver), and the report, assignment and listing pages get the
same in each query-string parameter their filters read, alone or repeated,
on the page, its results fragment and both exports.

Overflow only shows on PostgreSQL (SQLite raises OverflowError for some
paths, not all); run this file there too with DATABASE_URL.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import django_filters
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.ids import MAX_ID, parse_id
from quizzes.services import attempt_start
from tests.factories import QuizFactory

# The reports' fixtures, by name (pytest finds fixtures in the module).
from tests.lms.conftest import (  # noqa: F401
    assigned,
    course,
    manager_a,
    manager_b,
    managers_group,
    members_a,
    members_b,
    team_a,
    team_b,
    today,
    trainer,
)
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

#: Namespaces of the pages a learner reaches (plus the search page).
LEARNER_NAMESPACES = {"courses", "certificates", "quizzes"}
LEARNER_NAMES = {"search"}
#: Namespaces of the admin reports and the listings around them.
ADMIN_NAMESPACES = {"reports", "assignments", "teams", "courses_certificate"}
ADMIN_NAMES = {"wagtailsnippets_quizzes_quiz:attempts"}

#: A refused request: login, the not-in-scope page, not found, wrong method.
#: 405 is a GET on a POST-only action; 200 is a filter that flags the value.
NEVER_500 = {200, 302, 400, 403, 404, 405}


# --- The URLs, from the URLconf ---------------------------------------------------


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (
                f"{namespace}{pattern.name}",
                "/" + prefix + str(pattern.pattern),
                pattern,
            )


def _owned(name: str, namespaces: set[str], names: set[str]) -> bool:
    return name in names or name.split(":")[0] in namespaces


def relais_patterns(namespaces, names) -> list[tuple[str, str, URLPattern]]:
    return sorted(
        (name, route, pattern)
        for name, route, pattern in _walk(get_resolver().url_patterns)
        if _owned(name, namespaces, names)
    )


def with_ids(route: str, pattern: URLPattern) -> list[str]:
    """The route's parameters that hold ids (every converter but ``str``)."""
    converters = getattr(pattern.pattern, "converters", {})
    return [
        name
        for name, converter in converters.items()
        if type(converter).__name__ != "StringConverter"
    ]


def fill(route: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        start = route.index(f":{name}>")
        start = route.rindex("<", 0, start)
        end = route.index(">", start) + 1
        route = route[:start] + quote(value, safe="") + route[end:]
    return route


LEARNER_ID_ROUTES = [
    (name, route, with_ids(route, pattern))
    for name, route, pattern in relais_patterns(LEARNER_NAMESPACES, LEARNER_NAMES)
    if with_ids(route, pattern)
]
ADMIN_ID_ROUTES = [
    (name, route, with_ids(route, pattern))
    for name, route, pattern in relais_patterns(ADMIN_NAMESPACES, ADMIN_NAMES)
    if with_ids(route, pattern)
]


def query_parameters(pattern: URLPattern) -> list[str]:
    """What a listing reads from the query string: its filters, page and sort."""
    view_class = getattr(pattern.callback, "view_class", None)
    names = ["p", "ordering", "q"]
    filterset_class = getattr(view_class, "filterset_class", None)
    for name, field in getattr(filterset_class, "base_filters", {}).items():
        if isinstance(
            field, django_filters.RangeFilter | django_filters.DateRangeFilter
        ):
            names += [f"{name}_after", f"{name}_before", f"{name}_min", f"{name}_max"]
        names.append(name)
    return names


ADMIN_LISTINGS = [
    (name, route, query_parameters(pattern))
    for name, route, pattern in relais_patterns(ADMIN_NAMESPACES, ADMIN_NAMES)
    if getattr(getattr(pattern.callback, "view_class", None), "filterset_class", None)
]


def test_the_urlconf_gives_every_kind_of_url():
    """The lists below are not empty by accident (a renamed namespace, say)."""
    names = {name for name, *_ in LEARNER_ID_ROUTES + ADMIN_ID_ROUTES + ADMIN_LISTINGS}
    assert {
        "courses:enrol",
        "courses:certificate_pdf",
        "quizzes:attempt",
        "reports:question_analysis",
        "teams:edit",
        "courses_certificate:inspect",
    } <= names
    listings = {name for name, *_ in ADMIN_LISTINGS}
    assert {
        "reports:completion",
        "reports:completion_results",
        "reports:team_summary",
        "reports:certificates_results",
        "reports:item_analysis",
        "assignments:index",
    } <= listings
    completion = {n: p for n, _r, p in ADMIN_LISTINGS}["reports:completion"]
    assert {"team", "course", "status", "due_after", "due_before", "p"} <= set(
        completion
    )


# --- Bad ids ------------------------------------------------------------------------

unicode_digits = st.text(
    alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=8
)
huge_numbers = st.integers(min_value=20, max_value=60).flatmap(
    lambda size: st.text(alphabet="0123456789", min_size=size, max_size=size)
)
just_past_the_column = st.integers(min_value=MAX_ID + 1, max_value=2**64).map(str)
signed = st.tuples(
    st.sampled_from(["-", "+", " ", "\t", "\u00a0", "\u3000", "0", "-0"]),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["", " ", "\n", ".0", "_0", "e3"]),
).map(lambda parts: f"{parts[0]}{parts[1]}{parts[2]}")
floats = st.floats(allow_nan=True, allow_infinity=True).map(repr)
odd = st.sampled_from(
    ["", "0", "-1", "00", "1_0", "1e3", "0x1", "null", "None", "١٢", "²", "１"]
)
bad_ids = st.one_of(
    unicode_digits, huge_numbers, just_past_the_column, signed, floats, odd
)


# --- Who asks ----------------------------------------------------------------------


def _client(user=None) -> Client:
    # The status, not a re-raised exception: a 500 is what we look for.
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def status_of(client: Client, path: str) -> int:
    """The response's status, having read a streamed body to the end."""
    try:
        response = client.get(path)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    except Exception:  # raised while streaming an export: what users see as 500
        return 500
    return response.status_code


@pytest.fixture
def world(request, learner):
    """A learner with an attempt, a team member who finished, a manager, a trainer.

    The teams' fixtures come by name: they live in tests/lms/conftest.py.
    """
    request.getfixturevalue("assigned")
    team = request.getfixturevalue("team_a")
    finish(enrolment_of(members_a_first(team), request.getfixturevalue("course")))
    quiz = QuizFactory(questions=2)
    attempt = attempt_start(quiz=quiz, learner=learner)
    return {
        "learner": _client(learner),
        "manager": _client(request.getfixturevalue("manager_a")),
        "trainer": _client(request.getfixturevalue("trainer")),
        "quiz": quiz,
        "attempt": attempt,
    }


def refused_by_the_resolver(path: str, name: str) -> bool:
    """True when ``path`` does not reach the view ``name`` (a bad id never does)."""
    try:
        return resolve(path).view_name != name
    except Resolver404:
        return True


def members_a_first(team):
    return team.memberships.order_by("learner__username").first().learner


# --- Path ids -----------------------------------------------------------------------


def _path_case(routes):
    return st.tuples(st.sampled_from(routes), bad_ids)


@EXAMPLES
@given(case=_path_case(LEARNER_ID_ROUTES))
def test_learner_urls_refuse_bad_path_ids(world, case):
    (name, route, parameters), value = case
    path = fill(route, dict.fromkeys(parameters, value))
    status = status_of(world["learner"], path)
    assert status in NEVER_500, (name, path, status)
    if parse_id(value) is None:
        assert refused_by_the_resolver(path, name), path


@EXAMPLES
@given(case=_path_case(ADMIN_ID_ROUTES), role=st.sampled_from(["manager", "trainer"]))
def test_admin_urls_refuse_bad_path_ids(world, case, role):
    (name, route, parameters), value = case
    path = fill(route, dict.fromkeys(parameters, value))
    status = status_of(world[role], path)
    assert status in NEVER_500, (name, path, status)
    if parse_id(value) is None:
        assert refused_by_the_resolver(path, name), path


@pytest.mark.parametrize(
    "name, route, parameters",
    LEARNER_ID_ROUTES + ADMIN_ID_ROUTES,
    ids=[name for name, *_ in LEARNER_ID_ROUTES + ADMIN_ID_ROUTES],
)
@pytest.mark.parametrize(
    "value", ["9" * 25, str(MAX_ID + 1), "٣"], ids=["25-digits", "past-bigint", "Nd"]
)
def test_every_id_route_refuses_numbers_past_the_column(
    world, name, route, parameters, value
):
    """Every route, whatever the draw: the overflow a 500 came from."""
    path = fill(route, dict.fromkeys(parameters, value))
    client = world["learner" if name.split(":")[0] in LEARNER_NAMESPACES else "trainer"]
    assert refused_by_the_resolver(path, name)
    # Learner URLs answer 404; the admin's catch-all may redirect instead.
    assert status_of(client, path) in {302, 404}


# --- Query strings ------------------------------------------------------------------

repeated = st.one_of(bad_ids, st.sampled_from(["1", "2"]))


@EXAMPLES
@given(
    listing=st.sampled_from(ADMIN_LISTINGS),
    data=st.data(),
    export=st.sampled_from([None, "csv", "xlsx"]),
    role=st.sampled_from(["manager", "trainer"]),
)
def test_admin_listings_survive_bad_query_strings(world, listing, data, export, role):
    name, route, parameters = listing
    parameter = data.draw(st.sampled_from(parameters), label="parameter")
    values = data.draw(st.lists(repeated, min_size=1, max_size=3), label="values")
    query = [(parameter, value) for value in values]
    if export:
        query.append(("export", export))
    path = f"{route}?{urlencode(query)}"
    status = status_of(world[role], path)
    assert status in NEVER_500, (name, path, status)


@pytest.mark.parametrize(
    "name, route, parameters",
    ADMIN_LISTINGS,
    ids=[name for name, *_ in ADMIN_LISTINGS],
)
@pytest.mark.parametrize("export", [None, "csv"])
def test_every_listing_refuses_huge_ids_in_every_parameter(
    world, name, route, parameters, export
):
    """Every listing and parameter at once, with the value that overflowed."""
    query = [(parameter, "9" * 30) for parameter in parameters]
    query += [(parameter, "١٢") for parameter in parameters]
    if export:
        query.append(("export", export))
    for role in ("manager", "trainer"):
        status = status_of(world[role], f"{route}?{urlencode(query)}")
        assert status in NEVER_500, (name, role, status)


@pytest.mark.parametrize("value", ["١٢", "9" * 30, " 1"], ids=["Nd", "huge", "space"])
def test_a_team_that_is_not_a_plain_id_is_out_of_scope(world, value):
    path = f"{reverse('reports:completion')}?{urlencode({'team': value})}"
    assert status_of(world["manager"], path) == 403


@pytest.mark.parametrize("value", ["١٢", "9" * 30], ids=["Nd", "huge"])
def test_a_course_that_is_not_a_plain_id_is_a_filter_error(world, value):
    response = world["manager"].get(
        f"{reverse('reports:completion')}?{urlencode({'course': value})}"
    )
    assert response.status_code == 200
    assert response.context["filters"].errors["course"]


@EXAMPLES
@given(
    target=st.sampled_from(["search", "attempt", "dashboard"]),
    parameter=st.sampled_from(["page", "q", "p"]),
    values=st.lists(repeated, min_size=1, max_size=3),
)
def test_learner_pages_survive_bad_query_strings(world, target, parameter, values):
    base = {
        "search": reverse("search"),
        "attempt": reverse("quizzes:attempt", args=[world["attempt"].pk]),
        "dashboard": reverse("courses:dashboard"),
    }[target]
    query = [(parameter, value) for value in values]
    if target == "search":
        query.append(("q", "cours"))
    path = f"{base}?{urlencode(query)}"
    status = status_of(world["learner"], path)
    assert status in NEVER_500, (path, status)
