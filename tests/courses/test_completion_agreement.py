"""Every screen agrees on whether a learner completed a course.

The issue "One source of truth" (section 1): the completion rule is written in
several places (the course page's progress, the completion service, the
reports' SQL), and read from the code they disagree. This table settles it.

The rule, as this module's oracle computes it, independently of the app:

* a quiz's grade is the kept attempt's score among the learner's submitted
  attempts *in the current cycle*, at any translation of the quiz: the
  highest score (ties: the earliest), the first or the last submitted; under
  "average", the mean score of those attempts. It passes at the pass mark;
* the course is complete when every live required lesson is done in the
  current cycle and the final quiz passes by that grade. Optional lessons
  never matter.

Each test builds one course (two required lessons, one optional, a final quiz,
all translated to English) for one grading method, cycle and language, and
one learner per row (attempt sequence × lessons done), each alone in a team
the course is assigned to. Then it reads every screen: the course page, the
dashboard, the completion service (a ``CourseCompletion`` for the cycle), the
completion matrix (screen, CSV, XLSX) and the team summary, and lists every
row where one of them disagrees with the oracle.

The learner takes the quiz *before* marking the lessons done. A completion is
recorded once and kept (it carries a certificate), so with the quiz last a
passing attempt followed by a failing one under "last" would leave a
completion the final rule no longer grants. Finishing with the lessons makes
the last evaluation the one that counts, so the expected answer is the rule
applied to the final state, whatever the method.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Certificate, CourseCompletion, Enrolment
from courses.services import (
    certificate_revoke,
    charter_acknowledge,
    charter_publish,
    completion_evaluate,
    enrolment_restart,
    lesson_complete,
)
from lms.reports.selectors import CompletionStatus
from lms.teams.services import assignment_create
from quizzes.models import AttemptState, GradingMethod, Question, QuizAttempt
from quizzes.services import attempt_start, attempt_submit
from scenarios.services import run_choose, run_start
from tests.courses.conftest import translate
from tests.factories import (
    CharterPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
    SingleChoiceQuestionFactory,
    TeamFactory,
    UserFactory,
    charter_rule,
)
from tests.factories.scenarios import make_scenario
from tests.lms.conftest import TRAINER_PERMISSIONS

pytestmark = pytest.mark.django_db

PASS_MARK = 70
QUESTIONS = 10  # one point each: a score is a number of right answers × 10
FAIL, PASS = 40, 90  # average of the two is 65: it fails where "highest" passes
#: An attempt whose essay awaits a person's grading: neither a pass nor a fail,
#: so it changes no grade (under "last", the pass before it still counts).
AWAITING = "awaiting"

# Attempt scores in the current cycle, in submission order. "earlier-pass":
# the learner passed in cycle 1 (as every cycle-2 learner did) and has not
# taken the quiz since.
SEQUENCES = {
    "fail-pass": (FAIL, PASS),
    "pass-fail": (PASS, FAIL),
    "pass": (PASS,),
    "pass-awaiting": (PASS, AWAITING),
    "earlier-pass": (),
}
# Lessons marked done in the current cycle (keys of the course's lessons).
LESSONS = {
    "all-done": ("required-1", "required-2", "optional"),
    "optional-missing": ("required-1", "required-2"),
    "required-missing": ("required-1", "optional"),
}
REQUIRED = ("required-1", "required-2")

AVERAGE = getattr(GradingMethod, "AVERAGE", "average")
needs_average = pytest.mark.skipif(
    not hasattr(GradingMethod, "AVERAGE"),
    reason="average grading method not yet added",
)


# --- The oracle -------------------------------------------------------------------


def quiz_grade(method: str, scores: tuple) -> Decimal | None:
    """The grade that counts under ``method``, from the cycle's scores in order."""
    scores = tuple(score for score in scores if score != AWAITING)
    if not scores:
        return None
    if method == AVERAGE:
        return Decimal(sum(scores)) / len(scores)
    if method == GradingMethod.FIRST:
        return Decimal(scores[0])
    if method == GradingMethod.LAST:
        return Decimal(scores[-1])
    return Decimal(max(scores))


