"""The polymorphic question base: shared fields and the interface types implement.

Each question type is a multi-table subclass with its own child rows, in its
own module under ``quizzes.question_types`` with its registry entry. A type
implements a few small methods; everything else
(snapshots, attempts, grading at submission, review) is written once here or
in the services against this interface:

* ``key_snapshot()`` / ``from_key_snapshot()``: the type's content and key as
  JSON, and back to an unsaved instance;
* ``present(rng, shuffle=...)``: what the learner is shown, with no key;
* ``read_form(presentation, data, name)`` and ``clean_response()``: turn a
  POST into a response and check it refers only to the question's options;
* ``grade(response) -> Grade``: pure, reads only loaded data;
* ``response_text()`` / ``key_text()``: plain text for the review;
* ``from_import()`` / ``export_data()``: the neutral format, both ways.
"""

import random
import secrets
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from polymorphic.models import PolymorphicModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin, TranslatableMixin

from quizzes.grading import Grade
from quizzes.question_types.registry import (
    UNKNOWN_QUESTION_TYPE,
    UnknownQuestionType,
    registry,
)

QUESTION_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
#: The prompt may also hold images (imported from Moodle XML, or added by hand).
QUESTION_PROMPT_FEATURES = [*QUESTION_RICH_TEXT_FEATURES, "image"]

__all__ = [
    "QUESTION_RICH_TEXT_FEATURES",
    "UNKNOWN_QUESTION_TYPE",
    "OptionKeyField",
    "Question",
    "UnknownQuestionType",
    "child_rows",
    "new_option_key",
    "question_type",
    "question_types",
]


def new_option_key() -> str:
    """A short random key naming one option, item or pair.

    Keys, not database ids, go into the learner's HTML: ids follow creation
    order, which for an ordering question *is* the answer.
    """
    return secrets.token_urlsafe(6)


