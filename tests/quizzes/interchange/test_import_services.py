"""The import services on their own: idempotent confirm, a race, nothing half-done."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from quizzes.interchange.base import InterchangeError
from quizzes.models import Question, QuestionBankImport
from quizzes.services.interchange import (
    ACTION_QUESTION_IMPORT,
    IMPORT_NOTHING,
    question_import_confirm,
    question_import_upload,
)
from tests.factories import UserFactory
from tests.quizzes.test_concurrency import run_together

from .helpers import DATA


def _upload(user, locale, name="banque.gift", content=None):
    content = content or (DATA / "moodle_sample.gift").read_bytes()
    return question_import_upload(
        user=user, upload=SimpleUploadedFile(name, content), locale=locale
    )


@pytest.mark.django_db
def test_confirm_twice_imports_once(locale_fr):
    user = UserFactory()
    record, preview = _upload(user, locale_fr)
    first = question_import_confirm(record=record, user=user)
    count = Question.objects.count()
    assert count == len(preview.new)
    again = question_import_confirm(record=record, user=user)
    assert again.result == first.result
    assert Question.objects.count() == count


@pytest.mark.django_db
def test_a_file_with_nothing_importable_is_refused_on_confirm(locale_fr):
    user = UserFactory()
    record, _preview = _upload(user, locale_fr, content=b"Only a description.\n")
    with pytest.raises(ValidationError) as error:
        question_import_confirm(record=record, user=user)
    assert error.value.messages == [str(IMPORT_NOTHING)]
    assert QuestionBankImport.objects.get().confirmed_at is None


@pytest.mark.django_db
def test_an_unreadable_upload_keeps_nothing(locale_fr):
    with pytest.raises(InterchangeError):
        _upload(UserFactory(), locale_fr, content=b"Q {=a ~b")
    assert not QuestionBankImport.objects.exists()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_confirms_import_once(locale_fr):
    user = UserFactory()
    record, preview = _upload(user, locale_fr)
    results, errors = run_together(
        lambda: question_import_confirm(record=record, user=user).confirmed_at, count=3
    )
    assert errors == []
    assert len(set(results)) == 1
    assert Question.objects.count() == len(preview.new)
    assert ModelLogEntry.objects.filter(action=ACTION_QUESTION_IMPORT).count() == 1


MOODLE_ESSAY = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="essay"><name><text>Refus</text></name>
<questiontext format="html"><text>Write the refusal.</text></questiontext>
<defaultgrade>5</defaultgrade></question></quiz>"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "top"),
    [
        ("essais.gift", "::Refus:: Rédigez le refus poli. {}\n".encode(), "1"),
        ("essais.xml", MOODLE_ESSAY, "5"),
    ],
    ids=["gift", "moodle-xml"],
)
def test_an_essay_without_a_rubric_gets_a_one_criterion_rubric_and_a_warning(
    locale_fr, name, content, top
):
    user = UserFactory()
    record, preview = _upload(user, locale_fr, name=name, content=content)

    [item] = preview.items
    assert item.importable, item.reason
    assert any("Vue d’ensemble" in warning for warning in item.warnings)
    question_import_confirm(record=record, user=user)
    essay = Question.objects.get()
    assert [c["criterion"] for c in essay.rubric] == ["Vue d’ensemble"]
    assert [level["points"] for level in essay.rubric[0]["levels"]][-1] in {
        top,
        f"{top}.00",
    }
    assert str(essay.points.normalize()) == top
