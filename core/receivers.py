"""Receivers that bump the content version when anything a learner page shows changes.

Pages (any save, publish, unpublish, move, delete), view restrictions and
their groups, sites, locales, images and documents bump it here. Apps above
register the models of their own that learner pages show, from their
``AppConfig.ready`` (``track_content_models``): quizzes registers its quizzes
and questions. Attempts, progress and sessions never bump it (they are
per-person, never cached).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.caching import bump_content_version

_tracked: set[type] = set()


def track_content_models(*models: type) -> None:
    """Bump the content version whenever a row of ``models`` is saved or deleted."""
    _tracked.update(models)


def wagtail_content_models() -> tuple:
    """Wagtail's models whose rows learner pages show, besides pages."""
    return (
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
    )


@receiver(post_save, dispatch_uid="core.content_version_on_save")
@receiver(post_delete, dispatch_uid="core.content_version_on_delete")
def bump_content_version_on_change(sender, **kwargs):
    """Any saved or deleted page or content row invalidates the render caches.

    Connected to every model, so it filters by class.
    """
    if issubclass(sender, Page) or issubclass(sender, tuple(_tracked)):
        bump_content_version()


@receiver(
    m2m_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="core.content_version_on_restriction_groups",
)
def bump_content_version_on_restriction_groups(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        bump_content_version()


for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(
        bump_content_version, dispatch_uid=f"core.content_version_{id(_signal)}"
    )
