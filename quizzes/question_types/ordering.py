"""Ordering: steps to put in order, with a position menu per item."""

from itertools import combinations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel

from quizzes.grading import (
    ORDERING_DUPLICATE,
    ORDERING_INCOMPLETE,
    RESPONSE_MALFORMED,
    RESPONSE_SINGLE_VALUE,
    RESPONSE_UNKNOWN_OPTION,
    Grade,
    InvalidResponse,
    Selection,
    ratio,
)
from quizzes.models.questions import Question, child_rows

from .base import (
    LABEL_LENGTH,
    NEED_DISTINCT_ITEMS,
    NEED_TWO_ITEMS,
    QuestionRow,
    base_export,
    base_from_import,
    distinct_rows_errors,
)
from .registry import QuestionType, registry


class OrderingScoring(models.TextChoices):
    POSITION = "position", _("Credit for each item in its right position")
    RELATIVE = "relative", _("Credit for each pair of items in the right order")


class OrderingQuestion(Question):
    """Steps to put in order, with a position menu per item (no dragging needed)."""

    type_code = "ordering"
    type_order = 60
    admin_icon = "order"
    type_description = _(
        "Learners put steps in order by giving each a position. Partial credit "
        "by right position or by right relative order."
    )

    scoring = models.CharField(
        _("scoring"),
        max_length=20,
        choices=OrderingScoring.choices,
        default=OrderingScoring.POSITION,
    )

    panels = Question.base_panels + [
        FieldPanel("scoring"),
        InlinePanel(
            "items",
            heading=_("Items, in the right order"),
            label=_("Item"),
            min_num=2,
            help_text=_("Learners always see them shuffled."),
        ),
    ]

    class Meta:
        verbose_name = _("ordering question")
        verbose_name_plural = _("ordering questions")

    @classmethod
    def child_relation_names(cls):
        return ["items"]

    @classmethod
    def validate_rows(cls, question, rows_by_relation):
        return distinct_rows_errors(
            [item.text for item in rows_by_relation.get("items", [])],
            too_few=NEED_TWO_ITEMS,
            not_distinct=NEED_DISTINCT_ITEMS,
        )

    def _items(self):
        return child_rows(self, "items")

    def key_snapshot(self):
        return {
            "scoring": self.scoring,
            "items": [{"id": item.key, "text": item.text} for item in self._items()],
        }

    @classmethod
    def from_key_snapshot(cls, data):
        question = cls(scoring=data["scoring"])
        question.items = [
            OrderingItem(key=item["id"], text=item["text"], sort_order=index)
            for index, item in enumerate(data["items"])
        ]
        return question

    def option_keys(self):
        return {item.key for item in self._items()}

    def present(self, rng, *, shuffle=False):
        # Always shuffled, and never shown already in the right order.
        items = [{"id": item.key, "text": item.text} for item in self._items()]
        key = list(items)
        rng.shuffle(items)
        if len(items) > 1 and items == key:
            items = items[1:] + items[:1]
        return {"items": items}

    @classmethod
    def form_field_names(cls, presentation, name):
        return {f"{name}-{item['id']}" for item in presentation.get("items", [])}

    @classmethod
    def read_form(cls, presentation, data, name):
        ids = [item["id"] for item in presentation.get("items", [])]
        raw = {}
        for item_id in ids:
            values = data.getlist(f"{name}-{item_id}")
            if len(values) > 1:
                raise InvalidResponse(RESPONSE_SINGLE_VALUE)
            raw[item_id] = (values[0] if values else "").strip()
        if not any(raw.values()):
            return None
        if not all(raw.values()):
            raise InvalidResponse(ORDERING_INCOMPLETE)
        try:
            positions = {item_id: int(value) for item_id, value in raw.items()}
        except ValueError as error:
            raise InvalidResponse(RESPONSE_MALFORMED) from error
        if sorted(positions.values()) != list(range(1, len(ids) + 1)):
            raise InvalidResponse(ORDERING_DUPLICATE % {"count": len(ids)})
        return sorted(ids, key=positions.__getitem__)

    def clean_response(self, response):
        if self.is_empty(response):
            return None
        if not isinstance(response, list) or not all(
            isinstance(v, str) for v in response
        ):
            raise InvalidResponse(RESPONSE_MALFORMED)
        keys = self.option_keys()
        if not set(response) <= keys:
            raise InvalidResponse(RESPONSE_UNKNOWN_OPTION)
        if len(response) != len(keys) or len(set(response)) != len(response):
            raise InvalidResponse(ORDERING_DUPLICATE % {"count": len(keys)})
        return response

    def grade(self, response):
        response = self.clean_response(response)
        if response is None:
            return Grade.unanswered()
        items = self._items()
        right_position = {item.key: index for index, item in enumerate(items)}
        text = {item.key: item.text for item in items}
        if self.scoring == OrderingScoring.RELATIVE:
            pairs = list(combinations(response, 2))
            fraction = ratio(
                sum(1 for a, b in pairs if right_position[a] < right_position[b]),
                len(pairs),
            )
        else:
            fraction = ratio(
                sum(
                    1
                    for index, key in enumerate(response)
                    if right_position[key] == index
                ),
                len(items),
            )
        return Grade(
            fraction=fraction,
            selections=[
                Selection(
                    f"{key}@{index + 1}",
                    f"{index + 1}. {text[key]}"[:LABEL_LENGTH],
                    right_position[key] == index,
                )
                for index, key in enumerate(response)
            ],
        )

    def response_text(self, response):
        text = {item.key: item.text for item in self._items()}
        return " → ".join(text.get(key, "?") for key in response or [])

    def key_text(self):
        return " → ".join(item.text for item in self._items())

    def key_response(self):
        return [item.key for item in self._items()]

    @classmethod
    def from_import(cls, data):
        question = base_from_import(cls, data)
        question.scoring = data.get("scoring", OrderingScoring.POSITION)
        question.items = [
            OrderingItem(text=text, sort_order=index)
            for index, text in enumerate(data["items"])
        ]
        return question

    def export_data(self):
        return {
            **base_export(self),
            "scoring": self.scoring,
            "items": [item.text for item in self._items()],
        }


class OrderingItem(QuestionRow):
    """One step of an ordering question; the row order is the right order."""

    question = ParentalKey(
        OrderingQuestion, on_delete=models.CASCADE, related_name="items"
    )
    text = models.CharField(_("item"), max_length=255)

    panels = [FieldPanel("text")]

    class Meta(QuestionRow.Meta):
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.text


def ordering_display(presentation, response, name):
    """One position menu per item, set to the position the learner gave it."""
    order = response if isinstance(response, list) else []
    items = presentation["items"]
    return {
        "positions": list(range(1, len(items) + 1)),
        "items": [
            {
                **item,
                "field": f"{name}-{item['id']}",
                "position": order.index(item["id"]) + 1
                if item["id"] in order
                else None,
            }
            for item in items
        ],
    }


def quick_ordering(lines):
    """Quick creation: the items, one per line, in the right order."""
    return {"items": lines}


ORDERING = registry.register(
    QuestionType(
        code=OrderingQuestion.type_code,
        model=OrderingQuestion,
        display=ordering_display,
        quick_answers=quick_ordering,
        has_hint=True,
    )
)
