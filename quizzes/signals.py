"""Signals other apps listen to. Receivers must be idempotent."""

from django.dispatch import Signal

#: Sent inside the start transaction, once, when a new attempt is created.
#: Keyword argument: ``attempt`` (its ``attempt_questions`` are saved).
attempt_started = Signal()

#: Sent inside the submission transaction just before ``attempt_submitted``,
#: once, when an attempt is closed and scored. For observers that record the
#: attempt itself (xAPI's "answered" and "passed"), so their records come before
#: those of its consequences (a course completed on ``attempt_submitted``).
#: Keyword argument: ``attempt``.
attempt_closed = Signal()

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
