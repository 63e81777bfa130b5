"""Every report page costs the same number of queries for 3 or 30 learners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.services import add_months
from lms.teams.services import (
    assignment_create,
    assignment_cycles_start,
    team_member_add,
)
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit
from tests.factories import QuizFactory, SingleChoiceQuestionFactory, UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = pytest.mark.django_db

# Generous ceilings: the point is that they do not grow with the learners.
MAX_QUERIES = 40


@pytest.fixture
def quiz(course):
    quiz = QuizFactory(questions=[SingleChoiceQuestionFactory() for _ in range(3)])
    course.final_quiz = quiz
    course.save_revision().publish()
    return quiz


def pass_quiz(quiz, learner):
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {
        row.slot: Question.from_snapshot(row.snapshot).key_response()
        for row in attempt.attempt_questions.all()
    }
    attempt_submit(attempt=attempt, responses=responses, sequence=attempt.sequence)


def add_learners(*, team, course, quiz, start, count):
    for number in range(start, start + count):
        learner = UserFactory(username=f"q{number:03d}", email=f"q{number}@ex.org")
        team_member_add(team=team, learner=learner)
        pass_quiz(quiz, learner)
        if number % 3 == 0:
            finish(enrolment_of(learner, course))


def pages(quiz, *, trainer: bool):
    trainer_pages = [
        reverse("reports:item_analysis") + f"?quiz={quiz.pk}",
        reverse("reports:item_analysis") + f"?quiz={quiz.pk}&export=csv",
    ]
    return (trainer_pages if trainer else []) + [
        reverse("reports:completion"),
        reverse("reports:completion_results") + "?status=in_progress",
        reverse("reports:completion") + "?ordering=-progress",
        reverse("reports:completion") + "?compliance=overdue&ordering=compliance",
        reverse("reports:completion") + "?export=csv",
        reverse("reports:team_summary"),
        reverse("reports:team_summary_results"),
        reverse("reports:team_summary") + "?ordering=-never_done",
        reverse("reports:team_summary") + "?export=csv",
        reverse("reports:certificates"),
        reverse("reports:certificates") + "?status=expiring_90&export=csv",
        reverse("assignments:index"),
    ]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["trainer", "manager_a"])
def test_report_queries_do_not_grow_with_learners(
    client, request, course, quiz, team_a, today, role
):
    assignment_create(
        course=course,
        due_on=today,
        team=team_a,
        recurrence="months",
        recurrence_months=1,
    )
    user = request.getfixturevalue(role)
    client.force_login(user)
    add_learners(team=team_a, course=course, quiz=quiz, start=0, count=3)
    urls = pages(quiz, trainer=role == "trainer")
    for url in urls:  # warm caches (site root paths, content types)
        client.get(url)
    small = {url: count_queries(client, url) for url in urls}

    add_learners(team=team_a, course=course, quiz=quiz, start=3, count=27)
    # A second cycle for everyone: more learner assignments, same queries.
    assert assignment_cycles_start(now=add_months(timezone.now(), 1)).started
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    assert max(large.values()) <= MAX_QUERIES, large
