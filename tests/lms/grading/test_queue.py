"""The grading queue and screen over HTTP: who may grade, claims, completion, email.

Trainers (``quizzes.grade_attempt``) grade; a manager is refused, a learner
never reaches the admin, and a trainer cannot grade an attempt another
trainer has claimed. Grading the last essay completes the course and issues
the certificate, and the learner is emailed in their language.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from core.people import person_language_set
from courses.models import Certificate, CourseCompletion
from courses.services import enrol
from lms.grading.forms import CHOOSE_A_LEVEL
from lms.grading.views import ANONYMOUS_LEARNER
from lms.reports.item_analysis import analysed_attempts, quiz_item_analysis
from lms.teams.services import assignment_create
from quizzes import selectors, services
from quizzes.models import AttemptState, EssayQuestion, QuizAttempt
from tests.factories import (
    CoursePageFactory,
    EssayQuestionFactory,
    QuizFactory,
    SingleChoiceQuestionFactory,
    UserFactory,
)
from tests.lms.conftest import TRAINER_PERMISSIONS

pytestmark = pytest.mark.django_db

ESSAY = "Bonjour, merci pour votre demande. Écrivez-moi plutôt au bureau."
QUEUE = "grading:queue"


@pytest.fixture
def essay_quiz(locale_fr):
    return QuizFactory(
        title="Quiz final rédigé",
        questions=[
            SingleChoiceQuestionFactory(locale=locale_fr),
            EssayQuestionFactory(locale=locale_fr),
        ],
    )


@pytest.fixture
def essay_course(catalogue, essay_quiz):
    """A course whose only requirement is the essay quiz."""
    return CoursePageFactory(parent=catalogue, title="Rédiger", final_quiz=essay_quiz)


def submit(quiz, learner, text=ESSAY) -> QuizAttempt:
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    responses = {}
    for row in selectors.attempt_questions(attempt=attempt):
        question = row.served_question
        is_essay = isinstance(question, EssayQuestion)
        responses[row.slot] = text if is_essay else question.key_response()
    return services.attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


def essay_row(attempt):
    return attempt.attempt_questions.get(needs_person=True)


def top_levels(row) -> dict:
    decision = row.served_question.key_decision()
    return {f"level-{key}": str(index) for key, index in decision["levels"].items()}


def make_trainer(username, first_name):
    user = UserFactory(username=username, first_name=first_name, last_name="Formateur")
    for app_label, codename in TRAINER_PERMISSIONS:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def awaiting(essay_course, essay_quiz, members_a, team_a):
    learner = members_a[0]
    enrol(learner=learner, course=essay_course)
    return submit(essay_quiz, learner)


# --- Who may see the queue ------------------------------------------------------------


def test_a_trainer_sees_the_queue_oldest_first(client, trainer, essay_quiz, members_a):
    first = submit(essay_quiz, members_a[0])
    second = submit(essay_quiz, members_a[1])
    client.force_login(trainer)
    response = client.get(reverse(QUEUE))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(first.learner.get_full_name()) < html.index(
        second.learner.get_full_name()
    )
    assert "Quiz final rédigé" in html
    assert ESSAY not in html  # the queue lists attempts, not answers


def test_anonymous_grading_hides_the_learners_name(client, trainer, awaiting):
    client.force_login(trainer)
    response = client.get(reverse(QUEUE), {"anonymous": "true"})
    html = response.content.decode()
    assert awaiting.learner.get_full_name() not in html
    assert str(ANONYMOUS_LEARNER % {"id": awaiting.pk}) in html
    row = essay_row(awaiting)
    screen = client.get(reverse("grading:answer", args=[row.pk]), {"anonymous": "true"})
    assert screen.status_code == 200
    assert awaiting.learner.get_full_name() not in screen.content.decode()


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, {"a", "b"}),
        ({"team": "team_a"}, {"a"}),
        ({"course": "course"}, {"a"}),
        ({"quiz": "other_quiz"}, {"b"}),
    ],
    ids=["all", "team", "course", "quiz"],
)
def test_the_queue_filters_by_team_course_and_quiz(
    client,
    trainer,
    essay_course,
    essay_quiz,
    members_a,
    team_a,
    locale_fr,
    params,
    shown,
):
    other_quiz = QuizFactory(
        title="Autre quiz", questions=[EssayQuestionFactory(locale=locale_fr)]
    )
    learners = {"a": members_a[0], "b": UserFactory(username="outsider")}
    submit(essay_quiz, learners["a"])
    submit(other_quiz, learners["b"])
    ids = {"team_a": team_a.pk, "course": essay_course.pk, "other_quiz": other_quiz.pk}
    client.force_login(trainer)
    response = client.get(
        reverse(QUEUE), {name: ids[value] for name, value in params.items()}
    )
    html = response.content.decode()
    assert {key for key, user in learners.items() if user.get_full_name() in html} == (
        shown
    )


@pytest.mark.parametrize("role", ["manager", "learner", "anonymous"])
def test_managers_and_learners_cannot_see_or_grade(client, awaiting, manager_a, role):
    user = {"manager": manager_a, "learner": awaiting.learner, "anonymous": None}[role]
    if user is not None:
        client.force_login(user)
    row = essay_row(awaiting)
    for url in (reverse(QUEUE), reverse("grading:answer", args=[row.pk])):
        response = client.get(url)
        assert response.status_code == 302, url
        assert ESSAY not in response.content.decode()
    response = client.post(
        reverse("grading:answer", args=[row.pk]),
        {**top_levels(row), "feedback": "", "sequence": awaiting.sequence},
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.state == AttemptState.AWAITING_GRADING
    assert awaiting.grading_locked_by is None


# --- Grading -----------------------------------------------------------------------


def test_the_grading_screen_shows_everything_a_grader_needs(client, trainer, awaiting):
    client.force_login(trainer)
    row = essay_row(awaiting)
    response = client.get(reverse("grading:attempt", args=[awaiting.pk]))
    assert response.status_code == 302
    assert response.url == reverse("grading:answer", args=[row.pk])
    html = client.get(response.url).content.decode()
    assert ESSAY in html
    assert "9 mots" in html or "9 words" in html
    assert "<legend" in html and "Politesse" in html
    assert "Écrivez-moi au bureau" in html  # the model answer
    assert "Vérifiez le ton" in html  # the instructions for graders
    awaiting.refresh_from_db()
    assert awaiting.grading_locked_by == trainer


def test_a_trainer_cannot_grade_an_attempt_another_has_claimed(
    client, trainer, awaiting
):
    other = make_trainer("second-trainer", "Olivier")
    row = essay_row(awaiting)
    client.force_login(trainer)
    client.get(reverse("grading:answer", args=[row.pk]))
    client.force_login(other)
    queue = client.get(reverse(QUEUE)).content.decode()
    assert "Fanny Lavoie" in queue  # "being graded by" the first trainer
    response = client.get(reverse("grading:answer", args=[row.pk]))
    assert response.status_code == 302 and response.url == reverse(QUEUE)
    response = client.post(
        reverse("grading:answer", args=[row.pk]),
        {**top_levels(row), "feedback": "", "sequence": awaiting.sequence},
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.state == AttemptState.AWAITING_GRADING
    assert essay_row(awaiting).person_grade is None


def test_a_missing_level_is_refused_and_the_feedback_kept(client, trainer, awaiting):
    client.force_login(trainer)
    row = essay_row(awaiting)
    levels = top_levels(row)
    levels.pop(next(iter(levels)))
    response = client.post(
        reverse("grading:answer", args=[row.pk]),
        {**levels, "feedback": "Bon début", "sequence": awaiting.sequence},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert str(CHOOSE_A_LEVEL) in html
    assert "Bon début" in html
    assert essay_row(awaiting).person_grade is None


@pytest.mark.parametrize(
    ("language", "subject"),
    [("fr", "ont été corrigées"), ("en", "have been graded")],
    ids=["fr", "en"],
)
def test_grading_completes_the_course_and_emails_the_learner_in_their_language(
    client,
    trainer,
    awaiting,
    essay_course,
    django_capture_on_commit_callbacks,
    language,
    subject,
):
    person_language_set(user=awaiting.learner, language=language)
    assert not CourseCompletion.objects.exists()
    client.force_login(trainer)
    row = essay_row(awaiting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("grading:answer", args=[row.pk]),
            {**top_levels(row), "feedback": "Parfait.", "sequence": awaiting.sequence},
        )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.state == AttemptState.SUBMITTED and awaiting.passed
    completion = CourseCompletion.objects.get(enrolment__learner=awaiting.learner)
    assert Certificate.objects.filter(completion=completion).exists()
    graded = [m for m in mail.outbox if subject in m.subject]
    assert len(graded) == 1
    assert graded[0].to == [awaiting.learner.email]
    assert (
        f"/quizzes/attempt/{awaiting.pk}/" in graded[0].body
        or str(awaiting.pk) in graded[0].body
    )


def test_the_learner_sees_awaiting_then_the_feedback_and_rubric(
    client, trainer, awaiting
):
    result_url = reverse("quizzes:result", args=[awaiting.pk])
    client.force_login(awaiting.learner)
    html = client.get(result_url).content.decode()
    assert "quiz-score--pending" in html
    assert "quiz-score--passed" not in html and "quiz-score--failed" not in html
    row = essay_row(awaiting)
    services.essay_grade(
        attempt_question=row,
        grader=trainer,
        levels=row.served_question.key_decision()["levels"],
        feedback="Ton chaleureux, bravo.",
        sequence=awaiting.sequence,
    )
    html = client.get(result_url).content.decode()
    assert "quiz-score--passed" in html
    assert "Ton chaleureux, bravo." in html
    assert "Politesse" in html  # the rubric line, as the review policy allows


def test_quizzes_menu_offers_to_grade_to_trainers_only(client, trainer, manager_a):
    queue = reverse(QUEUE)
    client.force_login(trainer)
    assert queue in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(manager_a)
    assert queue not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Reports ----------------------------------------------------------------------


def test_the_matrix_says_awaiting_grading_and_item_analysis_waits(
    client, trainer, manager_a, essay_course, essay_quiz, members_a, team_a, today
):
    assignment_create(
        course=essay_course, team=team_a, assigned_by=manager_a, due_on=today
    )
    attempt = submit(essay_quiz, members_a[0])
    assert analysed_attempts(quiz=essay_quiz).count() == 0
    client.force_login(manager_a)
    html = client.get(
        reverse("reports:completion"), {"course": essay_course.pk}
    ).content.decode()
    assert "En attente de correction" in html or "Awaiting grading" in html
    assert ESSAY not in html  # a manager never reads the essay
    row = essay_row(attempt)
    services.essay_grade(
        attempt_question=row,
        grader=trainer,
        levels=row.served_question.key_decision()["levels"],
        feedback="",
        sequence=attempt.sequence,
    )
    assert analysed_attempts(quiz=essay_quiz).count() == 1

    # Item analysis gives each rubric criterion's average, from the grader's
    # levels (the key decision: every criterion at its top level).
    [item] = [i for i in quiz_item_analysis(quiz=essay_quiz).items if i.rubric]
    rubric = top_levels(row)
    assert [c.graded for c in item.rubric] == [1] * len(item.rubric)
    assert all(c.average_points == c.max_points for c in item.rubric)
    assert len(item.rubric) == len(rubric)
    client.force_login(trainer)
    page = client.get(reverse("reports:item_analysis"), {"quiz": essay_quiz.pk})
    assert item.rubric[0].criterion in page.content.decode()


def test_the_trainers_home_lists_the_oldest_attempts_to_grade(
    client, trainer, awaiting, manager_a
):
    client.force_login(trainer)
    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="relais-home-grading"' in page
    assert reverse("grading:attempt", args=[awaiting.pk]) in page
    assert reverse("grading:queue") in page

    client.force_login(manager_a)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="relais-home-grading"' not in page
