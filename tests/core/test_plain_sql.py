"""Every plain-SQL read gives exactly what the ORM query it replaces gives.

The fast paths (``core.sql``, ``core.auth``, ``core.caching``, the progress
and attempt selectors, ``courses.access``) read rows with a cursor for speed.
Each test here writes the ORM query the fast path replaces, runs both over
varied data (nullable columns set and unset, decimals, aware datetimes,
booleans, JSON, UUIDs, empty answers, another learner's rows, several cycles
and translations) and compares every column by value, type and ``repr``: a
dropped column, a missing converter (SQLite gives booleans as integers,
decimals as floats, datetimes naive, JSON as text) or a lost ``WHERE`` makes
one of them fail.
"""

import datetime
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.transaction import TransactionManagementError

from core.auth import ModelBackend, may_access_admin
from core.caching import content_version, take_content_version
from core.models import ContentVersion
from courses.access import can_take_quiz
from courses.models import (
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    LessonProgress,
)
from courses.selectors import course_lessons
from courses.selectors.progress import (
    _final_quiz_grades,
    enrolment_and_done_keys,
    enrolment_done_keys,
    final_quiz_rules,
)
from courses.services import enrol
from quizzes.grades import kept_grade
from quizzes.models import (
    AttemptQuestion,
    AttemptState,
    GradingMethod,
    QuizAttempt,
)
from quizzes.selectors import (
    STATE_FIELDS,
    attempt_question_states,
    attempt_questions,
    attempt_row,
)
from quizzes.services import attempt_start
from quizzes.services.rows import bump_sequence
from tests.courses.conftest import translate
from tests.factories import (
    QUESTION_FACTORIES,
    CourseCompletionFactory,
    CoursePageFactory,
    LessonProgressFactory,
    QuizAttemptFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
KOLKATA = ZoneInfo("Asia/Kolkata")
# A moment with microseconds in a zone that is not the database's (UTC).
T0 = datetime.datetime(2026, 4, 14, 9, 45, 12, 345678, tzinfo=TORONTO)


# --- Comparing values as the ORM gives them ----------------------------------------


def assert_same_value(found, expected, label) -> None:
    """Equal, of the same type, and the same ``repr`` (``1 != True`` in JSON,
    ``Decimal("87.5")`` vs ``Decimal("87.50")``, a naive or other-zone datetime)."""
    assert type(found) is type(expected), (label, found, expected)
    assert found == expected, label
    assert repr(found) == repr(expected), label
    if isinstance(expected, datetime.datetime):
        assert expected.tzinfo is not None, label  # the ORM's are aware
        assert found.utcoffset() == expected.utcoffset(), label


def assert_same_instance(found, expected, attnames=None) -> None:
    """``found`` holds exactly ``attnames`` (default: every concrete column) of
    ``expected``, an instance the ORM loaded, and is loaded like it.

    Values are read from ``__dict__``: a column the plain query forgot would
    otherwise be fetched lazily and compare equal.
    """
    model = type(expected)
    every = [field.attname for field in model._meta.concrete_fields]
    attnames = list(attnames or every)
    assert type(found) is model
    assert found._state.adding is False
    assert found._state.db == expected._state.db
    assert found.get_deferred_fields() == set(every) - set(attnames)
    for name in attnames:
        assert name in found.__dict__, name
        assert_same_value(found.__dict__[name], expected.__dict__[name], name)


def values_of(instance) -> dict:
    """Every concrete column of ``instance`` (``model_to_dict`` by attname)."""
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
    }


# --- core.caching.content_version ----------------------------------------------------


@pytest.mark.parametrize(
    "stored", [None, 0, 1, 2**40 + 7], ids=["no-row", "zero", "one", "bigint"]
)
def test_content_version_equals_the_orm_value(stored, rf, django_assert_num_queries):
    ContentVersion.objects.all().delete()
    if stored is not None:
        ContentVersion.objects.create(pk=1, value=stored)
    # The ORM query it replaces; a missing row (a flushed database) counts as 0.
    expected = (
        ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    )
    expected = 0 if expected is None else expected
    assert_same_value(content_version(), expected, "value")
    request = rf.get("/")
    assert_same_value(content_version(request), expected, "value")
    with django_assert_num_queries(0):  # read once per request
        assert content_version(request) == expected


