import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Certificate, CourseCompletion, LessonProgress
from courses.selectors import course_lessons, enrolment_progress
from courses.services import enrol, lesson_complete
from courses.views import LESSON_MARKED_DONE, NOT_ENROLLED
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit
from tests.courses.conftest import french, translate
from tests.factories import CoursePageFactory, LessonPageFactory, paragraph

pytestmark = pytest.mark.django_db

SECRET = "Contenu réservé aux personnes inscrites"


def complete_url(lesson):
    return f"/fr/learn/lessons/{lesson.pk}/complete/"


def test_lesson_complete_is_idempotent(enrolment, lessons):
    first = lesson_complete(enrolment=enrolment, lesson=lessons[0])
    again = lesson_complete(enrolment=enrolment, lesson=lessons[0])
    assert first.pk == again.pk
    assert LessonProgress.objects.count() == 1


def test_marking_complete_goes_to_the_next_lesson(learner_client, enrolment, lessons):
    response = learner_client.post(complete_url(lessons[0]), follow=True)
    assert response.redirect_chain[-1][0] == lessons[1].url
    assert str(LESSON_MARKED_DONE) in [str(m) for m in response.context["messages"]]
    assert enrolment.lesson_progress.get().lesson_id == lessons[0].pk


@pytest.mark.parametrize("who", ["anonymous", "not enrolled"])
def test_no_progress_without_enrolment(client, learner, course, lessons, who):
    if who == "not enrolled":
        client.force_login(learner)
    response = client.post(complete_url(lessons[0]), follow=True)
    if who == "not enrolled":
        assert response.redirect_chain[-1][0] == course.url
        assert str(NOT_ENROLLED) in [str(m) for m in response.context["messages"]]
    else:
        assert "/accounts/login/" in response.redirect_chain[0][0]
    assert not LessonProgress.objects.exists()


def test_marking_complete_needs_csrf(client, learner, enrolment, lessons):
    client.handler.enforce_csrf_checks = True
    client.force_login(learner)
    assert client.post(complete_url(lessons[0])).status_code == 403
    assert client.get(complete_url(lessons[0])).status_code == 405
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "not enrolled"])
def test_lesson_body_needs_enrolment(client, learner, course, who):
    lesson = LessonPageFactory(parent=course, body=[paragraph(SECRET)])
    if who == "not enrolled":
        client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET not in html
    assert lesson.title in html  # the public overview: title, summary, outline
    assert "enrol-required" in html
    assert french("Mark as complete") not in html
    assert complete_url(lesson) not in html


def test_enrolled_learner_reads_and_marks_the_lesson(learner_client, enrolment, course):
    lesson = LessonPageFactory(parent=course, body=[paragraph(SECRET)])
    html = learner_client.get(lesson.url).content.decode()
    assert SECRET in html
    assert f'action="{complete_url(lesson)}"' in html
    learner_client.post(complete_url(lesson))
    html = learner_client.get(lesson.url).content.decode()
    assert f'action="{complete_url(lesson)}"' not in html
    assert "lesson-complete" in html and "done-mark" in html


def test_outline_shows_done_marks_with_text(learner_client, enrolment, lessons):
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    html = learner_client.get(lessons[1].url).content.decode()
    outline = html[html.index('class="lesson-outline"') :]
    assert outline.count('class="done-mark"') == 1
    assert outline.index(lessons[0].title) < outline.index("done-mark")
    assert outline.index("done-mark") < outline.index(lessons[1].title)
    assert '<span class="visually-hidden">' in outline[outline.index("done-mark") :]


def test_course_page_progress_and_resume(learner_client, enrolment, course, lessons):
    html = learner_client.get(course.url).content.decode()
    assert 'value="0"' in html and "<progress" in html
    assert f'href="{lessons[0].url}"' in html  # start at the first lesson
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    lesson_complete(enrolment=enrolment, lesson=lessons[2])
    html = learner_client.get(course.url).content.decode()
    assert 'value="66"' in html
    actions = html[html.index('id="course-actions"') :]
    resume = actions[: actions.index("</div>", actions.index("button"))]
    assert f'href="{lessons[1].url}"' in resume  # first unfinished, not the next one
    assert html.count('class="done-mark"') == 2


