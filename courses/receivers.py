"""Signal receivers that connect courses to the apps it builds on."""

from django.dispatch import receiver
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.signals import copy_for_translation_done, page_published

from courses.models import CharterPage, CoursePage, LessonPage
from courses.services import (
    charter_version_record,
    completions_evaluate_for_quiz,
    completions_evaluate_for_scenario,
    page_links_translate,
)
from quizzes.signals import attempt_graded, attempt_submitted
from scenarios.signals import run_finished


@receiver(attempt_submitted, dispatch_uid="courses.complete_on_final_quiz")
@receiver(attempt_graded, dispatch_uid="courses.complete_on_graded_final_quiz")
def complete_courses_on_quiz_submission(sender, attempt, **kwargs):
    """A passed final quiz may complete a course; evaluation is idempotent.

    Runs inside the quiz's submission transaction (or the grading one, when
    a person graded its last essay), so the completion and the certificate
    commit (or roll back) with the attempt.
    """
    if not attempt.passed:
        return
    # Dated when the attempt was submitted (the demo replays past attempts).
    completions_evaluate_for_quiz(
        learner=attempt.learner, quiz=attempt.quiz, now=attempt.submitted_at
    )


@receiver(page_published, sender=CharterPage, dispatch_uid="courses.charter_version")
def record_charter_version(sender, instance, revision, **kwargs):
    """Each charter publication (admin, moderation, schedule) joins or starts a version.

    ``charter_published_at`` is set on the revision by
    ``courses.services.charter_publish`` only (the demo dates versions in the
    past); otherwise the version is dated now.
    """
    charter_version_record(
        page=instance,
        material_change=instance.material_change,
        revision=revision,
        user=getattr(revision, "user", None),
        now=getattr(revision, "charter_published_at", None),
    )


@receiver(run_finished, dispatch_uid="courses.complete_on_required_scenario")
def complete_courses_on_scenario_run(sender, run, **kwargs):
    """A finished run of a required scenario may complete a course (idempotent)."""
    completions_evaluate_for_scenario(
        learner=run.learner, scenario=run.scenario, now=run.finished_at
    )


@receiver(
    copy_for_translation_done,
    sender=CopyPageForTranslationAction,
    dispatch_uid="courses.translate_links",
)
def translate_page_links(sender, source_obj, target_obj, **kwargs):
    """A course or lesson copied for translation links to translated content.

    Wagtail copies foreign keys as they are, so without this an English
    course would keep choosing the French final quiz in the admin.
    """
    if isinstance(target_obj, (CoursePage, LessonPage)):
        page_links_translate(page=target_obj)
