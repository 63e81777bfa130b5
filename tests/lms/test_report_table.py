"""The report tables share one include: caption, column headers, one row per item."""

import re

import pytest
from django.urls import reverse

from courses.services import certificate_issue
from lms.reports.views import (
    CertificateRegisterView,
    CompletionReportView,
    ItemAnalysisView,
    TeamSummaryReportView,
)
from tests.factories import CourseCompletionFactory

pytestmark = pytest.mark.django_db

VIEWS = [
    CompletionReportView,
    TeamSummaryReportView,
    ItemAnalysisView,
    CertificateRegisterView,
]


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_every_sortable_column_sorts_by_a_known_key(view):
    keys = [column.key for column in view.table_columns if column.key]
    assert keys, "a report table has sortable columns"
    assert set(keys) <= set(view.orderings)
    assert len(keys) == len(set(keys))


def _thead(html: str) -> str:
    return re.search(r"<thead>.*?</thead>", html, re.S).group(0)


@pytest.mark.parametrize(
    "report, ordering, columns, numeric",
    [
        ("completion", "-due", 9, 2),
        ("team_summary", "team", 10, 8),
    ],
    ids=["completion", "team_summary"],
)
def test_the_table_keeps_its_accessible_structure(
    client, trainer, assigned, report, ordering, columns, numeric
):
    client.force_login(trainer)
    response = client.get(reverse(f"reports:{report}"), {"ordering": ordering})
    assert response.status_code == 200
    # The first table is the report's (the team summary adds its charts' tables).
    html = re.search(
        r'<table class="listing relais-table">.*?</table>',
        response.content.decode(),
        re.S,
    ).group(0)
    assert re.search(r"<caption>\s*\S", html)
    head = _thead(html)
    assert head.count('<th scope="col"') == columns
    # Exactly the sorted column says how it is sorted.
    state = "descending" if ordering.startswith("-") else "ascending"
    assert head.count("aria-sort=") == 1
    assert f'aria-sort="{state}"' in head
    assert head.count('class="relais-num"') == numeric  # a real attribute
    assert "&quot;" not in head
    rows = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    assert rows.count("<tr") == rows.count('<th scope="row"') > 0


def test_an_unsortable_column_is_a_plain_header(client, trainer, assigned):
    enrolment = assigned["a"].learner_assignments.first().enrolment
    certificate_issue(completion=CourseCompletionFactory(enrolment=enrolment))
    client.force_login(trainer)
    head = _thead(client.get(reverse("reports:certificates")).content.decode())
    assert head.count('<th scope="col"') == 6
    assert re.search(r'<th scope="col" class="relais-num">[^<]+</th>', head)


def test_no_rows_shows_the_empty_state_not_an_empty_table(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("reports:certificates"))
    assert response.status_code == 200
    assert "relais-table" not in response.content.decode()
