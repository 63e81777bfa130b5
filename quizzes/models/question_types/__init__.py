"""The question types. Each adds only its own fields, rows and grading rule.

Responses, as stored on ``AttemptQuestion.response`` (JSON):

==================  ==========================================
single choice       option key (str)
multiple response   option keys (list of str)
true/false          bool
short text          the text typed (str)
numeric             the text typed (str), parsed when graded
ordering            item keys in the learner's order (list)
matching            {left key: right option key} (dict)
==================  ==========================================

One module per family; import them from here.
"""

from .arrangement import (
    MatchingPair,
    MatchingQuestion,
    OrderingItem,
    OrderingQuestion,
    OrderingScoring,
)
from .base import (
    NEED_ACCEPTED_ANSWER,
    NEED_CORRECT_OPTION,
    NEED_DISTINCT_ITEMS,
    NEED_DISTINCT_LEFTS,
    NEED_FULL_CREDIT_OPTION,
    NEED_TWO_ITEMS,
    NEED_TWO_OPTIONS,
    NEED_TWO_PAIRS,
    QuestionRow,
    plain_to_rich_text,
)
from .choice import (
    MultipleResponseOption,
    MultipleResponseQuestion,
    Scoring,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from .typed import NumericQuestion, ShortTextQuestion

__all__ = [
    "NEED_ACCEPTED_ANSWER",
    "NEED_CORRECT_OPTION",
    "NEED_DISTINCT_ITEMS",
    "NEED_DISTINCT_LEFTS",
    "NEED_FULL_CREDIT_OPTION",
    "NEED_TWO_ITEMS",
    "NEED_TWO_OPTIONS",
    "NEED_TWO_PAIRS",
    "MatchingPair",
    "MatchingQuestion",
    "MultipleResponseOption",
    "MultipleResponseQuestion",
    "NumericQuestion",
    "OrderingItem",
    "OrderingQuestion",
    "OrderingScoring",
    "QuestionRow",
    "Scoring",
    "ShortTextQuestion",
    "SingleChoiceOption",
    "SingleChoiceQuestion",
    "TrueFalseQuestion",
    "plain_to_rich_text",
]
