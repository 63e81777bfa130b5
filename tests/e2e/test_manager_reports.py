"""A manager filters the completion report by team and exports it; a French
manager reads day-first dates; a trainer builds a team and assigns it a course;
a trainer fixes a key and regrades, and the learner and the manager see it."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from core.people import person_language
from courses.models import Certificate, Enrolment
from demo.loader import DEMO_PASSWORD
from lms.reports.exports import CSV_BOM
from lms.teams.models import Team, TeamMembership
from lms.teams.services import assignment_create, team_member_add
from lms.teams.viewsets import team_viewset
from quizzes.admin_views import question_url
from quizzes.models import Quiz
from quizzes.services import attempt_start, attempt_submit
from tests.e2e.conftest import login
from tests.e2e.helpers import (
    PASSWORD,
    SHOW_FILTERS,
    admin_login,
    demo_course,
    grade_essays,
    new_learner,
)
from tests.factories import TeamFactory
from tests.quizzes.helpers import key_responses

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_manager_filters_the_completion_report_by_team_and_exports_csv(demo, page):
    manager = get_user_model().objects.get(username="gestionnaire")
    montreal = Team.objects.get(manager_roles__manager=manager)
    # A second team of the same manager, so that the filter has work to do.
    other = TeamFactory(
        name="Équipe e2e", managers=[manager], members=[new_learner("e2e-other")]
    )
    assignment_create(
        course=demo_course(),
        due_on=datetime.date.today() + datetime.timedelta(days=30),
        team=other,
    )
    expected = set(
        TeamMembership.objects.filter(team=montreal).values_list(
            "learner__username", flat=True
        )
    )

    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    page.goto(demo.url + "/admin/team-reports/completion/")
    rows = page.locator("#listing-results tbody tr")
    expect(rows).to_have_count(len(expected) + 1)
    page.click(SHOW_FILTERS)
    page.click("button[aria-controls='drilldown-id_team']")
    page.select_option("#id_team", str(montreal.pk))
    page.wait_for_url(f"**team={montreal.pk}*")
    expect(rows).to_have_count(len(expected))
    expect(page.locator("#listing-results")).not_to_contain_text("e2e-other")

    page.click("button[aria-label='Actions']")
    with page.expect_download() as download_info:
        page.click("a[href*='export=csv']")
    raw = open(download_info.value.path(), "rb").read()
    text = raw.decode("utf-8")
    assert text.startswith(CSV_BOM)
    lines = list(csv.reader(io.StringIO(text.removeprefix(CSV_BOM))))
    body = lines[1:]  # columns: learner, username, email, course, ...
    assert {row[1] for row in body} == expected
    assert {row[3] for row in body} == {demo_course().title}


DAY = datetime.date(2026, 11, 26)  # day and month cannot be mistaken for each other
MONTH_FIRST = re.compile(r"\b11/26/(20)?26\b")
DAY_FIRST = re.compile(r"\b26(/11/| nov\.? | novembre |-11-)2026\b|\b2026-11-26\b")


def test_french_manager_sees_day_first_dates_in_the_reports(demo, page):
    manager = get_user_model().objects.get(username="gestionnaire")
    assert person_language(manager) == "fr"  # as the demo makes them
    montreal = Team.objects.get(manager_roles__manager=manager)
    member_ids = TeamMembership.objects.filter(team=montreal).values("learner")
    Enrolment.objects.filter(learner__in=member_ids).update(due_on=DAY)
    moment = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(12)))
    Certificate.objects.filter(learner__in=member_ids).update(issued_at=moment)
    assert Certificate.objects.filter(learner__in=member_ids).exists()

    admin_login(page, demo.url, manager.username, DEMO_PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    for report in ("completion", "certificates"):
        page.goto(f"{demo.url}/admin/team-reports/{report}/")
        text = page.locator("#listing-results").inner_text()
        assert DAY_FIRST.search(text), f"{report}: no day-first date in {text!r}"
        assert not MONTH_FIRST.search(text), f"{report}: a month-first date"


def choose_person(page, field_id: str, person) -> None:
    """Pick ``person`` in the learner chooser of the form field ``field_id``."""
    page.click(f"#{field_id}-chooser [data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(person.username)
    modal.locator("a[data-chooser-modal-choice]", has_text=person.username).click()
    modal.wait_for(state="detached")


def save_team(page) -> None:
    page.click("form[method=post] footer button[type=submit]")
    page.wait_for_selector(".messages .success")


def test_trainer_builds_a_team_assigns_a_course_and_a_late_joiner_is_enrolled(
    demo, page, new_context
):
    alice = new_learner("e2e-alice", first_name="Alice", last_name="Ardoise")
    bruno = new_learner("e2e-bruno", first_name="Bruno", last_name="Bastide")
    chloe = new_learner("e2e-chloe", first_name="Chloé", last_name="Cormier")
    course = demo_course()
    due = datetime.date.today() + datetime.timedelta(days=45)

    # The trainer creates the team with two people...
    admin_login(page, demo.url, "formatrice", DEMO_PASSWORD)
    page.goto(demo.url + reverse(team_viewset.get_url_name("add")))
    page.fill("#id_name", "Équipe e2e des communications")
    for index, person in enumerate((alice, bruno)):
        page.click("#id_memberships-ADD")
        choose_person(page, f"id_memberships-{index}-learner", person)
    save_team(page)
    team = Team.objects.get(name="Équipe e2e des communications")
    assert set(team.memberships.values_list("learner__username", flat=True)) == {
        "e2e-alice",
        "e2e-bruno",
    }

    # ...assigns the course with a due date...
    page.goto(demo.url + reverse("assignments:create"))
    page.select_option("#id_course", str(course.pk))
    page.fill("#id_due_on", due.isoformat())
    page.select_option("#id_team", str(team.pk))
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_selector(".messages .success")
    enrolments = Enrolment.objects.filter(course=course, learner__in=[alice, bruno])
    assert sorted(enrolments.values_list("due_on", flat=True)) == [due, due]

    # ...and a person added later is enrolled with the same due date.
    page.goto(demo.url + reverse(team_viewset.get_url_name("edit"), args=[team.pk]))
    page.click("#id_memberships-ADD")
    choose_person(page, "id_memberships-2-learner", chloe)
    save_team(page)
    late = Enrolment.objects.get(course=course, learner=chloe)
    assert late.due_on == due

    # The late joiner sees the course and its due date on their dashboard.
    learner = new_context().new_page()
    login(learner, demo.url, chloe.username, PASSWORD)
    learner.goto(f"{demo.url}/fr/learn/")
    item = learner.locator(".dashboard-course", has_text=course.title)
    with translation.override("fr"):
        shown = formats.date_format(due, "DATE_FORMAT")
    expect(item.locator(".dashboard-course__due")).to_contain_text(shown)


def score_cell(page, person):
    """The "best score" cell of ``person``'s row in the completion matrix."""
    headers = page.locator("#listing-results thead th").all_inner_texts()
    column = next(i for i, text in enumerate(headers) if text.startswith("Score"))
    row = page.locator("#listing-results tbody tr", has_text=person.get_full_name())
    return row.locator("td, th").nth(column)


