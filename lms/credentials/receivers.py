"""Issue a credential whenever courses issues a certificate."""

from django.dispatch import receiver

from courses.signals import certificate_issued
from lms.credentials.keys import credentials_enabled
from lms.credentials.services import credential_issue


@receiver(certificate_issued, dispatch_uid="credentials.issue_with_certificate")
def issue_with_certificate(sender, certificate, **kwargs):
    if credentials_enabled():
        credential_issue(certificate=certificate, now=certificate.issued_at)
