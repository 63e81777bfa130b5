"""Test helpers: the right answers of an attempt, POST data for them, saves."""

from datetime import timedelta

from django.http import QueryDict

from quizzes import selectors, services
from quizzes.models import AttemptQuestion, FeedbackPolicy, Question


def key_responses(rows: list[AttemptQuestion]) -> dict[int, object]:
    """Full-marks responses for an attempt's questions, read from the snapshots."""
    return {
        row.slot: Question.from_snapshot(row.snapshot).key_response() for row in rows
    }


def form_fields(row: AttemptQuestion, response) -> dict[str, object]:
    """The form fields a browser would send for ``response`` to one question."""
    name = f"q{row.slot}"
    if response is None:
        return {}
    if row.question_type == "true_false":
        return {name: "true" if response else "false"}
    if row.question_type == "ordering":
        return {
            f"{name}-{key}": str(index) for index, key in enumerate(response, start=1)
        }
    if row.question_type == "matching":
        return {f"{name}-{left}": right for left, right in response.items()}
    return {name: response}


def attempt_post(attempt, rows, responses=None, *, action="save", **extra) -> dict:
    """POST data for an attempt page showing ``rows``."""
    responses = responses or {}
    data = {
        "sequence": str(attempt.sequence),
        "action": action,
        "slots": [str(row.slot) for row in rows],
        **extra,
    }
    for row in rows:
        data.update(form_fields(row, responses.get(row.slot)))
    return data


def as_post(data: dict) -> QueryDict:
    """``data`` (from ``attempt_post``) as the QueryDict a view gets as POST."""
    post = QueryDict(mutable=True)
    for name, value in data.items():
        post.setlist(name, [str(item) for item in _as_list(value)])
    return post


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def save_case(status: str, quiz, learner) -> dict:
    """Keyword arguments for ``attempt_save_page`` ending in ``status``.

    ``quiz`` is the quiz fixture (one question of each type, the single
    choice first); its settings are changed as the case needs.
    """
    if status == "checked":
        quiz.feedback_policy = FeedbackPolicy.AFTER_EACH
    if status == "time_up":
        quiz.time_limit_minutes = 5
    quiz.save()
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = selectors.attempt_questions(attempt=attempt)
    data = attempt_post(attempt, rows[:1], key_responses(rows[:1]))
    now = None
    if status in ("checked", "refused"):  # refused: no feedback per question
        data["check"] = "1"
    elif status == "time_up":  # within the grace: the answer counts
        now = attempt.deadline + timedelta(seconds=1)
    elif status == "closed":  # from a tab opened before the submission
        services.attempt_submit(attempt=attempt)
    elif status == "stale":
        data["sequence"] = "7"
    elif status == "rejected":
        numeric = next(row for row in rows if row.question_type == "numeric")
        data = attempt_post(attempt, [numeric]) | {f"q{numeric.slot}": "vingt"}
    return {"attempt": attempt, "data": as_post(data), "now": now}
