"""Races on PostgreSQL: threads hit the same rows at the same moment.

SQLite runs one writer at a time, so these run on PostgreSQL only.
"""

import threading

import pytest
from django.core import mail
from django.db import connection

from courses.models import Certificate, CourseCompletion, Enrolment, LessonProgress
from courses.services import certificate_issue, enrol, lesson_complete
from tests.factories import CourseCompletionFactory

pytestmark = [
    pytest.mark.postgres_only,
    # serialized_rollback restores the default site and root page migrations made.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 4


def run_together(work, count=THREADS) -> list:
    """Run ``work(index)`` in threads released at once; return results or errors."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(index):
        try:
            barrier.wait(timeout=10)
            results[index] = work(index)
        except Exception as error:  # reported by the assertions below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    errors = [result for result in results if isinstance(result, Exception)]
    assert not errors, errors
    return results


def test_concurrent_issuance_makes_one_certificate(course):
    completion_id = CourseCompletionFactory(enrolment__course=course).pk

    def issue(_index):
        completion = CourseCompletion.objects.select_related(
            "enrolment__course", "enrolment__learner"
        ).get(pk=completion_id)
        return certificate_issue(completion=completion).pk

    results = run_together(issue)
    assert Certificate.objects.count() == 1
    assert set(results) == {Certificate.objects.get().pk}  # losers get the winner's


def test_concurrent_last_lesson_completes_once(learner, course, lessons):
    enrolment = enrol(learner=learner, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    mail.outbox.clear()

    def finish(_index):
        fresh = Enrolment.objects.select_related("course").get(pk=enrolment.pk)
        return lesson_complete(enrolment=fresh, lesson=lessons[-1]).pk

    results = run_together(finish)
    assert len(set(results)) == 1
    assert LessonProgress.objects.count() == len(lessons)
    assert CourseCompletion.objects.count() == 1
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1  # one "certificate issued" email


def test_two_tabs_finishing_different_lessons_complete_once(learner, course, lessons):
    """Neither request sees the other's lesson, yet the course completes once."""
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=lessons[0])

    def finish(index):
        fresh = Enrolment.objects.select_related("course").get(pk=enrolment.pk)
        return lesson_complete(enrolment=fresh, lesson=lessons[1 + index]).pk

    run_together(finish, count=2)
    assert CourseCompletion.objects.count() == 1
    assert Certificate.objects.count() == 1


def test_concurrent_enrolment_makes_one(learner, course):
    results = run_together(lambda _index: enrol(learner=learner, course=course).pk)
    assert len(set(results)) == 1
    assert Enrolment.objects.count() == 1
    assert len(mail.outbox) == 1