@pytest.mark.parametrize(
    "stored", [None, 0, 5, 2**40 + 7], ids=["no-row", "zero", "five", "bigint"]
)
def test_the_version_read_with_the_user_equals_the_orm_value(
    stored, rf, django_assert_num_queries
):
    ContentVersion.objects.all().delete()
    if stored is not None:
        ContentVersion.objects.create(pk=1, value=stored)
    expected = ContentVersion.objects.get(pk=1).value if stored is not None else 0
    user = ModelBackend().get_user(UserFactory().pk)
    request = rf.get("/")
    take_content_version(request, user)
    # With a row, the value came in the user's query; without one, the
    # request reads it itself (and finds none: 0).
    with django_assert_num_queries(0 if stored is not None else 1):
        assert_same_value(content_version(request), expected, "value")


# --- core.auth: the request's user and the admin answer -----------------------------


def _access_admin():
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _user_of_kind(kind: str):
    """A user with names, dates and permissions that vary with ``kind``."""
    fields = {
        "first_name": "Élodie",
        "last_name": "Girard-Ñúñez",
        "last_login": T0.astimezone(KOLKATA),
    }
    if kind == "never-logged-in":
        fields.update(last_login=None, first_name="", email="")
    if kind in ("staff-without-access", "direct", "superuser"):
        fields["is_staff"] = True
    if kind == "superuser":
        fields["is_superuser"] = True
    if kind.startswith("inactive"):
        fields["is_active"] = False
    user = UserFactory(**fields)
    if kind in ("direct", "inactive-with-access"):
        user.user_permissions.add(_access_admin())
    elif kind == "group":
        group = Group.objects.create(name="Éditeurs")
        group.permissions.add(_access_admin())
        user.groups.add(group)
    elif kind == "group-without-access":
        group = Group.objects.create(name="Lecteurs")
        group.permissions.add(Permission.objects.exclude(pk=_access_admin().pk)[0])
        user.groups.add(group)
    elif kind == "same-codename-other-app":
        user.user_permissions.add(
            Permission.objects.create(
                codename="access_admin",
                name="Not Wagtail's",
                content_type=ContentType.objects.get_for_model(Enrolment),
            )
        )
    # Someone else holds the permission, directly and through a group.
    other = UserFactory()
    other.user_permissions.add(_access_admin())
    staff = Group.objects.create(name=f"Staff {kind}")
    staff.permissions.add(_access_admin())
    other.groups.add(staff)
    return user


USER_KINDS = [
    "learner",
    "never-logged-in",
    "staff-without-access",
    "direct",
    "group",
    "group-without-access",
    "same-codename-other-app",
    "superuser",
    "inactive",
    "inactive-with-access",
]


@pytest.mark.parametrize("kind", USER_KINDS, ids=USER_KINDS)
@pytest.mark.parametrize("as_text", [False, True], ids=["int-id", "session-id"])
def test_get_user_equals_djangos_orm_backend(kind, as_text, django_assert_num_queries):
    user = _user_of_kind(kind)
    user_id = str(user.pk) if as_text else user.pk  # sessions hold it as text
    # What it replaces: Django's ModelBackend.get_user, User.objects.get(pk=…)
    # then user_can_authenticate.
    expected = backends.ModelBackend().get_user(user_id)
    with django_assert_num_queries(1):
        loaded = ModelBackend().get_user(user_id)
    if expected is None:
        assert kind.startswith("inactive")
        assert loaded is None
    else:
        assert_same_instance(loaded, expected)
        with django_assert_num_queries(0):
            answer = may_access_admin(loaded)
        assert answer is expected.has_perm("wagtailadmin.access_admin")
    # The separate query, for a user not loaded by get_user, agrees too.
    orm_user = get_user_model().objects.get(pk=user.pk)
    assert may_access_admin(orm_user) is orm_user.has_perm("wagtailadmin.access_admin")
    assert orm_user.has_perm("wagtailadmin.access_admin") is (
        kind in ("direct", "group", "superuser")
    )