@dataclass(frozen=True)
class Verdict:
    """What a screen says (or the oracle expects) of one learner and course.

    ``percent`` and ``quiz_passed`` are None where a screen does not show them.
    """

    completed: bool
    percent: int | None = None
    quiz_passed: bool | None = None

    def __str__(self):
        text = "completed" if self.completed else "not completed"
        if self.percent is not None:
            text += f", {self.percent} %"
        if self.quiz_passed is not None:
            text += ", quiz passed" if self.quiz_passed else ", quiz not passed"
        return text


def expected(
    method: str, sequence: str, lessons: str, charter: str | None = None
) -> Verdict:
    """``charter``: None when the course requires none, else one of CHARTER."""
    grade = quiz_grade(method, SEQUENCES[sequence])
    quiz_passed = grade is not None and grade >= PASS_MARK
    required_done = sum(key in LESSONS[lessons] for key in REQUIRED)
    charter_done = charter is None or charter == "current"
    completed = required_done == len(REQUIRED) and quiz_passed and charter_done
    total = len(REQUIRED) + 1 + (charter is not None)
    done = required_done + quiz_passed + (charter == "current")
    percent = 100 if completed else done * 100 // total
    return Verdict(completed, percent, quiz_passed)


def agrees(got: Verdict, want: Verdict) -> bool:
    """``got`` matches ``want`` on everything the screen shows."""
    return (
        got.completed == want.completed
        and got.percent in (None, want.percent)
        and got.quiz_passed in (None, want.quiz_passed)
    )


@dataclass(frozen=True)
class Row:
    """One learner of the table: their attempt sequence and lessons done."""

    sequence: str
    lessons: str
    charter: str | None = None

    @property
    def username(self) -> str:
        if self.charter:
            return f"{self.sequence}.{self.lessons}.{self.charter}"
        return f"{self.sequence}.{self.lessons}"


def rows_for(cycle: int) -> list[Row]:
    sequences = [s for s in SEQUENCES if cycle > 1 or s != "earlier-pass"]
    return [Row(sequence, lessons) for sequence in sequences for lessons in LESSONS]


# --- Building the course and the learners ---------------------------------------


@dataclass
class Course:
    """The course in both languages: its pages, lessons and final quiz."""

    pages: dict  # language → CoursePage
    lessons: dict  # language → {lesson key → LessonPage}
    quizzes: dict  # language → Quiz


def build_course(*, catalogue, locale_en, method: str, charter=None) -> Course:
    settings_ = {"pass_mark": PASS_MARK, "grading_method": method}
    quiz = QuizFactory(
        title="Quiz final",
        questions=[SingleChoiceQuestionFactory() for _ in range(QUESTIONS)],
        **settings_,
    )
    english_quiz = QuizFactory(
        title="Final quiz",
        locale=locale_en,
        translation_key=quiz.translation_key,
        questions=[
            SingleChoiceQuestionFactory(locale=locale_en) for _ in range(QUESTIONS)
        ],
        **settings_,
    )
    course = CoursePageFactory(
        parent=catalogue,
        title="Confidentialité",
        final_quiz=quiz,
        required_charter=charter,
    )
    lessons = {
        "required-1": LessonPageFactory(parent=course, title="Obligatoire 1"),
        "required-2": LessonPageFactory(parent=course, title="Obligatoire 2"),
        "optional": LessonPageFactory(
            parent=course, title="Facultative", is_required=False
        ),
    }
    english_course = translate(course, locale_en)
    english = {key: translate(lesson, locale_en) for key, lesson in lessons.items()}
    return Course(
        pages={"fr": course, "en": english_course},
        lessons={"fr": lessons, "en": english},
        quizzes={"fr": quiz, "en": english_quiz},
    )


