"""Essay: a written answer that a person grades against a rubric.

The learner writes in a plain text box (a live word count enhances it); no
rule can grade the text, so ``grade()`` says "needs a person" and the attempt
awaits grading. A grader then picks one level per rubric criterion and
writes feedback (``quizzes.services.grading``); the score follows from the
rubric through ``grade_by_person``, which stays pure like ``grade``.

The rubric is child rows (``EssayCriterion``), each with its levels written
one per line as "points | label". The question's points are the sum of each
criterion's top level: derived, never typed twice.
"""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField

from quizzes.grading import (
    RESPONSE_SINGLE_VALUE,
    Grade,
    InvalidResponse,
    Selection,
    check_text_length,
    ratio,
)
from quizzes.models.questions import QUESTION_RICH_TEXT_FEATURES, Question, child_rows

from .base import (
    LABEL_LENGTH,
    QuestionRow,
    base_export,
    base_from_import,
    plain_to_rich_text,
)
from .registry import QuestionType, registry

#: Longest essay accepted, in characters (about 1,500 words).
MAX_ESSAY_LENGTH = 10_000

# Authoring messages (admin form, importer, quick creation).
NEED_RUBRIC = _("Add at least one rubric criterion, each with its levels.")
RUBRIC_LEVEL_FORMAT = _(
    "Criterion “%(criterion)s”: write each level on its own line as "
    "“points | label”, e.g. “2 | Warm and polite”."
)
RUBRIC_NEEDS_POINTS = _(
    "Criterion “%(criterion)s”: give at least one level more than 0 points."
)
WORD_LIMITS_ORDER = _("The minimum number of words must not exceed the maximum.")
WORD_LIMIT_INVALID = _("Word limits are whole numbers, e.g. 80.")
QUICK_RUBRIC = _(
    "Write one criterion per line as “criterion: points | label; points | "
    "label”, e.g. “Politeness: 0 | Curt; 2 | Warm”."
)

# Grading messages (the grader's screen).
CHOOSE_EVERY_LEVEL = _("Choose a level for every criterion.")

_LEVEL_LINE = re.compile(r"^\s*(\d+(?:[.,]\d{1,2})?)\s*\|\s*(.+?)\s*$")


def word_count(text: str | None) -> int:
    """Words as the learner's live counter counts them: runs of non-spaces."""
    return len((text or "").split())


def parse_levels(text: str, criterion: str) -> list[dict[str, str]]:
    """Levels written one per line as "points | label", lowest first as typed.

    Raises ValidationError(RUBRIC_LEVEL_FORMAT) on a line it cannot read.
    """
    levels = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        match = _LEVEL_LINE.match(line)
        if not match:
            raise ValidationError(RUBRIC_LEVEL_FORMAT % {"criterion": criterion})
        points = Decimal(match.group(1).replace(",", "."))
        levels.append({"label": match.group(2)[:LABEL_LENGTH], "points": str(points)})
    return levels


def format_levels(levels: list[dict]) -> str:
    """Levels back as the editor's "points | label" lines."""
    return "\n".join(
        f"{_plain(level['points'])} | {level['label']}" for level in levels
    )


def _plain(value) -> str:
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


def rubric_points(rubric: list[dict]) -> Decimal:
    """The most a rubric awards: each criterion's top level, summed."""
    return sum(
        (
            max((Decimal(level["points"]) for level in item["levels"]), default=0)
            for item in rubric
        ),
        Decimal(0),
    )


DEFAULT_CRITERION = _("Overall")
DEFAULT_LEVELS = (
    (Decimal(0), _("Not met")),
    (Decimal("0.5"), _("Partly met")),
    (Decimal(1), _("Met")),
)


