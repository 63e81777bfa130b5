"""Matching: pairs to match, with partial credit per pair."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from quizzes.grading import (
    RESPONSE_MALFORMED,
    RESPONSE_UNKNOWN_OPTION,
    Grade,
    InvalidResponse,
    Selection,
    ratio,
)
from quizzes.models.questions import OptionKeyField, Question, child_rows

from .base import (
    LABEL_LENGTH,
    NEED_DISTINCT_LEFTS,
    NEED_TWO_PAIRS,
    QuestionRow,
    base_export,
    base_from_import,
    distinct_rows_errors,
    read_single_value,
)
from .registry import QuestionType, registry

QUICK_PAIR = _("Write each pair as “left = right”, one per line.")


class MatchingQuestion(Question):
    """Pairs to match, e.g. platform ↔ good practice; partial credit per pair."""

    type_code = "matching"
    type_order = 70
    admin_icon = "link"
    type_description = _(
        "Learners match each item on the left with one on the right, e.g. a "
        "platform with its good practice. Credit for each right pair."
    )

    panels = Question.base_panels + [
        InlinePanel(
            "pairs",
            heading=_("Pairs"),
            label=_("Pair"),
            min_num=2,
            help_text=_("Learners see the right-hand items shuffled in a menu."),
        ),
    ]

    class Meta:
        verbose_name = _("matching question")
        verbose_name_plural = _("matching questions")

    @classmethod
    def child_relation_names(cls):
        return ["pairs"]

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        return distinct_rows_errors(
            [pair.left for pair in rows_by_relation.get("pairs", [])],
            too_few=NEED_TWO_PAIRS,
            not_distinct=NEED_DISTINCT_LEFTS,
        )

    def _pairs(self):
        return child_rows(self, "pairs")

    def _right_options(self) -> list[dict[str, str]]:
        """Distinct right-hand texts, each named by the first pair using it."""
        options, seen = [], set()
        for pair in self._pairs():
            if pair.right not in seen:
                seen.add(pair.right)
                options.append({"id": pair.right_key, "text": pair.right})
        return options

    def key_snapshot(self):
        return {
            "pairs": [
                {
                    "id": pair.key,
                    "left": pair.left,
                    "right_id": pair.right_key,
                    "right": pair.right,
                }
                for pair in self._pairs()
            ]
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls()
        question.pairs = [
            MatchingPair(
                key=pair["id"],
                left=pair["left"],
                right_key=pair["right_id"],
                right=pair["right"],
                sort_order=index,
            )
            for index, pair in enumerate(data["pairs"])
        ]
        return question

    def option_keys(self):
        return {pair.key for pair in self._pairs()} | {
            option["id"] for option in self._right_options()
        }

    def present(self, rng, *, shuffle=False):
        prompts = [{"id": pair.key, "text": pair.left} for pair in self._pairs()]
        if shuffle:
            rng.shuffle(prompts)
        options = self._right_options()
        rng.shuffle(options)  # always: the authored order would give pairs away
        return {"prompts": prompts, "options": options}

    @classmethod
    def form_field_names(cls, presentation, name):
        return {f"{name}-{prompt['id']}" for prompt in presentation.get("prompts", [])}

    @classmethod
    def read_form(cls, presentation, data, name):
        response = {}
        for prompt in presentation.get("prompts", []):
            value = read_single_value(data, f"{name}-{prompt['id']}")
            if value:
                response[prompt["id"]] = value
        return response or None

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        if not isinstance(response, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in response.items()
        ):
            raise InvalidResponse(RESPONSE_MALFORMED)
        lefts = {pair.key for pair in self._pairs()}
        rights = {option["id"] for option in self._right_options()}
        if not set(response) <= lefts or not set(response.values()) <= rights:
            raise InvalidResponse(RESPONSE_UNKNOWN_OPTION)
        return {
            pair.key: response[pair.key]
            for pair in self._pairs()
            if pair.key in response
        }

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        right_text = {option["id"]: option["text"] for option in self._right_options()}
        pairs = self._pairs()
        selections = []
        for pair in pairs:
            if pair.key in response:
                chosen = right_text[response[pair.key]]
                selections.append(
                    Selection(
                        f"{pair.key}:{response[pair.key]}",
                        f"{pair.left} → {chosen}"[:LABEL_LENGTH],
                        chosen == pair.right,
                    )
                )
        return Grade(
            fraction=ratio(sum(s.is_correct for s in selections), len(pairs)),
            selections=selections,
        )

    def response_text(self, response):
        right_text = {option["id"]: option["text"] for option in self._right_options()}
        response = response or {}
        return "; ".join(
            f"{pair.left} → {right_text.get(response.get(pair.key), '—')}"
            for pair in self._pairs()
        )

    def key_text(self):
        return "; ".join(f"{pair.left} → {pair.right}" for pair in self._pairs())

    def key_response(self):
        first_key = {option["text"]: option["id"] for option in self._right_options()}
        return {pair.key: first_key[pair.right] for pair in self._pairs()}

    @classmethod
    def from_import(cls, data):
        question = base_from_import(cls, data)
        question.pairs = [
            MatchingPair(left=left, right=right, sort_order=index)
            for index, (left, right) in enumerate(data["pairs"])
        ]
        return question

    def export_data(self):
        return {
            **base_export(self),
            "pairs": [[pair.left, pair.right] for pair in self._pairs()],
        }


class MatchingPair(QuestionRow):
    """One left ↔ right pair of a matching question."""

    question = ParentalKey(
        MatchingQuestion, on_delete=models.CASCADE, related_name="pairs"
    )
    left = models.CharField(_("left-hand item"), max_length=255)
    right = models.CharField(
        _("its match"),
        max_length=255,
        help_text=_("Several pairs may share the same match."),
    )
    right_key = OptionKeyField()

    panels = [FieldRowPanel([FieldPanel("left"), FieldPanel("right")])]

    class Meta(QuestionRow.Meta):
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")

    def __str__(self):
        return f"{self.left} → {self.right}"


def matching_display(presentation, response, name):
    """One menu of right-hand options per left-hand prompt, set to the pick."""
    chosen = response if isinstance(response, dict) else {}
    return {
        "options": presentation["options"],
        "prompts": [
            {
                **prompt,
                "field": f"{name}-{prompt['id']}",
                "selected": chosen.get(prompt["id"], ""),
            }
            for prompt in presentation["prompts"]
        ],
    }


def quick_matching(lines):
    """Quick creation: one "left = right" pair per line."""
    if not all("=" in line for line in lines):
        raise ValidationError(QUICK_PAIR)
    return {"pairs": [[part.strip() for part in line.split("=", 1)] for line in lines]}


MATCHING = registry.register(
    QuestionType(
        code=MatchingQuestion.type_code,
        model=MatchingQuestion,
        display=matching_display,
        quick_answers=quick_matching,
        has_hint=True,
    )
)
