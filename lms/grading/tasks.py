"""Background tasks (django-tasks) of grading: the learner's email."""

from django_tasks import task

from lms.grading import emails
from quizzes.models import AttemptState, QuizAttempt


@task()
def send_attempt_graded(attempt_id: int) -> bool:
    """Tell a learner their attempt has been graded, with its result."""
    attempt = (
        QuizAttempt.objects.select_related("learner", "quiz")
        .filter(pk=attempt_id, state=AttemptState.SUBMITTED)
        .first()
    )
    return bool(attempt) and emails.send_attempt_graded(attempt=attempt)
