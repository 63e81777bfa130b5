"""Demo progress: a learner who finished the demo course, one halfway through.

``load_demo`` calls :func:`seed_demo_progress`; it is re-runnable. Progress
goes through the same services as a real learner's, so the finished learner
gets a real completion and certificate (and its emails, on commit). The final
quiz's essay is graded by the demo trainer through the grading services; the
halfway learner has submitted the quiz too, and their essay waits in the
trainers' queue (Quizzes › To grade).
"""

from django.utils import translation

from courses.selectors import canonical_page, course_lessons, enrolment_progress
from courses.services import (
    completion_evaluate,
    enrol,
    enrolment_restart,
    lesson_complete,
)
from quizzes import selectors as quiz_selectors
from quizzes.models import Question
from quizzes.services import attempt_start, attempt_submit, essay_grade

#: The halfway learner's essay, waiting for a trainer (fair, not perfect: no
#: work contact is offered).
WAITING_ESSAY = {
    "fr": (
        "Message d’accueil : Bienvenue ! Ce profil est pour ma famille et mes amis, "
        "merci de votre compréhension.\n\n"
        "Bonjour Marc, merci beaucoup pour votre demande. Je préfère garder "
        "Facebook pour mes proches, j’espère que vous comprendrez. Bonne journée "
        "et à bientôt au prochain projet !"
    ),
    "en": (
        "Welcome message: Welcome! This profile is for my family and friends, "
        "thank you for understanding.\n\n"
        "Hello Mark, thank you very much for your request. I prefer to keep "
        "Facebook for the people close to me, I hope you understand. Have a good "
        "day and see you on the next project!"
    ),
}
GRADER_FEEDBACK = {
    "fr": "Refus chaleureux, règle claire et coordonnées de travail : bravo.",
    "en": "A warm refusal, a clear rule and work contact details: well done.",
}


def grade_essays(*, attempt, grader, levels, feedback: str, now=None) -> None:
    """Grade every answer of ``attempt`` awaiting a person, as a trainer would.

    ``levels(question)`` gives the decision's levels for each essay (e.g. its
    ``key_decision()["levels"]``). Through ``quizzes.services.essay_grade``,
    so the last one completes the attempt and courses hear of it.
    """
    for row in attempt.attempt_questions.filter(needs_person=True).order_by("slot"):
        attempt.refresh_from_db()
        essay_grade(
            attempt_question=row,
            grader=grader,
            levels=levels(row.served_question),
            feedback=feedback,
            sequence=attempt.sequence,
            now=now,
        )


def _submit_quiz(*, quiz, learner, essay: str | None = None):
    """Take the quiz with the full-marks answers (essays: ``essay`` or the model)."""
    attempt = attempt_start(quiz=quiz, learner=learner)
    responses = {}
    for row in attempt.attempt_questions.order_by("slot"):
        question = Question.from_snapshot(row.snapshot)
        key = question.key_response()
        if essay is not None and question.grade(key).needs_person:
            key = essay
        responses[row.slot] = key
    return attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )


def _pass_quiz(*, quiz, learner, grader) -> None:
    """Pass the quiz; the demo trainer grades its essay with every top level."""
    attempt = _submit_quiz(quiz=quiz, learner=learner)
    if attempt.is_awaiting_grading and grader is not None:
        grade_essays(
            attempt=attempt,
            grader=grader,
            levels=lambda question: question.key_decision()["levels"],
            feedback=GRADER_FEEDBACK.get(quiz.locale.language_code, ""),
        )


def _leave_in_queue(*, quiz, learner) -> None:
    """Submit the quiz once, its essay left for a trainer to grade."""
    if quiz_selectors.quiz_attempts_for_learner(quiz=quiz, learner=learner).exists():
        return
    essay = WAITING_ESSAY.get(quiz.locale.language_code, WAITING_ESSAY["fr"])
    _submit_quiz(quiz=quiz, learner=learner, essay=essay)


def seed_demo_progress(
    *, course, finished_learner, halfway_learner, grader=None
) -> dict:
    """Give ``finished_learner`` a valid certificate; ``halfway_learner`` half done.

    The finished learner has marked every lesson complete and passed the
    final quiz, if the course has one; ``grader`` (the demo trainer) grades
    its essay. The halfway learner has also submitted the final quiz, whose
    essay waits in the grading queue. A certificate that expired since the
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
            _pass_quiz(quiz=course.final_quiz, learner=finished_learner, grader=grader)
        completion = completion_evaluate(enrolment=finished)

        halfway = enrol(learner=halfway_learner, course=course)
        for lesson in lessons[: len(lessons) // 2]:
            lesson_complete(enrolment=halfway, lesson=lesson)
        if progress.has_final_quiz and grader is not None:
            _leave_in_queue(quiz=course.final_quiz, learner=halfway_learner)
    return {
        "finished": finished,
        "halfway": halfway,
        "certificate": completion.certificate if completion else None,
    }
