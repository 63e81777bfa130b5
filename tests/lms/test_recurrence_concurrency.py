"""Two runs starting recurring cycles at the same moment (PostgreSQL)."""

import datetime

import pytest
from django.utils import timezone

from courses.models import Enrolment
from courses.services import add_months
from lms.teams.models import LearnerAssignment, Recurrence
from lms.teams.services import assignment_create, assignment_cycles_start
from tests.courses.test_concurrency import run_together
from tests.factories import TeamFactory, UserFactory
from tests.lms.helpers import enrolment_of, finish

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_runs_start_each_cycle_once(course):
    learners = [UserFactory() for _ in range(3)]
    team = TeamFactory(members=learners)
    due_on = timezone.localdate()
    assignment = assignment_create(
        course=course,
        due_on=due_on,
        team=team,
        recurrence=Recurrence.MONTHS,
        recurrence_months=6,
    )
    finish(enrolment_of(learners[0], course))
    moment = timezone.make_aware(
        datetime.datetime.combine(add_months(due_on, 6), datetime.time(12))
    )

    results = run_together(lambda _index: assignment_cycles_start(now=moment).started)

    assert sum(results) == 3  # each learner's cycle started by exactly one run
    rows = LearnerAssignment.objects.filter(assignment=assignment)
    assert sorted(rows.values_list("cycle", flat=True)) == [1, 1, 1, 2, 2, 2]
    assert Enrolment.objects.get(learner=learners[0]).cycle == 2  # bumped once
    assert assignment_cycles_start(now=moment).started == 0
