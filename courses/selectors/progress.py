"""Enrolments and progress against the completion rule, per cycle.

Every function here costs a fixed number of queries, whatever the number of
lessons or enrolments.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.db import connection, router
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page

from core.sql import fetch_rows, select_columns
from courses.completion import CompletionFacts
from courses.models import (
    EXPIRING_SOON_DAYS,
    CertificateStatus,
    CharterAcknowledgement,
    CharterPage,
    CourseCompletion,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
)
from courses.selectors.charter import current_version_subquery
from quizzes.grades import KeptGrade, kept_grade
from quizzes.models import CLOSED_STATES, Quiz, QuizAttempt
from scenarios.models import Scenario, ScenarioRun


def enrolment_for(*, learner, course: Page):
    """The learner's enrolment in ``course`` (any translation), or None. One query.

    ``course`` may be a page or a ``PageLink`` (only its ``translation_key``
    is read).
    """
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
class CourseProgress:
    """How far an enrolment's current cycle is, against the completion rule.

    The rule itself is ``courses.completion.CompletionFacts``; this adds what
    the pages show around it. ``required_keys`` and ``done_keys`` are lesson
    ``translation_key`` values, so they apply to every translation of the
    course. ``quiz_grade`` is the final quiz's kept grade this cycle.
    """

    enrolment: object
    required_keys: frozenset
    done_keys: frozenset
    has_final_quiz: bool
    quiz_grade: KeptGrade | None
    completion: object | None
    certificate: object | None
    charter_acknowledged: bool | None = None
    has_scenario: bool = False
    scenario_passed: bool = False

    @property
    def facts(self) -> CompletionFacts:
        return CompletionFacts(
            required_lessons=len(self.required_keys),
            required_done=len(self.required_keys & self.done_keys),
            has_final_quiz=self.has_final_quiz,
            quiz_passed=self.quiz_passed,
            completion_recorded=self.completion is not None,
            charter_required=self.charter_required,
            charter_acknowledged=bool(self.charter_acknowledged),
            has_scenario=self.has_scenario,
            scenario_passed=self.scenario_passed,
        )

    @property
    def charter_required(self) -> bool:
        """The course requires a charter (``charter_acknowledged`` is then set)."""
        return self.charter_acknowledged is not None

    @property
    def quiz_passed(self) -> bool:
        return bool(self.quiz_grade and self.quiz_grade.passed)

    @property
    def quiz_awaiting(self) -> bool:
        """Not passed yet, and an attempt this cycle awaits a person's grading."""
        return bool(
            self.quiz_grade and self.quiz_grade.awaiting and not self.quiz_passed
        )

    @property
    def quiz_pass(self) -> KeptGrade | None:
        """The kept grade if it passes (its score goes on the completion)."""
        return self.quiz_grade if self.quiz_passed else None

    @property
    def total_steps(self) -> int:
        return self.facts.total_steps

    @property
    def done_steps(self) -> int:
        return self.facts.done_steps

    @property
    def percent(self) -> int:
        return self.facts.percent

    @property
    def lessons_done(self) -> bool:
        return self.facts.lessons_done

    @property
    def rule_met(self) -> bool:
        return self.facts.rule_met

    @property
    def is_complete(self) -> bool:
        return self.completion is not None

    @property
    def is_recertification(self) -> bool:
        return self.enrolment.cycle > 1

    @property
    def can_recertify(self) -> bool:
        """The current cycle is complete and its certificate lapses soon or is gone."""
        if self.certificate is None:
            return False
        return (
            self.certificate.status_at(expiring_within_days=EXPIRING_SOON_DAYS)
            != CertificateStatus.VALID
        )


@dataclass(frozen=True)
class SubmittedAttempt:
    """The columns of a submitted quiz attempt that the kept grade reads."""

    pk: int
    submitted_at: datetime.datetime
    score_percent: Decimal | None
    passed: bool
    state: str


