"""Signal receivers that connect courses to the apps it builds on."""

from functools import cache

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.caching import bump_content_version
from quizzes.signals import attempt_submitted


@receiver(attempt_submitted, dispatch_uid="courses.complete_on_final_quiz")
def complete_courses_on_quiz_submission(sender, attempt, **kwargs):
    """A passed final quiz may complete a course; evaluation is idempotent.

    Runs inside the quiz's submission transaction, so the completion and the
    certificate commit (or roll back) with the attempt.
    """
    if not attempt.passed:
        return
    from courses.services import completions_evaluate_for_quiz

    # Dated when the attempt was submitted (the demo replays past attempts).
    completions_evaluate_for_quiz(
        learner=attempt.learner, quiz=attempt.quiz, now=attempt.submitted_at
    )


@cache
def _content_models() -> tuple:
    """Models whose rows learner pages show, besides pages (see courses.caching)."""
    from quizzes.models import Question, Quiz, QuizQuestion

    return (
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
        Quiz,
        QuizQuestion,
        Question,
    )


@receiver(post_save, dispatch_uid="courses.content_version_on_save")
@receiver(post_delete, dispatch_uid="courses.content_version_on_delete")
def bump_content_version_on_change(sender, **kwargs):
    """Any saved or deleted page or content row invalidates the render caches.

    Connected to every model, so it filters by class; attempts, progress and
    sessions never bump the version (they are per-person, never cached).
    """
    if issubclass(sender, Page) or issubclass(sender, _content_models()):
        bump_content_version()


@receiver(
    m2m_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="courses.content_version_on_restriction_groups",
)
def bump_content_version_on_restriction_groups(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_content_version()


for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(
        bump_content_version, dispatch_uid=f"courses.content_version_{id(_signal)}"
    )
