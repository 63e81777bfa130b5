"""Public credential URLs: the issuer's DID document and profile, achievements,
status lists, and each certificate's credential and baked badges.

All are public, as the verification page is: a credential is reached through
its certificate's unguessable verification code. A revoked certificate's
credential and badges are gone (410); its status list bit says why.
"""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from courses.models import CertificateStatus, CoursePage
from courses.selectors import certificate_by_code, page_in_language
from lms.credentials import baking, documents
from lms.credentials.keys import credentials_enabled, published_keys, signing_key
from lms.credentials.selectors import revoked_indices, status_list_exists
from lms.credentials.services import credential_issue
from lms.credentials.signing import sign

JWT_TYPE = "application/vc+jwt"
#: How long a served status list stays valid for a verifier that caches it.
STATUS_LIST_VALID_SECONDS = 24 * 3600


def _require_credentials():
    if not credentials_enabled():
        raise Http404


def _json(document: dict, *, content_type: str = "application/json") -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type=content_type
    )
    response["Access-Control-Allow-Origin"] = "*"  # verifiers fetch from anywhere
    return response


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def did_document(request):
    """``/.well-known/did.json``: every published key, the current one first."""
    _require_credentials()
    return _json(
        documents.did_document(published_keys()), content_type="application/did+json"
    )


@require_GET
def issuer_profile(request):
    _require_credentials()
    return _json(documents.issuer_profile())


@require_GET
def achievement(request, course_id: int, language: str):
    """A course's Achievement, as embedded in its credentials, in one language."""
    _require_credentials()
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or language not in dict(settings.LANGUAGES):
        raise Http404
    title = page_in_language(page=course, language_code=language).title
    return _json(
        documents.achievement(course_id=course.pk, title=title, language=language)
    )


@require_GET
def achievement_image(request):
    """The Relais badge (no credential baked in): the Achievement's image."""
    return HttpResponse(
        baking.badge_svg(title="", language=request.LANGUAGE_CODE),
        content_type="image/svg+xml",
    )


@never_cache
@require_GET
def status_list(request, list_number: int):
    """A revocation status list, signed now: never staler than this request."""
    _require_credentials()
    if not status_list_exists(list_number=list_number):
        raise Http404
    payload = documents.status_list_payload(
        list_number=list_number,
        revoked_indices=revoked_indices(list_number=list_number),
        now=timezone.now(),
        valid_seconds=STATUS_LIST_VALID_SECONDS,
    )
    response = HttpResponse(sign(payload, signing_key()), content_type=JWT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _credential(request, code: str):
    """(certificate, its credential) for a code; 404 unknown, 410 revoked."""
    _require_credentials()
    certificate = certificate_by_code(code=code)
    if certificate is None:
        raise Http404
    if certificate.status in (CertificateStatus.REVOKED, CertificateStatus.ERASED):
        return certificate, None
    return certificate, credential_issue(certificate=certificate)


def _gone(request, certificate):
    return render(
        request, "credentials/revoked.html", {"certificate": certificate}, status=410
    )


@require_GET
def credential_jwt(request, code: str):
    certificate, credential = _credential(request, code)
    if credential is None:
        return _gone(request, certificate)
    response = HttpResponse(credential.token, content_type=JWT_TYPE)
    return _attachment(response, f"relais-credential-{code[:8]}.jwt")


@require_GET
def credential_json(request, code: str):
    """The credential as JSON: VC Data Model 2.0's enveloped VC-JWT."""
    certificate, credential = _credential(request, code)
    if credential is None:
        return _gone(request, certificate)
    response = _json(documents.enveloped(credential.token))
    return _attachment(response, f"relais-credential-{code[:8]}.json")


@require_GET
def badge_svg(request, code: str):
    certificate, credential = _credential(request, code)
    if credential is None:
        return _gone(request, certificate)
    content = baking.badge_svg(
        title=certificate.course_title,
        language=certificate.language,
        token=credential.token,
    )
    response = HttpResponse(content, content_type="image/svg+xml")
    return _attachment(response, f"relais-badge-{code[:8]}.svg")


@require_GET
def badge_png(request, code: str):
    certificate, credential = _credential(request, code)
    if credential is None:
        return _gone(request, certificate)
    content = baking.badge_png(
        title=certificate.course_title,
        language=certificate.language,
        token=credential.token,
    )
    response = HttpResponse(content, content_type="image/png")
    return _attachment(response, f"relais-badge-{code[:8]}.png")
