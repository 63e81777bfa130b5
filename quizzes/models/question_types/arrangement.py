"""Arrangement questions: put items in order, match pairs."""

from itertools import combinations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

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

from ..questions import OptionKeyField, Question, child_rows
from .base import (
    LABEL_LENGTH,
    NEED_DISTINCT_ITEMS,
    NEED_DISTINCT_LEFTS,
    NEED_TWO_ITEMS,
    NEED_TWO_PAIRS,
    QuestionRow,
    _base_from_import,
    _read_single_value,
)

# --- Ordering ----------------------------------------------------------------------


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
        items = rows_by_relation.get("items", [])
        errors = []
        if len(items) < 2:
            errors.append(NEED_TWO_ITEMS)
        texts = [item.text.strip().casefold() for item in items]
        if len(set(texts)) != len(texts):
            errors.append(NEED_DISTINCT_ITEMS)
        return errors

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
        question = _base_from_import(cls, data)
        question.scoring = data.get("scoring", OrderingScoring.POSITION)
        question.items = [
            OrderingItem(text=text, sort_order=index)
            for index, text in enumerate(data["items"])
        ]
        return question


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


# --- Matching ----------------------------------------------------------------------


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
        pairs = rows_by_relation.get("pairs", [])
        errors = []
        if len(pairs) < 2:
            errors.append(NEED_TWO_PAIRS)
        lefts = [pair.left.strip().casefold() for pair in pairs]
        if len(set(lefts)) != len(lefts):
            errors.append(NEED_DISTINCT_LEFTS)
        return errors

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
            value = _read_single_value(data, f"{name}-{prompt['id']}")
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
        question = _base_from_import(cls, data)
        question.pairs = [
            MatchingPair(left=left, right=right, sort_order=index)
            for index, (left, right) in enumerate(data["pairs"])
        ]
        return question


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
