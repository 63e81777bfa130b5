"""Views of the courses app that are not Wagtail pages.

Search, the learner's actions (enrol, mark a lesson complete, recertify), the
dashboard, certificate downloads and the public verification page. Each view
parses input, checks access, calls one service or selector and responds.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page, Site

from core.caching import RenderCache
from core.ids import parse_small
from courses import services
from courses.models import CertificateStatus, CharterPage, CoursePage, LessonPage
from courses.selectors import (
    certificate_by_code,
    certificate_for_owner,
    charter_current_version,
    enrolment_for,
    learner_dashboard,
    lesson_navigation,
)

MAX_QUERY_LENGTH = 200

ENROLLED = _("You are enrolled. Enjoy the course!")
ALREADY_ENROLLED = _("You are already enrolled in this course.")
NOT_ENROLLED = _("Enrol in the course to read its lessons.")
LESSON_MARKED_DONE = _("Lesson marked as complete.")
COURSE_COMPLETED = _(
    "Congratulations, you completed the course! Your certificate is ready."
)
CHARTER_ACKNOWLEDGED = _("Thank you: your acknowledgement of the charter is recorded.")
CHARTER_CONFIRM_REQUIRED = _(
    "Tick “I have read and I will follow this charter” to confirm."
)
RECERTIFICATION_STARTED = _(
    "Recertification started: work through the course again to earn a new certificate."
)


def search(request):
    """Search live courses and lessons in the current language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .type(CoursePage, LessonPage)
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
        )
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(parse_small(request.GET.get("page")) or 1)
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    return render(request, "courses/search.html", {"query": query, "results": page})


def _visible_page(model, request, page_id: int):
    """A live page the visitor may see (view restrictions honoured), else 404."""
    page = get_object_or_404(model.objects.live(), pk=page_id)
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


@require_POST
@login_required
def enrol(request, course_id: int):
    """Enrol the signed-in learner in a course, then show the course."""
    course = _visible_page(CoursePage, request, course_id)
    if enrolment_for(learner=request.user, course=course):
        messages.info(request, ALREADY_ENROLLED)
    else:
        services.enrol(learner=request.user, course=course)
        messages.success(request, ENROLLED)
    return redirect(course.get_url(request))


@require_POST
@login_required
def lesson_complete(request, lesson_id: int):
    """Mark a lesson complete, then go on to the next lesson (or the course)."""
    lesson = _visible_page(LessonPage, request, lesson_id)
    navigation = lesson_navigation(
        lesson=lesson,
        site=Site.find_for_request(request),
        cache=RenderCache.for_request(request),
    )
    enrolment = enrolment_for(learner=request.user, course=navigation.course)
    if enrolment is None:
        messages.error(request, NOT_ENROLLED)
        return redirect(navigation.course.url)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    completed = enrolment.completions.filter(cycle=enrolment.cycle).exists()
    messages.success(request, COURSE_COMPLETED if completed else LESSON_MARKED_DONE)
    target = navigation.course if completed or not navigation.next else navigation.next
    return redirect(target.url)


@require_POST
@login_required
def course_restart(request, course_id: int):
    """Start recertifying: a new cycle of the course."""
    course = _visible_page(CoursePage, request, course_id)
    enrolment = enrolment_for(learner=request.user, course=course)
    if enrolment is None:
        raise Http404
    try:
        services.enrolment_restart(enrolment=enrolment)
        messages.success(request, RECERTIFICATION_STARTED)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(course.get_url(request))


@require_POST
@login_required
def charter_acknowledge(request, charter_id: int):
    """Record the signed-in person's acknowledgement of the version they read.

    The form posts the version number it showed: a page left open across a
    new version is refused with a message, and the page shows the new text.
    """
    charter = _visible_page(CharterPage, request, charter_id)
    if request.POST.get("confirm") != "yes":
        messages.error(request, CHARTER_CONFIRM_REQUIRED)
        return redirect(charter.get_url(request))
    current = charter_current_version(translation_key=charter.translation_key)
    number = parse_small(request.POST.get("version"))
    try:
        if current is None or number != current.number:
            raise ValidationError(services.CHARTER_VERSION_OUTDATED)
        services.charter_acknowledge(
            learner=request.user,
            version=current,
            language=charter.locale.language_code,
        )
        messages.success(request, CHARTER_ACKNOWLEDGED)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(charter.get_url(request))


@never_cache
@require_GET
@login_required
def dashboard(request):
    """The "My learning" dashboard: courses in progress and completed, certificates."""
    context = {"dashboard": learner_dashboard(learner=request.user)}
    return render(request, "courses/dashboard.html", context)


@never_cache
@require_GET
@login_required
def certificate_pdf(request, pk: int):
    """Download a certificate's PDF: its holder only (404 for anyone else)."""
    certificate = certificate_for_owner(user=request.user, pk=pk)
    if certificate.status == CertificateStatus.REVOKED and (
        certificate.learner_id == request.user.pk
    ):
        raise Http404
    certificate = services.certificate_pdf_ensure(certificate=certificate)
    filename = f"certificate-{certificate.code[:8]}.pdf"
    return FileResponse(
        certificate.pdf.open("rb"), content_type="application/pdf", filename=filename
    )


@require_GET
def certificate_verify(request, code: str):
    """Public verification: status, holder, course and dates; nothing else."""
    certificate = certificate_by_code(code=code)
    if certificate is None:
        return render(
            request, "certificates/verify_not_found.html", {"code": code}, status=404
        )
    context = {
        "certificate": certificate,
        "organisation": settings.RELAIS_ORGANISATION_NAME,
    }
    return render(request, "certificates/verify.html", context)


@require_GET
def certificate_verify_neutral(request, code: str):
    """The language-neutral verification URL (QR codes, emails) → visitor's language."""
    with translation.override(get_language_from_request(request)):
        return redirect(reverse("certificates:verify", args=[code]))
