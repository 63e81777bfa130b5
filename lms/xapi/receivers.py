"""Record an xAPI statement for each learning event, in the event's transaction.

Events and their verbs: enrolment → registered; lesson completed →
experienced; attempt started → attempted; attempt submitted → answered (per
question, with its result), then passed or failed; course completed →
completed; certificate issued → earned. Nothing is recorded when no LRS is
configured.
"""

import json

from django.dispatch import receiver

from courses.signals import (
    certificate_issued,
    course_completed,
    enrolled,
    lesson_completed,
)
from lms.xapi import statements as xapi
from lms.xapi.selectors import page_names, question_prompts, quiz_names
from lms.xapi.services import statement_record, xapi_enabled
from quizzes.models import AttemptQuestion, AttemptState
from quizzes.signals import attempt_closed, attempt_graded, attempt_started


def _course_activity(course) -> dict:
    return xapi.activity("course", course.translation_key, page_names(course))


def _record(*, key: str, learner_id: int, verb: str, **fields) -> None:
    # The event's time joins its row id in the key: ids stay unique even where
    # row ids are reused (a database restored from a backup, a test database).
    key = f"{key}@{fields['when'].isoformat()}"
    statement = xapi.statement(
        event_key=key, learner_id=learner_id, verb_name=verb, **fields
    )
    statement_record(learner_id=learner_id, verb=verb, statement=statement)


@receiver(enrolled, dispatch_uid="xapi.registered")
def registered(sender, enrolment, **kwargs):
    if not xapi_enabled():
        return
    _record(
        key=f"registered:enrolment:{enrolment.pk}",
        learner_id=enrolment.learner_id,
        verb="registered",
        obj=_course_activity(enrolment.course),
        when=enrolment.enrolled_at,
        language=enrolment.language,
        registration=xapi.registration(enrolment.pk, enrolment.cycle),
    )


@receiver(lesson_completed, dispatch_uid="xapi.experienced")
def experienced(sender, progress, **kwargs):
    if not xapi_enabled():
        return
    enrolment, lesson = progress.enrolment, progress.lesson
    _record(
        key=f"experienced:progress:{progress.pk}",
        learner_id=enrolment.learner_id,
        verb="experienced",
        obj=xapi.activity("lesson", lesson.translation_key, page_names(lesson)),
        when=progress.completed_at,
        language=enrolment.language,
        result={"completion": True},
        parents=[_course_activity(enrolment.course)],
        registration=xapi.registration(enrolment.pk, progress.cycle),
    )


def _quiz_activity(attempt) -> dict:
    return xapi.activity("quiz", attempt.quiz.translation_key, quiz_names(attempt.quiz))


def _language(attempt) -> str:
    return attempt.quiz.locale.language_code


@receiver(attempt_started, dispatch_uid="xapi.attempted")
def attempted(sender, attempt, **kwargs):
    if not xapi_enabled():
        return
    _record(
        key=f"attempted:attempt:{attempt.pk}",
        learner_id=attempt.learner_id,
        verb="attempted",
        obj=_quiz_activity(attempt),
        when=attempt.started_at,
        language=_language(attempt),
    )


def _answered(attempt, quiz_activity: dict) -> None:
    rows = list(
        AttemptQuestion.objects.filter(attempt=attempt)
        .select_related("question")
        .order_by("slot")
    )
    keys = [row.question.translation_key for row in rows if row.question_id]
    prompts = question_prompts(keys)
    language = _language(attempt)
    for row in rows:
        if row.question_id:
            key = row.question.translation_key
            names = prompts.get(key) or {language: row.snapshot.get("prompt", "")}
        else:  # the question was deleted since: its snapshot still names it
            key = f"deleted-{attempt.quiz_id}-{row.slot}"
            names = {language: row.snapshot.get("prompt", "")}
        result = {
            "response": json.dumps(row.response, ensure_ascii=False, sort_keys=True)
            if row.response is not None
            else "",
        }
        if row.fraction is not None:
            result["score"] = xapi.score(points=row.points, max_points=row.max_points)
            result["success"] = row.fraction >= 1
        _record(
            key=f"answered:attempt-question:{row.pk}",
            learner_id=attempt.learner_id,
            verb="answered",
            obj=xapi.activity("question", key, names),
            when=attempt.submitted_at,
            language=language,
            result=result,
            parents=[quiz_activity],
        )


@receiver(attempt_closed, dispatch_uid="xapi.answered_and_graded")
def answered_and_graded(sender, attempt, **kwargs):
    if not xapi_enabled():
        return
    quiz_activity = _quiz_activity(attempt)
    _answered(attempt, quiz_activity)
    if attempt.state == AttemptState.AWAITING_GRADING:
        return  # an essay waits for a person: the verdict comes when graded
    _verdict(attempt, quiz_activity)


@receiver(attempt_graded, dispatch_uid="xapi.graded_by_a_person")
def graded_by_a_person(sender, attempt, **kwargs):
    """The verdict of an attempt a grader finished (its essays graded)."""
    if xapi_enabled():
        _verdict(attempt, _quiz_activity(attempt))


def _verdict(attempt, quiz_activity: dict) -> None:
    verdict = "passed" if attempt.passed else "failed"
    _record(
        key=f"{verdict}:attempt:{attempt.pk}",
        learner_id=attempt.learner_id,
        verb=verdict,
        obj=quiz_activity,
        when=attempt.submitted_at,
        language=_language(attempt),
        result={
            "success": attempt.passed,
            "completion": True,
            "score": xapi.score(points=attempt.points, max_points=attempt.max_points),
        },
    )


@receiver(course_completed, dispatch_uid="xapi.completed")
def completed(sender, completion, **kwargs):
    if not xapi_enabled():
        return
    enrolment = completion.enrolment
    result = {"completion": True, "success": True}
    if completion.score_percent is not None:
        result["score"] = {"scaled": float(completion.score_percent) / 100}
    _record(
        key=f"completed:completion:{completion.pk}",
        learner_id=enrolment.learner_id,
        verb="completed",
        obj=_course_activity(enrolment.course),
        when=completion.completed_at,
        language=enrolment.language,
        result=result,
        registration=xapi.registration(enrolment.pk, completion.cycle),
    )


@receiver(certificate_issued, dispatch_uid="xapi.earned")
def earned(sender, certificate, **kwargs):
    if not xapi_enabled():
        return
    obj = {
        "objectType": "Activity",
        "id": certificate.get_verification_url(),
        "definition": {
            "type": xapi.ACTIVITY_TYPES["certificate"],
            "name": {certificate.language: certificate.course_title},
        },
    }
    parents = []
    if certificate.course is not None:
        parents = [_course_activity(certificate.course)]
    _record(
        key=f"earned:certificate:{certificate.pk}",
        learner_id=certificate.learner_id,
        verb="earned",
        obj=obj,
        when=certificate.issued_at,
        language=certificate.language,
        parents=parents,
    )