def default_rubric(points) -> list[dict]:
    """A one-criterion rubric worth ``points``, for an essay that comes without one.

    Moodle and GIFT essays are graded with a single mark; this keeps that
    (nothing, half, all of it) so an imported essay can be graded at once,
    and the trainer refines it in the editor.
    """
    top = Decimal(str(points or 1))
    return [
        {
            "criterion": str(DEFAULT_CRITERION),
            "levels": [
                {
                    "label": str(label),
                    "points": _plain((top * share).quantize(Decimal("0.01"))),
                }
                for share, label in DEFAULT_LEVELS
            ],
        }
    ]


def rubric_errors(rubric: list[dict]) -> list:
    """What is wrong with a rubric (criteria with their parsed levels)."""
    if not rubric:
        return [NEED_RUBRIC]
    return [
        RUBRIC_NEEDS_POINTS % {"criterion": item["criterion"]}
        for item in rubric
        if not any(Decimal(level["points"]) > 0 for level in item["levels"])
    ]


class EssayQuestion(Question):
    """A written answer graded by a person against a rubric of criteria and levels."""

    type_code = "essay"
    type_order = 80
    admin_icon = "edit"
    type_description = _(
        "Learners write a message or short text. A trainer grades it with a "
        "rubric and writes feedback; the attempt waits for that grade."
    )

    model_answer = RichTextField(
        _("model answer"),
        blank=True,
        features=QUESTION_RICH_TEXT_FEATURES,
        help_text=_(
            "A good answer, for graders; learners see it in the review when the "
            "quiz shows correct answers."
        ),
    )
    min_words = models.PositiveIntegerField(
        _("minimum words"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Shown to the learner with a live word count. Leave blank: none."),
    )
    max_words = models.PositiveIntegerField(
        _("maximum words"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Shown to the learner with a live word count. Leave blank: none."),
    )
    grader_instructions = RichTextField(
        _("instructions for graders"),
        blank=True,
        features=QUESTION_RICH_TEXT_FEATURES,
        help_text=_("What to look for; only graders see this."),
    )

    panels = Question.base_panels + [
        FieldRowPanel(
            [FieldPanel("min_words"), FieldPanel("max_words")],
            heading=_("Expected length"),
        ),
        InlinePanel(
            "criteria",
            heading=_("Rubric"),
            label=_("Criterion"),
            min_num=1,
            help_text=_(
                "The question's points are the sum of each criterion's top level."
            ),
        ),
        FieldPanel("model_answer"),
        FieldPanel("grader_instructions"),
    ]

    class Meta:
        verbose_name = _("essay question")
        verbose_name_plural = _("essay questions")

    def clean(self):
        super().clean()
        if self.min_words and self.max_words and self.min_words > self.max_words:
            raise ValidationError({"min_words": WORD_LIMITS_ORDER})

    # -- Rubric -----------------------------------------------------------------

    @classmethod
    def child_relation_names(cls):
        return ["criteria"]

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        """Every criterion's levels readable, one worth points; derives the points."""
        rubric, errors = [], []
        for row in rows_by_relation.get("criteria", []):
            try:
                levels = parse_levels(row.levels, row.criterion)
            except ValidationError as error:
                errors += error.messages
                continue
            rubric.append({"criterion": row.criterion, "levels": levels})
        errors += rubric_errors(rubric) if not errors else []
        if not errors:
            question.points = rubric_points(rubric)
        return errors

    def _criteria(self):
        return child_rows(self, "criteria")

    @property
    def rubric(self) -> list[dict]:
        """The rubric as data: ``[{"id", "criterion", "levels": [...]}]``."""
        return [
            {
                "id": row.key,
                "criterion": row.criterion,
                "levels": parse_levels(row.levels, row.criterion),
            }
            for row in self._criteria()
        ]

    # -- Snapshots --------------------------------------------------------------------

    def key_snapshot(self):
        return {
            "model_answer": self.model_answer,
            "min_words": self.min_words,
            "max_words": self.max_words,
            "grader_instructions": self.grader_instructions,
            "rubric": self.rubric,
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls(
            model_answer=data.get("model_answer", ""),
            min_words=data.get("min_words"),
            max_words=data.get("max_words"),
            grader_instructions=data.get("grader_instructions", ""),
        )
        question.criteria = [
            EssayCriterion(
                key=item["id"],
                criterion=item["criterion"],
                levels=format_levels(item["levels"]),
                sort_order=index,
            )
            for index, item in enumerate(data.get("rubric", []))
        ]
        return question

    def option_keys(self):
        """The criteria: a regrade keeps the served rubric if one disappeared."""
        return {row.key for row in self._criteria()}

    # -- Learner side ---------------------------------------------------------------

    def present(self, rng, *, shuffle=False):
        return {
            "min_words": self.min_words,
            "max_words": self.max_words,
            "max_length": MAX_ESSAY_LENGTH,
        }

    @classmethod
    def read_form(cls, presentation, data, name):
        values = data.getlist(name)
        if len(values) > 1:
            raise InvalidResponse(RESPONSE_SINGLE_VALUE)
        text = check_text_length(values[0] if values else "", MAX_ESSAY_LENGTH)
        # Line endings as browsers send them (CRLF) count as one.
        text = text.replace("\r\n", "\n").strip()
        return text or None

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        return check_text_length(response, MAX_ESSAY_LENGTH).strip() or None

    def grade(self, response):
        """No rule grades an essay: an answered one waits for a person."""
        if self.clean_response(response) is None:
            return Grade.unanswered()
        return Grade.awaiting_person()

    def clean_person_grade(self, levels, feedback: str) -> dict:
        """A grader's decision, checked against the rubric, as stored JSON.

        ``levels`` maps each criterion's id to the index of the level chosen
        (strings from a form are fine). Raises InvalidResponse when a
        criterion has no valid level.
        """
        chosen = {}
        for item in self.rubric:
            raw = (levels or {}).get(item["id"])
            try:
                index = int(raw)
            except (TypeError, ValueError):
                raise InvalidResponse(CHOOSE_EVERY_LEVEL) from None
            if not 0 <= index < len(item["levels"]):
                raise InvalidResponse(CHOOSE_EVERY_LEVEL)
            chosen[item["id"]] = index
        return {"levels": chosen, "feedback": (feedback or "").strip()}

    def grade_by_person(self, response, decision: dict) -> Grade:
        """The grade a person's decision gives: the chosen levels' points.

        Pure, like ``grade``. A criterion with no (or no longer a) level
        chosen earns nothing; one selection per criterion feeds item analysis.
        """
        rubric = self.rubric
        chosen = decision.get("levels", {})
        earned, selections = Decimal(0), []
        for item in rubric:
            index = chosen.get(item["id"])
            if not isinstance(index, int) or not 0 <= index < len(item["levels"]):
                continue
            level = item["levels"][index]
            top = max(Decimal(lvl["points"]) for lvl in item["levels"])
            earned += Decimal(level["points"])
            selections.append(
                Selection(
                    f"{item['id']}:{index}",
                    f"{item['criterion']}: {level['label']}"[:LABEL_LENGTH],
                    Decimal(level["points"]) == top,
                )
            )
        return Grade(
            fraction=ratio(earned, rubric_points(rubric)),
            feedback=decision.get("feedback", ""),
            selections=selections,
        )

    def person_grade_summary(self, decision):
        """Each criterion with the level chosen, its points and the most possible."""
        chosen = decision.get("levels", {})
        lines = []
        for item in self.rubric:
            index = chosen.get(item["id"])
            if not isinstance(index, int) or not 0 <= index < len(item["levels"]):
                continue
            lines.append(
                {
                    "criterion": item["criterion"],
                    "level": item["levels"][index]["label"],
                    "points": Decimal(item["levels"][index]["points"]),
                    "top": max(Decimal(lvl["points"]) for lvl in item["levels"]),
                }
            )
        return lines

    def response_text(self, response):
        return response or ""

    def key_text(self):
        return " ".join(strip_tags(self.model_answer or "").split())

    def key_decision(self) -> dict:
        """A grader's decision that earns full marks: every top level."""
        levels = {}
        for item in self.rubric:
            points = [Decimal(level["points"]) for level in item["levels"]]
            levels[item["id"]] = points.index(max(points))
        return {"levels": levels, "feedback": ""}

    def key_response(self):
        return self.key_text() or "Bonjour, merci pour votre message."

    # -- Import ---------------------------------------------------------------------

    @classmethod
    def from_import(cls, data):
        question = base_from_import(cls, data)
        question.model_answer = plain_to_rich_text(data.get("model_answer") or "")
        question.grader_instructions = plain_to_rich_text(
            data.get("grader_instructions") or ""
        )
        question.min_words = _words(data.get("min_words"))
        question.max_words = _words(data.get("max_words"))
        rubric = []
        for item in data.get("rubric") or []:
            levels = [
                {"label": str(level["label"]), "points": str(level["points"])}
                for level in item.get("levels") or []
            ]
            rubric.append({"criterion": str(item["criterion"]), "levels": levels})
        question.criteria = [
            EssayCriterion(
                criterion=item["criterion"][:LABEL_LENGTH],
                levels=format_levels(item["levels"]),
                sort_order=index,
            )
            for index, item in enumerate(rubric)
        ]
        if rubric and not rubric_errors(rubric):
            question.points = rubric_points(rubric)
        return question

    def export_data(self):
        return {
            **base_export(self),
            "model_answer": self.model_answer,
            "min_words": self.min_words,
            "max_words": self.max_words,
            "grader_instructions": self.grader_instructions,
            "rubric": [
                {
                    "criterion": item["criterion"],
                    "levels": [
                        {"label": level["label"], "points": _plain(level["points"])}
                        for level in item["levels"]
                    ],
                }
                for item in self.rubric
            ],
        }


def _words(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(WORD_LIMIT_INVALID) from None


class EssayCriterion(QuestionRow):
    """One rubric criterion of an essay, with its levels and their points."""

    question = ParentalKey(
        EssayQuestion, on_delete=models.CASCADE, related_name="criteria"
    )
    criterion = models.CharField(
        _("criterion"),
        max_length=LABEL_LENGTH,
        help_text=_("What the grader judges, e.g. “Politeness”."),
    )
    levels = models.TextField(
        _("levels"),
        help_text=_(
            "One level per line, lowest first: points, a bar, then what the "
            "level looks like, e.g. “0 | Curt” then “2 | Warm and polite”."
        ),
    )

    panels = [FieldPanel("criterion"), FieldPanel("levels")]

    class Meta(QuestionRow.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self):
        return self.criterion


def essay_display(presentation: dict, response: Any, name: str) -> dict:
    """The text to put back in the box and its word count."""
    text = response if isinstance(response, str) else ""
    return {"value": text, "words": word_count(text)}


def quick_essay(lines: list[str]) -> dict:
    """Quick creation: one criterion per line, "criterion: 0 | label; 2 | label"."""
    rubric = []
    for line in lines:
        criterion, sep, rest = line.partition(":")
        if not sep or not criterion.strip():
            raise ValidationError(QUICK_RUBRIC)
        try:
            levels = parse_levels(
                "\n".join(part for part in rest.split(";")), criterion.strip()
            )
        except (ValidationError, InvalidOperation):
            raise ValidationError(QUICK_RUBRIC) from None
        if not levels:
            raise ValidationError(QUICK_RUBRIC)
        rubric.append({"criterion": criterion.strip(), "levels": levels})
    return {"rubric": rubric}


ESSAY = registry.register(
    QuestionType(
        code=EssayQuestion.type_code,
        model=EssayQuestion,
        display=essay_display,
        quick_answers=quick_essay,
        has_hint=True,
        shows_invalid_text=True,  # a refused essay is shown back, never lost
    )
)
