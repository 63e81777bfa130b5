"""Generated data for the scale runs: a course of N lessons and M enrolled learners.

Used by seed_pages.py when SCALE_LESSONS / SCALE_LEARNERS are set (see
bench/scale.sh). Lessons are created as live pages (the measured lesson is
published through a revision like any other); learners, enrolments and lesson
progress are inserted with ``bulk_create`` in batches, so 100,000 learners
take seconds. Each generated learner has done the first ``i % (N + 1)``
lessons, so progress rows grow with both axes.
"""

from django.db import transaction

BATCH = 5000


def _batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def seed_scale_course(*, catalogue, lessons: int, body) -> tuple:
    """A live course with ``lessons`` lessons; the first holds ``body``."""
    from courses.models import CoursePage, LessonPage

    course = catalogue.add_child(
        instance=CoursePage(
            title=f"Formation de {lessons} leçons",
            slug=f"formation-{lessons}-lecons",
            summary="Une formation générée pour mesurer les pages à grande échelle.",
            estimated_minutes=10 * lessons,
        )
    )
    course.save_revision().publish()
    first = None
    for number in range(1, lessons + 1):
        lesson = course.add_child(
            instance=LessonPage(
                title=f"Leçon {number}",
                slug=f"lecon-{number}",
                summary=f"Ce que couvre la leçon {number}.",
                body=body
                if number == 1
                else [{"type": "paragraph", "value": f"<p>Leçon {number}.</p>"}],
            )
        )
        if first is None:
            lesson.save_revision().publish()
            first = lesson
    return course, first


def seed_scale_learners(*, course, learners: int) -> None:
    """``learners`` users enrolled in ``course``, each with some lessons done."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import Enrolment, LessonPage, LessonProgress

    user_model = get_user_model()
    lesson_ids = list(
        LessonPage.objects.child_of(course)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    for batch in _batches(range(learners)):
        with transaction.atomic():
            users = user_model.objects.bulk_create(
                [
                    user_model(
                        username=f"scale-{i}",
                        first_name="Apprenant",
                        last_name=f"n° {i}",
                        email=f"scale-{i}@example.org",
                        password="!",  # unusable: these learners never log in
                    )
                    for i in batch
                ]
            )
            if users[0].pk is None:  # backends that do not return ids
                users = list(
                    user_model.objects.filter(
                        username__in=[u.username for u in users]
                    ).order_by("pk")
                )
            enrolments = Enrolment.objects.bulk_create(
                [
                    Enrolment(learner=user, course=course, enrolled_at=now)
                    for user in users
                ]
            )
            if enrolments[0].pk is None:
                enrolments = list(
                    Enrolment.objects.filter(learner__in=users).order_by("learner_id")
                )
            LessonProgress.objects.bulk_create(
                [
                    LessonProgress(enrolment=enrolment, lesson_id=lesson_id, cycle=1)
                    for i, enrolment in zip(batch, enrolments, strict=True)
                    for lesson_id in lesson_ids[: i % (len(lesson_ids) + 1)]
                ],
                batch_size=BATCH,
            )
