"""core.db: get-or-create where the database's unique constraint decides.

``Group`` (unique name) stands for any model: core knows no app's models.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from core.db import create_or_get, get_or_create

pytestmark = pytest.mark.django_db


def test_an_existing_row_is_returned_with_one_query(django_assert_num_queries):
    group = Group.objects.create(name="Trainers")
    with django_assert_num_queries(1):
        found, created = get_or_create(Group, {"name": "Trainers"})
    assert (found, created) == (group, False)


def test_a_missing_row_is_created_with_its_defaults():
    team, created = get_or_create(Group, {"name": "Trainers"}, {"id": 4242})
    assert created is True
    assert Group.objects.get(name="Trainers").pk == team.pk == 4242


def test_an_invalid_row_is_refused_before_any_insert():
    with pytest.raises(ValidationError) as error:
        get_or_create(Group, {"name": "x" * 151})
    assert "name" in error.value.message_dict
    assert not Group.objects.filter(name__startswith="xxx").exists()


def test_losing_the_insert_returns_the_winners_row_and_the_transaction_goes_on():
    # The row another request committed between our read and our insert.
    winner = Group.objects.create(name="Trainers")
    with transaction.atomic():
        found, created = create_or_get(Group, {"name": "Trainers"})
        # Only the savepoint rolled back: the outer transaction still works.
        Group.objects.create(name="Reviewers")
    assert (found, created) == (winner, False)
    assert Group.objects.filter(name__in=["Trainers", "Reviewers"]).count() == 2


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_calls_make_one_row_and_all_get_it():
    count = 4
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def work(index):
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)
                results[index] = get_or_create(Group, {"name": "Racers"})
        except Exception as error:  # reported by the assertions below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not [r for r in results if isinstance(r, Exception)], results
    group = Group.objects.get(name="Racers")
    assert {row.pk for row, _created in results} == {group.pk}
    assert sum(created for _row, created in results) == 1
