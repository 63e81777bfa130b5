import pytest
from django.urls import reverse

from courses.models import Certificate, CourseCompletion
from courses.selectors import enrolment_progress
from courses.services import completion_evaluate, enrol, lesson_complete
from courses.views import COURSE_COMPLETED
from tests.courses.conftest import answer_quiz, translate
from tests.factories import CoursePageFactory, QuizFactory

pytestmark = pytest.mark.django_db


def complete_all(enrolment, lessons):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)


def test_all_required_lessons_complete_the_course(enrolment, lessons):
    complete_all(enrolment, lessons[:-1])
    assert not CourseCompletion.objects.exists()
    complete_all(enrolment, lessons[-1:])
    completion = CourseCompletion.objects.get()
    assert (completion.enrolment, completion.cycle) == (enrolment, 1)
    assert completion.score_percent is None
    assert Certificate.objects.get().completion == completion


def test_double_events_record_one_completion(enrolment, lessons):
    complete_all(enrolment, lessons)
    complete_all(enrolment, lessons)  # two tabs, a retry
    for _ in range(3):
        completion_evaluate(enrolment=enrolment)
    assert CourseCompletion.objects.count() == 1
    assert Certificate.objects.count() == 1


def test_final_quiz_is_required(learner, quiz_course, lessons, quiz):
    enrolment = enrol(learner=learner, course=quiz_course)
    complete_all(enrolment, lessons)
    assert not CourseCompletion.objects.exists()
    progress = enrolment_progress(enrolment=enrolment)
    assert (progress.done_steps, progress.total_steps) == (3, 4)
    answer_quiz(quiz=quiz, learner=learner, correct=False)
    assert not CourseCompletion.objects.exists()
    attempt = answer_quiz(quiz=quiz, learner=learner)
    assert attempt.passed
    completion = CourseCompletion.objects.get()
    assert completion.score_percent == attempt.score_percent == 100
    assert Certificate.objects.get().score_percent == 100


def test_quiz_passed_before_the_last_lesson(learner, quiz_course, lessons, quiz):
    enrolment = enrol(learner=learner, course=quiz_course)
    complete_all(enrolment, lessons[:2])
    answer_quiz(quiz=quiz, learner=learner)
    assert not CourseCompletion.objects.exists()
    lesson_complete(enrolment=enrolment, lesson=lessons[2])
    assert CourseCompletion.objects.count() == 1


def test_a_pass_at_a_translation_of_the_quiz_counts(
    learner, quiz_course, lessons, quiz, locale_en
):
    english_quiz = QuizFactory(
        questions=2, locale=locale_en, translation_key=quiz.translation_key
    )
    enrolment = enrol(learner=learner, course=quiz_course)
    complete_all(enrolment, lessons)
    answer_quiz(quiz=english_quiz, learner=learner)
    assert CourseCompletion.objects.count() == 1


def test_grading_method_decides_which_attempt_counts(learner, course, lessons):
    quiz = QuizFactory(questions=2, grading_method="first")
    course.final_quiz = quiz
    course.save_revision().publish()
    enrolment = enrol(learner=learner, course=course)
    complete_all(enrolment, lessons)
    answer_quiz(quiz=quiz, learner=learner, correct=False)
    answer_quiz(quiz=quiz, learner=learner)  # passes, but the first attempt counts
    assert not CourseCompletion.objects.exists()


def test_a_course_with_no_requirement_never_completes(learner, catalogue):
    course = CoursePageFactory(parent=catalogue)
    enrolment = enrol(learner=learner, course=course)
    assert completion_evaluate(enrolment=enrolment) is None
    assert not CourseCompletion.objects.exists()


def test_translated_course_completes_once(learner, course, lessons, locale_en):
    english = [translate(lesson, locale_en) for lesson in lessons]
    enrolment = enrol(learner=learner, course=course)
    complete_all(enrolment, lessons[:2])
    complete_all(enrolment, english)  # finishing in English
    assert CourseCompletion.objects.count() == 1


def test_full_flow_over_http(client, learner, quiz_course, lessons, quiz):
    """Enrol → lessons → quiz pass: exactly one completion and one certificate."""
    from quizzes.models import Question
    from quizzes.services import attempt_save

    client.force_login(learner)
    client.post(reverse("courses:enrol", args=[quiz_course.pk]))
    for lesson in lessons:
        client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
        client.post(reverse("courses:lesson_complete", args=[lesson.pk]))  # again
    html = client.get(quiz_course.url).content.decode()
    quiz_link = reverse("quizzes:detail", args=[quiz.pk])
    assert f'href="{quiz_link}"' in html
    assert client.get(quiz_link).status_code == 200
    response = client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = learner.quiz_attempts.get()
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.pk])
    responses = {
        row.slot: Question.from_snapshot(row.snapshot).key_response()
        for row in attempt.attempt_questions.all()
    }
    attempt_save(attempt=attempt, responses=responses, sequence=attempt.sequence)
    confirm = reverse("quizzes:confirm", args=[attempt.pk])
    client.post(confirm)
    client.post(confirm)  # a double click
    assert CourseCompletion.objects.count() == 1
    certificate = Certificate.objects.get()
    assert certificate.learner == learner
    assert certificate.course_title == quiz_course.title
    html = client.get(quiz_course.url).content.decode()
    assert reverse("courses:certificate_pdf", args=[certificate.pk]) in html


def test_last_lesson_announces_completion(learner_client, enrolment, course, lessons):
    complete_all(enrolment, lessons[:2])
    response = learner_client.post(
        reverse("courses:lesson_complete", args=[lessons[2].pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == course.url
    assert str(COURSE_COMPLETED) in [str(m) for m in response.context["messages"]]


def test_unenrolled_learner_cannot_take_the_final_quiz(
    client, learner, quiz_course, quiz
):
    client.force_login(learner)
    assert client.get(reverse("quizzes:detail", args=[quiz.pk])).status_code == 403
    enrol(learner=learner, course=quiz_course)
    assert client.get(reverse("quizzes:detail", args=[quiz.pk])).status_code == 200
