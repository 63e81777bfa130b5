"""Benchmark the manager reports on a large PostgreSQL database.

Builds a throwaway database (dropped at the end unless ``--keep``) with, by
default, 100,000 learners in 200 teams, 10 courses of 5 lessons each with a
final quiz, every course assigned to every team: 1,000,000 enrolments and
1,000,000 learner assignments, with realistic progress (45 % completed with
certificates, some expired, expiring or revoked; 30 % part-way; 25 % not
started; due dates from two months ago to two months ahead). Pages and quizzes
are created through Wagtail and the quiz services; the bulk rows through
PostgreSQL ``COPY``.

Then, in-process with Django's test client (the full request: middleware,
session, permission checks, filters, templates), it times:

* the first page of each report, as a trainer (everyone) and as the manager
  of one team (500 people), the matrix and the summary each against the
  hand-written SQL behind it (matrix: the count and the first page; summary:
  its aggregate), printing the ratios;
* the full CSV export of the completion matrix (a million rows) against the
  same SQL streamed raw from a server-side cursor, with its peak Python
  memory (tracemalloc, in a separate run) and the process's peak RSS, next to
  the export of one team, to show memory stays flat; and one team's XLSX.

Measurements run in a fresh process, after the build. Usage (2 cores,
about 12 minutes at the default size, half of it building)::

    .venv/bin/python bench/reports.py                      # 100k learners
    .venv/bin/python bench/reports.py --learners 10000 --teams 20
    PG_URL=postgres://postgres@127.0.0.1:5432 .venv/bin/python bench/reports.py --keep

The database is ``relais_bench_reports`` on ``PG_URL``; ``--reuse`` measures an
existing one again without rebuilding it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import random
import resource
import secrets
import statistics
import subprocess
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "relais_bench_reports")

SHARE_COMPLETED = 0.45
SHARE_IN_PROGRESS = 0.30
VALIDITY_MONTHS = 12


def log(message: str) -> None:
    sys.stderr.write(f"[bench-reports] {message}\n")
    sys.stderr.flush()


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", f"{PG}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True
    )


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--courses", type=int, default=10)
    parser.add_argument("--lessons", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (median)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true", help="measure existing data")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


# --- Building the data ------------------------------------------------------------


def copy_rows(table: str, columns: list[str], rows) -> int:
    """COPY rows (tuples in ``columns`` order) into ``table``; returns a count."""
    from django.db import connection

    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        statement = f'COPY "{table}" ({", ".join(columns)}) FROM STDIN'
        with raw.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def reset_sequences(tables: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
            )


def build_pages(args):
    """Catalogue, courses with lessons and a five-question final quiz each."""
    from wagtail.models import Locale, Page, Site

    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from quizzes.services import quiz_import

    locale = Locale.objects.get_or_create(language_code="fr")[0]
    root = Page.get_first_root_node()
    catalogue = root.add_child(
        instance=CourseIndexPage(title="Catalogue", slug="catalogue", locale=locale)
    )
    Site.objects.update(root_page=catalogue)
    courses = []
    for number in range(args.courses):
        quiz = quiz_import(
            data={
                "title": f"Quiz final {number + 1}",
                "pass_mark": 60,
                "questions": [
                    {
                        "type": "single_choice",
                        "prompt": f"Question {q + 1} du quiz {number + 1}",
                        "choices": [
                            {"text": "Bonne réponse", "correct": True},
                            {"text": "Réponse piège A"},
                            {"text": "Réponse piège B"},
                        ],
                    }
                    for q in range(5)
                ],
            },
            locale=locale,
        )
        course = catalogue.add_child(
            instance=CoursePage(
                title=f"Formation {number + 1:02d}",
                slug=f"formation-{number + 1}",
                summary="Une formation du banc d'essai.",
                final_quiz=quiz,
                certificate_validity_months=VALIDITY_MONTHS,
                locale=locale,
            )
        )
        for lesson in range(args.lessons):
            course.add_child(
                instance=LessonPage(
                    title=f"Leçon {lesson + 1}",
                    slug=f"lecon-{lesson + 1}",
                    body=[{"type": "paragraph", "value": "<p>Contenu.</p>"}],
                    locale=locale,
                )
            )
        courses.append(CoursePage.objects.get(pk=course.pk))
    return courses


def build_rows(args, courses):
    """Users, teams, assignments, enrolments, progress, attempts, certificates."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from courses.selectors import course_lessons
    from quizzes.models import QuizQuestion

    rng = random.Random(args.seed)
    now = timezone.now()
    today = timezone.localdate(now)
    password = make_password("bench-password")
    per_team = args.learners // args.teams
    learners = per_team * args.teams
    counts = {}

    def users():
        yield (1, password, True, True, "trainer", "Fanny", "Lavoie", "t@ex.org", now)
        for team in range(args.teams):
            yield (
                2 + team,
                password,
                False,
                False,
                f"manager{team}",
                "Gestion",
                f"{team}",
                f"m{team}@ex.org",
                now,
            )
        first = 2 + args.teams
        for index in range(learners):
            yield (
                first + index,
                "!",
                False,
                False,
                f"learner{index}",
                f"Prénom{index % 997}",
                f"Nom{index:06d}",
                f"l{index}@ex.org",
                now,
            )

    counts["users"] = copy_rows(
        "auth_user",
        ["id", "password", "is_superuser", "is_staff", "username", "first_name",
         "last_name", "email", "date_joined", "is_active"],
        ((*row, True) for row in users()),
    )  # fmt: skip
    learner_id = 2 + args.teams  # first learner's id

    counts["teams"] = copy_rows(
        "teams_team",
        ["id", "name", "description", "created_at"],
        ((t + 1, f"Équipe {t + 1:03d}", "", now) for t in range(args.teams)),
    )
    counts["managers"] = copy_rows(
        "teams_teammanagerrole",
        ["id", "team_id", "manager_id"],
        ((t + 1, t + 1, 2 + t) for t in range(args.teams)),
    )
    counts["memberships"] = copy_rows(
        "teams_teammembership",
        ["id", "team_id", "learner_id", "joined_at"],
        ((i + 1, i // per_team + 1, learner_id + i, now) for i in range(learners)),
    )
    due = {}
    assignment_rows = []
    for team in range(args.teams):
        for c, course in enumerate(courses):
            pk = team * len(courses) + c + 1
            due[team, c] = today + datetime.timedelta(days=rng.randint(-60, 60))
            assigned_at = now - datetime.timedelta(days=rng.randint(90, 540))
            assignment_rows.append(
                (pk, course.pk, team + 1, due[team, c], 1, assigned_at)
            )
    counts["assignments"] = copy_rows(
        "teams_assignment",
        ["id", "course_id", "team_id", "due_on", "assigned_by_id", "created_at"],
        assignment_rows,
    )

    lessons = {c: [lesson.pk for lesson in course_lessons(course=course)]
               for c, course in enumerate(courses)}  # fmt: skip
    sample_quiz = courses[0].final_quiz
    sample_questions = []
    for link in (
        QuizQuestion.objects.filter(quiz=sample_quiz)
        .select_related("question")
        .order_by("sort_order")
    ):
        question = link.question.get_real_instance()
        snapshot = question.to_snapshot()
        sample_questions.append((question, snapshot))

    # Plans per enrolment, generated once and streamed into several COPYs.
    enrolments, progress, completions, certificates = [], [], [], []
    attempts, attempt_questions, selections = [], [], []
    learner_assignments = []
    progress_id = completion_id = attempt_id = aq_id = selection_id = 0
    for index in range(learners):
        uid = learner_id + index
        team = index // per_team
        ability = rng.gauss(0, 1)
        for c, course in enumerate(courses):
            pk = index * len(courses) + c + 1
            start = now - datetime.timedelta(days=rng.randint(60, 540))
            enrolments.append((pk, uid, course.pk, "assignment", 1, due[team, c],
                               "fr", start, 1, start))  # fmt: skip
            learner_assignments.append(
                (pk, team * len(courses) + c + 1, uid, pk, start)
            )
            roll = rng.random()
            if roll < SHARE_COMPLETED:
                done = lessons[c]
            elif roll < SHARE_COMPLETED + SHARE_IN_PROGRESS:
                done = lessons[c][: rng.randint(1, len(lessons[c]) - 1)]
            else:
                continue
            span = (now - start).total_seconds()
            moments = sorted(
                start + datetime.timedelta(seconds=span * rng.random())
                for _ in range(len(done) + 2)
            )
            for lesson, moment in zip(done, moments, strict=False):
                progress_id += 1
                progress.append((progress_id, pk, lesson, 1, moment))
            finished = roll < SHARE_COMPLETED
            tries = (
                (2 if rng.random() < 0.3 else 1)
                if finished
                else int(rng.random() < 0.3)
            )
            for number in range(1, tries + 1):
                passed = finished and number == tries
                score = Decimal(rng.choice([80, 100] if passed else [0, 20, 40]))
                moment = moments[len(done) + min(number - 1, 1)]
                attempt_id += 1
                attempts.append((attempt_id, course.final_quiz_id, uid, number,
                                 "submitted", moment, moment, False, 1, 60,
                                 score / 20, Decimal(5), score, passed))  # fmt: skip
                if c == 0 and number == 1:
                    for slot, (question, snapshot) in enumerate(sample_questions, 1):
                        aq_id += 1
                        right = rng.random() < 1 / (
                            1 + math.exp(slot / 2 - ability - 1)
                        )
                        option = snapshot["options"][0 if right else rng.choice([1, 2])]
                        attempt_questions.append((aq_id, attempt_id, slot, question.pk,
                            "single_choice", json.dumps(snapshot),
                            json.dumps({"options": snapshot["options"]}),
                            Decimal(1), json.dumps(option["id"]), moment,
                            Decimal(1 if right else 0), Decimal(1 if right else 0),
                            ""))  # fmt: skip
                        selection_id += 1
                        selections.append(
                            (selection_id, aq_id, option["id"], option["text"], right)
                        )
            if finished:
                completed_at = moments[-1]
                completion_id += 1
                completions.append(
                    (completion_id, pk, 1, completed_at, Decimal(rng.choice([80, 100])))
                )
                expires = completed_at + datetime.timedelta(days=365)
                revoked = now if rng.random() < 0.005 else None
                certificates.append((completion_id, uid, course.pk, completion_id,
                    secrets.token_urlsafe(24), f"Prénom{index % 997} Nom{index:06d}",
                    course.title, completed_at.date(), completed_at, Decimal(100),
                    "fr", expires, revoked, "Banc d'essai" if revoked else "",
                    ""))  # fmt: skip

    counts["enrolments"] = copy_rows(
        "courses_enrolment",
        ["id", "learner_id", "course_id", "source", "assigned_by_id", "due_on",
         "language", "enrolled_at", "cycle", "cycle_started_at"],
        enrolments,
    )  # fmt: skip
    del enrolments
    counts["learner_assignments"] = copy_rows(
        "teams_learnerassignment",
        ["id", "assignment_id", "learner_id", "enrolment_id", "created_at"],
        learner_assignments,
    )
    del learner_assignments
    counts["lesson_progress"] = copy_rows(
        "courses_lessonprogress",
        ["id", "enrolment_id", "lesson_id", "cycle", "completed_at"],
        progress,
    )
    del progress
    counts["attempts"] = copy_rows(
        "quizzes_quizattempt",
        ["id", "quiz_id", "learner_id", "number", "state", "started_at",
         "submitted_at", "timed_out", "sequence", "pass_mark", "points",
         "max_points", "score_percent", "passed"],
        attempts,
    )  # fmt: skip
    counts["attempt_questions"] = copy_rows(
        "quizzes_attemptquestion",
        ["id", "attempt_id", "slot", "question_id", "question_type", "snapshot",
         "presentation", "max_points", "response", "answered_at", "fraction",
         "points", "feedback"],
        attempt_questions,
    )  # fmt: skip
    counts["response_selections"] = copy_rows(
        "quizzes_responseselection",
        ["id", "attempt_question_id", "option_id", "label", "is_correct"],
        selections,
    )
    counts["completions"] = copy_rows(
        "courses_coursecompletion",
        ["id", "enrolment_id", "cycle", "completed_at", "score_percent"],
        completions,
    )
    counts["certificates"] = copy_rows(
        "courses_certificate",
        ["id", "learner_id", "course_id", "completion_id", "code", "holder_name",
         "course_title", "completed_on", "issued_at", "score_percent", "language",
         "expires_at", "revoked_at", "revocation_reason", "pdf"],
        certificates,
    )  # fmt: skip
    reset_sequences(
        [
            "auth_user", "teams_team", "teams_teammanagerrole", "teams_teammembership",
            "teams_assignment", "courses_enrolment", "teams_learnerassignment",
            "courses_lessonprogress", "quizzes_quizattempt", "quizzes_attemptquestion",
            "quizzes_responseselection", "courses_coursecompletion",
            "courses_certificate",
        ]
    )  # fmt: skip
    return counts


def grant_permissions():
    from django.contrib.auth.models import Group, Permission, User

    from lms.teams.access import MANAGERS_GROUP

    group = Group.objects.get(name=MANAGERS_GROUP)
    group.user_set.add(*User.objects.filter(username__startswith="manager"))
    trainer = User.objects.get(username="trainer")
    trainer.user_permissions.add(
        Permission.objects.get(codename="view_all_reports"),
        Permission.objects.get(codename="access_admin"),
    )


# --- Measuring ----------------------------------------------------------------------


def median_time(function, repeat: int) -> float:
    function()  # warm-up: connection, caches, plans
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fetch(client, url: str) -> int:
    """GET a URL and consume the body; returns its size in bytes."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if getattr(response, "streaming", False):
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def timed_export(client, url: str) -> tuple[float, int]:
    """(seconds, bytes) of one full export, consumed chunk by chunk."""
    start = time.perf_counter()
    size = fetch(client, url)
    return time.perf_counter() - start, size


def reset_peak_rss() -> None:
    """Reset the kernel's peak-RSS mark (VmHWM) of this process, if allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_rss_mib() -> float:
    """VmHWM from /proc (peak since the last reset), else getrusage's maximum.

    ``ru_maxrss`` alone would report the parent's peak: the kernel carries it
    across fork and exec, and the builder held millions of rows.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_memory(client, url: str) -> tuple[float, float]:
    """(Python peak MiB, process peak RSS MiB) of one full export.

    A separate run: tracemalloc slows allocation-heavy code several times,
    so it never runs while timing. The RSS peak also counts what tracemalloc
    cannot see (the database driver's buffers).
    """
    reset_peak_rss()
    tracemalloc.start()
    fetch(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, peak_rss_mib()


RAW_FROM = """
FROM courses_enrolment e
JOIN auth_user u ON u.id = e.learner_id
JOIN wagtailcore_page p ON p.id = e.course_id
JOIN courses_coursepage cp ON cp.page_ptr_id = e.course_id
LEFT JOIN quizzes_quiz q ON q.id = cp.final_quiz_id
LEFT JOIN courses_coursecompletion cc ON cc.enrolment_id = e.id AND cc.cycle = e.cycle
WHERE e.source = 'assignment'
"""
# The SQL a DBA would write for the matrix, with every column the page
# shows: the same joins and filters, one subquery per figure.
RAW_ATTEMPTS = """
FROM quizzes_quizattempt a JOIN quizzes_quiz aq ON aq.id = a.quiz_id
WHERE a.learner_id = e.learner_id AND aq.translation_key = q.translation_key
  AND a.state = 'submitted' AND a.submitted_at >= e.cycle_started_at
"""
RAW_LESSONS = """
FROM courses_lessonprogress lp
JOIN wagtailcore_page lpp ON lpp.id = lp.lesson_id
JOIN courses_lessonpage lpl ON lpl.page_ptr_id = lp.lesson_id
WHERE lp.enrolment_id = e.id AND lp.cycle = e.cycle AND lpp.live AND lpl.is_required
"""
RAW_CERTIFICATE = """
FROM courses_certificate c
WHERE c.learner_id = e.learner_id AND c.course_id = e.course_id
ORDER BY c.issued_at DESC, c.id DESC LIMIT 1
"""
RAW_COLUMNS = """
SELECT e.id, e.learner_id, u.username, u.first_name, u.last_name, u.email,
  e.course_id, p.title, e.due_on, cc.completed_at"""
# A page: scalar subqueries, evaluated for the 50 rows left after the sort.
RAW_PAGE = (
    RAW_COLUMNS
    + f""",
  (SELECT count(*) {RAW_LESSONS}) AS lessons_done,
  (SELECT max(a.score_percent) {RAW_ATTEMPTS}) AS best,
  EXISTS (SELECT 1 {RAW_ATTEMPTS} AND a.passed) AS passed,
  (SELECT c.revoked_at {RAW_CERTIFICATE}) AS revoked_at,
  (SELECT c.expires_at {RAW_CERTIFICATE}) AS expires_at
"""
    + RAW_FROM
    + " ORDER BY u.last_name, u.first_name, u.username, e.id LIMIT 50"
)
# Every row: LATERAL joins, each computing its figures once per row.
RAW_ALL = (
    RAW_COLUMNS
    + """, lessons.n, qa.best, qa.passed, cert.revoked_at, cert.expires_at"""
    + RAW_FROM.replace(
        "WHERE e.source",
        f"""LEFT JOIN LATERAL (SELECT count(*) AS n {RAW_LESSONS}) lessons ON true
LEFT JOIN LATERAL (SELECT max(a.score_percent) AS best, bool_or(a.passed) AS passed
  {RAW_ATTEMPTS}) qa ON true
LEFT JOIN LATERAL (SELECT c.revoked_at, c.expires_at {RAW_CERTIFICATE}) cert ON true
WHERE e.source""",
    )
)
RAW_COUNT = "SELECT count(*) " + RAW_FROM


RAW_ONE_TEAM = (
    " AND EXISTS (SELECT 1 FROM teams_teammembership m"
    " WHERE m.learner_id = e.learner_id AND m.team_id = {team})"
)
RAW_SUMMARY = """
SELECT m.team_id, t.name, p.title, e.course_id, count(*), count(c.id),
  count(*) FILTER (WHERE c.id IS NULL AND e.due_on < current_date),
  avg(c.score_percent)
FROM courses_enrolment e
JOIN teams_teammembership m ON m.learner_id = e.learner_id
JOIN teams_team t ON t.id = m.team_id
JOIN wagtailcore_page p ON p.id = e.course_id
LEFT JOIN courses_coursecompletion c ON c.enrolment_id = e.id AND c.cycle = e.cycle
WHERE e.source = 'assignment' {where}
GROUP BY 1, 2, 3, 4 ORDER BY 2, 3
"""


def run_sql(*statements: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
            cursor.fetchall()


def raw_first_page(team: int | None = None) -> None:
    """The count and first page of the matrix, everyone's or one team's."""
    where = RAW_ONE_TEAM.format(team=team) if team else ""
    page_from, page_order = RAW_PAGE.split(" ORDER BY", 1)
    run_sql(RAW_COUNT + where, f"{page_from}{where} ORDER BY{page_order}")


def raw_summary(team: int | None = None) -> None:
    """The team summary's aggregate, every team or one."""
    run_sql(RAW_SUMMARY.format(where=f"AND m.team_id = {team}" if team else ""))


def raw_full() -> int:
    """The matrix's rows, all of them, from a server-side cursor (no sort)."""
    from django.db import connection, transaction

    query = RAW_ALL
    rows = 0
    with transaction.atomic(), connection.connection.cursor(name="raw_full") as cursor:
        cursor.itersize = 2000
        cursor.execute(query)
        for _row in cursor:
            rows += 1
    return rows


def measure(args) -> list[tuple[str, float, float | None]]:
    """Time every report (in this process), each against its raw SQL."""
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from lms.teams.models import TeamManagerRole
    from quizzes.models import Quiz

    trainer, manager = Client(), Client()
    trainer.force_login(User.objects.get(username="trainer"))
    manager_user = User.objects.get(username="manager0")
    manager.force_login(manager_user)
    team = TeamManagerRole.objects.get(manager=manager_user).team_id
    quiz = Quiz.objects.order_by("pk").first()
    repeat = args.repeat
    results = []
    roles = (("everyone", trainer, None), ("one team", manager, team))
    # The fixed cost of an admin report page (session, permissions, menu,
    # filter drawer, templates): the matrix with a filter that matches nothing.
    empty = reverse("reports:completion") + "?due_to=1900-01-01"
    floor = median_time(lambda: fetch(manager, empty), repeat)
    results.append(("admin report page with no rows (fixed cost)", floor, None))
    for who, client, team_id in roles:
        raw = median_time(lambda t=team_id: raw_first_page(t), repeat)
        page = median_time(
            lambda c=client: fetch(c, reverse("reports:completion")), repeat
        )
        results.append((f"raw SQL: matrix count + first page, {who}", raw, None))
        results.append((f"completion matrix, first page, {who}", page, page / raw))
    for who, client, team_id in roles:
        raw = median_time(lambda t=team_id: raw_summary(t), repeat)
        page = median_time(
            lambda c=client: fetch(c, reverse("reports:team_summary")), repeat
        )
        results.append((f"raw SQL: team summary aggregate, {who}", raw, None))
        results.append((f"team summary + 2 charts, {who}", page, page / raw))
    for who, client, _team in roles:
        seconds = median_time(
            lambda c=client: fetch(c, reverse("reports:certificates")), repeat
        )
        results.append((f"certificate register, first page, {who}", seconds, None))
    item_url = reverse("reports:item_analysis") + f"?quiz={quiz.pk}"
    results.append(
        (
            "quiz item analysis, one quiz (trainer)",
            median_time(lambda: fetch(trainer, item_url), repeat),
            None,
        )
    )
    raw_seconds = time.perf_counter()
    raw_rows = raw_full()
    raw_seconds = time.perf_counter() - raw_seconds
    results.append(
        (f"raw SQL: full matrix, {raw_rows:,} rows streamed", raw_seconds, None)
    )
    export = reverse("reports:completion") + "?export=csv"
    xlsx = reverse("reports:completion") + "?export=xlsx"
    for who, client, _team in reversed(roles):
        seconds, size = timed_export(client, export)
        peak, rss = export_memory(client, export)
        results.append(
            (
                f"CSV export, {who} ({size / 2**20:.1f} MiB): Python peak "
                f"{peak:.1f} MiB, peak RSS {rss:.0f} MiB",
                seconds,
                seconds / raw_seconds if who == "everyone" else None,
            )
        )
    seconds, size = timed_export(manager, xlsx)
    peak, _rss = export_memory(manager, xlsx)
    results.append(
        (
            f"XLSX export, one team ({size / 2**20:.1f} MiB): "
            f"Python peak {peak:.1f} MiB",
            seconds,
            None,
        )
    )
    return results


def report(args, results) -> None:
    out = sys.stdout
    out.write(
        f"relais reports bench: {args.learners:,} learners, {args.teams} teams, "
        f"{args.courses} courses; median of {args.repeat} (exports: one run); "
        "PostgreSQL; in-process Django test client\n"
    )
    for label, seconds, ratio in results:
        extra = f"  ratio {ratio:.2f}" if ratio is not None else ""
        out.write(f"  {seconds * 1000:9.0f} ms  {label}{extra}\n")


def main() -> None:
    args = parse_args()
    url = f"{PG}/{DB_NAME}"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ["CONN_MAX_AGE"] = "0"
    if args.reuse:
        import django

        django.setup()
        report(args, measure(args))
        return
    psql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    psql(f"CREATE DATABASE \"{DB_NAME}\" ENCODING 'UTF8' TEMPLATE template0")
    try:
        build(args)
        # Measure in a fresh process: building holds every row in memory,
        # which would hide the export's own peak RSS.
        subprocess.run([sys.executable, __file__, "--reuse", *sys.argv[1:]], check=True)
    finally:
        if not args.keep:
            psql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def build(args) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    log("migrated; building pages and quizzes")
    courses = build_pages(args)
    log("building rows")
    counts = build_rows(args, courses)
    grant_permissions()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    log(
        "built in {:.0f} s: {}".format(
            time.perf_counter() - started,
            ", ".join(f"{name} {count:,}" for name, count in counts.items()),
        )
    )


if __name__ == "__main__":
    main()
