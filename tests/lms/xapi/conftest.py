"""Fixtures for xAPI: a real LRS (Ralph) and a course with a final quiz."""

import pytest

from lms.xapi.models import OutboxStatement
from tests.courses.conftest import translate
from tests.factories import CoursePageFactory, LessonPageFactory, QuizFactory
from tests.lrs import PASSWORD, USERNAME, RalphLRS


@pytest.fixture(scope="session")
def lrs_server():
    """One Ralph per test process, shared; statements are told apart by learner."""
    server = RalphLRS().start()
    yield server
    server.stop()


@pytest.fixture
def lrs(lrs_server, settings):
    """Relais pointed at the shared LRS."""
    settings.RELAIS_XAPI_ENDPOINT = lrs_server.endpoint
    settings.RELAIS_XAPI_USERNAME = USERNAME
    settings.RELAIS_XAPI_PASSWORD = PASSWORD
    return lrs_server


@pytest.fixture
def own_lrs(settings, tmp_path):
    """A Ralph of this test's own, which the test may stop and start again."""
    server = RalphLRS(folder=tmp_path / "lrs").start()
    settings.RELAIS_XAPI_ENDPOINT = server.endpoint
    settings.RELAIS_XAPI_USERNAME = USERNAME
    settings.RELAIS_XAPI_PASSWORD = PASSWORD
    yield server
    server.stop()


@pytest.fixture
def quiz(locale_fr):
    return QuizFactory(questions=2, title="Quiz final")


@pytest.fixture
def course(catalogue, quiz, locale_en):
    """A two-lesson course with a final quiz, translated into English."""
    course = CoursePageFactory(
        parent=catalogue, title="Confidentialité au travail", final_quiz=quiz
    )
    for number in (1, 2):
        LessonPageFactory(parent=course, title=f"Leçon {number}")
    translate(course, locale_en)
    return course


def statements_of(lrs, learner) -> list[dict]:
    """The statements the LRS holds about one learner, oldest first.

    Told apart by the ids this test's outbox gave them: the shared LRS outlives
    each test's database, where user ids are reused.
    """
    ids = {
        str(statement_id)
        for statement_id in OutboxStatement.objects.filter(learner=learner).values_list(
            "statement_id", flat=True
        )
    }
    mine = [statement for statement in lrs.statements() if statement["id"] in ids]
    return sorted(mine, key=lambda statement: statement["stored"])
