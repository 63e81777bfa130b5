"""People import: the dry run, then an all-or-nothing, idempotent apply."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from core.people import person_language
from lms.onboarding.models import PeopleImport
from lms.onboarding.planning import (
    EMAIL_AMBIGUOUS,
    EMAIL_INVALID,
    EMAIL_MISSING,
    EMAIL_TWICE,
    EXTRA_CELLS,
    LANGUAGE_UNKNOWN,
    NO_PEOPLE,
    Action,
    import_plan,
)
from lms.onboarding.reading import FILE_EMPTY, FILE_NOT_SPREADSHEET
from lms.onboarding.services import (
    APPLY_ACTION,
    FILE_TOO_LARGE,
    IMPORT_HAS_ERRORS,
    IMPORT_NEW_TEAMS,
    UPLOAD_ACTION,
    people_import_apply,
    people_import_upload,
    people_imports_purge,
)
from lms.teams.access import MANAGERS_GROUP
from lms.teams.models import LearnerAssignment, Team, TeamManagerRole, TeamMembership
from lms.teams.services import assignment_create
from tests.factories import TeamFactory, UserFactory
from tests.lms.onboarding.helpers import csv_bytes, people, xlsx_bytes

pytestmark = pytest.mark.django_db
User = get_user_model()


def upload(content, user=None, filename="people.csv"):
    return people_import_upload(content=content, filename=filename, user=user)


def apply(content, user=None, create_teams=True, filename="people.csv"):
    return people_import_apply(
        people_import=upload(content, user, filename),
        user=user,
        create_teams=create_teams,
    )


@pytest.fixture
def sales(db):
    return TeamFactory(name="Ventes")


def test_dry_run_says_per_line_what_will_change(sales):
    known = UserFactory(
        username="known", email="Known@Example.org", first_name="K", last_name="Old"
    )
    UserFactory(
        username="same", email="same@example.org", first_name="S", last_name="T"
    )
    TeamFactory(name="Ventes", members=[known])
    content = csv_bytes(
        [
            ["new@example.org", "Nina", "Neuve", "en", "ventes", ""],
            ["known@example.org", "Karim", "", "", "Ventes", "Nouvelle équipe"],
            ["same@example.org", "S", "T", "", "", ""],
            ["not-an-email", "X", "Y", "", "", ""],
        ]
    )

    with translation.override("en"):
        plan = import_plan(content=content)

    assert plan.counts == {"create": 1, "update": 1, "unchanged": 1, "error": 1}
    assert [(r.line, r.action) for r in plan.preview] == [
        (2, Action.CREATE),
        (3, Action.UPDATE),
        (4, Action.UNCHANGED),
    ]
    assert plan.preview[0].details == ("new account", "language: en", "joins Ventes")
    assert plan.preview[1].details == (
        "name: K Old → Karim Old",
        "manager of Nouvelle équipe (new team)",
    )
    assert plan.errors[0].line == 5
    with translation.override("en"):
        assert plan.errors[0].details == (
            str(EMAIL_INVALID % {"email": "not-an-email"}),
        )
    assert plan.new_teams == ["Nouvelle équipe"]
    assert not plan.can_apply


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["", "A", "B", "", "", ""]], EMAIL_MISSING),
        ([["a@b", "A", "B", "", "", ""]], EMAIL_INVALID % {"email": "a@b"}),
        (
            [
                ["a@example.org", "", "", "", "", ""],
                ["A@example.org", "", "", "", "", ""],
            ],
            EMAIL_TWICE % {"email": "A@example.org", "line": 2},
        ),
        (
            [["a@example.org", "", "", "klingon", "", ""]],
            LANGUAGE_UNKNOWN % {"language": "klingon"},
        ),
        ([["a@example.org", "", "", "", "Ventes; Support", ""]], EXTRA_CELLS),
    ],
    ids=[
        "missing-email",
        "invalid-email",
        "same-email-twice",
        "unknown-language",
        "semicolon-list-unquoted",
    ],
)
def test_line_errors_are_reported_and_block_the_apply(rows, message):
    content = csv_bytes(rows)

    plan = import_plan(content=content)

    assert str(message) in plan.errors[-1].details
    with pytest.raises(ValidationError) as raised:
        apply(content)
    assert raised.value.messages == [str(IMPORT_HAS_ERRORS)]
    assert not User.objects.filter(email__iexact="a@example.org").exists()


def test_an_email_shared_by_two_accounts_is_an_error():
    UserFactory(username="one", email="twin@example.org")
    UserFactory(username="two", email="TWIN@example.org")

    plan = import_plan(content=csv_bytes([["twin@example.org", "", "", "", "", ""]]))

    assert plan.errors[0].details == (
        str(EMAIL_AMBIGUOUS % {"email": "twin@example.org"}),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", FILE_EMPTY),
        (b"courriel;nom\r\n", NO_PEOPLE),
        (b"\x00\x01\x02binary", FILE_NOT_SPREADSHEET),
    ],
    ids=["empty", "header-only", "binary"],
)
def test_whole_file_problems(content, message):
    assert import_plan(content=content).file_error == str(message)


def test_a_file_too_large_is_refused_at_upload(settings):
    settings.RELAIS_PEOPLE_IMPORT_MAX_MB = 1

    with pytest.raises(ValidationError) as raised:
        upload(b"courriel\r\n" + b"a@example.org\r\n" * 80_000)

    assert raised.value.messages == [str(FILE_TOO_LARGE % {"size": 1})]


def test_apply_creates_people_teams_roles_and_languages(sales, superuser):
    content = csv_bytes(
        [
            ["nina@example.org", "Nina", "Neuve", "anglais", "Ventes|Support", ""],
            ["marc@example.org", "Marc", "Chef", "fr-CA", "", "Ventes |Support"],
        ]
    )

    result = apply(content, superuser)

    assert result["create"] == 2
    assert result["teams_created"] == 1
    nina = User.objects.get(email="nina@example.org")
    marc = User.objects.get(email="marc@example.org")
    assert (nina.username, nina.first_name, nina.last_name) == (
        "nina@example.org",
        "Nina",
        "Neuve",
    )
    assert not nina.has_usable_password()
    assert person_language(nina) == "en" and person_language(marc) == "fr"
    support = Team.objects.get(name="Support")
    assert set(TeamMembership.objects.values_list("learner", "team")) == {
        (nina.pk, sales.pk),
        (nina.pk, support.pk),
    }
    assert set(TeamManagerRole.objects.values_list("manager", "team")) == {
        (marc.pk, sales.pk),
        (marc.pk, support.pk),
    }
    assert marc.groups.filter(name=MANAGERS_GROUP).exists()
    assert not nina.groups.exists()


def test_the_same_file_twice_changes_nothing_the_second_time(sales):
    content = xlsx_bytes(people(30, teams=3))
    first = apply(content, filename="people.xlsx")
    users = list(User.objects.order_by("pk").values_list("pk", "first_name"))
    memberships = TeamMembership.objects.count()

    plan = import_plan(content=content, filename="people.xlsx")
    second = apply(content, filename="people.xlsx")

    assert first["create"] == 30 and first["memberships"] == 30
    assert plan.counts[Action.UNCHANGED] == 30 and plan.changes == 0
    assert second["unchanged"] == 30
    assert second["create"] == second["update"] == second["memberships"] == 0
    assert list(User.objects.order_by("pk").values_list("pk", "first_name")) == users
    assert TeamMembership.objects.count() == memberships


def test_applying_one_upload_twice_returns_the_first_result(superuser):
    people_import = upload(csv_bytes(people(3)), superuser)

    first = people_import_apply(
        people_import=people_import, user=superuser, create_teams=True
    )
    second = people_import_apply(
        people_import=people_import, user=superuser, create_teams=True
    )

    assert second == first
    assert User.objects.filter(email__endswith="@example.org").count() == 4  # + admin
    assert ModelLogEntry.objects.filter(action=APPLY_ACTION).count() == 1


def test_updates_change_only_what_differs_and_blank_cells_erase_nothing(sales):
    person = UserFactory(
        username="ana", email="ana@example.org", first_name="Ana", last_name="Old"
    )
    UserProfile.objects.update_or_create(
        user=person, defaults={"preferred_language": "fr"}
    )

    result = apply(csv_bytes([["ANA@example.org", "", "New", "fr", "Ventes", ""]]))

    person.refresh_from_db()
    assert result["update"] == 1
    assert (person.first_name, person.last_name) == ("Ana", "New")
    assert person_language(person) == "fr"
    assert TeamMembership.objects.filter(team=sales, learner=person).exists()


def test_new_teams_need_consent_and_nothing_is_half_applied(sales):
    content = csv_bytes(
        [["a@example.org", "", "", "", "Ventes", ""]]
        + [[f"p{n}@example.org", "", "", "", "Inconnue", ""] for n in range(3)]
    )
    people_import = upload(content)

    with pytest.raises(ValidationError) as raised:
        people_import_apply(people_import=people_import, user=None, create_teams=False)

    assert raised.value.messages == [str(IMPORT_NEW_TEAMS % {"teams": "Inconnue"})]
    assert not User.objects.filter(email__endswith="@example.org").exists()
    assert not Team.objects.filter(name="Inconnue").exists()
    result = people_import_apply(
        people_import=people_import, user=None, create_teams=True
    )
    assert result["create"] == 4 and result["teams_created"] == 1


def test_an_error_late_in_the_file_rolls_back_earlier_chunks(settings, monkeypatch):
    monkeypatch.setattr("lms.onboarding.planning.CHUNK_SIZE", 5)
    rows = people(12) + [["broken", "", "", "", "", ""]]

    with pytest.raises(ValidationError):
        apply(csv_bytes(rows))

    assert not User.objects.filter(email__endswith="@example.org").exists()
    assert not Team.objects.exists()


def test_new_members_get_their_teams_assignments(sales, course, today):
    assignment = assignment_create(course=course, due_on=today, team=sales)

    apply(csv_bytes([["nina@example.org", "Nina", "N", "", "Ventes", ""]]))

    nina = User.objects.get(email="nina@example.org")
    reached = LearnerAssignment.objects.get(assignment=assignment, learner=nina)
    assert reached.enrolment.course_id == course.pk
    assert reached.enrolment.due_on == today


def test_upload_and_apply_are_in_the_audit_log(superuser):
    people_import = upload(csv_bytes(people(2)), superuser)
    people_import_apply(people_import=people_import, user=superuser, create_teams=True)

    entries = ModelLogEntry.objects.filter(object_id=str(people_import.pk))
    assert set(entries.values_list("action", flat=True)) == {
        UPLOAD_ACTION,
        APPLY_ACTION,
    }
    applied = entries.get(action=APPLY_ACTION)
    assert applied.user_id == superuser.pk
    assert applied.data["create"] == 2


def statements(captured) -> list[str]:
    """The queries run, with each bulk insert counted once.

    SQLite caps a statement at 999 parameters, so Django splits one
    ``bulk_create`` of many rows into several INSERTs of the same table
    (PostgreSQL runs one): consecutive INSERTs into one table are one write.
    """
    kinds: list[str] = []
    for query in captured:
        sql = query["sql"]
        if sql.startswith("INSERT") and kinds and kinds[-1] == sql.split(" (")[0]:
            continue
        kinds.append(sql.split(" (")[0] if sql.startswith("INSERT") else sql)
    return kinds


@pytest.mark.parametrize("size", [20, 200], ids=["20-rows", "200-rows"])
def test_query_count_does_not_grow_with_rows(size):
    """A dry run and an apply each cost the same queries for 20 or 200 rows.

    Half the people exist (a third of those renamed), half are new, one in
    ten manages a team; every line joins one of three teams.
    """
    for n in range(3):
        TeamFactory(name=f"Team {n}")
    existing = people(size // 2, teams=3, prefix="old")
    apply(csv_bytes(existing))
    rows = existing + people(size - len(existing), teams=3)
    rows = [
        [row[0], row[1] + ("!" if n % 3 else ""), *row[2:5], "" if n % 10 else "Team 0"]
        for n, row in enumerate(rows)
    ]
    content = csv_bytes(rows)
    people_import = upload(content)

    with CaptureQueriesContext(connection) as dry_run:
        import_plan(content=content)
    with CaptureQueriesContext(connection) as applying:
        result = people_import_apply(people_import=people_import, user=None)

    assert result["create"] == size - size // 2
    assert len(statements(dry_run.captured_queries)) == DRY_RUN_QUERIES
    assert len(statements(applying.captured_queries)) == APPLY_QUERIES


# One query for the teams, four per chunk (people, languages, memberships, roles).
DRY_RUN_QUERIES = 5
# Savepoint, the import's lock, the teams, the Managers group, the plan's four;
# batched writes: users, names, languages (read, insert, in a savepoint),
# memberships, roles, the Managers group; the teams with assignments; the
# import's save (a unique check, the update), its audit log entry (a content
# type check, the insert); the savepoint's release.
APPLY_QUERIES = 23


def test_applying_empties_the_stored_file_and_keeps_the_counts(superuser):
    people_import = upload(csv_bytes(people(2)), superuser)

    result = people_import_apply(
        people_import=people_import, user=superuser, create_teams=True
    )

    people_import.refresh_from_db()
    assert bytes(people_import.content) == b""
    assert people_import.result == result and result["create"] == 2
    assert (
        people_import_apply(
            people_import=people_import, user=superuser, create_teams=True
        )
        == result
    )  # a retry still gets the first result


def test_files_left_at_their_dry_run_are_deleted_after_the_keep_period(superuser):
    now = timezone.now()
    stale = people_import_upload(
        content=csv_bytes(people(1)),
        filename="old.csv",
        user=superuser,
        now=now - datetime.timedelta(days=8),
    )
    fresh = upload(csv_bytes(people(1)), superuser)
    applied = upload(csv_bytes(people(1)), superuser)
    people_import_apply(people_import=applied, user=superuser, create_teams=True)
    PeopleImport.objects.filter(pk=applied.pk).update(
        uploaded_at=now - datetime.timedelta(days=30)
    )

    assert people_imports_purge(keep_days=7, now=now) == 1
    assert people_imports_purge(keep_days=7, now=now) == 0
    assert set(PeopleImport.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        applied.pk,
    }
    assert not PeopleImport.objects.filter(pk=stale.pk).exists()
    with pytest.raises(ValueError):
        people_imports_purge(keep_days=0, now=now)


def test_the_purge_command_uses_the_setting(settings, superuser):
    settings.RELAIS_PEOPLE_IMPORT_KEEP_DAYS = 1
    people_import_upload(
        content=csv_bytes(people(1)),
        filename="old.csv",
        user=superuser,
        now=timezone.now() - datetime.timedelta(days=2),
    )
    out = io.StringIO()

    call_command("purge_people_imports", stdout=out)

    assert "Deleted 1 " in out.getvalue()
    assert not PeopleImport.objects.exists()
    with pytest.raises(CommandError):
        call_command("purge_people_imports", "--days", "0")
