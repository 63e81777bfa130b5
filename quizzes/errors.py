"""The refusals quiz writes raise, with the messages a learner may be shown.

Their own module because both the services (which raise them) and the form
reader (``quizzes.forms``, which the services call to read a posted page)
need them: defined in the services, the form reader would import the
services that import it. ``quizzes.services`` re-exports all of them.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

QUIZ_UNAVAILABLE = _("This quiz is not available.")
MAX_ATTEMPTS_REACHED = _("You have used all your attempts at this quiz.")
ATTEMPT_ALREADY_SUBMITTED = _("This attempt has already been submitted.")
ATTEMPT_NOT_SUBMITTED = _("Only submitted attempts can be regraded.")
OUT_OF_SEQUENCE = _(
    "These answers come from an out-of-date page: newer answers were saved since, "
    "perhaps in another window. Nothing was changed; here are your latest saved "
    "answers."
)
RESPONSES_REJECTED = _(
    "Some answers could not be accepted, so nothing was saved. See the messages "
    "next to the questions."
)
UNKNOWN_QUESTION = _("This answer is for a question that is not part of your attempt.")


class QuizError(Exception):
    """A rule refused the request; ``message`` is safe to show to the learner."""

    default_message = ""

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class QuizUnavailable(QuizError):
    """The quiz is a draft or has no questions."""

    default_message = QUIZ_UNAVAILABLE


class MaxAttemptsReached(QuizError):
    """The learner has used every attempt the quiz allows."""

    default_message = MAX_ATTEMPTS_REACHED


class AttemptClosed(QuizError):
    """The attempt was submitted (another tab, the time limit): no more saves."""

    default_message = ATTEMPT_ALREADY_SUBMITTED


class AttemptNotSubmitted(QuizError):
    """Only a submitted attempt can be regraded."""

    default_message = ATTEMPT_NOT_SUBMITTED


class OutOfSequence(QuizError):
    """The page's sequence number is not the attempt's: a stale page or tab."""

    default_message = OUT_OF_SEQUENCE


class ResponsesRejected(QuizError):
    """Answers refused; ``errors`` maps slot numbers to messages."""

    default_message = RESPONSES_REJECTED

    def __init__(self, errors: Mapping[int, Any] | None = None, message=None):
        super().__init__(message)
        self.errors = dict(errors or {})