def submit(*, quiz, learner, score, at: datetime.datetime) -> QuizAttempt:
    """Take the quiz through its services and score ``score`` %, submitted ``at``.

    Submitting fires ``attempt_submitted``, so courses evaluate completion as
    in production; the timestamps are then set so the order is explicit.
    ``AWAITING``: the attempt is left as one whose essay no person has
    graded yet (no score, not passed); its lessons are not done yet, so no
    completion was recorded at its submission.
    """
    if score == AWAITING:
        attempt = submit(quiz=quiz, learner=learner, score=PASS, at=at)
        QuizAttempt.objects.filter(pk=attempt.pk).update(
            state=AttemptState.AWAITING_GRADING, score_percent=None, passed=False
        )
        return attempt
    attempt = attempt_start(quiz=quiz, learner=learner)
    rows = list(attempt.attempt_questions.order_by("slot"))
    right = len(rows) * score // 100
    responses = {}
    for index, row in enumerate(rows):
        key = Question.from_snapshot(row.snapshot).key_response()
        wrong = next(o["id"] for o in row.snapshot["options"] if o["id"] != key)
        responses[row.slot] = key if index < right else wrong
    attempt = attempt_submit(
        attempt=attempt, responses=responses, sequence=attempt.sequence
    )
    assert attempt.score_percent == score, "the table's scores are exact"
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        started_at=at - datetime.timedelta(minutes=10), submitted_at=at
    )
    return attempt


def mark_done(enrolment, course: Course, language: str, keys) -> None:
    for key in keys:
        lesson_complete(enrolment=enrolment, lesson=course.lessons[language][key])


def start_cycle_at(enrolment, moment: datetime.datetime) -> Enrolment:
    """The enrolment with its current cycle moved to start at ``moment``."""
    Enrolment.objects.filter(pk=enrolment.pk).update(cycle_started_at=moment)
    return Enrolment.objects.select_related("course").get(pk=enrolment.pk)


def build_learner(
    *, row, course, language, cycle, trainer, now, learner=None
) -> Enrolment:
    """The row's learner (new unless given), alone in a team assigned the course,
    in their state.

    Cycle 2: the learner completed cycle 1 twenty days ago (all lessons, a
    pass), the certificate was revoked and they started again ten days ago.
    """
    learner = learner or UserFactory(username=row.username, first_name="", last_name="")
    team = TeamFactory(name=row.username, members=[learner])
    assignment_create(
        course=course.pages["fr"],
        team=team,
        due_on=timezone.localdate(now) + datetime.timedelta(days=30),
        assigned_by=trainer,
    )
    enrolment = Enrolment.objects.select_related("course").get(learner=learner)
    quiz = course.quizzes[language]
    if cycle > 1:
        earlier = now - datetime.timedelta(days=20)
        enrolment = start_cycle_at(enrolment, earlier)
        submit(quiz=quiz, learner=learner, score=PASS, at=earlier)
        mark_done(enrolment, course, language, LESSONS["all-done"])
        certificate = Certificate.objects.get(completion__enrolment=enrolment)
        certificate_revoke(certificate=certificate, reason="Recertifier", by=trainer)
        enrolment = enrolment_restart(enrolment=enrolment)
        assert enrolment.cycle == 2
    start = now - datetime.timedelta(days=10)
    enrolment = start_cycle_at(enrolment, start)
    for number, score in enumerate(SEQUENCES[row.sequence], start=1):
        at = start + datetime.timedelta(hours=number)
        submit(quiz=quiz, learner=learner, score=score, at=at)
    mark_done(enrolment, course, language, LESSONS[row.lessons])
    # Asked once more at the end: idempotent, and what "the service says".
    completion_evaluate(enrolment=enrolment)
    return enrolment


# --- Reading the screens -----------------------------------------------------------


def between(html: str, start: str, end: str) -> str:
    head = html.index(start)
    return html[head : html.index(end, head)]


def progress_value(html: str, ident) -> int | None:
    found = re.search(rf'id="progress-{ident}" max="100" value="(\d+)"', html)
    return int(found.group(1)) if found else None


