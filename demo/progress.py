"""Demo progress: a learner who finished the demo course, one halfway through.

``load_demo`` calls :func:`seed_demo_progress`; it is re-runnable. Progress
goes through the same services as a real learner's, so the finished learner
gets a real completion and certificate (and its emails, on commit).
"""

from django.utils import translation

from courses.selectors import canonical_page, course_lessons, enrolment_progress
from courses.services import (
    completion_evaluate,
    enrol,
    enrolment_restart,
    lesson_complete,
)
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit


def _pass_quiz(*, quiz, learner) -> None:
    """Take the quiz with the full-marks answers, through the quiz services."""
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {
        row.slot: Question.from_snapshot(row.snapshot).key_response()
        for row in attempt.attempt_questions.order_by("slot")
    }
    attempt_submit(attempt=attempt, responses=responses, sequence=attempt.sequence)


def seed_demo_progress(*, course, finished_learner, halfway_learner) -> dict:
    """Give ``finished_learner`` a valid certificate; ``halfway_learner`` half done.

    The finished learner has marked every lesson complete and passed the
    final quiz, if the course has one. A certificate that expired since the
    last run is renewed (a new cycle), so the demo always shows a valid one.
    Returns the two enrolments and the certificate.
    """
    course = canonical_page(course)
    lessons = course_lessons(course=course)
    with translation.override(course.locale.language_code):
        finished = enrol(learner=finished_learner, course=course)
        progress = enrolment_progress(enrolment=finished)
        if progress.certificate is not None and not progress.certificate.is_valid:
            finished = enrolment_restart(enrolment=finished)
        for lesson in lessons:
            lesson_complete(enrolment=finished, lesson=lesson)
        progress = enrolment_progress(enrolment=finished)
        if progress.has_final_quiz and not progress.quiz_passed:
            _pass_quiz(quiz=course.final_quiz, learner=finished_learner)
        completion = completion_evaluate(enrolment=finished)

        halfway = enrol(learner=halfway_learner, course=course)
        for lesson in lessons[: len(lessons) // 2]:
            lesson_complete(enrolment=halfway, lesson=lesson)
    return {
        "finished": finished,
        "halfway": halfway,
        "certificate": completion.certificate if completion else None,
    }
