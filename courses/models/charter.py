"""The social-media charter: a page, its versions, and who acknowledged them.

A charter is a Wagtail page (translated like the courses). Each publication
of the original-language page either keeps the current version (a typo
correction, a new translation) or, when the editor ticks "material change",
starts a new numbered version dated and hashed. Everyone the charter applies
to acknowledges the *current* version; a new version asks again.

Versions belong to the translation group (``translation_key``), so an
acknowledgement made in French counts on the English page too. Each version
keeps the rendered text of its rules per language, for the "what changed"
diff learners see.

An acknowledgement is immutable: it can be created, never updated, and it
disappears only with the person (deleting the user cascades, the erasure
path). :class:`CharterAcknowledgementQuerySet` refuses ``update`` and
``delete``; the model refuses a second ``save`` and ``delete``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.caching import content_version
from core.serving import CachedViewRestrictionsMixin
from courses.blocks import RICH_TEXT_FEATURES

ACKNOWLEDGEMENT_IMMUTABLE = _(
    "An acknowledgement is a record of what someone agreed to: it cannot be "
    "changed or deleted."
)


class CharterRuleBlock(blocks.StructBlock):
    """One rule of the charter: a short statement and its explanation."""

    statement = blocks.CharBlock(
        label=_("Rule"),
        max_length=200,
        help_text=_("The rule in one sentence, e.g. “Use your real name.”"),
    )
    explanation = blocks.RichTextBlock(
        label=_("Explanation"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Why the rule exists and what it means in practice."),
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/charter_rule_block.html"
        label = _("Rule")
        description = _("A rule everyone the charter applies to follows.")
        preview_value = {
            "statement": "Use your real name",
            "explanation": "<p>No pseudonyms when you speak about work.</p>",
        }


class CharterResponsibleBlock(blocks.StructBlock):
    """A person responsible for the charter: who they are and how to reach them."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120)
    contact = blocks.CharBlock(
        label=_("Contact"),
        max_length=200,
        required=False,
        help_text=_("An email address or a phone extension."),
    )

    class Meta:
        icon = "user"
        template = "blocks/charter_responsible_block.html"
        label = _("Person responsible")
        description = _("Someone staff can ask about the charter.")
        preview_value = {"name": "Camille Martin", "role": "Communication"}


class CharterPageForm(WagtailAdminPageForm):
    """The charter's edit form: "material change" starts unticked on every edit.

    The flag is saved with the revision, so whoever publishes the revision
    (now, from the moderation queue or on schedule) publishes it as a new
    version; an untouched edit never re-uses the last one's choice.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "material_change" in self.fields:
            self.initial["material_change"] = False


class CharterPage(CachedViewRestrictionsMixin, Page):
    """The organisation's social-media charter, which staff acknowledge by version.

    Lives under a course catalogue, beside the courses that may require it
    (``CoursePage.required_charter``). Versions are recorded when the
    original-language page is published (``courses.receivers``). Served
    uncached: every reader sees their own acknowledgement and diff.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Why the charter exists, shown above the rules."),
    )
    rules = StreamField(
        [("rule", CharterRuleBlock())],
        verbose_name=_("rules"),
        help_text=_("The rules, in the order staff read them."),
    )
    responsible = StreamField(
        [("person", CharterResponsibleBlock())],
        verbose_name=_("people responsible"),
        blank=True,
        help_text=_("Who wrote the charter and who answers questions about it."),
    )
    effective_date = models.DateField(
        _("effective date"), help_text=_("The day the charter applies from.")
    )
    material_change = models.BooleanField(
        _("material change"),
        default=False,
        help_text=_(
            "Tick when publishing a change to what the rules ask (a new rule, a "
            "rule changed in substance): it becomes a new version and everyone "
            "is asked to acknowledge it again. Leave unticked for typo "
            "corrections and rewording."
        ),
    )

    base_form_class = CharterPageForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("effective_date"),
        FieldPanel("rules"),
        FieldPanel("responsible"),
        MultiFieldPanel(
            [FieldPanel("material_change")], heading=_("Publishing this change")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("rules"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")

    def rules_text(self) -> str:
        """The rules as plain text, one line per rule: what versions keep and diff."""
        lines = []
        for block in self.rules:
            value = block.value
            explanation = strip_tags(value["explanation"].source or "").strip()
            line = value["statement"].strip()
            if explanation:
                line = f"{line} — {' '.join(explanation.split())}"
            lines.append(line)
        return normalize_newlines("\n".join(lines))

    def get_context(self, request, *args, **kwargs):
        # courses.selectors reads these models: imported here to break that cycle.
        from courses.selectors import charter_reading

        context = super().get_context(request, *args, **kwargs)
        context["content_version"] = content_version(request)
        context["reading"] = charter_reading(
            charter=self, user=request.user, language=self.locale.language_code
        )
        return context


class CharterVersion(models.Model):
    """One numbered version of a charter (all its translations), with its text.

    ``texts`` maps a language code to the rules' text in that language; a
    non-material publication refreshes its own language's text and keeps the
    number, date and hash (the hash is of the original text at the version's
    creation).
    """

    translation_key = models.UUIDField(_("charter"), db_index=True)
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    content_hash = models.CharField(_("text hash (SHA-256)"), max_length=64)
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication that started this version."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ["translation_key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "number"], name="charter_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.number} ({self.published_at:%Y-%m-%d})"

    def text_in(self, language: str) -> str:
        """The rules' text in ``language``, else in any language the version has."""
        if language in self.texts:
            return self.texts[language]
        return next(iter(self.texts.values()), "")


class CharterAcknowledgementQuerySet(models.QuerySet):
    """Acknowledgements in bulk: readable and creatable, never updated or deleted."""

    def update(self, **kwargs):
        raise ValidationError(ACKNOWLEDGEMENT_IMMUTABLE)

    def delete(self):
        raise ValidationError(ACKNOWLEDGEMENT_IMMUTABLE)


class CharterAcknowledgement(models.Model):
    """A person's record that they read a charter version and will follow it.

    Immutable (see the module docstring). Deleting the person deletes it:
    that cascade is the only erasure path.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="charter_acknowledgements",
    )
    version = models.ForeignKey(
        CharterVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"))
    language = models.CharField(_("language"), max_length=10)

    objects = CharterAcknowledgementQuerySet.as_manager()

    class Meta:
        verbose_name = _("charter acknowledgement")
        verbose_name_plural = _("charter acknowledgements")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "version"], name="charter_acknowledgement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} — {self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(ACKNOWLEDGEMENT_IMMUTABLE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(ACKNOWLEDGEMENT_IMMUTABLE)