def course_page_says(client, page) -> Verdict:
    """The course page: "you completed" or the progress bar, and the quiz mark."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    actions = between(html, 'id="course-actions"', "</header>")
    completed = 'class="status--ok"' in actions
    percent = 100 if completed else progress_value(actions, "course")
    quiz = between(html, 'id="final-quiz-title"', "</section>")
    return Verdict(completed, percent, 'class="status--ok"' in quiz)


def dashboard_says(client, language: str, enrolment) -> Verdict:
    """The dashboard: the course under "completed", or in progress with a bar."""
    with translation.override(language):
        url = reverse("courses:dashboard")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    in_progress = between(html, 'id="in-progress-title"', 'id="completed-title"')
    completed = between(html, 'id="completed-title"', 'id="certificates-title"')
    is_completed = 'class="dashboard-course"' in completed
    percent = 100 if is_completed else progress_value(in_progress, enrolment.pk)
    return Verdict(is_completed, percent)


def completed_labels() -> set[str]:
    """The "Completed" status as exports write it, in either language."""
    labels = set()
    for language in ("fr", "en"):
        with translation.override(language):
            labels.add(str(CompletionStatus.labels[CompletionStatus.COMPLETED]))
    return labels


def matrix_screen_says(client) -> dict[str, Verdict]:
    response = client.get(reverse("reports:completion"))
    assert response.status_code == 200
    return {
        row["learner__username"]: Verdict(
            row["status"] == CompletionStatus.COMPLETED, row["percent"]
        )
        for row in response.context["object_list"]
    }


def export_verdicts(rows) -> dict[str, Verdict]:
    """The export's rows by username, its columns found by their headings."""
    header, *rows = rows
    columns = {str(heading).casefold(): index for index, heading in enumerate(header)}

    def column(*names):
        return next(columns[name] for name in names if name in columns)

    username = column("username", "nom d’utilisateur", "nom d'utilisateur")
    status = column("status", "statut")
    progress = column("progress (%)", "progression (%)")
    labels = completed_labels()
    return {
        row[username]: Verdict(row[status] in labels, int(row[progress]))
        for row in rows
    }


