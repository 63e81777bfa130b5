"""``{% credential_links certificate %}``: a certificate's credential downloads.

Rendered on the learner's dashboard and the public verification page. Shows
nothing when credentials are off or the certificate is revoked.
"""

from django import template

from courses.models import CertificateStatus
from lms.credentials.keys import credentials_enabled

register = template.Library()
#: A revoked certificate, or one whose holder's data was erased, offers nothing.
WITHDRAWN = (CertificateStatus.REVOKED, CertificateStatus.ERASED)


def offered(certificate) -> bool:
    return credentials_enabled() and certificate.status not in WITHDRAWN


@register.simple_tag
def credential_offered(certificate) -> bool:
    """``{% credential_offered certificate as offered %}``."""
    return offered(certificate)


@register.inclusion_tag("credentials/includes/credential_links.html")
def credential_links(certificate):
    return {"certificate": certificate, "shown": offered(certificate)}
