"""Test helpers: the right answers of an attempt, and POST data for them."""

from quizzes.models import AttemptQuestion, Question


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