def test_optional_lessons_do_not_count(learner, course, lessons):
    optional = LessonPageFactory(parent=course, is_required=False)
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=optional)
    progress = enrolment_progress(enrolment=enrolment)
    assert (progress.done_steps, progress.total_steps) == (0, 3)


def test_switching_language_keeps_progress(client, learner, course, lessons, locale_en):
    english_course = translate(course, locale_en)
    english_lessons = [translate(lesson, locale_en) for lesson in lessons]
    enrolment = enrol(learner=learner, course=english_course)
    lesson_complete(enrolment=enrolment, lesson=english_lessons[0])  # in English
    lesson_complete(enrolment=enrolment, lesson=lessons[1])  # in French
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert html.count('class="done-mark"') == 2
    html = client.get(english_course.url).content.decode()
    assert english_course.url.startswith("/en/")
    assert html.count('class="done-mark"') == 2
    assert 'value="66"' in html
    assert LessonProgress.objects.count() == 2
    assert set(LessonProgress.objects.values_list("lesson_id", flat=True)) == {
        lessons[0].pk,
        lessons[1].pk,
    }


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_course_and_lesson_pages_cost_constant_queries(
    client, catalogue, learner, quiz, django_assert_max_num_queries
):
    """A course with 3 lessons and one with 30 cost the same, quiz included."""
    counts = []
    for size in (3, 30):
        course = CoursePageFactory(parent=catalogue, final_quiz=quiz)
        lessons = [LessonPageFactory(parent=course) for _ in range(size)]
        enrolment = enrol(learner=learner, course=course)
        for lesson in lessons[:2]:
            lesson_complete(enrolment=enrolment, lesson=lesson)
        client.force_login(learner)
        client.get(course.url)  # warm the session and site-root caches
        counts.append(
            (count_queries(client, course.url), count_queries(client, lessons[2].url))
        )
    assert counts[0] == counts[1]
    course_queries, lesson_queries = counts[0]
    assert course_queries <= 19
    assert lesson_queries <= 16


def test_editors_preview_shows_the_body(course):
    lesson = LessonPageFactory(parent=course, body=[paragraph(SECRET)])
    response = lesson.make_preview_request()
    assert SECRET in response.content.decode()


def test_services_date_what_they_record_at_the_given_now(learner, quiz_course):
    """The demo replays history through ``now=``; nothing reads the clock."""

    enrolled = timezone.now() - datetime.timedelta(days=90)
    enrolment = enrol(learner=learner, course=quiz_course, now=enrolled)
    assert (enrolment.enrolled_at, enrolment.cycle_started_at) == (enrolled, enrolled)
    lessons = course_lessons(course=quiz_course)
    for day, lesson in enumerate(lessons, start=1):
        moment = enrolled + datetime.timedelta(days=day)
        progress = lesson_complete(enrolment=enrolment, lesson=lesson, now=moment)
        assert progress.completed_at == moment
    assert not CourseCompletion.objects.exists()  # the final quiz is still due

    submitted = enrolled + datetime.timedelta(days=30)
    attempt = attempt_start(quiz=quiz_course.final_quiz, learner=learner, now=submitted)
    responses = {
        row.slot: Question.from_snapshot(row.snapshot).key_response()
        for row in attempt.attempt_questions.order_by("slot")
    }
    attempt = attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence, now=submitted
    )
    assert (attempt.started_at, attempt.submitted_at) == (submitted, submitted)
    completion = CourseCompletion.objects.get()
    assert completion.completed_at == submitted  # the receiver passes it on
    assert Certificate.objects.get().issued_at == submitted
