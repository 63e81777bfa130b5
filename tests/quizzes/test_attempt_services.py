"""The rules the services enforce: attempts, saving, time, submission, regrade."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from quizzes import selectors, services
from quizzes.grading import NUMERIC_INVALID, RESPONSE_MALFORMED, RESPONSE_UNKNOWN_OPTION
from quizzes.models import (
    DEADLINE_GRACE,
    AttemptQuestion,
    FeedbackPolicy,
    GradingMethod,
    Question,
    Quiz,
    QuizAccommodation,
    QuizAttempt,
    ResponseSelection,
    SingleChoiceOption,
    SingleChoiceQuestion,
    UnknownQuestionType,
)
from quizzes.services import (
    ANSWER_LOCKED,
    ANSWERS_SAVED,
    ATTEMPT_ALREADY_SUBMITTED,
    FEEDBACK_NOT_PER_QUESTION,
    MAX_RESPONSES_BYTES,
    NOTHING_TO_CHECK,
    OUT_OF_SEQUENCE,
    RESPONSES_REJECTED,
    RESPONSES_TOO_LARGE,
    TIME_UP,
    UNKNOWN_QUESTION,
    AttemptClosed,
    AttemptNotSubmitted,
    MaxAttemptsReached,
    OutOfSequence,
    QuizError,
    QuizUnavailable,
    ResponsesRejected,
    SaveStatus,
)
from quizzes.signals import attempt_regraded, attempt_submitted
from tests.factories import QuizFactory, SingleChoiceQuestionFactory, UserFactory

from .helpers import as_post, attempt_post, key_responses, save_case

pytestmark = pytest.mark.django_db


def rows_of(attempt):
    return selectors.attempt_questions(attempt=attempt)


def submit_with_key(attempt):
    rows = rows_of(attempt)
    return services.attempt_submit(
        attempt=attempt, responses=key_responses(rows), sequence=attempt.sequence
    )


@pytest.fixture
def captured_signals():
    received = []

    def on_submitted(sender, attempt, **kwargs):
        received.append(("submitted", attempt.pk, attempt.score_percent))

    def on_regraded(sender, attempt, previous, **kwargs):
        received.append(("regraded", attempt.pk, previous["score_percent"]))

    attempt_submitted.connect(on_submitted)
    attempt_regraded.connect(on_regraded)
    yield received
    attempt_submitted.disconnect(on_submitted)
    attempt_regraded.disconnect(on_regraded)


# --- Starting -------------------------------------------------------------------------


def test_start_snapshots_every_question_with_its_presentation(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = rows_of(attempt)
    assert attempt.number == 1 and attempt.is_in_progress and attempt.deadline is None
    assert [row.slot for row in rows] == list(range(1, 8))
    assert [row.question_type for row in rows] == [
        "single_choice",
        "multiple_response",
        "true_false",
        "short_text",
        "numeric",
        "ordering",
        "matching",
    ]
    assert attempt.max_points == Decimal(7)
    for row in rows:
        assert row.snapshot["question_id"] == row.question_id
        assert "correct" not in repr(row.presentation)
        assert "credit" not in repr(row.presentation)
    assert ModelLogEntry.objects.filter(action=services.ACTION_START).count() == 1


def test_start_again_resumes_the_attempt_in_progress(quiz, learner):
    first = services.attempt_start(quiz=quiz, learner=learner)
    assert services.attempt_start(quiz=quiz, learner=learner).pk == first.pk
    assert QuizAttempt.objects.count() == 1


def test_start_refuses_draft_and_empty_quizzes(learner):
    draft = QuizFactory(questions=2, live=False)
    with pytest.raises(QuizUnavailable):
        services.attempt_start(quiz=draft, learner=learner)
    empty = QuizFactory()
    with pytest.raises(QuizUnavailable) as error:
        services.attempt_start(quiz=empty, learner=learner)
    assert error.value.message == services.QUIZ_HAS_NO_QUESTIONS


def test_max_attempts_counts_every_translation(quiz, learner, locale_en):
    quiz.max_attempts = 2
    quiz.save()
    english = QuizFactory(
        translation_key=quiz.translation_key,
        locale=locale_en,
        max_attempts=2,
        questions=2,
    )
    submit_with_key(services.attempt_start(quiz=quiz, learner=learner))
    second = services.attempt_start(quiz=english, learner=learner)
    assert second.number == 2
    services.attempt_submit(attempt=second)
    with pytest.raises(MaxAttemptsReached) as error:
        services.attempt_start(quiz=quiz, learner=learner)
    assert error.value.message == services.MAX_ATTEMPTS_REACHED


def test_draw_count_draws_distinct_questions_in_quiz_order(quiz, learner):
    quiz.draw_count = 3
    quiz.save()
    rows = rows_of(services.attempt_start(quiz=quiz, learner=learner))
    assert len(rows) == 3
    order = list(quiz.quiz_questions.values_list("question_id", flat=True))
    drawn = [row.question_id for row in rows]
    assert len(set(drawn)) == 3 and drawn == sorted(drawn, key=order.index)


def test_shuffle_changes_the_order_between_attempts(learner):
    quiz = QuizFactory(questions=12, shuffle_questions=True)
    orders = set()
    for _ in range(4):
        attempt = services.attempt_start(quiz=quiz, learner=learner)
        orders.add(tuple(row.question_id for row in rows_of(attempt)))
        services.attempt_submit(attempt=attempt)
    assert len(orders) > 1


# --- Saving ---------------------------------------------------------------------------


def test_save_stores_responses_and_counts_the_sequence(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(attempt))
    attempt = services.attempt_save(
        attempt=attempt, responses={1: key[1], 5: "20,0"}, sequence=0
    )
    assert attempt.sequence == 1
    rows = {row.slot: row for row in rows_of(attempt)}
    assert rows[1].response == key[1] and rows[5].response == "20,0"
    assert rows[1].answered_at and rows[2].response is None


def test_stale_sequence_is_refused_and_changes_nothing(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(attempt))
    services.attempt_save(attempt=attempt, responses={5: "20"}, sequence=0)
    with pytest.raises(OutOfSequence) as error:
        services.attempt_save(
            attempt=attempt, responses={5: "99", 1: key[1]}, sequence=0
        )
    assert error.value.message == services.OUT_OF_SEQUENCE
    rows = {row.slot: row for row in rows_of(attempt)}
    assert rows[5].response == "20" and rows[1].response is None
    assert QuizAttempt.objects.get().sequence == 1


@pytest.mark.parametrize(
    ("responses", "slot", "message"),
    [
        (lambda other: {1: other}, 1, RESPONSE_UNKNOWN_OPTION),
        (lambda other: {1: [other, other]}, 1, RESPONSE_MALFORMED),
        (lambda other: {99: "x"}, 99, UNKNOWN_QUESTION),
        (lambda other: {"abc": "x"}, "abc", UNKNOWN_QUESTION),
    ],
    ids=[
        "choice-of-another-question",
        "several-values-single-choice",
        "unknown-slot",
        "non-numeric-slot",
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(
    quiz, learner, responses, slot, message
):
    other_question = SingleChoiceQuestionFactory()
    foreign_key = other_question.choices.first().key
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with pytest.raises(ResponsesRejected) as error:
        services.attempt_save(
            attempt=attempt, responses={5: "20", **responses(foreign_key)}, sequence=0
        )
    assert error.value.errors[slot] == message
    assert not AttemptQuestion.objects.exclude(response=None).exists()
    assert QuizAttempt.objects.get().sequence == 0


def test_many_unknown_slots_are_refused_one_by_one(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    responses = dict.fromkeys(range(100, 1100), "x")
    with pytest.raises(ResponsesRejected) as error:
        services.attempt_save(attempt=attempt, responses=responses, sequence=0)
    assert len(error.value.errors) == 1000
    assert set(error.value.errors.values()) == {UNKNOWN_QUESTION}
    assert QuizAttempt.objects.get().sequence == 0


def test_saving_one_answer_reads_only_its_question(quiz, learner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with CaptureQueriesContext(connection) as ctx:
        services.attempt_save(attempt=attempt, responses={5: "20"}, sequence=0)
    reads = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith("SELECT") and "quizzes_attemptquestion" in q["sql"]
    ]
    assert len(reads) == 1 and " IN (" in reads[0]  # its slot only
    rows = {row.slot: row for row in rows_of(attempt)}
    assert rows[5].response == "20"
    assert [slot for slot, row in rows.items() if row.response is not None] == [5]


def test_oversized_payload_is_refused(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with pytest.raises(ResponsesRejected) as error:
        services.attempt_save(
            attempt=attempt, responses={4: "x" * (MAX_RESPONSES_BYTES + 1)}, sequence=0
        )
    assert error.value.message == RESPONSES_TOO_LARGE


def test_save_after_submission_is_refused(quiz, learner):
    attempt = services.attempt_submit(
        attempt=services.attempt_start(quiz=quiz, learner=learner)
    )
    with pytest.raises(AttemptClosed):
        services.attempt_save(
            attempt=attempt, responses={5: "20"}, sequence=attempt.sequence
        )


# --- Submitting -----------------------------------------------------------------------


def test_submit_grades_from_snapshots_and_stores_the_score(
    quiz, learner, captured_signals
):
    attempt = submit_with_key(services.attempt_start(quiz=quiz, learner=learner))
    assert attempt.is_submitted and attempt.submitted_at
    assert (attempt.points, attempt.max_points, attempt.score_percent) == (
        Decimal(7),
        Decimal(7),
        Decimal(100),
    )
    assert attempt.passed
    assert all(row.fraction == 1 for row in rows_of(attempt))
    assert captured_signals == [("submitted", attempt.pk, Decimal(100))]
    entry = ModelLogEntry.objects.get(action=services.ACTION_SUBMIT)
    assert entry.user == learner and entry.data["score_percent"] == "100.00"


def test_submit_partial_answers_against_the_pass_mark(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(attempt))
    responses = {slot: key[slot] for slot in (1, 2, 3, 4)}  # 4 of 7 right
    attempt = services.attempt_submit(attempt=attempt, responses=responses, sequence=0)
    assert (
        attempt.score_percent == Decimal("57.14") and not attempt.passed
    )  # pass mark 60
    assert attempt.points == Decimal(4)


def test_double_submission_returns_the_same_result_and_changes_nothing(
    quiz, learner, captured_signals
):
    attempt = submit_with_key(services.attempt_start(quiz=quiz, learner=learner))
    again = services.attempt_submit(attempt=attempt, responses={5: "99"}, sequence=0)
    assert (again.pk, again.score_percent, again.submitted_at) == (
        attempt.pk,
        attempt.score_percent,
        attempt.submitted_at,
    )
    assert len(captured_signals) == 1
    assert ModelLogEntry.objects.filter(action=services.ACTION_SUBMIT).count() == 1


def test_submit_with_a_stale_page_is_refused(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    services.attempt_save(attempt=attempt, responses={5: "20"}, sequence=0)
    with pytest.raises(OutOfSequence):
        services.attempt_submit(attempt=attempt, responses={5: "1"}, sequence=0)
    assert QuizAttempt.objects.get().is_in_progress


def test_selections_support_item_analysis(quiz, learner, other_learner):
    for person in (learner, other_learner):
        attempt = services.attempt_start(quiz=quiz, learner=person)
        first_question = quiz.quiz_questions.first().question_id
        wrong = SingleChoiceOption.objects.filter(question=first_question, credit=0)[
            0
        ].key
        services.attempt_submit(attempt=attempt, responses={1: wrong}, sequence=0)
    question = quiz.quiz_questions.first().question
    most_chosen_wrong = (
        ResponseSelection.objects.filter(
            attempt_question__question=question, is_correct=False
        )
        .values("option_id", "label")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert most_chosen_wrong["n"] == 2
    assert most_chosen_wrong["label"] == "Accepter sans vérifier le profil"


# --- Time limit -----------------------------------------------------------------------


@pytest.fixture
def timed_quiz(quiz):
    quiz.time_limit_minutes = 10
    quiz.save()
    return quiz


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_deadline_includes_extra_time(timed_quiz, learner):
    QuizAccommodation.objects.create(
        quiz=timed_quiz,
        learner=learner,
        time_multiplier=Decimal("1.5"),
        extra_minutes=5,
    )
    start = timezone.now()
    with at(start):
        attempt = services.attempt_start(quiz=timed_quiz, learner=learner)
    assert attempt.deadline == start + timedelta(minutes=20)


def test_save_within_grace_counts_then_closes(timed_quiz, learner):
    start = timezone.now()
    with at(start):
        attempt = services.attempt_start(quiz=timed_quiz, learner=learner)
    with at(attempt.deadline + timedelta(seconds=10)):
        attempt = services.attempt_save(
            attempt=attempt, responses={5: "20"}, sequence=0
        )
    assert attempt.is_submitted and attempt.timed_out
    assert attempt.points == Decimal(1)


def test_after_the_grace_only_answers_saved_in_time_are_graded(timed_quiz, learner):
    start = timezone.now()
    with at(start):
        attempt = services.attempt_start(quiz=timed_quiz, learner=learner)
        key = key_responses(rows_of(attempt))
        services.attempt_save(attempt=attempt, responses={1: key[1]}, sequence=0)
    late = attempt.deadline + services_grace() + timedelta(seconds=1)
    with at(late):
        attempt = services.attempt_submit(attempt=attempt, responses=key, sequence=1)
    assert attempt.is_submitted and attempt.timed_out
    assert attempt.points == Decimal(1)  # only question 1, saved in time
    assert QuizAttempt.objects.get().sequence == 1


def services_grace():
    from quizzes.models import DEADLINE_GRACE

    return DEADLINE_GRACE


def test_late_save_closes_without_saving(timed_quiz, learner):
    start = timezone.now()
    with at(start):
        attempt = services.attempt_start(quiz=timed_quiz, learner=learner)
    with at(start + timedelta(minutes=11)):
        attempt = services.attempt_save(
            attempt=attempt, responses={5: "20"}, sequence=0
        )
    assert attempt.is_submitted and attempt.points == 0


def test_expired_attempts_are_closed_by_the_sweep_and_on_the_next_start(
    timed_quiz, learner
):
    start = timezone.now() - timedelta(minutes=30)
    with at(start):
        first = services.attempt_start(quiz=timed_quiz, learner=learner)
    second = services.attempt_start(quiz=timed_quiz, learner=learner)
    first.refresh_from_db()
    assert first.is_submitted and first.timed_out and second.number == 2
    with at(timezone.now() + timedelta(hours=1)):
        out = StringIO()
        call_command("close_expired_quiz_attempts", stdout=out)
        assert out.getvalue().strip() == "Closed 1 expired attempt(s)."
    second.refresh_from_db()
    assert second.is_submitted


# --- Feedback after each question -----------------------------------------------------


def test_checking_a_question_grades_and_locks_it(quiz, learner):
    quiz.feedback_policy = FeedbackPolicy.AFTER_EACH
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(attempt))
    attempt = services.attempt_check_question(
        attempt=attempt, slot=1, responses={1: key[1]}, sequence=0
    )
    row = rows_of(attempt)[0]
    assert (
        row.is_locked
        and row.fraction == 1
        and row.feedback == "Oui : on vérifie d'abord."
    )
    choices = SingleChoiceOption.objects.filter(question_id=row.question_id)
    other = next(c.key for c in choices if c.key != key[1])
    with pytest.raises(ResponsesRejected) as error:
        services.attempt_save(attempt=attempt, responses={1: other}, sequence=1)
    assert error.value.errors[1] == ANSWER_LOCKED
    # Sending the same answer again is fine (the page re-sends everything).
    services.attempt_save(attempt=attempt, responses={1: key[1]}, sequence=1)


def test_checking_needs_the_after_each_policy(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with pytest.raises(QuizError):
        services.attempt_check_question(
            attempt=attempt, slot=1, responses={}, sequence=0
        )


# --- Saving a posted page (attempt_save_page) -----------------------------------------


NOTHING_KEPT = {
    SaveStatus.CLOSED,
    SaveStatus.STALE,
    SaveStatus.REJECTED,
    SaveStatus.REFUSED,
}
SAVE_MESSAGES = {
    SaveStatus.SAVED: ANSWERS_SAVED,
    SaveStatus.CHECKED: "",
    SaveStatus.TIME_UP: TIME_UP,
    SaveStatus.CLOSED: ATTEMPT_ALREADY_SUBMITTED,
    SaveStatus.STALE: OUT_OF_SEQUENCE,
    SaveStatus.REJECTED: RESPONSES_REJECTED,
    SaveStatus.REFUSED: FEEDBACK_NOT_PER_QUESTION,
}


@pytest.mark.parametrize("status", list(SaveStatus), ids=[s.value for s in SaveStatus])
def test_a_page_save_ends_in_one_outcome(quiz, learner, status):
    case = save_case(status, quiz, learner)
    outcome = services.attempt_save_page(**case)
    assert outcome.status is status
    assert outcome.message == SAVE_MESSAGES[status]
    stored = QuizAttempt.objects.get()
    assert outcome.attempt.pk == stored.pk  # the attempt as stored afterwards
    assert outcome.attempt.sequence == stored.sequence
    assert outcome.attempt.is_submitted == stored.is_submitted
    assert outcome.is_refused == (status in NOTHING_KEPT)
    first = rows_of(stored)[0]
    if outcome.is_refused:
        assert first.response is None
        if status is not SaveStatus.CLOSED:  # closed: the submission counted
            assert stored.sequence == 0
    else:
        assert first.response is not None and stored.sequence == 1
    assert (first.checked_at is not None) == (status is SaveStatus.CHECKED)
    assert outcome.slot == (1 if status is SaveStatus.CHECKED else None)
    assert stored.is_submitted == (status in (SaveStatus.TIME_UP, SaveStatus.CLOSED))


def test_a_rejected_page_save_says_which_answer_and_why(quiz, learner):
    outcome = services.attempt_save_page(**save_case("rejected", quiz, learner))
    numeric = next(r for r in rows_of(outcome.attempt) if r.question_type == "numeric")
    assert outcome.errors == {numeric.slot: NUMERIC_INVALID}


def test_a_refused_check_keeps_none_of_the_answers_saved_before_it(quiz, learner):
    """The page's answers are stored before the check finds its question
    unanswered: the refusal rolls them back with the rest."""
    case = save_case("checked", quiz, learner)
    rows = rows_of(case["attempt"])
    case["data"] = as_post(
        attempt_post(case["attempt"], rows[:2], key_responses(rows[1:2]), check="1")
    )
    outcome = services.attempt_save_page(**case)
    assert outcome.status is SaveStatus.REJECTED
    assert outcome.errors == {1: NOTHING_TO_CHECK}
    assert not AttemptQuestion.objects.exclude(response=None).exists()
    assert QuizAttempt.objects.get().sequence == 0


def test_a_page_saved_twice_is_stale_the_second_time(quiz, learner):
    case = save_case("saved", quiz, learner)
    first = services.attempt_save_page(**case)
    again = services.attempt_save_page(**case)
    assert (first.status, again.status) == (SaveStatus.SAVED, SaveStatus.STALE)
    assert again.attempt.sequence == 1 == QuizAttempt.objects.get().sequence


def test_a_page_save_past_the_grace_keeps_nothing_and_closes(quiz, learner):
    case = save_case("time_up", quiz, learner)
    case["now"] = case["attempt"].deadline + DEADLINE_GRACE + timedelta(seconds=1)
    outcome = services.attempt_save_page(**case)
    assert outcome.status is SaveStatus.TIME_UP and outcome.attempt.timed_out
    assert not AttemptQuestion.objects.exclude(response=None).exists()


@pytest.mark.parametrize("sequence", ["", "-0", " 0", "٠", "0.0", "1e0"], ids=repr)
def test_a_page_with_a_sequence_that_is_not_a_number_is_stale(quiz, learner, sequence):
    case = save_case("saved", quiz, learner)
    case["data"]["sequence"] = sequence
    assert services.attempt_save_page(**case).status is SaveStatus.STALE


def test_a_page_save_reads_its_questions_once(
    quiz, learner, django_assert_max_num_queries
):
    """One read of the posted rows serves the form, the check and the update.

    The attempt (locked), its rows, the answers' UPDATE, the checked
    answer's grade, the sequence's UPDATE, and the savepoint around them
    (its start and release): seven, whatever the number of questions.
    """
    case = save_case("checked", quiz, learner)
    rows = rows_of(case["attempt"])
    case["data"] = as_post(
        attempt_post(case["attempt"], rows, key_responses(rows), check="1")
    )
    with CaptureQueriesContext(connection) as queries:
        with django_assert_max_num_queries(7):
            outcome = services.attempt_save_page(**case)
    assert outcome.status is SaveStatus.CHECKED
    question_reads = [
        sql
        for sql in (query["sql"] for query in queries.captured_queries)
        if sql.startswith("SELECT") and "quizzes_attemptquestion" in sql
    ]
    assert len(question_reads) == 1
    assert all(row.is_answered for row in rows_of(case["attempt"]))


# --- Edits after the fact, regrade ----------------------------------------------------


def _make_first_choice_correct(question):
    for choice in question.choices.all():
        choice.credit = 100 if choice.sort_order == 0 else 0
        choice.save()


def test_editing_or_deleting_questions_changes_no_recorded_score(quiz, learner):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(attempt))
    question = quiz.quiz_questions.first().question
    _make_first_choice_correct(question)
    question.prompt = "<p>Texte modifié</p>"
    question.save()
    # Delete another question outright (after taking it out of the quiz).
    numeric = quiz.quiz_questions.get(sort_order=4)
    numeric_question = numeric.question
    numeric.delete()
    numeric_question.delete()
    attempt = services.attempt_submit(attempt=attempt, responses=key, sequence=0)
    assert attempt.score_percent == 100
    rows = rows_of(attempt)
    assert rows[0].snapshot["prompt"] != "<p>Texte modifié</p>"
    assert rows[4].question_id is None and rows[4].fraction == 1


def test_regrade_uses_current_keys_and_logs_old_and_new(
    quiz, learner, superuser, captured_signals
):
    attempt = submit_with_key(services.attempt_start(quiz=quiz, learner=learner))
    question = quiz.quiz_questions.first().question
    _make_first_choice_correct(question)  # the learner's answer is now wrong
    assert QuizAttempt.objects.get().score_percent == 100  # nothing changes by itself
    attempt = services.attempt_regrade(attempt=attempt, actor=superuser)
    assert attempt.score_percent == Decimal("85.71")
    row = rows_of(attempt)[0]
    assert row.fraction == 0 and row.regrade_snapshot is not None
    assert row.served_question.key_text() == "Vérifier le profil, puis décider"
    entry = ModelLogEntry.objects.get(action=services.ACTION_REGRADE)
    assert entry.user == superuser
    assert entry.data["old"]["score_percent"] == "100.00"
    assert entry.data["new"]["score_percent"] == "85.71"
    assert entry.data["regraded_questions"] == [1, 2, 3, 4, 5, 6, 7]
    assert captured_signals[-1] == ("regraded", attempt.pk, "100.00")


def test_regrade_keeps_the_served_key_when_the_question_is_gone_or_changed(
    quiz, learner, superuser
):
    attempt = submit_with_key(services.attempt_start(quiz=quiz, learner=learner))
    first = quiz.quiz_questions.first()
    question = first.question
    question.choices.filter(sort_order=1).delete()  # the learner's choice disappears
    attempt = services.attempt_regrade(attempt=attempt, actor=superuser)
    assert attempt.score_percent == 100
    first.delete()
    Question.objects.filter(pk=question.pk).delete()
    attempt = services.attempt_regrade(attempt=attempt, actor=superuser)
    assert attempt.score_percent == 100
    entry = ModelLogEntry.objects.filter(action=services.ACTION_REGRADE).latest(
        "timestamp"
    )
    assert entry.data["kept_questions"] == [1]


def test_regrade_needs_a_submitted_attempt(quiz, learner, superuser):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    with pytest.raises(AttemptNotSubmitted):
        services.attempt_regrade(attempt=attempt, actor=superuser)


# --- Selectors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kept_number"),
    [(GradingMethod.HIGHEST, 2), (GradingMethod.LAST, 3), (GradingMethod.FIRST, 1)],
    ids=["highest", "last", "first"],
)
def test_kept_attempt_per_grading_method_across_translations(
    quiz, learner, locale_en, method, kept_number
):
    quiz.grading_method = method
    quiz.save()
    english = QuizFactory(
        translation_key=quiz.translation_key,
        locale=locale_en,
        questions=1,
        grading_method=method,
    )
    first = services.attempt_start(quiz=quiz, learner=learner)
    services.attempt_submit(attempt=first)  # 0 %
    submit_with_key(services.attempt_start(quiz=english, learner=learner))  # 100 %
    third = services.attempt_start(quiz=quiz, learner=learner)
    key = key_responses(rows_of(third))
    services.attempt_submit(attempt=third, responses={1: key[1]}, sequence=0)
    kept = selectors.quiz_kept_attempt(quiz=quiz, learner=learner)
    assert kept.number == kept_number
    assert selectors.quiz_kept_attempt(quiz=english, learner=learner).pk == kept.pk
    assert selectors.quiz_is_passed(quiz=english, learner=learner) == (kept_number == 2)


def test_no_attempt_means_not_passed(quiz, learner):
    assert selectors.quiz_kept_attempt(quiz=quiz, learner=learner) is None
    assert not selectors.quiz_is_passed(quiz=quiz, learner=learner)


# --- Import ---------------------------------------------------------------------------

NEUTRAL_QUIZ = {
    "title": "Quiz final",
    "instructions": "<p>Bonne chance.</p>",
    "pass_mark": 70,
    "questions": [
        {
            "type": "single_choice",
            "prompt": "Q1",
            "explanation": "E1",
            "points": 2,
            "choices": [
                {"text": "A", "correct": True, "feedback": "oui"},
                {"text": "B", "correct": False, "feedback": "non"},
            ],
        },
        {
            "type": "multiple_response",
            "prompt": "Q2",
            "explanation": "",
            "points": 1,
            "scoring": "all_or_nothing",
            "choices": [
                {"text": "A", "correct": True},
                {"text": "B", "correct": True},
                {"text": "C", "correct": False},
            ],
        },
        {
            "type": "true_false",
            "prompt": "Q3",
            "answer": True,
            "feedback_true": "ok",
            "feedback_false": "non",
        },
        {
            "type": "short_text",
            "prompt": "Q4",
            "accepted": ["vie privée"],
            "ignore_case": True,
            "ignore_accents": True,
            "ignore_punctuation": True,
        },
        {
            "type": "numeric",
            "prompt": "Q5",
            "answer": 3,
            "tolerance": 0,
            "unit": "jours",
        },
        {
            "type": "ordering",
            "prompt": "Q6",
            "scoring": "relative",
            "items": ["1", "2", "3"],
        },
        {"type": "matching", "prompt": "Q7 <b>", "pairs": [["X", "x"], ["Y", "y"]]},
    ],
}


def test_quiz_import_builds_a_published_quiz_and_is_idempotent(locale_fr, learner):
    quiz = services.quiz_import(data=NEUTRAL_QUIZ)
    assert quiz.live and quiz.latest_revision and quiz.pass_mark == 70
    assert quiz.locale == locale_fr
    questions = [qq.question for qq in quiz.quiz_questions.all()]
    assert [q.type_code for q in questions] == [
        q["type"] for q in NEUTRAL_QUIZ["questions"]
    ]
    assert questions[0].prompt == "<p>Q1</p>" and questions[0].points == 2
    assert questions[6].prompt == "<p>Q7 &lt;b&gt;</p>"  # plain text, escaped
    assert services.quiz_import(data=NEUTRAL_QUIZ).pk == quiz.pk
    assert Quiz.objects.count() == 1
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    assert submit_with_key(attempt).score_percent == 100


def test_quiz_import_can_make_a_translation(locale_fr, locale_en, learner):
    french = services.quiz_import(data=NEUTRAL_QUIZ)
    english_data = {**NEUTRAL_QUIZ, "title": "Final quiz"}
    english = services.quiz_import(
        data=english_data, locale=locale_en, translation_of=french
    )
    assert english.translation_key == french.translation_key
    assert english.locale == locale_en
    pairs = zip(french.quiz_questions.all(), english.quiz_questions.all(), strict=True)
    for french_link, english_link in pairs:
        assert french_link.question.translation_key == (
            english_link.question.translation_key
        )
    assert (
        services.quiz_import(
            data=english_data, locale=locale_en, translation_of=french
        ).pk
        == english.pk
    )
    submit_with_key(services.attempt_start(quiz=english, learner=learner))
    assert selectors.quiz_is_passed(quiz=french, learner=learner)


def test_quiz_import_refuses_unknown_types_and_broken_questions(locale_fr):
    bad_type = {
        **NEUTRAL_QUIZ,
        "title": "x",
        "questions": [{"type": "cloze", "prompt": "?"}],
    }
    with pytest.raises(UnknownQuestionType) as error:
        services.quiz_import(data=bad_type)
    assert "single_choice" in str(error.value)
    no_right_answer = {
        **NEUTRAL_QUIZ,
        "title": "y",
        "questions": [
            {
                "type": "single_choice",
                "prompt": "?",
                "choices": [{"text": "A"}, {"text": "B"}],
            }
        ],
    }
    with pytest.raises(ValidationError):
        services.quiz_import(data=no_right_answer)
    assert not Quiz.objects.exists() and not SingleChoiceQuestion.objects.exists()


def test_translating_a_quiz_gives_it_questions_in_the_new_language(quiz, locale_en):
    english = quiz.copy_for_translation(locale_en)
    english.save()
    questions = [qq.question for qq in english.quiz_questions.all()]
    assert len(questions) == 7
    assert all(q.locale == locale_en for q in questions)
    assert {q.translation_key for q in questions} == {
        qq.question.translation_key for qq in quiz.quiz_questions.all()
    }
    assert questions[0].choices.count() == 3


def test_other_learner_counts_are_separate(quiz, learner):
    other = UserFactory()
    services.attempt_start(quiz=quiz, learner=learner)
    assert services.attempt_start(quiz=quiz, learner=other).number == 1


@pytest.mark.parametrize("count", [1, 2], ids=["one", "several"])
def test_cleared_answers_are_stored_as_sql_null_like_unanswered_ones(
    quiz, learner, count
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    texts = [
        row.slot
        for row in rows_of(attempt)
        if row.question_type in ("short_text", "numeric")
    ][:count]
    answers = dict.fromkeys(texts, "20")
    services.attempt_save(attempt=attempt, responses=answers, sequence=0)
    cleared = dict.fromkeys(texts, "")
    services.attempt_save(attempt=attempt, responses=cleared, sequence=1)
    rows = AttemptQuestion.objects.filter(attempt=attempt, slot__in=texts)
    assert rows.count() == count
    assert rows.filter(response__isnull=True, answered_at=None).count() == count
