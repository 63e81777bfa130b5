"""Every relation from a Relais model to a person is accounted for.

A new model that points at people must say, in ``lms.privacy.inventory``,
whether "Download my data" carries it and what erasure does with it.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from lms.privacy.inventory import PERSON_RELATIONS
from lms.privacy.selectors import person_record
from tests.factories import UserFactory

PROJECT_PACKAGES = {"core", "quizzes", "scenarios", "courses", "lms"}


def _relations_to_people() -> set[str]:
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PROJECT_PACKAGES:
            continue
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and not field.auto_created
                and field.related_model is user_model
            ):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_relation_to_a_person_is_in_the_inventory():
    found = _relations_to_people()
    assert found, "the scan finds the learner relations"
    assert found - set(PERSON_RELATIONS) == set(), "add them to PERSON_RELATIONS"
    assert set(PERSON_RELATIONS) - found == set(), "no longer exist: remove them"


@pytest.mark.django_db
def test_each_exported_relation_has_its_key_in_the_export():
    record = person_record(person=UserFactory())
    for name, handling in PERSON_RELATIONS.items():
        if handling.exported_as is not None:
            assert handling.exported_as in record, name
