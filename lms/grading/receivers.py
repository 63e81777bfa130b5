"""Signal receivers of grading: email the learner once their attempt is graded."""

from django.db import transaction
from django.dispatch import receiver

from lms.grading.tasks import send_attempt_graded
from quizzes.signals import attempt_graded


@receiver(attempt_graded, dispatch_uid="lms.grading.email_on_graded")
def email_learner_on_graded(sender, attempt, **kwargs):
    """Queue the "graded" email once the grading transaction commits."""
    attempt_id = attempt.pk
    transaction.on_commit(lambda: send_attempt_graded.enqueue(attempt_id=attempt_id))