@dataclass(frozen=True)
class QuizRule:
    """A final quiz's grading: every translation's id, its method and pass mark."""

    translation_key: object
    translation_ids: tuple
    grading_method: str
    pass_mark: int


def final_quiz_rules(*, quiz_ids) -> dict[int, QuizRule]:
    """``{quiz id: QuizRule}`` for ``quiz_ids``, in one query."""
    rows = Quiz.objects.filter(
        translation_key__in=Quiz.objects.filter(pk__in=quiz_ids).values(
            "translation_key"
        )
    ).values_list("pk", "translation_key", "grading_method", "pass_mark")
    by_key, own = defaultdict(list), {}
    for pk, key, method, pass_mark in rows:
        by_key[key].append(pk)
        if pk in quiz_ids:
            own[pk] = (key, method, pass_mark)
    return {
        pk: QuizRule(key, tuple(sorted(by_key[key])), method, pass_mark)
        for pk, (key, method, pass_mark) in own.items()
    }


def _final_quiz_grades(*, learner, enrolments: list, rules: dict) -> dict:
    """Each enrolment's final-quiz kept grade in its current cycle.

    Among the attempts submitted since the cycle started, at any translation
    of the quiz (``quizzes.grades`` keeps one by the quiz's grading method).
    One query for the attempts, none when no course has a final quiz;
    ``rules`` are the final quizzes' ``QuizRule``.
    """
    if not rules:
        return {}
    ids = sorted({pk for rule in rules.values() for pk in rule.translation_ids})
    key_of = {
        pk: rule.translation_key
        for rule in rules.values()
        for pk in rule.translation_ids
    }
    meta = QuizAttempt._meta
    quote = connection.ops.quote_name

    def col(name):
        return quote(meta.get_field(name).column)

    # Plain SQL for the reason given in enrolment_and_done_keys: a learner's
    # course page runs this on every view. Quiz ids are integers.
    attnames = ("id", "quiz_id", "submitted_at", "score_percent", "passed", "state")
    rows = fetch_rows(
        QuizAttempt,
        attnames,
        f"SELECT {select_columns(QuizAttempt, attnames)} "
        f"FROM {quote(meta.db_table)} t "
        f"WHERE t.{col('learner')} = %s AND t.{col('state')} IN (%s, %s) "
        f"AND t.{col('submitted_at')} >= %s "
        f"AND t.{col('quiz')} IN ({', '.join(['%s'] * len(ids))})",
        [
            getattr(learner, "pk", learner),
            *CLOSED_STATES,
            meta.get_field("submitted_at").get_db_prep_value(
                min(e.cycle_started_at for e in enrolments), connection
            ),
            *ids,
        ],
    )
    by_key = defaultdict(list)
    for pk, quiz_id, submitted_at, score_percent, passed, state in rows:
        by_key[key_of[quiz_id]].append(
            SubmittedAttempt(pk, submitted_at, score_percent, passed, state)
        )
    result = {}
    for enrolment in enrolments:
        rule = rules.get(enrolment.course.final_quiz_id)
        if rule is None:
            continue
        in_cycle = [
            a
            for a in by_key[rule.translation_key]
            if a.submitted_at >= enrolment.cycle_started_at
        ]
        result[enrolment.pk] = kept_grade(
            in_cycle, method=rule.grading_method, pass_mark=rule.pass_mark
        )
    return result


def _required_keys(courses: list) -> dict:
    """``{course path: {translation keys of its live required lessons}}``: one query."""
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
    cycles = {e.pk: e.cycle for e in enrolments}
    completions = {}
    for completion in CourseCompletion.objects.filter(
        enrolment__in=list(cycles)
    ).select_related("certificate"):
        if cycles[completion.enrolment_id] == completion.cycle:
            completions[completion.enrolment_id] = completion
    return completions


