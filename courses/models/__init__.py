"""Models of the courses app, one module per concern."""

from .caching import ContentVersion
from .certificates import (
    Certificate,
    CertificateReminder,
    CertificateStatus,
    new_verification_code,
)
from .enrolment import CourseCompletion, Enrolment, EnrolmentSource, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage

__all__ = [
    "Certificate",
    "CertificateReminder",
    "CertificateStatus",
    "ContentVersion",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "LessonPage",
    "LessonProgress",
    "new_verification_code",
]