class OptionKeyField(models.CharField):
    """The random, stable key of a child row (see ``new_option_key``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("default", new_option_key)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


class Question(PolymorphicModel, PreviewableMixin, TranslatableMixin, ClusterableModel):
    """Shared fields of every question; subclasses add their type's fields.

    Questions are snippets in their own right, chosen into a quiz through
    ``QuizQuestion``. Subclasses override the interface methods listed in
    this module's docstring and set ``type_code`` (the neutral format's name,
    and the key of the type's registry entry), ``type_description`` and
    ``admin_icon``.
    """

    prompt = RichTextField(
        _("question"),
        features=QUESTION_PROMPT_FEATURES,
        help_text=_("What the learner is asked. Keep the answer out of it."),
    )
    points = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(1000)],
        help_text=_("How much this question weighs in the quiz's score."),
    )
    explanation = RichTextField(
        _("explanation"),
        blank=True,
        features=QUESTION_RICH_TEXT_FEATURES,
        help_text=_(
            "Why the answer is right, ideally pointing back to the lesson. Shown "
            "in the review when the quiz's review policy allows it."
        ),
    )
    # The question bank (GIFT and Moodle XML, see quizzes.interchange).
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("A short name to find the question in lists (Moodle's name)."),
    )
    category = models.CharField(
        _("category"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_(
            "Where the question sits in the bank, as a path, e.g. "
            "“Social networks/Privacy”. Kept from and to Moodle."
        ),
    )
    idnumber = models.CharField(
        _("ID number"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Moodle's ID number: a question imported again with the same ID "
            "number is recognised instead of added twice."
        ),
    )
    #: SHA-256 of the question as first imported (``quizzes.interchange``):
    #: importing the same file again finds it. Not updated on edits.
    content_hash = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    type_code: ClassVar[str] = ""
    type_description: ClassVar[str] = ""
    type_order: ClassVar[int] = 100
    admin_icon: ClassVar[str] = "help"

    base_panels: ClassVar[list] = [
        FieldPanel("prompt"),
        FieldPanel("points"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("category"), FieldPanel("idnumber")],
            heading=_("Question bank"),
            classname="collapsed",
        ),
    ]
    panels = base_panels

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        text = " ".join(strip_tags(self.prompt or "").split())
        return Truncator(text).chars(90) or f"{self._meta.verbose_name} {self.pk}"

    # -- Saving -------------------------------------------------------------

    def save(self, *args, **kwargs):
        if getattr(self, "_from_snapshot", False):
            raise ImproperlyConfigured(
                "A question rebuilt from an attempt snapshot must never be saved."
            )
        return super().save(*args, **kwargs)

    @classmethod
    def child_relation_names(cls) -> list[str]:
        """The child relations (choices, items, pairs) this type edits inline."""
        return []

    @classmethod
    def validate_rows(cls, question, rows_by_relation: dict[str, list]) -> list[str]:
        """Cross-row rules (e.g. "at least one right answer"), as messages.

        Called by the admin form with the rows about to be saved, and by the
        importer. ``question`` may be unsaved.
        """
        return []

    # -- Snapshots ------------------------------------------------------------

    def to_snapshot(self) -> dict[str, Any]:
        """Content and key as JSON, stored on the attempt when it starts."""
        return {
            "type": self.type_code,
            "question_id": self.pk,
            "prompt": self.prompt,
            "explanation": self.explanation,
            "points": str(self.points),
            **self.key_snapshot(),
        }

    @staticmethod
    def from_snapshot(data: dict[str, Any]) -> "Question":
        """An unsaved question of the right type, exactly as it was snapshotted.

        Grading at submission and regrades go through this, so edits and
        deletions after an attempt started change nothing.
        """
        question = question_type(data["type"]).from_key_snapshot(data)
        question.prompt = data.get("prompt", "")
        question.explanation = data.get("explanation", "")
        question.points = Decimal(data.get("points", "1"))
        question.snapshot_question_id = data.get("question_id")
        question._from_snapshot = True
        return question

    def key_snapshot(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_key_snapshot(cls, data: dict[str, Any]) -> "Question":
        raise NotImplementedError

    def option_keys(self) -> set[str]:
        """Every key a response may refer to; a regrade needs them all kept."""
        return set()

    # -- Learner side -----------------------------------------------------------

    def present(self, rng, *, shuffle: bool = False) -> dict[str, Any]:
        """What the learner sees, with no key material; JSON-serialisable."""
        raise NotImplementedError

    @classmethod
    def read_form(cls, presentation: dict, data, name: str) -> Any:
        """The raw response in a POST (QueryDict) for the field prefix ``name``."""
        raise NotImplementedError

    @classmethod
    def form_field_names(cls, presentation: dict, name: str) -> set[str]:
        """Every field name the learner's form may send for this question."""
        return {name}

    def is_empty(self, response: Any) -> bool:
        return response in (None, "", [], {})

    def clean_response(self, response: Any) -> Any:
        """The response, checked against this question; None when empty.

        Raises InvalidResponse for anything malformed or foreign.
        """
        raise NotImplementedError

    def grade(self, response: Any) -> Grade:
        raise NotImplementedError

    def response_text(self, response: Any) -> str:
        raise NotImplementedError

    def grade_by_person(self, response: Any, decision: dict) -> Grade:
        """The grade a person's ``decision`` gives (types graded by people only).

        Pure, like ``grade``; see ``quizzes.question_types.essay``.
        """
        raise NotImplementedError

    def person_grade_summary(self, decision: dict) -> list[dict]:
        """A person's decision as review lines: ``criterion``, ``level``, points."""
        return []

    def key_text(self) -> str:
        raise NotImplementedError

    def key_response(self) -> Any:
        """A response that earns full marks (used by tests and previews)."""
        raise NotImplementedError

    # -- Import -------------------------------------------------------------------

    @classmethod
    def from_import(cls, data: dict[str, Any]) -> "Question":
        """An unsaved question with its child rows, from the neutral format."""
        raise NotImplementedError

    def export_data(self) -> dict[str, Any]:
        """This question in the neutral format, JSON-ready: ``from_import`` of it
        gives an equal question (with new option keys)."""
        raise NotImplementedError

    # -- Preview ------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "quizzes/question_preview.html"

    def get_preview_context(self, request, mode_name):
        # quizzes.display reads these models: imported here, not at the top,
        # to break that cycle (display -> models -> display).
        from quizzes.display import preview_displays

        context = super().get_preview_context(request, mode_name)
        context["questions"] = preview_displays([self], rng=random.Random(0))
        return context


def question_types() -> list[type[Question]]:
    """Every registered question type's model, in the order the chooser lists them."""
    return [entry.model for entry in registry]


def question_type(type_code: str) -> type[Question]:
    """The question model for a type code, e.g. "single_choice".

    Raises UnknownQuestionType, whose message lists the valid types.
    """
    return registry.get(type_code).model


def child_rows(question: Question, relation: str) -> list:
    """A child relation's rows, in order, from memory when it is loaded.

    Works for saved questions with prefetched rows, for questions being
    edited (rows held by modelcluster) and for questions rebuilt from a
    snapshot, without a query in the last two cases.
    """
    manager = getattr(question, relation)
    return list(manager.all())
