"""The learner flow through the views, without JavaScript, and its guards."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.cache import SessionStore
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quizzes import selectors, services
from quizzes.display import STATUS_LABELS
from quizzes.forms import MAX_ATTEMPT_POST_BYTES, UNEXPECTED_FIELDS
from quizzes.grading import (
    NUMERIC_INVALID,
    RESPONSE_SINGLE_VALUE,
    RESPONSE_UNKNOWN_OPTION,
)
from quizzes.models import (
    DEADLINE_GRACE,
    AttemptQuestion,
    QuestionsPerPage,
    QuizAttempt,
)
from quizzes.services import ANSWERS_SAVED, SaveStatus
from quizzes.views import (
    NO_ACCESS,
    POST_TOO_LARGE,
    save_outcome_html,
    save_outcome_json,
)
from tests.factories import (
    NumericQuestionFactory,
    QuizFactory,
    SingleChoiceQuestionFactory,
)

from .helpers import attempt_post, key_responses, save_case

pytestmark = pytest.mark.django_db


def attempt_url(attempt, name="attempt"):
    return reverse(f"quizzes:{name}", kwargs={"attempt_id": attempt.pk})


def rows_of(attempt):
    return selectors.attempt_questions(attempt=attempt)


def html(response):
    return response.content.decode()


# --- Access ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    urls = [
        reverse("quizzes:detail", kwargs={"quiz_id": quiz.pk}),
        reverse("quizzes:start", kwargs={"quiz_id": quiz.pk}),
        attempt_url(attempt),
        attempt_url(attempt, "confirm"),
        attempt_url(attempt, "result"),
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
    assert QuizAttempt.objects.get().is_in_progress


METHODS = ["get", "post", "put", "patch", "delete", "head", "options"]


@pytest.mark.parametrize("name", ["attempt", "confirm", "result"])
@pytest.mark.parametrize("method", METHODS)
def test_another_learners_attempt_is_a_404_by_any_url_and_method(
    client, quiz, learner, other_learner, name, method
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    client.force_login(other_learner)
    response = getattr(client, method)(attempt_url(attempt, name))
    assert response.status_code == 404
    assert QuizAttempt.objects.get().is_in_progress and attempt.sequence == 0


@pytest.mark.parametrize("attempt_id", [0, 10**6, 2**63, 10**30])
def test_attempt_ids_that_do_not_exist_are_404(learner_client, attempt_id):
    url = reverse("quizzes:attempt", kwargs={"attempt_id": attempt_id})
    assert learner_client.get(url).status_code == 404


def test_unsupported_methods_on_your_own_attempt_are_405(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    assert learner_client.delete(attempt_url(attempt)).status_code == 405
    assert learner_client.post(attempt_url(attempt, "result")).status_code == 405


def test_drafts_are_404_and_the_access_policy_can_refuse(learner_client, settings):
    draft = QuizFactory(questions=1, live=False)
    assert (
        learner_client.get(reverse("quizzes:detail", args=[draft.pk])).status_code
        == 404
    )
    quiz = QuizFactory(questions=1)
    settings.RELAIS_QUIZ_ACCESS_POLICY = "tests.quizzes.test_views.nobody"
    response = learner_client.get(reverse("quizzes:detail", args=[quiz.pk]))
    assert response.status_code == 403
    assert (
        learner_client.post(reverse("quizzes:start", args=[quiz.pk])).status_code == 403
    )
    assert not QuizAttempt.objects.exists()
    assert NO_ACCESS  # the message shown on the 403 page


def nobody(user, quiz, request=None):
    return False


def back_to_course(quiz, request):
    return ("/fr/cours/", "Retour au cours")


# --- The flow -------------------------------------------------------------------------


def test_full_flow_on_one_page(learner_client, quiz, learner, settings):
    settings.RELAIS_QUIZ_RETURN_LINK = "tests.quizzes.test_views.back_to_course"
    quiz.time_limit_minutes = 15
    quiz.max_attempts = 3
    quiz.save()
    detail = learner_client.get(reverse("quizzes:detail", args=[quiz.pk]))
    page = html(detail)
    assert "Répondez à toutes les questions." in page
    assert 'value="3"' not in page  # the facts are text, not a form
    left = ngettext("%(left)s of %(total)s left", "%(left)s of %(total)s left", 3)
    assert left % {"left": 3, "total": 3} in page
    assert "15" in page

    response = learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    assert response["Location"] == attempt_url(attempt)

    page_response = learner_client.get(attempt_url(attempt))
    assert page_response.status_code == 200
    assert "no-store" in page_response["Cache-Control"]
    page = html(page_response)
    assert page.count('<fieldset class="question') == 7
    assert "data-quiz-timer" in page and 'aria-live="polite"' in page

    rows = rows_of(attempt)
    key = key_responses(rows)
    half = {slot: key[slot] for slot in (1, 2, 3)}
    response = learner_client.post(
        attempt_url(attempt), attempt_post(attempt, rows, half)
    )
    assert response.status_code == 302
    assert str(ANSWERS_SAVED) in html(learner_client.get(response["Location"]))

    attempt.refresh_from_db()
    response = learner_client.post(
        attempt_url(attempt),
        attempt_post(attempt, rows, key | {7: None}, action="finish"),
    )
    assert response["Location"] == attempt_url(attempt, "confirm")
    confirm = html(learner_client.get(attempt_url(attempt, "confirm")))
    assert f"{attempt_url(attempt)}#question-7" in confirm
    assert "#question-1" not in confirm

    response = learner_client.post(attempt_url(attempt, "confirm"))
    assert response["Location"] == attempt_url(attempt, "result")
    result = html(learner_client.get(response["Location"]))
    attempt.refresh_from_db()
    assert attempt.is_submitted and str(attempt.score_percent) == "85.71"
    assert "85.71" in result or "85,71" in result
    assert "Retour au cours" in result and 'href="/fr/cours/"' in result
    assert "Voir la leçon sur la confidentialité." in result  # explanations allowed

    # The back button cannot reopen the attempt.
    for name in ("attempt", "confirm"):
        response = learner_client.get(attempt_url(attempt, name))
        assert response.status_code == 302
        assert response["Location"] == attempt_url(attempt, "result")
    again = learner_client.post(attempt_url(attempt), attempt_post(attempt, rows, key))
    assert again["Location"] == attempt_url(attempt, "result")
    attempt.refresh_from_db()
    assert str(attempt.score_percent) == "85.71"


def test_one_question_per_page(learner_client, quiz, learner):
    quiz.questions_per_page = QuestionsPerPage.ONE
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    key = key_responses(rows)
    page = html(learner_client.get(attempt_url(attempt)))
    assert page.count('<fieldset class="question') == 1
    assert 'aria-current="step"' in page

    data = attempt_post(attempt, rows[:1], key, action="next", page="1")
    response = learner_client.post(attempt_url(attempt), data)
    assert response["Location"] == attempt_url(attempt) + "?page=2"
    attempt.refresh_from_db()
    page2 = html(learner_client.get(response["Location"]))
    assert 'id="question-2"' in page2 and 'id="question-1"' not in page2

    data = attempt_post(attempt, rows[1:2], {}, action="previous", page="2")
    response = learner_client.post(attempt_url(attempt), data)
    assert response["Location"] == attempt_url(attempt) + "?page=1"
    assert AttemptQuestion.objects.get(slot=1).response == key[1]

    confirm = html(learner_client.get(attempt_url(attempt, "confirm")))
    assert "?page=7#question-7" in confirm and "?page=1#" not in confirm


# --- Refusals -------------------------------------------------------------------------


def _foreign_choice():
    return SingleChoiceQuestionFactory().choices.first().key


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda data: data.update(q1=_foreign_choice()), RESPONSE_UNKNOWN_OPTION),
        (lambda data: data.update(q99="x"), UNEXPECTED_FIELDS),
        (lambda data: data.__setitem__("slots", [*data["slots"], "99"]), None),
        (lambda data: data.__setitem__("slots", [*data["slots"], "9" * 20]), None),
        (lambda data: data.__setitem__("slots", [*data["slots"], "un"]), None),
        (lambda data: data.update(q5="vingt"), NUMERIC_INVALID),
    ],
    ids=[
        "foreign-choice",
        "unknown-field",
        "unknown-slot",
        "out-of-range-slot",
        "not-a-slot",
        "numeric-junk",
    ],
)
def test_bad_posts_answer_400_and_save_nothing(
    learner_client, quiz, learner, tamper, message
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows, {3: True})
    tamper(data)
    response = learner_client.post(attempt_url(attempt), data)
    assert response.status_code == 400
    page = html(response)
    assert _("There is a problem") in page
    if message:
        assert str(message) in page
    assert not AttemptQuestion.objects.exclude(response=None).exists()
    assert QuizAttempt.objects.get().sequence == 0


def test_numeric_error_is_linked_to_its_question_and_shows_the_typed_value(
    learner_client, quiz, learner
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    data = attempt_post(attempt, rows_of(attempt), {5: "NaN"})
    page = html(learner_client.post(attempt_url(attempt), data))
    assert 'aria-describedby="question-5-prompt question-5-error"' in page
    assert 'id="question-5-error"' in page and 'value="NaN"' in page
    assert 'aria-invalid="true"' in page


def test_several_values_for_a_single_choice_is_400(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    options = [o["id"] for o in rows[0].presentation["options"]]
    data = attempt_post(attempt, rows, {}) | {"q1": options[:2]}
    response = learner_client.post(attempt_url(attempt), data)
    assert response.status_code == 400 and str(RESPONSE_SINGLE_VALUE) in html(response)


def test_oversized_post_is_400(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    data = attempt_post(attempt, rows_of(attempt), {4: "x" * 400})
    response = learner_client.post(
        attempt_url(attempt), data, CONTENT_LENGTH=str(MAX_ATTEMPT_POST_BYTES + 1)
    )
    assert response.status_code == 400 and str(POST_TOO_LARGE) in html(response)
    assert not AttemptQuestion.objects.exclude(response=None).exists()


def test_a_stale_page_is_409_with_the_latest_answers(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    stale = attempt_post(attempt, rows, {5: "1"})
    fresh = attempt_post(attempt, rows, {5: "20"})
    assert learner_client.post(attempt_url(attempt), fresh).status_code == 302
    response = learner_client.post(attempt_url(attempt), stale)
    assert response.status_code == 409
    page = html(response)
    assert str(services.OUT_OF_SEQUENCE) in page and 'value="20"' in page
    assert AttemptQuestion.objects.get(slot=5).response == "20"


def test_time_up_sends_the_learner_to_the_result(learner_client, quiz, learner):
    quiz.time_limit_minutes = 5
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    later = (
        timezone.now() + timedelta(minutes=5) + DEADLINE_GRACE + timedelta(seconds=1)
    )
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = learner_client.get(attempt_url(attempt))
    assert response["Location"] == attempt_url(attempt, "result")
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.timed_out


def test_check_answer_shows_feedback_for_that_question_only(
    learner_client, quiz, learner
):
    quiz.feedback_policy = "after_each"
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    key = key_responses(rows)
    data = attempt_post(attempt, rows, {1: key[1], 3: key[3]}, check="1")
    response = learner_client.post(attempt_url(attempt), data)
    assert response["Location"].endswith("#question-1")
    page = html(learner_client.get(attempt_url(attempt)))
    assert "Oui : on vérifie d&#x27;abord." in page  # feedback of question 1
    assert "Exact : une capture" not in page  # question 3 was saved, not checked
    assert page.count(_("Check this answer")) == 6


def test_checking_without_the_after_each_policy_is_400(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows, key_responses(rows), check="1")
    response = learner_client.post(attempt_url(attempt), data)
    assert response.status_code == 400
    assert str(services.FEEDBACK_NOT_PER_QUESTION) in html(response)
    assert not AttemptQuestion.objects.exclude(response=None).exists()


def test_review_policies_hide_what_they_should(learner_client, quiz, learner):
    quiz.review_correct_answers = "after_passing"
    quiz.review_explanations = "never"
    quiz.save()
    attempt = services.attempt_submit(
        attempt=services.attempt_start(quiz=quiz, learner=learner)
    )
    page = html(learner_client.get(attempt_url(attempt, "result")))
    assert "Vérifier le profil, puis décider" not in page
    assert "Voir la leçon" not in page
    assert str(STATUS_LABELS["unanswered"]) in page  # marks still shown


# --- A save's outcome, as a page and as JSON ------------------------------------------

JSON = {"HTTP_ACCEPT": "application/json"}


def _result(attempt):
    return attempt_url(attempt, "result")


# status: (JSON status, page status, where the page redirects, messages flashed)
RENDERED = {
    SaveStatus.SAVED: (200, 302, attempt_url, [ANSWERS_SAVED]),
    SaveStatus.CHECKED: (200, 302, lambda a: attempt_url(a) + "#question-1", []),
    SaveStatus.TIME_UP: (200, 302, _result, [services.TIME_UP]),
    SaveStatus.CLOSED: (409, 302, _result, []),
    SaveStatus.STALE: (409, 409, None, []),
    SaveStatus.REJECTED: (400, 400, None, []),
    SaveStatus.REFUSED: (400, 400, None, []),
}


def _page_request(rf, outcome, data):
    """The POST the outcome came from, as the HTML renderer gets it."""
    request = rf.post(attempt_url(outcome.attempt), data)
    request.user = outcome.attempt.learner
    request.session = SessionStore()
    request._messages = default_storage(request)
    return request


@pytest.mark.parametrize("status", list(SaveStatus), ids=[s.value for s in SaveStatus])
def test_each_save_outcome_renders_as_a_page_and_as_json(rf, quiz, learner, status):
    case = save_case(status, quiz, learner)
    outcome = services.attempt_save_page(**case)
    json_status, page_status, location, flashed = RENDERED[status]
    attempt = outcome.attempt

    answer = save_outcome_json(outcome)
    assert answer.status_code == json_status
    data = json.loads(answer.content)
    assert (data["attempt"], data["sequence"]) == (attempt.pk, attempt.sequence)
    assert data["submitted"] == attempt.is_submitted
    if attempt.is_submitted:
        assert data["result_url"] == _result(attempt)
    else:
        assert "result_url" not in data
    assert data.get("error") == (str(outcome.message) if outcome.is_refused else None)

    request = _page_request(rf, outcome, case["data"])
    page = save_outcome_html(request, outcome, page=1)
    assert page.status_code == page_status
    if location:
        assert page["Location"] == location(attempt)
    else:
        assert str(outcome.message) in html(page)
    assert [m.message for m in get_messages(request)] == flashed


def test_rejected_answers_show_with_their_errors_as_a_page_and_as_json(
    rf, quiz, learner
):
    case = save_case("rejected", quiz, learner)
    outcome = services.attempt_save_page(**case)
    (slot,) = outcome.errors
    answer = json.loads(save_outcome_json(outcome).content)
    assert answer["errors"] == {str(slot): str(NUMERIC_INVALID)}
    request = _page_request(rf, outcome, case["data"])
    page = html(save_outcome_html(request, outcome, page=1))
    assert str(NUMERIC_INVALID) in page and 'value="vingt"' in page


def test_an_oversized_json_save_is_400(learner_client, quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    data = attempt_post(attempt, rows_of(attempt), {4: "x" * 400})
    response = learner_client.post(
        attempt_url(attempt),
        data,
        CONTENT_LENGTH=str(MAX_ATTEMPT_POST_BYTES + 1),
        **JSON,
    )
    assert response.status_code == 400
    assert response.json()["error"] == str(POST_TOO_LARGE)
    assert QuizAttempt.objects.get().sequence == 0


@pytest.mark.parametrize("accept", [{}, JSON], ids=["page", "json"])
def test_a_save_reads_the_attempts_questions_once(
    learner_client, quiz, learner, accept, django_assert_max_num_queries
):
    """The user, the attempt, then the save: the savepoint around it, the
    attempt locked, the page's rows (once), the answers' and the sequence's
    UPDATEs. One query fewer than when the page's form columns were read
    apart from the rows the service validated and updated."""
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    learner_client.get(attempt_url(attempt))  # the quiz is cached
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows, key_responses(rows))
    with CaptureQueriesContext(connection) as queries:
        with django_assert_max_num_queries(8):
            response = learner_client.post(attempt_url(attempt), data, **accept)
    assert response.status_code == (200 if accept else 302)
    question_reads = [
        sql
        for sql in (query["sql"] for query in queries.captured_queries)
        if sql.startswith("SELECT") and "quizzes_attemptquestion" in sql
    ]
    assert len(question_reads) == 1
    assert all(row.is_answered for row in rows_of(attempt))


# --- Query counts ---------------------------------------------------------------------


def _flow_queries(client, learner, count):
    quiz = QuizFactory(questions=count)
    counts = {}
    with CaptureQueriesContext(connection) as start:
        client.post(reverse("quizzes:start", args=[quiz.pk]))
    counts["start"] = len(start)
    attempt = QuizAttempt.objects.get(quiz=quiz)
    with CaptureQueriesContext(connection) as show:
        assert client.get(attempt_url(attempt)).status_code == 200
    counts["show"] = len(show)
    rows = rows_of(attempt)
    with CaptureQueriesContext(connection) as save:
        response = client.post(
            attempt_url(attempt), attempt_post(attempt, rows, key_responses(rows))
        )
        assert response.status_code == 302
    counts["save"] = len(save)
    with CaptureQueriesContext(connection) as submit:
        client.post(attempt_url(attempt, "confirm"))
    counts["submit"] = len(submit)
    with CaptureQueriesContext(connection) as result:
        assert client.get(attempt_url(attempt, "result")).status_code == 200
    counts["result"] = len(result)
    attempt.refresh_from_db()
    assert attempt.score_percent == 100
    return counts


def test_a_50_question_quiz_costs_a_constant_number_of_queries(
    learner_client, learner, django_assert_max_num_queries
):
    small = _flow_queries(learner_client, learner, 7)
    large = _flow_queries(learner_client, learner, 50)
    assert large == small
    quiz = QuizFactory(questions=50)
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with django_assert_max_num_queries(12):
        learner_client.get(attempt_url(attempt))
    rows = rows_of(attempt)
    with django_assert_max_num_queries(20):
        services.attempt_submit(
            attempt=attempt, responses=key_responses(rows), sequence=0
        )


def test_a_number_saved_with_a_short_form_of_its_unit_grades_as_the_number(
    learner_client, learner
):
    quiz = QuizFactory(
        questions=[
            NumericQuestionFactory(
                answer=20, tolerance=0, unit="minutes par jour", prompt="Combien ?"
            )
        ]
    )
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    data = attempt_post(attempt, rows, {rows[0].slot: "20 min/jour"})
    assert learner_client.post(attempt_url(attempt), data).status_code == 302
    services.attempt_submit(attempt=attempt)
    row = AttemptQuestion.objects.get(attempt=attempt)
    assert row.response == "20 min/jour"
    assert row.fraction == 1 and row.points == row.max_points
    assert row.selections.get().label == "20"
