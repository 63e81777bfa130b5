"""Signal receivers that connect courses to the apps it builds on."""

from django.dispatch import receiver

from courses.services import (
    completions_evaluate_for_quiz,
    completions_evaluate_for_scenario,
)
from quizzes.signals import attempt_submitted
from scenarios.signals import run_finished


@receiver(attempt_submitted, dispatch_uid="courses.complete_on_final_quiz")
def complete_courses_on_quiz_submission(sender, attempt, **kwargs):
    """A passed final quiz may complete a course; evaluation is idempotent.

    Runs inside the quiz's submission transaction, so the completion and the
    certificate commit (or roll back) with the attempt.
    """
    if not attempt.passed:
        return
    # Dated when the attempt was submitted (the demo replays past attempts).
    completions_evaluate_for_quiz(
        learner=attempt.learner, quiz=attempt.quiz, now=attempt.submitted_at
    )


@receiver(run_finished, dispatch_uid="courses.complete_on_required_scenario")
def complete_courses_on_scenario_run(sender, run, **kwargs):
    """A finished run of a required scenario may complete a course (idempotent)."""
    completions_evaluate_for_scenario(
        learner=run.learner, scenario=run.scenario, now=run.finished_at
    )
