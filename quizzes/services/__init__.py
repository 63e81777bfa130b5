"""Writes (services), split by concern; import them from here.

``attempts``: start, save, check, submit, expire and regrade attempts.
The refusals they raise come from ``quizzes.errors``.
``imports``: build quizzes and questions from the neutral data format.
"""

from quizzes.errors import (
    ATTEMPT_ALREADY_SUBMITTED,
    ATTEMPT_NOT_SUBMITTED,
    MAX_ATTEMPTS_REACHED,
    OUT_OF_SEQUENCE,
    QUIZ_UNAVAILABLE,
    RESPONSES_REJECTED,
    UNKNOWN_QUESTION,
    AttemptClosed,
    AttemptNotSubmitted,
    MaxAttemptsReached,
    OutOfSequence,
    QuizError,
    QuizUnavailable,
    ResponsesRejected,
)

from .attempts import (
    ACTION_REGRADE,
    ACTION_START,
    ACTION_SUBMIT,
    QUIZ_HAS_NO_QUESTIONS,
    attempt_close_expired,
    attempt_expire,
    attempt_regrade,
    attempt_start,
    attempt_submit,
)
from .imports import QUIZ_SETTINGS_IN_IMPORT, question_create_from_data, quiz_import
from .rows import (
    ANSWER_LOCKED,
    MAX_RESPONSES_BYTES,
    RESPONSES_MALFORMED,
    RESPONSES_TOO_LARGE,
)
from .saving import (
    ANSWERS_SAVED,
    FEEDBACK_NOT_PER_QUESTION,
    NOTHING_TO_CHECK,
    TIME_UP,
    SaveOutcome,
    SaveStatus,
    attempt_check_question,
    attempt_save,
    attempt_save_page,
)

__all__ = [
    "ACTION_REGRADE",
    "ACTION_START",
    "ACTION_SUBMIT",
    "ANSWER_LOCKED",
    "ANSWERS_SAVED",
    "ATTEMPT_ALREADY_SUBMITTED",
    "ATTEMPT_NOT_SUBMITTED",
    "FEEDBACK_NOT_PER_QUESTION",
    "MAX_ATTEMPTS_REACHED",
    "MAX_RESPONSES_BYTES",
    "NOTHING_TO_CHECK",
    "OUT_OF_SEQUENCE",
    "QUIZ_HAS_NO_QUESTIONS",
    "QUIZ_SETTINGS_IN_IMPORT",
    "QUIZ_UNAVAILABLE",
    "RESPONSES_MALFORMED",
    "RESPONSES_REJECTED",
    "RESPONSES_TOO_LARGE",
    "TIME_UP",
    "UNKNOWN_QUESTION",
    "AttemptClosed",
    "AttemptNotSubmitted",
    "MaxAttemptsReached",
    "OutOfSequence",
    "QuizError",
    "QuizUnavailable",
    "ResponsesRejected",
    "SaveOutcome",
    "SaveStatus",
    "attempt_check_question",
    "attempt_close_expired",
    "attempt_expire",
    "attempt_regrade",
    "attempt_save",
    "attempt_save_page",
    "attempt_start",
    "attempt_submit",
    "question_create_from_data",
    "quiz_import",
]
