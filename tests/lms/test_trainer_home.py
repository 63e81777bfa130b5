"""The trainer's panel on the Wagtail admin home (``TrainerHomePanel``)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Workflow

from lms.reports.home import course_overview, drafts_awaiting
from lms.reports.item_analysis import quiz_item_analysis, weak_questions
from quizzes.admin_views import question_url
from tests.factories import EnrolmentFactory, QuizFactory, UserFactory
from tests.factories.progress import CourseCompletionFactory
from tests.lms.test_option_analysis import take_mixed

pytestmark = pytest.mark.django_db

PANEL = 'id="relais-trainer-home-section"'


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_weak_questions_follow_the_item_analysis_flags(worked_example):
    quiz, _questions = worked_example

    weak = weak_questions()

    flagged = [item for item in quiz_item_analysis(quiz=quiz).items if item.is_weak]
    assert [(q, item.question_id, item.flags) for q, item in weak] == [
        (quiz, item.question_id, item.flags) for item in flagged
    ]
    assert [item.label for _quiz, item in weak] == ["Q1", "Q4", "Q5"]


def test_the_trainer_sees_weak_questions_linked_to_their_edit_view(
    client,
    trainer,
    worked_example,
):
    quiz, questions = worked_example

    content = home(client, trainer)

    assert PANEL in content
    assert question_url(questions[4], "edit") in content
    assert question_url(questions[1], "edit") not in content  # Q2 is not flagged
    assert f"{reverse('reports:item_analysis')}?quiz={quiz.pk}" in content


def test_courses_show_enrolments_and_completion_rate(client, trainer, course):
    learners = [UserFactory(username=f"c{n}") for n in range(4)]
    enrolments = [EnrolmentFactory(course=course, learner=u) for u in learners]
    CourseCompletionFactory(enrolment=enrolments[0])

    [row] = [row for row in course_overview(user=trainer) if row.course_id == course.pk]
    content = home(client, trainer)

    assert (row.enrolled, row.completed, row.rate) == (4, 1, 25)
    assert reverse("wagtailadmin_pages:edit", args=[course.pk]) in content
    assert "25 %" in content


def test_drafts_list_pages_and_quizzes_with_moderation_first(client, superuser, course):
    lesson = course.get_children().first().specific
    lesson.title = "Leçon retouchée"
    lesson.save_revision(user=superuser)
    quiz = QuizFactory(title="Quiz en brouillon")
    quiz.save_revision(user=superuser)  # the draft is newer than the live row
    quiz.has_unpublished_changes = True
    quiz.save(update_fields=["has_unpublished_changes"])
    moderated = course.get_children().last().specific
    moderated.save_revision(user=superuser)
    Workflow.objects.get(name="Moderators approval").start(moderated, superuser)

    drafts = drafts_awaiting(user=superuser)
    content = home(client, superuser)

    assert drafts[0].edit_url == reverse("wagtailadmin_pages:edit", args=[moderated.pk])
    assert drafts[0].moderation_task
    labels = {draft.label for draft in drafts}
    assert {"Leçon retouchée", "Quiz en brouillon"} <= labels
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in content
    assert "Quiz en brouillon" in content


def test_drafts_are_scoped_to_what_the_user_may_edit(trainer, superuser, course):
    lesson = course.get_children().first().specific
    lesson.save_revision(user=superuser)

    # The test trainer has report permissions but no page permission.
    assert drafts_awaiting(user=trainer) == []
    assert drafts_awaiting(user=superuser)


@pytest.mark.parametrize(
    "role", ["manager_a", "editor", "learner"], ids=["manager", "editor", "learner"]
)
def test_the_panel_is_for_trainers_only(client, request, role):
    user = request.getfixturevalue(role)
    if role == "learner":
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        assert PANEL not in response.content.decode()
        return
    assert PANEL not in home(client, user)


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return user


@pytest.mark.parametrize(
    ("quizzes", "learners"), [(1, 10), (6, 11)], ids=["small", "large"]
)
def test_query_count_does_not_grow(
    client, superuser, course, django_assert_max_num_queries, quizzes, learners
):
    for number in range(quizzes):
        quiz = QuizFactory(questions=2 + number)
        quiz.save_revision(user=superuser)
        for learner in range(learners):
            user = UserFactory(username=f"q{number}-{learner}")
            take_mixed(quiz, user, right=learner % 3 == 0)
            EnrolmentFactory(course=course, learner=user)
    client.force_login(superuser)

    # Wagtail's own panels and the page, then five per analysed quiz: with
    # more quizzes than HOME_QUIZZES the count stops growing.
    # 49, and the graders' section: the permission, the count, the oldest.
    with django_assert_max_num_queries(52):
        response = client.get(reverse("wagtailadmin_home"))

    assert PANEL in response.content.decode()