@pytest.mark.parametrize(
    "user_id",
    [999_999, "999999", 2**63 - 1, 2**63, str(2**63), -5, "-5"],
    ids=[
        "missing",
        "missing-text",
        "max",
        "past-bigint",
        "past-bigint-text",
        "neg",
        "neg-text",
    ],
)
def test_get_user_of_no_one_equals_djangos(user_id):
    UserFactory()
    assert backends.ModelBackend().get_user(user_id) is None
    assert ModelBackend().get_user(user_id) is None


def test_may_access_admin_of_anonymous_and_none_is_false(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert may_access_admin(AnonymousUser()) is False
        assert may_access_admin(None) is False
    assert AnonymousUser().has_perm("wagtailadmin.access_admin") is False


# --- courses: the enrolment and the lessons done --------------------------------------


def orm_enrolment_and_done(*, learner, course):
    """The ORM queries ``enrolment_and_done_keys`` replaces."""
    enrolment = (
        Enrolment.objects.filter(
            learner=learner, course__translation_key=course.translation_key
        )
        .order_by("pk")
        .first()
    )
    if enrolment is None:
        return None, None, frozenset()
    completion_id = (
        CourseCompletion.objects.filter(enrolment=enrolment, cycle=enrolment.cycle)
        .values_list("pk", flat=True)
        .first()
    )
    done = frozenset(
        LessonProgress.objects.filter(
            enrolment=enrolment, cycle=enrolment.cycle
        ).values_list("lesson__translation_key", flat=True)
    )
    return enrolment, completion_id, done


ENROLMENT_CASES = [
    "not-enrolled",
    "nothing-done",
    "assigned-some-done",
    "second-cycle",
    "completed",
    "second-cycle-completed-before",
]


def _enrolment_case(case, *, learner, course, lessons, manager):
    """Build ``case`` for ``learner`` in ``course``."""
    if case == "not-enrolled":
        return
    if case == "assigned-some-done":
        enrolment = enrol(
            learner=learner,
            course=course,
            due_on=datetime.date(2026, 12, 31),
            assigned_by=manager,
            source=EnrolmentSource.ASSIGNMENT,
            now=T0,
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(language="en")
    else:
        enrolment = enrol(learner=learner, course=course, now=T0)
    if case in ("assigned-some-done", "completed", "second-cycle"):
        for lesson in lessons[: 3 if case == "completed" else 2]:
            LessonProgressFactory(enrolment=enrolment, lesson=lesson)
    if case in ("completed", "second-cycle-completed-before"):
        CourseCompletionFactory(enrolment=enrolment, score_percent=Decimal("87.50"))
    if case.startswith("second-cycle"):
        Enrolment.objects.filter(pk=enrolment.pk).update(
            cycle=2, cycle_started_at=T0.astimezone(KOLKATA) + datetime.timedelta(30)
        )
        enrolment.refresh_from_db()
        LessonProgressFactory(enrolment=enrolment, lesson=lessons[2])


@pytest.fixture
def two_courses(catalogue, locale_en, learner, other_learner):
    """A course with three lessons, translated, and another course.

    ``other_learner`` completed the first course; ``learner`` did a lesson
    of the second: neither may show up in the first course's answer.
    """
    course = CoursePageFactory(parent=catalogue, lessons=3)
    english = translate(course, locale_en)
    other_course = CoursePageFactory(parent=catalogue, lessons=2)
    theirs = enrol(learner=other_learner, course=course)
    for lesson in course_lessons(course=course):
        LessonProgressFactory(enrolment=theirs, lesson=lesson)
    CourseCompletionFactory(enrolment=theirs)
    mine_elsewhere = enrol(learner=learner, course=other_course)
    LessonProgressFactory(
        enrolment=mine_elsewhere, lesson=course_lessons(course=other_course)[0]
    )
    return course, english


@pytest.mark.parametrize("through", ["original", "translation"])
@pytest.mark.parametrize("case", ENROLMENT_CASES, ids=ENROLMENT_CASES)
def test_enrolment_and_done_keys_equal_the_orm(
    case, through, learner, two_courses, django_assert_num_queries
):
    course, english = two_courses
    lessons = course_lessons(course=course)
    _enrolment_case(
        case,
        learner=learner,
        course=course,
        lessons=lessons,
        manager=UserFactory(username="manager"),
    )
    page = course if through == "original" else english
    expected, completion_id, expected_done = orm_enrolment_and_done(
        learner=learner, course=page
    )
    with django_assert_num_queries(1):
        found, done = enrolment_and_done_keys(learner=learner, course=page)
    if expected is None:
        assert (found, done) == (None, frozenset())
    else:
        assert_same_instance(found, expected)
        assert_same_value(found.current_completion_id, completion_id, "completion")
        assert done == expected_done
        assert all(type(key) is uuid.UUID for key in done)
    assert (
        expected_done
        == {
            "not-enrolled": frozenset(),
            "nothing-done": frozenset(),
            "assigned-some-done": {
                lessons[0].translation_key,
                lessons[1].translation_key,
            },
            "second-cycle": {lessons[2].translation_key},
            "completed": {lesson.translation_key for lesson in lessons},
            "second-cycle-completed-before": {lessons[2].translation_key},
        }[case]
    )
    # The id-only twin reads the same query.
    with django_assert_num_queries(1):
        assert enrolment_done_keys(learner=learner, course=page) == (
            expected.pk if expected else None,
            expected_done,
        )


def test_enrolment_of_anonymous_is_none_without_a_query(
    two_courses, django_assert_num_queries
):
    course, _english = two_courses
    with django_assert_num_queries(0):
        assert enrolment_and_done_keys(learner=AnonymousUser(), course=course) == (
            None,
            frozenset(),
        )
        assert enrolment_done_keys(learner=None, course=course) == (None, frozenset())


# --- courses: the final quiz's kept grade in the current cycle ------------------------


def orm_final_quiz_grade(*, learner, enrolment):
    """The ORM query ``_final_quiz_grades`` replaces, for one enrolment."""
    quiz = enrolment.course.final_quiz
    attempts = QuizAttempt.objects.filter(
        learner=learner,
        state=AttemptState.SUBMITTED,
        submitted_at__gte=enrolment.cycle_started_at,
        quiz__translation_key=quiz.translation_key,
    )
    return kept_grade(attempts, method=quiz.grading_method, pass_mark=quiz.pass_mark)


def _course_with_final_quiz(catalogue, *, method, locale_en):
    quiz = QuizFactory(grading_method=method, pass_mark=60)
    english = quiz.copy_for_translation(locale_en)
    english.save()
    course = CoursePageFactory(parent=catalogue, lessons=1, final_quiz=quiz)
    return course, quiz, english


ATTEMPT_SETS = ["none", "only-before-the-cycle", "varied", "ungraded-only"]


def _attempts(case, *, learner, other_learner, quiz, english, start):
    def attempt(at, score, **fields):
        QuizAttemptFactory(
            quiz=fields.pop("quiz", quiz),
            learner=fields.pop("learner", learner),
            submitted_at=at,
            score_percent=score,
            **fields,
        )

    hour = datetime.timedelta(hours=1)
    # Never counted: another learner's, and before any cycle of this case.
    attempt(start + hour, Decimal("99.00"), learner=other_learner)
    attempt(start + hour, Decimal("98.00"), learner=other_learner, quiz=english)
    if case == "none":
        return
    attempt(start - datetime.timedelta(days=1), Decimal("100.00"))
    if case == "only-before-the-cycle":
        return
    if case == "ungraded-only":
        attempt(start + hour, None)
        return
    attempt(start, Decimal("40.50"))  # exactly when the cycle began
    attempt((start + hour).astimezone(KOLKATA), Decimal("87.55"), quiz=english)
    attempt(start + 2 * hour, None)
    attempt(start + 3 * hour, Decimal("60.00"))
    attempt(start + 3 * hour, Decimal("87.55"))  # a tie with the translation's
    QuizAttemptFactory(  # in progress: not a candidate
        quiz=quiz,
        learner=learner,
        state=AttemptState.IN_PROGRESS,
        submitted_at=None,
        score_percent=None,
    )


def assert_same_grade(found, expected) -> None:
    if expected is None:
        assert found is None
        return
    for name in ("score_percent", "passed", "submitted_at", "attempts_counted"):
        assert_same_value(getattr(found, name), getattr(expected, name), name)
    if expected.attempt is None:
        assert found.attempt is None
        return
    assert found.attempt.pk == expected.attempt.pk
    for name in ("submitted_at", "score_percent", "passed"):
        assert_same_value(
            getattr(found.attempt, name), getattr(expected.attempt, name), name
        )


@pytest.mark.parametrize("case", ATTEMPT_SETS, ids=ATTEMPT_SETS)
@pytest.mark.parametrize("method", GradingMethod.values, ids=GradingMethod.values)
def test_final_quiz_grades_equal_the_orm(
    method, case, catalogue, locale_en, learner, other_learner
):
    first, quiz, english = _course_with_final_quiz(
        catalogue, method=method, locale_en=locale_en
    )
    # A second course whose cycle began later, with its own final quiz and
    # another grading method: one query serves both enrolments.
    other_method = (
        GradingMethod.LAST if method == GradingMethod.HIGHEST else GradingMethod.HIGHEST
    )
    second, quiz_2, english_2 = _course_with_final_quiz(
        catalogue, method=other_method, locale_en=locale_en
    )
    later = T0 + datetime.timedelta(days=40)
    _attempts(
        case,
        learner=learner,
        other_learner=other_learner,
        quiz=quiz,
        english=english,
        start=T0,
    )
    _attempts(
        "varied",
        learner=learner,
        other_learner=other_learner,
        quiz=quiz_2,
        english=english_2,
        start=later,
    )
    enrol(learner=learner, course=first, now=T0)
    enrol(learner=learner, course=second, now=later)
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .select_related("course")
        .order_by("pk")
    )
    grades = _final_quiz_grades(
        learner=learner,
        enrolments=enrolments,
        rules=final_quiz_rules(quiz_ids={quiz.pk, quiz_2.pk}),
    )
    for enrolment in enrolments:
        expected = orm_final_quiz_grade(learner=learner, enrolment=enrolment)
        assert_same_grade(grades.get(enrolment.pk), expected)
    if case == "varied":  # the table holds what it claims to
        mine = next(e for e in enrolments if e.course_id == first.pk)
        counted = orm_final_quiz_grade(learner=learner, enrolment=mine)
        assert counted.attempts_counted == (5 if method == GradingMethod.AVERAGE else 1)


def test_final_quiz_grades_without_a_final_quiz_ask_nothing(
    learner, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert _final_quiz_grades(learner=learner, enrolments=[], rules={}) == {}


# --- quizzes: one attempt row ---------------------------------------------------------

ATTEMPT_KINDS = ["in-progress", "timed", "submitted", "failed-at-zero"]


def _attempt_of_kind(kind, *, quiz, learner):
    fields = {
        "in-progress": {
            "state": AttemptState.IN_PROGRESS,
            "submitted_at": None,
            "score_percent": None,
            "max_points": Decimal("7.00"),
        },
        "timed": {
            "state": AttemptState.IN_PROGRESS,
            "submitted_at": None,
            "score_percent": None,
            "deadline": T0.astimezone(KOLKATA),
            "sequence": 3,
        },
        "submitted": {
            "submitted_at": T0,
            "deadline": T0 + datetime.timedelta(minutes=5),
            "timed_out": True,
            "score_percent": Decimal("87.50"),
            "points": Decimal("8.75"),
            "sequence": 12,
        },
        "failed-at-zero": {"score_percent": Decimal("0.00"), "points": Decimal(0)},
    }[kind]
    return QuizAttemptFactory(quiz=quiz, learner=learner, **fields)


@pytest.mark.parametrize(
    "mode",
    ["plain", "text-id", "learner", "other-learner", "for-update", "missing"],
)
@pytest.mark.parametrize("kind", ATTEMPT_KINDS, ids=ATTEMPT_KINDS)
def test_attempt_row_equals_the_orm(kind, mode, learner, other_learner):
    quiz = QuizFactory()
    attempt = _attempt_of_kind(kind, quiz=quiz, learner=learner)
    _attempt_of_kind(kind, quiz=quiz, learner=other_learner)  # a neighbour
    pk = attempt.pk
    rows = QuizAttempt.objects.all()
    if mode == "plain":
        expected, found = rows.filter(pk=pk).first(), attempt_row(attempt_id=pk)
    elif mode == "text-id":
        expected = rows.filter(pk=str(pk)).first()
        found = attempt_row(attempt_id=str(pk))
    elif mode in ("learner", "other-learner"):
        whose = learner if mode == "learner" else other_learner
        expected = rows.filter(pk=pk, learner=whose).first()
        found = attempt_row(attempt_id=pk, learner=whose)
    elif mode == "for-update":
        with transaction.atomic():
            expected = rows.select_for_update().filter(pk=pk).first()
        with transaction.atomic():
            found = attempt_row(attempt_id=pk, for_update=True)
    else:
        missing = QuizAttempt.objects.order_by("-pk")[0].pk + 1
        expected, found = (
            rows.filter(pk=missing).first(),
            attempt_row(attempt_id=missing),
        )
    if expected is None:
        assert mode in ("other-learner", "missing")
        assert found is None
    else:
        assert_same_instance(found, expected)


@pytest.mark.parametrize(
    "attempt_id",
    ["abc", None, "", 0, -1, "1.5", 2**63, str(2**63), [1]],
    ids=[
        "text",
        "none",
        "empty",
        "zero",
        "neg",
        "decimal",
        "past",
        "past-text",
        "list",
    ],
)
def test_attempt_row_of_a_junk_id_is_none_without_a_query(
    attempt_id, learner, django_assert_num_queries
):
    QuizAttemptFactory(learner=learner)
    with django_assert_num_queries(0):
        assert attempt_row(attempt_id=attempt_id) is None


# Outside any atomic block; serialized_rollback restores the migrations' rows
# (content types, groups) that the flush removes, as the other such tests do.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attempt_row_locks_only_inside_a_transaction(learner):
    attempt = QuizAttemptFactory(learner=learner)
    with pytest.raises(TransactionManagementError):
        attempt_row(attempt_id=attempt.pk, for_update=True)


def test_bumping_the_sequence_changes_that_column_only(learner):
    attempt = _attempt_of_kind("timed", quiz=QuizFactory(), learner=learner)
    before = values_of(QuizAttempt.objects.get(pk=attempt.pk))
    with transaction.atomic():
        bump_sequence(attempt_row(attempt_id=attempt.pk, for_update=True))
    after = values_of(QuizAttempt.objects.get(pk=attempt.pk))
    assert after == {**before, "sequence": before["sequence"] + 1}


# --- quizzes: an attempt's questions --------------------------------------------------


@pytest.fixture
def served(locale_fr, learner, other_learner):
    """An attempt at one question of each type, its rows varied with the ORM.

    JSON responses of every JSON type (and SQL NULL), decimals, aware
    datetimes in other zones, a regrade snapshot, a deleted question.
    Another learner's attempt at the same quiz must never show.
    """
    quiz = QuizFactory(
        questions=[factory(locale=locale_fr) for factory in QUESTION_FACTORIES.values()]
    )
    attempt = attempt_start(quiz=quiz, learner=learner)
    attempt_start(quiz=quiz, learner=other_learner)
    rows = {row.slot: row for row in attempt.attempt_questions.all()}
    assert len(rows) == len(QUESTION_FACTORIES)
    changes = {
        1: {"response": "texte libre, é", "answered_at": T0},
        2: {
            "response": [2, 0, 1],
            "answered_at": T0.astimezone(KOLKATA),
            "checked_at": T0 + datetime.timedelta(seconds=1),
            "fraction": Decimal("0.3333"),
            "points": Decimal("0.33"),
            "feedback": "Presque : revoyez l'ordre.",
        },
        3: {
            "response": {"0": "1", "1": None},
            "regrade_snapshot": {**rows[3].snapshot, "regraded": True},
            "question": None,
        },
        4: {"response": True, "fraction": Decimal("1.0000"), "points": Decimal(1)},
        5: {"response": 0, "fraction": Decimal(0), "points": Decimal("0.00")},
        6: {"response": 3.5},
        # 7: left unanswered (SQL NULL)
    }
    for slot, fields in changes.items():
        AttemptQuestion.objects.filter(pk=rows[slot].pk).update(**fields)
    return attempt


SLOT_CASES = [
    ("every", None, None),
    ("none-listed", [], []),
    ("numbers", [1, 3], [1, 3]),
    ("texts", ["2", "5", "5"], [2, 5]),
    (
        "junk",
        ["x", None, -1, 0, "3 ", " 4", "١", "1_0", 2**15, 10**30, 1.0, True, "7"],
        [7],
    ),
    ("absent", [99, "98"], []),
    ("past-the-listing-limit", list(range(1, 300)), None),
]


@pytest.mark.parametrize(
    ("slots", "expected_slots"),
    [case[1:] for case in SLOT_CASES],
    ids=[case[0] for case in SLOT_CASES],
)
def test_attempt_questions_equal_the_orm(
    slots, expected_slots, served, django_assert_num_queries
):
    # What it replaces, with the slot numbers the junk holds (if listed).
    rows = AttemptQuestion.objects.filter(attempt=served).order_by("slot")
    if expected_slots is not None:
        rows = rows.filter(slot__in=expected_slots)
    expected = list(rows)
    with django_assert_num_queries(0 if slots == [] else 1):
        found = attempt_questions(attempt=served, slots=slots)
    assert [row.slot for row in found] == [row.slot for row in expected]
    for row, orm_row in zip(found, expected, strict=True):
        assert_same_instance(row, orm_row)
        assert row.attempt is served  # known, as through attempt.attempt_questions
    if expected_slots is None:
        assert len(found) == len(QUESTION_FACTORIES)
        assert {type(row.response) for row in found} >= {str, list, dict, bool, int}


def test_attempt_question_states_equal_the_orm(served, django_assert_num_queries):
    expected = list(
        AttemptQuestion.objects.filter(attempt=served)
        .only(*STATE_FIELDS)
        .order_by("slot")
    )
    with django_assert_num_queries(1):
        found = attempt_question_states(attempt=served)
    assert len(found) == len(expected) == len(QUESTION_FACTORIES)
    for row, orm_row in zip(found, expected, strict=True):
        assert_same_instance(row, orm_row, STATE_FIELDS)
        assert row.attempt is served


def test_an_attempt_without_questions_has_no_rows(learner):
    attempt = QuizAttemptFactory(learner=learner)
    assert attempt_questions(attempt=attempt) == []
    assert attempt_question_states(attempt=attempt) == []
    assert not AttemptQuestion.objects.filter(attempt=attempt).exists()


# --- courses.access: may this learner take this quiz? ---------------------------------


ACCESS_CASES = [
    "final-quiz",
    "final-quiz-translation",
    "knowledge-check",
    "other-course-only",
    "not-enrolled",
    "quiz-in-no-course",
]


def orm_may_take(*, user, quiz) -> bool:
    """The ORM query ``can_take_quiz`` replaces: enrolled in a course using it."""
    keys = set(
        CoursePage.objects.filter(
            final_quiz__translation_key=quiz.translation_key
        ).values_list("translation_key", flat=True)
    )
    for lesson in LessonPage.objects.filter(
        knowledge_check__translation_key=quiz.translation_key
    ):
        keys.add(lesson.get_parent().translation_key)
    return Enrolment.objects.filter(
        learner=user, course__translation_key__in=keys
    ).exists()


@pytest.mark.parametrize("case", ACCESS_CASES, ids=ACCESS_CASES)
def test_can_take_quiz_equals_the_orm(
    case, catalogue, locale_en, learner, other_learner
):
    quiz = QuizFactory()
    english = quiz.copy_for_translation(locale_en)
    english.save()
    course = CoursePageFactory(parent=catalogue, lessons=1)
    other_course = CoursePageFactory(parent=catalogue, lessons=1)
    if case in ("final-quiz", "final-quiz-translation", "other-course-only"):
        course.final_quiz = quiz
        course.save_revision().publish()
    elif case == "knowledge-check":
        lesson = LessonPage.objects.child_of(course).get()
        lesson.knowledge_check = quiz
        lesson.save_revision().publish()
    enrol(learner=other_learner, course=course)
    if case == "other-course-only":
        enrol(learner=learner, course=other_course)
    elif case != "not-enrolled":
        enrol(learner=learner, course=course)
    taken = english if case == "final-quiz-translation" else quiz
    expected = orm_may_take(user=learner, quiz=taken)
    assert can_take_quiz(learner, taken) is expected
    assert expected is (
        case in ("final-quiz", "final-quiz-translation", "knowledge-check")
    )
    assert can_take_quiz(AnonymousUser(), taken) is False