def test_trainer_changes_a_key_and_regrades_and_the_result_and_matrix_follow(
    demo, page, new_context
):
    manager = get_user_model().objects.get(username="gestionnaire")
    learner = new_learner("e2e-regrade", last_name="Régnier")
    team_member_add(
        team=Team.objects.get(manager_roles__manager=manager), learner=learner
    )
    quiz = demo_course().final_quiz
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = key_responses(list(attempt.attempt_questions.order_by("slot")))
    row = attempt.attempt_questions.filter(question_type="true_false").first()
    responses[row.slot] = not responses[row.slot]  # wrong, by today's key
    attempt = attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )
    grade_essays(attempt)  # the demo trainer grades its essay (full marks)
    attempt.refresh_from_db()
    assert attempt.score_percent < 100

    reports = new_context().new_page()
    admin_login(reports, demo.url, manager.username, DEMO_PASSWORD)
    reports.goto(demo.url + "/admin/team-reports/completion/")
    before = score_cell(reports, learner).inner_text()
    assert "100" not in before

    # The trainer finds the key was wrong, fixes it and regrades the attempt.
    admin_login(page, demo.url, "formatrice", DEMO_PASSWORD)
    page.goto(demo.url + question_url(row.question, "edit"))
    page.set_checked("#id_answer", not page.is_checked("#id_answer"))
    page.click("button.action-save")
    page.wait_for_selector(".messages .success")
    attempts_name = Quiz.snippet_viewset.get_url_name("attempts")
    page.goto(demo.url + reverse(attempts_name, args=[quiz.pk]))
    page.locator("tbody tr", has_text=learner.get_full_name()).locator(
        'form[action*="/regrade/"] button'
    ).click()
    page.wait_for_selector(".messages .success")
    attempt.refresh_from_db()
    assert attempt.score_percent == 100

    # The learner's result and the manager's matrix follow.
    result = new_context().new_page()
    login(result, demo.url, learner.username, PASSWORD)
    result.goto(f"{demo.url}/fr/quizzes/attempts/{attempt.pk}/result/")
    expect(result.locator(".quiz-score__value")).to_contain_text("100")
    reports.reload()
    expect(score_cell(reports, learner)).to_contain_text("100")
