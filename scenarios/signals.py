"""Signals other apps listen to. Receivers must be idempotent."""

from django.dispatch import Signal

#: Sent inside the choice's transaction, once, when a run reaches an ending.
#: Keyword argument: ``run``.
run_finished = Signal()
