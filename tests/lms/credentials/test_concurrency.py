"""Two requests issuing one certificate's credential at once (PostgreSQL)."""

import pytest

from lms.credentials.models import IssuedCredential
from lms.credentials.services import credential_issue
from tests.courses.test_concurrency import run_together
from tests.factories import CertificateFactory

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_downloads_issue_one_credential():
    certificate = CertificateFactory()

    results = run_together(lambda _index: credential_issue(certificate=certificate).pk)

    assert IssuedCredential.objects.filter(certificate=certificate).count() == 1
    assert len(set(results)) == 1
