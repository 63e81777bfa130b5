"""The attempt page's cached questions, and saves answered with JSON.

Each question's HTML is cached under a digest of its state, per attempt row
(``quizzes.rendering``); a save posted with ``Accept: application/json``
goes through the same checks as the form and answers with the new sequence.
"""

import pytest
from django.urls import reverse

from quizzes import rendering, selectors, services
from quizzes.services import OUT_OF_SEQUENCE
from tests.factories import UserFactory

from .helpers import attempt_post, key_responses

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def attempt_url(attempt):
    return reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})


def rows_of(attempt):
    return selectors.attempt_questions(attempt=attempt)


def test_a_saved_answer_shows_at_once_on_the_cached_page(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    before = learner_client.get(attempt_url(attempt)).content.decode()
    assert before.count(" checked") == 0
    true_false = next(row for row in rows if row.question_type == "true_false")
    response = learner_client.post(
        attempt_url(attempt),
        attempt_post(attempt, [true_false], {true_false.slot: True}),
    )
    assert response.status_code == 302
    after = learner_client.get(attempt_url(attempt)).content.decode()
    assert f'name="q{true_false.slot}" id="q{true_false.slot}-' in after
    assert after.count(" checked") == 1
    assert f'name="sequence" value="{attempt.sequence + 1}"' in after


def test_cached_questions_are_never_shared_between_attempts(client, quiz, learner):
    other = UserFactory(username="autre")
    mine = services.attempt_start(quiz=quiz, learner=learner)
    theirs = services.attempt_start(quiz=quiz, learner=other)
    short_text = next(r for r in rows_of(mine) if r.question_type == "short_text")
    services.attempt_save(
        attempt=mine,
        responses={short_text.slot: "Ma réponse très personnelle"},
        sequence=mine.sequence,
    )
    client.force_login(learner)
    assert (
        "Ma réponse très personnelle" in client.get(attempt_url(mine)).content.decode()
    )
    client.force_login(other)
    page = client.get(attempt_url(theirs)).content.decode()
    assert "Ma réponse très personnelle" not in page


def test_a_json_save_answers_with_the_next_sequence(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows, key_responses(rows))
    response = learner_client.post(attempt_url(attempt), data, **JSON)
    assert response.status_code == 200
    assert response.json() == {
        "attempt": attempt.pk,
        "sequence": attempt.sequence + 1,
        "submitted": False,
    }
    attempt.refresh_from_db()
    assert all(row.is_answered for row in rows_of(attempt))


def test_a_stale_json_save_is_refused_with_409(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows)
    assert learner_client.post(attempt_url(attempt), data, **JSON).status_code == 200
    stale = learner_client.post(attempt_url(attempt), data, **JSON)
    assert stale.status_code == 409
    assert stale.json()["error"] == str(OUT_OF_SEQUENCE)
    assert stale.json()["sequence"] == attempt.sequence + 1


def test_a_rejected_json_save_lists_the_errors(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    numeric = next(r for r in rows_of(attempt) if r.question_type == "numeric")
    data = attempt_post(attempt, [numeric])
    data[f"q{numeric.slot}"] = "pas un nombre"
    response = learner_client.post(attempt_url(attempt), data, **JSON)
    assert response.status_code == 400
    assert str(numeric.slot) in response.json()["errors"]
    assert response.json()["sequence"] == attempt.sequence  # nothing saved


def test_a_json_save_on_a_submitted_attempt_is_refused(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    services.attempt_submit(attempt=attempt)
    response = learner_client.post(
        attempt_url(attempt), attempt_post(attempt, []), **JSON
    )
    # A submitted attempt's page redirects to its result, JSON or not.
    assert response.status_code == 302


def test_a_json_save_of_someone_elses_attempt_is_a_404(client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    client.force_login(UserFactory(username="intrus"))
    response = client.post(attempt_url(attempt), attempt_post(attempt, []), **JSON)
    assert response.status_code == 404


def test_without_a_content_version_hook_questions_are_rendered_every_time(
    settings, learner_client, quiz, learner
):
    from django.core.cache import cache

    settings.RELAIS_QUIZ_CONTENT_VERSION = None
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert page.count('name="slots"') == len(rows_of(attempt))
    cached_questions = [
        key for key in cache._cache if ":relais:quiz-question:" in key
    ]  # the local-memory cache's store
    assert cached_questions == []


def test_a_warm_attempt_page_reads_the_quiz_from_the_cache(
    learner_client, quiz, learner, django_assert_max_num_queries
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    learner_client.get(attempt_url(attempt))
    # user (with the editor check and the content version), attempt,
    # enrolment check, its questions' states
    with django_assert_max_num_queries(4):
        assert learner_client.get(attempt_url(attempt)).status_code == 200


def test_a_changed_quiz_shows_on_the_next_attempt_page(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    assert (
        "Quiz de confidentialité"
        in learner_client.get(attempt_url(attempt)).content.decode()
    )
    quiz.title = "Quiz : vos paramètres de confidentialité"
    quiz.save()
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert "Quiz : vos paramètres de confidentialité" in page


def test_the_cached_quiz_never_opens_someone_elses_attempt(client, quiz, learner):
    other = UserFactory(username="voisine")
    mine = services.attempt_start(quiz=quiz, learner=learner)
    client.force_login(learner)
    assert client.get(attempt_url(mine)).status_code == 200  # quiz now cached
    client.force_login(other)
    assert client.get(attempt_url(mine)).status_code == 404
    assert client.post(attempt_url(mine), {"sequence": 0}).status_code == 404


def _questions_read_in_full(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if "quizzes_attemptquestion" in q["sql"] and "snapshot" in q["sql"]
    ]


def test_a_warm_page_reads_no_snapshot_and_a_save_rerenders_one_question(
    learner_client, quiz, learner
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    attempt = services.attempt_start(quiz=quiz, learner=learner)
    learner_client.get(attempt_url(attempt))
    with CaptureQueriesContext(connection) as warm:
        learner_client.get(attempt_url(attempt))
    assert _questions_read_in_full(warm.captured_queries) == []

    numeric = next(r for r in rows_of(attempt) if r.question_type == "numeric")
    services.attempt_save(
        attempt=attempt, responses={numeric.slot: "20"}, sequence=attempt.sequence
    )
    with CaptureQueriesContext(connection) as after_save:
        page = learner_client.get(attempt_url(attempt)).content.decode()
    (full_read,) = _questions_read_in_full(after_save.captured_queries)
    assert " IN (" in full_read  # only the question whose state changed
    assert f'name="q{numeric.slot}"' in page and 'value="20"' in page


def test_a_question_cached_mid_save_is_keyed_by_the_state_it_shows(rf, quiz, learner):
    """Had a save landed between the state read and the full read, the HTML
    is stored under the new state's key, never under the stale one."""
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    true_false = next(r for r in rows_of(attempt) if r.question_type == "true_false")
    stale = selectors.attempt_question_states(attempt=attempt)
    services.attempt_save(
        attempt=attempt, responses={true_false.slot: True}, sequence=0
    )
    request = rf.get("/")
    html = rendering.attempt_questions_html(request, attempt, stale)
    assert html.count(" checked") == 1  # the answer as stored now

    services.attempt_save(
        attempt=attempt, responses={true_false.slot: None}, sequence=1
    )
    fresh = selectors.attempt_question_states(attempt=attempt)
    assert (
        rendering.attempt_questions_html(request, attempt, fresh).count(" checked") == 0
    )


def test_checking_an_answer_already_saved_locks_it_on_the_next_view(
    learner_client, learner
):
    from quizzes.models import FeedbackPolicy
    from tests.factories import QuizFactory

    quiz = QuizFactory(questions=2, feedback_policy=FeedbackPolicy.AFTER_EACH)
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    row = rows_of(attempt)[0]
    key = key_responses([row])
    services.attempt_save(attempt=attempt, responses=key, sequence=0)
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert page.count('name="slots"') == 2  # cached: answered, not checked
    # The same answer, now checked: only the lock and the marks change.
    services.attempt_check_question(
        attempt=attempt, slot=row.slot, responses={}, sequence=1
    )
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert page.count('name="slots"') == 1  # the checked one is locked


def _title(page: str) -> str:
    return page.split("<title>", 1)[1].split("</title>", 1)[0]


def test_the_cached_page_head_follows_the_quiz_title_and_the_quiz(
    learner_client, quiz, learner
):
    from tests.factories import QuizFactory

    attempt = services.attempt_start(quiz=quiz, learner=learner)
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert "Quiz de confidentialité" in _title(page)
    quiz.title = "Quiz : vos paramètres"
    quiz.save()
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert "Quiz : vos paramètres" in _title(page)

    other = QuizFactory(questions=1, title="Un autre quiz")
    other_attempt = services.attempt_start(quiz=other, learner=learner)
    page = learner_client.get(attempt_url(other_attempt)).content.decode()
    assert "Un autre quiz" in _title(page)
    page = learner_client.get(attempt_url(attempt)).content.decode()
    assert "Quiz : vos paramètres" in _title(page)
