"""Signals other apps listen to. Receivers must be idempotent."""

from django.dispatch import Signal

#: Sent inside the submission transaction, once, when an attempt is submitted
#: (by the learner, or closed by the time limit). Keyword argument: ``attempt``.
attempt_submitted = Signal()

#: Sent inside the grading transaction, once, when a person grades the last
#: answer of an attempt awaiting grading: the attempt now has its score and
#: passed flag, as a submitted one. Keyword argument: ``attempt``.
attempt_graded = Signal()

#: Sent inside the regrade transaction. Keyword arguments: ``attempt``,
#: ``previous`` (a dict with points, score_percent and passed before).
attempt_regraded = Signal()
