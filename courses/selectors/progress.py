"""Enrolments and progress against the completion rule, per cycle.

Every function here costs a fixed number of queries, whatever the number of
lessons or enrolments.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.db import connection, router
from django.db.models import Q
from wagtail.models import Page

from courses.caching import cache_key, cached, content_version, is_preview
from lms.sql import fetch_rows, select_columns

# Certificates expiring within this many days are shown to the learner, who
# may then start recertifying.
EXPIRING_SOON_DAYS = 60


def enrolment_for(*, learner, course: Page):
    """The learner's enrolment in ``course`` (any translation), or None. One query.

    ``course`` may be a page or a ``PageLink`` (only its ``translation_key``
    is read).
    """
    from courses.models import Enrolment

    if learner is None or not learner.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(
            learner=learner, course__translation_key=course.translation_key
        )
        .select_related("course")
        .order_by("pk")
        .first()
    )


@dataclass(frozen=True)
class QuizPass:
    """A passed final-quiz attempt: when, and with which score."""

    submitted_at: datetime.datetime
    score_percent: Decimal | None


@dataclass(frozen=True)
class CourseProgress:
    """How far an enrolment's current cycle is, against the completion rule.

    Steps are the course's required lessons plus its final quiz, if any.
    ``required_keys`` and ``done_keys`` are lesson ``translation_key`` values,
    so they apply to every translation of the course.
    """

    enrolment: object
    required_keys: frozenset
    done_keys: frozenset
    has_final_quiz: bool
    quiz_pass: QuizPass | None
    completion: object | None
    certificate: object | None

    @property
    def quiz_passed(self) -> bool:
        return self.quiz_pass is not None

    @property
    def total_steps(self) -> int:
        return len(self.required_keys) + int(self.has_final_quiz)

    @property
    def done_steps(self) -> int:
        quiz_step = int(self.has_final_quiz and self.quiz_passed)
        return len(self.required_keys & self.done_keys) + quiz_step

    @property
    def percent(self) -> int:
        if self.completion is not None:
            return 100
        if not self.total_steps:
            return 0
        return int(self.done_steps * 100 / self.total_steps)

    @property
    def lessons_done(self) -> bool:
        return self.required_keys <= self.done_keys

    @property
    def rule_met(self) -> bool:
        """The completion rule holds. A course with no requirement never completes."""
        if not self.total_steps:
            return False
        return self.lessons_done and (self.quiz_passed or not self.has_final_quiz)

    @property
    def is_complete(self) -> bool:
        return self.completion is not None

    @property
    def is_recertification(self) -> bool:
        return self.enrolment.cycle > 1

    @property
    def can_recertify(self) -> bool:
        """The current cycle is complete and its certificate lapses soon or is gone."""
        from courses.models import CertificateStatus

        certificate = self.certificate
        if certificate is None:
            return False
        status = certificate.status
        if status in (CertificateStatus.EXPIRED, CertificateStatus.REVOKED):
            return True
        days_left = certificate.days_until_expiry()
        return days_left is not None and days_left <= EXPIRING_SOON_DAYS


@dataclass(frozen=True)
class SubmittedAttempt:
    """The columns of a submitted quiz attempt that completion needs."""

    pk: int
    submitted_at: datetime.datetime
    score_percent: Decimal | None
    passed: bool


def _kept_attempt(attempts: list, grading_method: str):
    """The attempt whose grade counts, per the quiz's grading method.

    Mirrors ``quizzes.selectors.quiz_kept_attempt``, over one cycle's attempts.
    """
    from quizzes.models import GradingMethod

    if not attempts:
        return None
    if grading_method == GradingMethod.LAST:
        return max(attempts, key=lambda a: (a.submitted_at, a.pk))
    if grading_method == GradingMethod.FIRST:
        return min(attempts, key=lambda a: (a.submitted_at, a.pk))
    return min(attempts, key=lambda a: (-(a.score_percent or 0), a.submitted_at, a.pk))


def _quiz_grading(quiz_ids: set, request=None) -> tuple[dict, dict]:
    """The final quizzes' grading, and every translation of them.

    ``({quiz id: (translation key, grading method)}, {translation's id:
    translation key})``, in one query; with ``request``, cached per content
    version (quizzes bump it).
    """
    from quizzes.models import Quiz

    def load():
        rows = Quiz.objects.filter(
            translation_key__in=Quiz.objects.filter(pk__in=quiz_ids).values(
                "translation_key"
            )
        ).values_list("pk", "translation_key", "grading_method")
        grading, translations = {}, {}
        for pk, key, method in rows:
            translations[pk] = key
            if pk in quiz_ids:
                grading[pk] = (key, method)
        return grading, translations

    if request is None or is_preview(request):
        return load()
    ids = sorted(quiz_ids)
    return cached(cache_key("quiz-grading", content_version(request), *ids), load)


def _final_quiz_passes(*, learner, enrolments: list, request=None) -> dict:
    """Each enrolment's passing final-quiz result in its current cycle.

    The quiz counts as passed when the attempt kept by its grading method,
    among the attempts submitted since the cycle started, at any translation
    of the quiz, passed. One query for the quizzes (cached with ``request``)
    and one for the attempts, none when no course has a final quiz.
    """
    quiz_ids = {e.course.final_quiz_id for e in enrolments} - {None}
    if not quiz_ids:
        return {}
    from quizzes.models import AttemptState, QuizAttempt

    grading, translations = _quiz_grading(quiz_ids, request)
    ids = list(translations)
    meta = QuizAttempt._meta
    quote = connection.ops.quote_name

    def col(name):
        return quote(meta.get_field(name).column)

    # Plain SQL for the reason given in enrolment_and_done_keys: a learner's
    # course page runs this on every view. Quiz ids are integers.
    attnames = ("id", "quiz_id", "submitted_at", "score_percent", "passed")
    rows = fetch_rows(
        QuizAttempt,
        attnames,
        f"SELECT {select_columns(QuizAttempt, attnames)} "
        f"FROM {quote(meta.db_table)} t "
        f"WHERE t.{col('learner')} = %s AND t.{col('state')} = %s "
        f"AND t.{col('submitted_at')} >= %s "
        f"AND t.{col('quiz')} IN ({', '.join(['%s'] * len(ids))})",
        [
            getattr(learner, "pk", learner),
            AttemptState.SUBMITTED,
            meta.get_field("submitted_at").get_db_prep_value(
                min(e.cycle_started_at for e in enrolments), connection
            ),
            *ids,
        ],
    )
    by_key = defaultdict(list)
    for pk, quiz_id, submitted_at, score_percent, passed in rows:
        by_key[translations[quiz_id]].append(
            SubmittedAttempt(pk, submitted_at, score_percent, passed)
        )
    result = {}
    for enrolment in enrolments:
        if enrolment.course.final_quiz_id is None:
            continue
        key, method = grading[enrolment.course.final_quiz_id]
        in_cycle = [
            a for a in by_key[key] if a.submitted_at >= enrolment.cycle_started_at
        ]
        kept = _kept_attempt(in_cycle, method)
        if kept is not None and kept.passed:
            result[enrolment.pk] = QuizPass(kept.submitted_at, kept.score_percent)
    return result


def _required_keys(courses: list) -> dict:
    """``{course path: {translation keys of its live required lessons}}``: one query."""
    from courses.models import LessonPage

    lesson_filter = Q()
    for course in courses:
        lesson_filter |= LessonPage.objects.child_of_q(course)
    required = defaultdict(set)
    rows = (
        LessonPage.objects.live()
        .filter(lesson_filter, is_required=True)
        .values_list("path", "translation_key")
    )
    for path, key in rows:
        required[path[: -Page.steplen]].add(key)
    return required


def _done_keys(enrolments: list) -> dict:
    """``{enrolment id: {lesson translation keys done in its current cycle}}``."""
    from courses.models import LessonProgress

    cycles = {e.pk: e.cycle for e in enrolments}
    done = defaultdict(set)
    rows = LessonProgress.objects.filter(enrolment__in=list(cycles)).values_list(
        "enrolment_id", "cycle", "lesson__translation_key"
    )
    for enrolment_id, cycle, key in rows:
        if cycles[enrolment_id] == cycle:
            done[enrolment_id].add(key)
    return done


def _completions(enrolments: list) -> dict:
    """``{enrolment id: its current cycle's completion, certificate loaded}``."""
    from courses.models import CourseCompletion

    cycles = {e.pk: e.cycle for e in enrolments}
    completions = {}
    for completion in CourseCompletion.objects.filter(
        enrolment__in=list(cycles)
    ).select_related("certificate"):
        if cycles[completion.enrolment_id] == completion.cycle:
            completions[completion.enrolment_id] = completion
    return completions


def _progress(enrolment, required, done, completion, quiz_pass) -> CourseProgress:
    return CourseProgress(
        enrolment=enrolment,
        required_keys=frozenset(required),
        done_keys=frozenset(done),
        has_final_quiz=enrolment.course.final_quiz_id is not None,
        quiz_pass=quiz_pass,
        completion=completion,
        certificate=getattr(completion, "certificate", None) if completion else None,
    )


def progress_for_enrolments(*, learner, enrolments: list) -> dict:
    """``CourseProgress`` per enrolment id, in at most five queries in all.

    ``enrolments`` are the ``learner``'s, with ``course`` loaded
    (``select_related("course")``).
    """
    if not enrolments:
        return {}
    required = _required_keys(
        list({e.course.path: e.course for e in enrolments}.values())
    )
    done = _done_keys(enrolments)
    completions = _completions(enrolments)
    quiz_passes = _final_quiz_passes(learner=learner, enrolments=enrolments)
    return {
        enrolment.pk: _progress(
            enrolment,
            required[enrolment.course.path],
            done[enrolment.pk],
            completions.get(enrolment.pk),
            quiz_passes.get(enrolment.pk),
        )
        for enrolment in enrolments
    }


@cache
def _enrolment_and_done_sql() -> str:
    from courses.models import CourseCompletion, Enrolment, LessonProgress

    quote = connection.ops.quote_name
    page = quote(Page._meta.db_table)
    enrolment, progress = Enrolment._meta, LessonProgress._meta
    completion = CourseCompletion._meta

    def col(meta, name):
        return quote(meta.get_field(name).column)

    fields = ", ".join(f"e.{quote(f.column)}" for f in enrolment.concrete_fields)
    return (
        f"SELECT {fields}, cc.{col(completion, 'id')} AS current_completion_id, "
        "lesson.translation_key AS done_key "
        f"FROM {quote(enrolment.db_table)} e "
        f"JOIN {page} course ON course.id = e.{col(enrolment, 'course')} "
        f"LEFT JOIN {quote(completion.db_table)} cc "
        f"ON cc.{col(completion, 'enrolment')} = e.{col(enrolment, 'id')} "
        f"AND cc.{col(completion, 'cycle')} = e.{col(enrolment, 'cycle')} "
        f"LEFT JOIN {quote(progress.db_table)} lp "
        f"ON lp.{col(progress, 'enrolment')} = e.{col(enrolment, 'id')} "
        f"AND lp.{col(progress, 'cycle')} = e.{col(enrolment, 'cycle')} "
        f"LEFT JOIN {page} lesson ON lesson.id = lp.{col(progress, 'lesson')} "
        f"WHERE e.{col(enrolment, 'learner')} = %s AND course.translation_key = %s "
        f"ORDER BY e.{col(enrolment, 'id')}"
    )


def enrolment_and_done_keys(*, learner, course) -> tuple[object | None, frozenset]:
    """The learner's enrolment in ``course`` and the lessons done in its cycle.

    ``course`` is a page or a ``PageLink`` (any translation). One query for
    the enrolment (all its fields, plus ``current_completion_id``: its current
    cycle's completion or None) and the translation keys of the lessons done
    in its current cycle. ``(None, frozenset())`` when not enrolled.

    Raw SQL on purpose: this runs on every course and lesson page a learner
    opens, and the ORM spends twenty times longer building the equivalent
    queries than the database spends running them (see docs/PERFORMANCE.md).
    Table and column names come from the models, ``lms.sql`` converts the
    values as the ORM would, and ``tests/courses/test_performance.py`` checks the
    answer against ``progress_for_enrolments``.
    """
    from courses.models import Enrolment

    if learner is None or not learner.is_authenticated:
        return None, frozenset()
    key_field = Page._meta.get_field("translation_key")
    attnames = [field.attname for field in Enrolment._meta.concrete_fields]
    rows = fetch_rows(
        Enrolment,
        attnames,
        _enrolment_and_done_sql(),
        [learner.pk, key_field.get_db_prep_value(course.translation_key, connection)],
    )
    if not rows:
        return None, frozenset()
    # One row per lesson done: the enrolment is built once, from the first.
    count = len(attnames)
    enrolment = Enrolment.from_db(
        router.db_for_read(Enrolment), attnames, rows[0][:count]
    )
    enrolment.current_completion_id = rows[0][count]
    done = frozenset(
        key_field.to_python(row[count + 1])
        for row in rows
        if row[0] == enrolment.pk and row[count + 1] is not None
    )
    return enrolment, done


def enrolment_done_keys(*, learner, course) -> tuple[int | None, frozenset]:
    """``enrolment_and_done_keys`` without building the enrolment: its id only.

    The same query, read with a plain cursor (what a lesson page needs).
    """
    if learner is None or not learner.is_authenticated:
        return None, frozenset()
    key_field = Page._meta.get_field("translation_key")
    with connection.cursor() as cursor:
        cursor.execute(
            _enrolment_and_done_sql(),
            [
                learner.pk,
                key_field.get_db_prep_value(course.translation_key, connection),
            ],
        )
        rows = cursor.fetchall()
    if not rows:
        return None, frozenset()
    enrolment_id = rows[0][0]
    done = frozenset(
        key_field.to_python(row[-1])
        for row in rows
        if row[0] == enrolment_id and row[-1] is not None
    )
    return enrolment_id, done


def page_enrolment_progress(*, learner, course: Page, request):
    """The visitor's enrolment in ``course`` and its ``CourseProgress``, for a page.

    ``(None, None)`` when not enrolled. The same answer as
    ``progress_for_enrolments`` in fewer queries: one for the enrolment and
    the lessons done (``enrolment_and_done_keys``), plus one for the
    completion of a completed cycle and one for the final quiz's attempts
    when there is a final quiz. The canonical course, its required lessons
    and the quiz's grading come from the render cache (``courses.caching``).
    """
    from courses.models import CoursePage

    enrolment, done_keys = enrolment_and_done_keys(learner=learner, course=course)
    if enrolment is None:
        return None, None

    def canonical_course():
        # Only what progress reads: small to cache, and no field left to load.
        course = CoursePage.objects.only(
            "id", "path", "depth", "translation_key", "final_quiz_id"
        ).get(pk=enrolment.course_id)
        return course, frozenset(_required_keys([course])[course.path])

    if is_preview(request):
        canonical, required_keys = canonical_course()
    else:
        key = cache_key("course-rule", content_version(request), enrolment.course_id)
        canonical, required_keys = cached(key, canonical_course)
    enrolment.course = canonical
    completion = None
    if enrolment.current_completion_id is not None:
        completion = _completions([enrolment]).get(enrolment.pk)
    quiz_pass = _final_quiz_passes(
        learner=learner, enrolments=[enrolment], request=request
    ).get(enrolment.pk)
    progress = _progress(enrolment, required_keys, done_keys, completion, quiz_pass)
    return enrolment, progress


def enrolment_progress(*, enrolment) -> CourseProgress:
    """``CourseProgress`` of one enrolment (its ``course`` loaded)."""
    return progress_for_enrolments(
        learner=enrolment.learner_id, enrolments=[enrolment]
    )[enrolment.pk]


def final_quiz_in_language(*, course, language_code: str):
    """The course's live final quiz in a language (else the original), or None."""
    quiz_id = course.final_quiz_id
    if quiz_id is None:
        return None
    from quizzes.models import Quiz

    quizzes = list(
        Quiz.objects.filter(
            translation_key__in=Quiz.objects.filter(pk=quiz_id).values(
                "translation_key"
            )
        ).select_related("locale")
    )
    for quiz in quizzes:
        if quiz.locale.language_code == language_code and quiz.live:
            return quiz
    return next((quiz for quiz in quizzes if quiz.pk == quiz_id), None)
