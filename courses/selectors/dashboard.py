"""The learner's dashboard ("My learning"), in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from courses.models import Certificate, CertificateStatus, CoursePage, Enrolment
from courses.selectors.charter import charters_pending
from courses.selectors.progress import (
    EXPIRING_SOON_DAYS,
    CourseProgress,
    progress_for_enrolments,
)


@dataclass(frozen=True)
class DashboardCourse:
    """One course on the learner's dashboard, in the learner's language."""

    page: Page
    enrolment: object
    progress: CourseProgress


@dataclass(frozen=True)
class Dashboard:
    """Everything "My learning" shows, loaded in a fixed number of queries."""

    in_progress: list
    completed: list
    certificates: list
    expiring_soon: list
    charters_pending: list = ()

    @property
    def is_empty(self) -> bool:
        return not (self.in_progress or self.completed or self.certificates)


def learner_dashboard(*, learner, now: datetime.datetime | None = None) -> Dashboard:
    """The learner's courses in progress, completed courses and certificates.

    Course titles and links come from each course's translation in the active
    language when there is one. Also the charters awaiting the learner's
    acknowledgement, in that language: a friendly reminder, never a block.
    """
    now = now or timezone.now()
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .select_related("course")
        .order_by(F("due_on").asc(nulls_last=True), "-enrolled_at")
    )
    progress = progress_for_enrolments(learner=learner, enrolments=enrolments)
    localised = {
        page.translation_key: page
        for page in CoursePage.objects.live()
        .filter(
            translation_key__in=[e.course.translation_key for e in enrolments],
            locale__language_code=get_supported_content_language_variant(
                get_language()
            ),
        )
        .only("id", "title", "url_path", "path", "depth", "translation_key")
    }
    in_progress, completed = [], []
    for enrolment in enrolments:
        item = DashboardCourse(
            page=localised.get(enrolment.course.translation_key, enrolment.course),
            enrolment=enrolment,
            progress=progress[enrolment.pk],
        )
        (completed if item.progress.is_complete else in_progress).append(item)
    certificates = list(Certificate.objects.filter(learner=learner))
    expiring = [
        certificate
        for certificate in certificates
        if certificate.status_at(now, expiring_within_days=EXPIRING_SOON_DAYS)
        == CertificateStatus.EXPIRING
    ]
    language = get_supported_content_language_variant(get_language())
    return Dashboard(
        charters_pending=list(charters_pending(learner=learner, language=language)),
        in_progress=in_progress,
        completed=completed,
        certificates=certificates,
        expiring_soon=sorted(expiring, key=lambda c: c.expires_at),
    )
