"""Factories for enrolments, progress, completions and certificates.

Most tests should drive progress through ``courses.services``; these build
rows directly for states that are slow to reach (an old, expired certificate).
"""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Page

from courses.models import (
    Certificate,
    CourseCompletion,
    CourseIndexPage,
    Enrolment,
    LessonProgress,
)

from .courses import CourseIndexPageFactory, CoursePageFactory
from .users import UserFactory


def existing_catalogue():
    """The first catalogue page, created under the tree root if there is none."""
    return CourseIndexPage.objects.first() or CourseIndexPageFactory(
        parent=Page.get_first_root_node()
    )


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An enrolment; pass course= (the original-language CoursePage)."""

    learner = factory.SubFactory(UserFactory)
    course = factory.SubFactory(
        CoursePageFactory, parent=factory.LazyFunction(existing_catalogue)
    )
    language = "fr"

    class Meta:
        model = Enrolment


class LessonProgressFactory(factory.django.DjangoModelFactory):
    """A lesson marked complete; pass enrolment= and lesson=."""

    cycle = factory.LazyAttribute(lambda o: o.enrolment.cycle)

    class Meta:
        model = LessonProgress


class CourseCompletionFactory(factory.django.DjangoModelFactory):
    """A completion of the enrolment's current cycle."""

    enrolment = factory.SubFactory(EnrolmentFactory)
    cycle = factory.LazyAttribute(lambda o: o.enrolment.cycle)

    class Meta:
        model = CourseCompletion


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate with its completion; ``expires_in_days`` sets the expiry."""

    completion = factory.SubFactory(CourseCompletionFactory)
    learner = factory.LazyAttribute(lambda o: o.completion.enrolment.learner)
    course = factory.LazyAttribute(lambda o: o.completion.enrolment.course)
    holder_name = factory.LazyAttribute(lambda o: o.learner.get_full_name())
    course_title = factory.LazyAttribute(lambda o: o.course.title if o.course else "")
    completed_on = factory.LazyFunction(timezone.localdate)
    issued_at = factory.LazyFunction(timezone.now)
    language = "fr"

    class Meta:
        model = Certificate
        exclude = ["expires_in_days"]

    expires_in_days = None
    expires_at = factory.LazyAttribute(
        lambda o: (
            timezone.now() + datetime.timedelta(days=o.expires_in_days)
            if o.expires_in_days is not None
            else None
        )
    )
