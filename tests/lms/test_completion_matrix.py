"""The completion matrix: status, progress, scores, certificates, filters, sorting."""

import datetime

import pytest
from django.urls import reverse

from courses.services import certificate_revoke, lesson_complete
from lms.reports.selectors import CertificateState, CompletionStatus
from lms.teams.services import assignment_create
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit
from tests.factories import (
    QuizFactory,
    SingleChoiceQuestionFactory,
    TeamFactory,
    UserFactory,
)
from tests.lms.helpers import enrolment_of

pytestmark = pytest.mark.django_db


def take_quiz(quiz, learner, *, right: bool):
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {}
    for row in attempt.attempt_questions.all():
        question = Question.from_snapshot(row.snapshot)
        key = question.key_response()
        wrong = next(o["id"] for o in row.snapshot["options"] if o["id"] != key)
        responses[row.slot] = key if right else wrong
    return attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


@pytest.fixture
def matrix(course, manager_a, today):
    """Five people in five situations, course of 3 lessons + a final quiz.

    ``done``: all lessons and the quiz passed; ``late``: one lesson, due date
    passed; ``lesson``: one lesson; ``tried``: failed the quiz only;
    ``idle``: nothing. Everyone but ``late`` is due in a week.
    """
    quiz = QuizFactory(questions=[SingleChoiceQuestionFactory() for _ in range(2)])
    course.final_quiz = quiz
    course.save_revision().publish()
    people = {
        name: UserFactory(username=name, last_name=name.title())
        for name in ("done", "late", "lesson", "tried", "idle")
    }
    team = TeamFactory(name="Matrice", managers=[manager_a])
    assignment_create(
        course=course,
        due_on=today + datetime.timedelta(days=7),
        learners=[p for n, p in people.items() if n != "late"],
    )
    assignment_create(
        course=course,
        due_on=today - datetime.timedelta(days=1),
        learners=[people["late"]],
    )
    for person in people.values():
        from lms.teams.services import team_member_add

        team_member_add(team=team, learner=person)
    lessons = list(course.get_children().specific().order_by("path"))
    for lesson in lessons:
        lesson_complete(enrolment=enrolment_of(people["done"], course), lesson=lesson)
    for name in ("late", "lesson"):
        lesson_complete(enrolment=enrolment_of(people[name], course), lesson=lessons[0])
    take_quiz(quiz, people["done"], right=True)
    take_quiz(quiz, people["tried"], right=False)
    return people


def rows_by_name(client, **params):
    response = client.get(reverse("reports:completion"), params)
    assert response.status_code == 200
    return {row["learner__username"]: row for row in response.context["object_list"]}


def test_each_situation_has_its_status_progress_and_score(client, matrix, manager_a):
    client.force_login(manager_a)
    rows = rows_by_name(client)

    got = {
        name: (
            row["status"],
            row["percent"],
            row["quiz_score"],
            row["certificate_state"],
        )
        for name, row in rows.items()
    }
    assert got == {
        "done": (CompletionStatus.COMPLETED, 100, 100, CertificateState.VALID),
        "late": (CompletionStatus.OVERDUE, 25, None, CertificateState.NONE),
        "lesson": (CompletionStatus.IN_PROGRESS, 25, None, CertificateState.NONE),
        "tried": (CompletionStatus.IN_PROGRESS, 0, 0, CertificateState.NONE),
        "idle": (CompletionStatus.NOT_STARTED, 0, None, CertificateState.NONE),
    }
    assert rows["done"]["completed_at"] is not None


@pytest.mark.parametrize(
    ("status", "names"),
    [
        (CompletionStatus.COMPLETED, {"done"}),
        (CompletionStatus.OVERDUE, {"late"}),
        (CompletionStatus.IN_PROGRESS, {"lesson", "tried"}),
        (CompletionStatus.NOT_STARTED, {"idle"}),
    ],
)
def test_the_status_filter_in_sql_agrees_with_the_rows(
    client, matrix, manager_a, status, names
):
    client.force_login(manager_a)
    rows = rows_by_name(client, status=status)
    assert set(rows) == names
    assert {row["status"] for row in rows.values()} == {status}


def test_sorting_by_progress_and_due_date(client, matrix, manager_a):
    client.force_login(manager_a)
    by_progress = list(rows_by_name(client, ordering="-progress"))
    assert by_progress[0] == "done"
    assert set(by_progress[1:3]) == {"late", "lesson"}
    by_due = list(rows_by_name(client, ordering="due"))
    assert by_due[0] == "late"


def test_due_date_range_filter(client, matrix, manager_a, today):
    client.force_login(manager_a)
    rows = rows_by_name(client, due_from=today.isoformat())
    assert "late" not in rows and len(rows) == 4
    rows = rows_by_name(client, due_to=(today - datetime.timedelta(days=1)).isoformat())
    assert set(rows) == {"late"}


def test_a_revoked_certificate_shows_as_revoked(client, matrix, manager_a, course):
    certificate = enrolment_of(matrix["done"], course).learner.certificates.get()
    certificate_revoke(certificate=certificate, reason="Erreur", by=manager_a)
    client.force_login(manager_a)
    assert rows_by_name(client)["done"]["certificate_state"] == CertificateState.REVOKED
