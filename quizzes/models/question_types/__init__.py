"""The installed question types: importing a type's module registers it.

Each type lives in its own module under ``quizzes.question_types`` with its
model, rows and registry entry. They are imported here, one line per type,
because Django must see their models while it loads ``quizzes.models``;
adding a type means adding its module and its line below (see
docs/QUESTION_TYPES.md). The names stay importable from here and from
``quizzes.models``.

Responses, as stored on ``AttemptQuestion.response`` (JSON):

==================  ==========================================
single choice       option key (str)
multiple response   option keys (list of str)
true/false          bool
short text          the text typed (str)
numeric             the text typed (str), parsed when graded
ordering            item keys in the learner's order (list)
matching            {left key: right option key} (dict)
essay               the text written (str), graded by a person
==================  ==========================================
"""

from quizzes.question_types.base import (
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

# One import per type; the order does not matter (``type_order`` does).
from quizzes.question_types.essay import EssayCriterion, EssayQuestion
from quizzes.question_types.matching import MatchingPair, MatchingQuestion
from quizzes.question_types.multiple_response import (
    MultipleResponseOption,
    MultipleResponseQuestion,
    Scoring,
)
from quizzes.question_types.numeric import NumericQuestion
from quizzes.question_types.ordering import (
    OrderingItem,
    OrderingQuestion,
    OrderingScoring,
)
from quizzes.question_types.short_text import ShortTextQuestion
from quizzes.question_types.single_choice import (
    SingleChoiceOption,
    SingleChoiceQuestion,
)
from quizzes.question_types.true_false import TrueFalseQuestion

__all__ = [
    "EssayCriterion",
    "EssayQuestion",
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
