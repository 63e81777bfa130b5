"""The reads behind the grading queue and the grading screen."""

from django.db.models import Count, Q, QuerySet

from courses.models import CoursePage
from lms.teams.selectors import learner_in_team_q
from quizzes.models import AttemptQuestion, AttemptState, Quiz, QuizAttempt


def grading_queue() -> QuerySet[QuizAttempt]:
    """Attempts awaiting grading, oldest submission first.

    Each row has its quiz, learner and lock holder loaded and ``to_grade``,
    the number of its answers still waiting for a person: one query per page.
    """
    return (
        QuizAttempt.objects.filter(state=AttemptState.AWAITING_GRADING)
        .select_related("quiz", "learner", "grading_locked_by")
        .annotate(
            to_grade=Count(
                "attempt_questions", filter=Q(attempt_questions__needs_person=True)
            )
        )
        .order_by("submitted_at", "pk")
    )


def queue_quizzes() -> QuerySet[Quiz]:
    """Quizzes with an attempt awaiting grading: the queue's quiz filter."""
    return Quiz.objects.filter(attempts__state=AttemptState.AWAITING_GRADING).distinct()


def filter_by_course(attempts: QuerySet, *, course: CoursePage) -> QuerySet:
    """Attempts at the course's final quiz, in any of its translations."""
    quiz = course.final_quiz
    if quiz is None:
        return attempts.none()
    return attempts.filter(quiz__translation_key=quiz.translation_key)


def filter_by_team(attempts: QuerySet, *, team_ids) -> QuerySet:
    """Attempts of members of the given teams."""
    return attempts.filter(learner_in_team_q(team_ids=team_ids))


def answers_to_grade(*, attempt: QuizAttempt) -> list[AttemptQuestion]:
    """The attempt's answers still waiting for a person, in slot order."""
    return list(attempt.attempt_questions.filter(needs_person=True).order_by("slot"))


def answer_for_grading(*, pk: int) -> AttemptQuestion | None:
    """One answer with its attempt, quiz and learner loaded, or None."""
    return (
        AttemptQuestion.objects.select_related(
            "attempt__quiz", "attempt__learner", "attempt__grading_locked_by"
        )
        .filter(pk=pk)
        .first()
    )


def attempt_to_grade(*, pk: int) -> QuizAttempt | None:
    """An attempt awaiting grading, with its quiz and learner, or None."""
    return (
        QuizAttempt.objects.select_related("quiz", "learner")
        .filter(pk=pk, state=AttemptState.AWAITING_GRADING)
        .first()
    )
