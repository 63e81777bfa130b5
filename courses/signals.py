"""Signals other apps listen to. Receivers must be idempotent."""

from django.dispatch import Signal

#: Sent inside the issuing transaction, once, when a certificate is issued.
#: Keyword argument: ``certificate``.
certificate_issued = Signal()
