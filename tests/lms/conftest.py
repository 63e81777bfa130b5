"""Fixtures for teams, assignments and reports: roles, two teams, a course.

Roles mirror production: managers are in the "Managers" group created by the
teams migration; trainers hold ``view_all_reports``, ``add_assignment`` and
``quizzes.grade_attempt`` with admin access; learners hold nothing.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from courses.services import charter_publish
from lms.teams.access import MANAGERS_GROUP
from tests.courses.conftest import translate
from tests.factories import (
    CharterPageFactory,
    CoursePageFactory,
    TeamFactory,
    UserFactory,
)
from tests.lms.test_item_analysis import worked_example  # noqa: F401 (a shared fixture)

TRAINER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("teams", "view_all_reports"),
    ("teams", "add_assignment"),
    ("teams", "view_assignment"),
    ("quizzes", "grade_attempt"),
]


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def course(catalogue):
    """A French course with three required lessons and no final quiz."""
    return CoursePageFactory(parent=catalogue, title="Réseaux sociaux", lessons=3)


@pytest.fixture
def other_course(catalogue):
    return CoursePageFactory(parent=catalogue, title="Vie privée", lessons=2)


@pytest.fixture
def managers_group(db):
    return Group.objects.get(name=MANAGERS_GROUP)


@pytest.fixture
def trainer(db):
    user = UserFactory(username="trainer", first_name="Fanny", last_name="Lavoie")
    for app_label, codename in TRAINER_PERMISSIONS:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def make_manager(username: str, group: Group):
    user = UserFactory(username=username, first_name="Mathieu", last_name=username)
    user.groups.add(group)
    return user


@pytest.fixture
def manager_a(managers_group):
    return make_manager("manager_a", managers_group)


@pytest.fixture
def manager_b(managers_group):
    return make_manager("manager_b", managers_group)


@pytest.fixture
def members_a(db):
    return [
        UserFactory(username=f"a{n}", first_name="Alice", last_name=f"A{n:02d}")
        for n in range(3)
    ]


@pytest.fixture
def members_b(db):
    return [
        UserFactory(username=f"b{n}", first_name="Bruno", last_name=f"B{n:02d}")
        for n in range(3)
    ]


@pytest.fixture
def team_a(manager_a, members_a):
    return TeamFactory(name="Équipe A", managers=[manager_a], members=members_a)


@pytest.fixture
def team_b(manager_b, members_b):
    return TeamFactory(name="Équipe B", managers=[manager_b], members=members_b)


@pytest.fixture
def due_in_a_week(today):
    return today + datetime.timedelta(days=7)


@pytest.fixture
def assigned(course, team_a, team_b, manager_a, trainer, today):
    """The course assigned to team A (overdue) and team B (due in ten days)."""
    from lms.teams.services import assignment_create

    return {
        "a": assignment_create(
            course=course,
            due_on=today - datetime.timedelta(days=2),
            team=team_a,
            assigned_by=manager_a,
        ),
        "b": assignment_create(
            course=course,
            due_on=today + datetime.timedelta(days=10),
            team=team_b,
            assigned_by=trainer,
        ),
    }


#: When the ``charter`` fixture's versions were published.
CHARTER_PUBLISHED = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def charter(catalogue, locale_en):
    """A published charter, in French (the original) and English."""
    charter = CharterPageFactory(parent=catalogue, title="Charte")
    charter_publish(page=charter, now=CHARTER_PUBLISHED)
    english = translate(charter, locale_en)
    english.title = "Charter"
    charter_publish(page=english, now=CHARTER_PUBLISHED)
    return charter