def _charters_acknowledged(*, learner, charter_ids) -> dict[int, bool]:
    """``{charter page id: learner acknowledged its current version}``; one query."""
    if not charter_ids:
        return {}
    acknowledged = CharterAcknowledgement.objects.filter(
        learner=getattr(learner, "pk", learner), version_id=OuterRef("current")
    )
    return dict(
        CharterPage.objects.filter(pk__in=charter_ids)
        .annotate(current=current_version_subquery("translation_key"))
        .annotate(acknowledged=Exists(acknowledged))
        .values_list("pk", "acknowledged")
    )


def scenario_rules(*, scenario_ids) -> dict:
    """``{scenario id: its translation_key}`` for ``scenario_ids``: one query."""
    return dict(
        Scenario.objects.filter(pk__in=scenario_ids).values_list(
            "pk", "translation_key"
        )
    )


def _scenario_passes(*, learner, enrolments: list, rules: dict) -> set:
    """Ids of the enrolments whose required scenario was passed this cycle.

    A run (any translation) finished since the cycle began with at least the
    course's minimum score. One query; none when no course requires one.
    """
    if not rules:
        return set()
    runs = ScenarioRun.objects.filter(
        learner=getattr(learner, "pk", learner),
        scenario__translation_key__in=set(rules.values()),
        finished_at__gte=min(e.cycle_started_at for e in enrolments),
    ).values_list("scenario__translation_key", "finished_at", "score")
    runs = list(runs)
    passed = set()
    for enrolment in enrolments:
        key = rules.get(enrolment.course.required_scenario_id)
        if key is not None and any(
            run_key == key
            and finished >= enrolment.cycle_started_at
            and score >= enrolment.course.scenario_min_score
            for run_key, finished, score in runs
        ):
            passed.add(enrolment.pk)
    return passed


def _progress(
    enrolment,
    required,
    done,
    completion,
    quiz_grade,
    charters=None,
    scenario_passed=False,
) -> CourseProgress:
    charter_id = enrolment.course.required_charter_id
    return CourseProgress(
        enrolment=enrolment,
        required_keys=frozenset(required),
        done_keys=frozenset(done),
        has_final_quiz=enrolment.course.final_quiz_id is not None,
        quiz_grade=quiz_grade,
        completion=completion,
        certificate=getattr(completion, "certificate", None) if completion else None,
        charter_acknowledged=None
        if charter_id is None
        else bool((charters or {}).get(charter_id)),
        has_scenario=enrolment.course.required_scenario_id is not None,
        scenario_passed=scenario_passed,
    )


def progress_for_enrolments(*, learner, enrolments: list) -> dict:
    """``CourseProgress`` per enrolment id, in at most seven queries in all.

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
    quiz_ids = {e.course.final_quiz_id for e in enrolments} - {None}
    grades = _final_quiz_grades(
        learner=learner,
        enrolments=enrolments,
        rules=final_quiz_rules(quiz_ids=quiz_ids) if quiz_ids else {},
    )
    charters = _charters_acknowledged(
        learner=learner,
        charter_ids={e.course.required_charter_id for e in enrolments} - {None},
    )
    scenario_ids = {e.course.required_scenario_id for e in enrolments} - {None}
    scenarios = _scenario_passes(
        learner=learner,
        enrolments=enrolments,
        rules=scenario_rules(scenario_ids=scenario_ids) if scenario_ids else {},
    )
    return {
        enrolment.pk: _progress(
            enrolment,
            required[enrolment.course.path],
            done[enrolment.pk],
            completions.get(enrolment.pk),
            grades.get(enrolment.pk),
            charters,
            enrolment.pk in scenarios,
        )
        for enrolment in enrolments
    }


@cache
def _enrolment_and_done_sql() -> str:
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
    Table and column names come from the models, ``core.sql`` converts the
    values as the ORM would, and ``tests/courses/test_performance.py`` checks the
    answer against ``progress_for_enrolments``.
    """
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


@dataclass(frozen=True)
class CourseRule:
    """What the completion rule reads of one course, the same for every learner.

    The original-language course (only the fields progress reads), its live
    required lessons and its final quiz's grading: pages cache it per
    content version (``course_rule`` reads it).
    """

    course: object
    required_keys: frozenset
    quiz: QuizRule | None
    scenarios: dict = field(default_factory=dict)