def matrix_csv_says(client) -> dict[str, Verdict]:
    response = client.get(reverse("reports:completion"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return export_verdicts(list(csv.reader(io.StringIO(text))))


def matrix_xlsx_says(client) -> dict[str, Verdict]:
    response = client.get(reverse("reports:completion"), {"export": "xlsx"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return export_verdicts(list(book.active.iter_rows(values_only=True)))


def team_summary_says(client) -> dict[str, dict]:
    """Per team (one learner each): its row of the team summary."""
    response = client.get(reverse("reports:team_summary"))
    assert response.status_code == 200
    return {row["team_name"]: row for row in response.context["object_list"]}


# --- The table ---------------------------------------------------------------------


def group(method, cycle, language):
    marks = [needs_average] if method == AVERAGE else []
    return pytest.param(
        method, cycle, language, marks=marks, id=f"{method}-cycle{cycle}-{language}"
    )


GROUPS = [
    group(method, cycle, language)
    for method in ("highest", "first", "last", AVERAGE)
    for cycle in (1, 2)
    for language in ("fr", "en")
]


@pytest.fixture
def trainer(db):
    user = UserFactory(username="trainer", first_name="Fanny", last_name="Lavoie")
    for app_label, codename in TRAINER_PERMISSIONS:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def disagreements(
    client, *, trainer, course, language, cycle, enrolments, want
) -> list[str]:
    """Every screen's verdict on every row, where it differs from ``want(row)``."""
    learner_screens = {}
    for row, enrolment in enrolments.items():
        client.force_login(enrolment.learner)
        learner_screens[row] = {
            "course page": course_page_says(client, course.pages[language]),
            "dashboard": dashboard_says(client, language, enrolment),
        }
    client.force_login(trainer)
    reports = {
        "matrix screen": matrix_screen_says(client),
        "matrix CSV": matrix_csv_says(client),
        "matrix XLSX": matrix_xlsx_says(client),
    }
    summary = team_summary_says(client)

    problems = []
    for row, enrolment in enrolments.items():
        wanted = want(row)
        completion = CourseCompletion.objects.filter(
            enrolment=enrolment, cycle=cycle
        ).first()
        team = summary.get(row.username)
        said = {
            **learner_screens[row],
            "completion service": Verdict(completion is not None),
            **{name: rows.get(row.username) for name, rows in reports.items()},
            "team summary": Verdict(team["completed"] == 1) if team else None,
        }
        for screen, got in said.items():
            if got is None:
                problems.append(f"{row.username}: {screen} has no row for the learner")
            elif not agrees(got, wanted):
                problems.append(
                    f"{row.username} [{SEQUENCES[row.sequence]}]: {screen} says "
                    f"{got}; expected {wanted}"
                )
        if wanted.completed and completion is not None and team:
            # The completing attempt scored PASS under every method.
            scores = (completion.score_percent, team["average_score"])
            if scores != (PASS, PASS):
                problems.append(
                    f"{row.username}: completion score / team average {scores}; "
                    f"expected {PASS}"
                )
    return problems


@pytest.mark.parametrize(("method", "cycle", "language"), GROUPS)
def test_every_screen_agrees_on_completion(
    client, settings, catalogue, locale_en, trainer, method, cycle, language
):
    settings.RELAIS_REPORT_PAGE_SIZE = 100
    now = timezone.now()
    course = build_course(catalogue=catalogue, locale_en=locale_en, method=method)
    table = rows_for(cycle)
    enrolments = {
        row: build_learner(
            row=row,
            course=course,
            language=language,
            cycle=cycle,
            trainer=trainer,
            now=now,
        )
        for row in table
    }

    problems = disagreements(
        client,
        trainer=trainer,
        course=course,
        language=language,
        cycle=cycle,
        enrolments=enrolments,
        want=lambda row: expected(method, row.sequence, row.lessons),
    )
    assert not problems, (
        f"{method}, cycle {cycle}, attempts and lessons in {language}: "
        f"{len(problems)} disagreement(s) with the rule\n" + "\n".join(problems)
    )


# --- A course that requires the charter ------------------------------------------

# The learner's acknowledgement when the table is read: of the current
# version (2), of version 1 only, or none.
CHARTER = ("current", "old", "never")
CHARTER_ROWS = [
    Row(sequence, lessons, charter)
    for sequence, lessons in (("pass", "all-done"), ("fail-pass", "required-missing"))
    for charter in CHARTER
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_screen_agrees_on_the_charter(
    client, settings, catalogue, locale_en, trainer, language
):
    settings.RELAIS_REPORT_PAGE_SIZE = 100
    now = timezone.now()
    charter = CharterPageFactory(parent=catalogue)
    first = charter_publish(page=charter, now=now - datetime.timedelta(days=30))
    course = build_course(
        catalogue=catalogue, locale_en=locale_en, method="highest", charter=charter
    )
    # Acknowledgements come before the lessons, so a completion recorded (and
    # kept) while version 1 was current cannot hide the rule's final answer.
    learners = {
        row: UserFactory(username=row.username, first_name="", last_name="")
        for row in CHARTER_ROWS
    }
    for row, learner in learners.items():
        if row.charter != "never":
            charter_acknowledge(learner=learner, version=first, language=language)
    charter.rules = [*charter.rules.raw_data, charter_rule("Une nouvelle règle")]
    second = charter_publish(page=charter, material_change=True, now=now)
    assert second.number == 2
    enrolments = {
        row: build_learner(
            row=row,
            course=course,
            language=language,
            cycle=1,
            trainer=trainer,
            now=now,
            learner=learner,
        )
        for row, learner in learners.items()
    }
    for row, enrolment in enrolments.items():
        if row.charter == "current":
            charter_acknowledge(
                learner=enrolment.learner, version=second, language=language
            )

    problems = disagreements(
        client,
        trainer=trainer,
        course=course,
        language=language,
        cycle=1,
        enrolments=enrolments,
        want=lambda row: expected("highest", row.sequence, row.lessons, row.charter),
    )
    assert not problems, (
        f"charter, attempts and lessons in {language}: "
        f"{len(problems)} disagreement(s) with the rule\n" + "\n".join(problems)
    )


# --- A required scenario (issue 14): the same screens, one more fact ----------------

MIN_SCORE = 2
# Runs finished in the current cycle, by the choices taken (tests.factories.scenarios:
# "good" scores 2, "bad" -3), and an earlier-cycle pass that must not count.
SCENARIO_RUNS = {
    "good": ("good",),
    "bad": ("bad",),
    "bad-good": ("bad", "good"),
    "none": (),
}
SCENARIO_LESSONS = {"all-done": REQUIRED, "required-missing": ("required-1",)}


def scenario_expected(runs: str, lessons: str) -> Verdict:
    passed = "good" in SCENARIO_RUNS[runs]
    done = len(SCENARIO_LESSONS[lessons])
    completed = passed and done == len(REQUIRED)
    percent = 100 if completed else (done + passed) * 100 // (len(REQUIRED) + 1)
    return Verdict(completed, percent)


def play(scenario, learner, way: str, *, at) -> None:
    """Play the small scenario to its good (+2) or bad (-3) ending, through services."""
    texts = ["Refuser poliment"] if way == "good" else ["Accepter", "Laisser faire"]
    run = run_start(scenario=scenario, learner=learner, now=at)
    for sequence, text in enumerate(texts):
        situation = run.scenario.graph().get(run.current_key)
        choice = next(c.id for c in situation.choices if c.text == text)
        run = run_choose(run=run, choice_id=choice, sequence=sequence, now=at).run


def course_page_completion(client, page) -> Verdict:
    response = client.get(page.url)
    assert response.status_code == 200
    actions = between(response.content.decode(), 'id="course-actions"', "</header>")
    completed = 'class="status--ok"' in actions
    return Verdict(completed, 100 if completed else progress_value(actions, "course"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_screen_agrees_on_a_required_scenario(
    client, settings, catalogue, locale_en, trainer, language
):
    settings.RELAIS_REPORT_PAGE_SIZE = 100
    now = timezone.now()
    scenario = make_scenario()
    scenarios = {"fr": scenario, "en": scenario.copy_for_translation(locale_en)}
    scenarios["en"].save()
    course = CoursePageFactory(
        parent=catalogue,
        title="Demandes d'ami",
        required_scenario=scenario,
        scenario_min_score=MIN_SCORE,
    )
    lessons = {key: LessonPageFactory(parent=course, title=key) for key in REQUIRED}
    pages = {"fr": course, "en": translate(course, locale_en)}
    english = {key: translate(lesson, locale_en) for key, lesson in lessons.items()}
    by_language = {"fr": lessons, "en": english}
    enrolments = {}
    for runs in SCENARIO_RUNS:
        for done in SCENARIO_LESSONS:
            name = f"{runs}.{done}"
            learner = UserFactory(username=name, first_name="", last_name="")
            team = TeamFactory(name=name, members=[learner])
            assignment_create(
                course=course,
                team=team,
                due_on=timezone.localdate(now) + datetime.timedelta(days=30),
                assigned_by=trainer,
            )
            enrolment = Enrolment.objects.select_related("course").get(learner=learner)
            # A pass before the cycle began does not count.
            play(
                scenarios[language],
                learner,
                "good",
                at=now - datetime.timedelta(days=20),
            )
            enrolment = start_cycle_at(enrolment, now - datetime.timedelta(days=10))
            for way in SCENARIO_RUNS[runs]:
                play(scenarios[language], learner, way, at=now)
            for key in SCENARIO_LESSONS[done]:
                lesson_complete(enrolment=enrolment, lesson=by_language[language][key])
            completion_evaluate(enrolment=enrolment)
            enrolments[name] = (runs, done, enrolment)

    said = {}
    for name, (_runs, _done, enrolment) in enrolments.items():
        client.force_login(enrolment.learner)
        completion = CourseCompletion.objects.filter(enrolment=enrolment).first()
        said[name] = {
            "course page": course_page_completion(client, pages[language]),
            "dashboard": dashboard_says(client, language, enrolment),
            "completion service": Verdict(completion is not None),
        }
    client.force_login(trainer)
    for screen, rows in (
        ("matrix screen", matrix_screen_says(client)),
        ("matrix CSV", matrix_csv_says(client)),
        ("matrix XLSX", matrix_xlsx_says(client)),
    ):
        for name in enrolments:
            said[name][screen] = rows.get(name)
    problems = [
        f"{name}: {screen} says {got}; expected {want}"
        for name, (runs, done, _e) in enrolments.items()
        for want in [scenario_expected(runs, done)]
        for screen, got in said[name].items()
        if got is None or not agrees(got, want)
    ]
    assert not problems, "\n".join(problems)
