"""Models of the courses app, one module per concern."""

from .certificates import (
    EXPIRING_SOON_DAYS,
    Certificate,
    CertificateReminder,
    CertificateStatus,
    certificate_status_at,
    certificate_status_expression,
    new_verification_code,
)
from .charter import (
    ACKNOWLEDGEMENT_IMMUTABLE,
    CharterAcknowledgement,
    CharterPage,
    CharterVersion,
)
from .enrolment import CourseCompletion, Enrolment, EnrolmentSource, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "ACKNOWLEDGEMENT_IMMUTABLE",
    "CharterAcknowledgement",
    "CharterPage",
    "CharterVersion",
    "EXPIRING_SOON_DAYS",
    "Certificate",
    "CertificateReminder",
    "CertificateStatus",
    "certificate_status_at",
    "certificate_status_expression",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "LessonPage",
    "LessonProgress",
    "new_verification_code",
]