def course_rule(*, translation_key) -> CourseRule:
    """The rule's facts about a course (any translation's key): 2 to 4 queries."""
    course = (
        CoursePage.objects.filter(translation_key=translation_key)
        .order_by("pk")
        .only(
            "id",
            "path",
            "depth",
            "translation_key",
            "final_quiz_id",
            "required_charter_id",
            "required_scenario_id",
            "scenario_min_score",
        )
        .first()
    )
    quiz_id = course.final_quiz_id
    scenario_id = course.required_scenario_id
    return CourseRule(
        course=course,
        required_keys=frozenset(_required_keys([course])[course.path]),
        quiz=final_quiz_rules(quiz_ids={quiz_id})[quiz_id] if quiz_id else None,
        scenarios=scenario_rules(scenario_ids={scenario_id}) if scenario_id else {},
    )


def page_enrolment_progress(
    *, learner, course, rule: Callable[[], CourseRule] | None = None
):
    """The visitor's enrolment in ``course`` and its ``CourseProgress``, for a page.

    ``(None, None)`` when not enrolled. The same answer as
    ``progress_for_enrolments`` in fewer queries: one for the enrolment and
    the lessons done (``enrolment_and_done_keys``), plus one for the
    completion of a completed cycle, one for the final quiz's attempts
    when there is a final quiz, and one when the course requires a charter.
    ``rule``, called only for an enrolled learner, gives the course's
    ``CourseRule`` (pages take it from their render cache); without it,
    ``course_rule`` reads it.
    """
    enrolment, done_keys = enrolment_and_done_keys(learner=learner, course=course)
    if enrolment is None:
        return None, None
    rule = rule() if rule is not None else None
    if rule is None or rule.course.pk != enrolment.course_id:
        rule = course_rule(translation_key=course.translation_key)
    enrolment.course = rule.course
    completion = None
    if enrolment.current_completion_id is not None:
        completion = _completions([enrolment]).get(enrolment.pk)
    quiz_grade = None
    if rule.quiz is not None:
        quiz_grade = _final_quiz_grades(
            learner=learner,
            enrolments=[enrolment],
            rules={enrolment.course.final_quiz_id: rule.quiz},
        ).get(enrolment.pk)
    charter_id = rule.course.required_charter_id
    charters = (
        _charters_acknowledged(learner=learner, charter_ids={charter_id})
        if charter_id
        else None
    )
    scenario_passed = enrolment.pk in _scenario_passes(
        learner=learner, enrolments=[enrolment], rules=rule.scenarios
    )
    progress = _progress(
        enrolment,
        rule.required_keys,
        done_keys,
        completion,
        quiz_grade,
        charters,
        scenario_passed,
    )
    return enrolment, progress


def enrolment_progress(*, enrolment) -> CourseProgress:
    """``CourseProgress`` of one enrolment (its ``course`` loaded)."""
    return progress_for_enrolments(
        learner=enrolment.learner_id, enrolments=[enrolment]
    )[enrolment.pk]


def snippet_in_language(*, model, pk: int | None, language_code: str):
    """Row ``pk`` of a translatable snippet in a language, or None.

    Its live translation in ``language_code`` if there is one, else the row
    itself. How a course's links (final quiz, required scenario) follow the
    visitor's language. One query.
    """
    if pk is None:
        return None
    rows = list(
        model.objects.filter(
            translation_key__in=model.objects.filter(pk=pk).values("translation_key")
        ).select_related("locale")
    )
    for row in rows:
        if row.locale.language_code == language_code and row.live:
            return row
    return next((row for row in rows if row.pk == pk), None)


def final_quiz_in_language(*, course, language_code: str):
    """The course's live final quiz in a language (else the original), or None."""
    return snippet_in_language(
        model=Quiz, pk=course.final_quiz_id, language_code=language_code
    )
