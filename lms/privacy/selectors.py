"""Everything Relais holds about one person, as plain JSON-ready data."""

from datetime import datetime

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from core.people import person_language
from courses.models import (
    Certificate,
    CharterAcknowledgement,
    CourseCompletion,
    Enrolment,
    LessonProgress,
)
from lms.accounts.models import SignInIdentity
from lms.credentials.models import IssuedCredential
from lms.teams.models import LearnerAssignment, TeamManagerRole, TeamMembership
from quizzes.models import AttemptQuestion, QuizAccommodation, QuizAttempt
from scenarios.models import ScenarioRun


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _number(value) -> str | None:
    return None if value is None else str(value)


def person_record(*, person) -> dict:
    """The person's data: profile, teams, enrolments, progress, attempts with
    answers, completions, certificates and credentials. Query count grows with
    the kinds of record, not their number."""
    profile = UserProfile.get_for_user(person)
    enrolments = list(
        Enrolment.objects.filter(learner=person).select_related("course").order_by("pk")
    )
    progress = LessonProgress.objects.filter(enrolment__learner=person).select_related(
        "lesson"
    )
    completions = CourseCompletion.objects.filter(enrolment__learner=person)
    attempts = list(
        QuizAttempt.objects.filter(learner=person).select_related("quiz").order_by("pk")
    )
    answers: dict[int, list] = {}
    for row in AttemptQuestion.objects.filter(attempt__learner=person).order_by(
        "attempt_id", "slot"
    ):
        answers.setdefault(row.attempt_id, []).append(
            {
                "slot": row.slot,
                "type": row.question_type,
                "question": row.snapshot.get("prompt", ""),
                "response": row.response,
                "answered_at": _when(row.answered_at),
                "points": _number(row.points),
                "out_of": _number(row.max_points),
                "feedback": row.feedback,
            }
        )
    credentials = {
        record.certificate_id: record
        for record in IssuedCredential.objects.filter(certificate__learner=person)
    }
    return {
        "profile": {
            "username": person.get_username(),
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "preferred_language": person_language(person),
            "admin_language": profile.preferred_language,
            "time_zone": profile.current_time_zone,
            "joined": _when(person.date_joined),
            "last_sign_in": _when(person.last_login),
            "active": person.is_active,
        },
        "company_sign_in": [
            {
                "issuer": identity.issuer,
                "subject": identity.subject,
                "first_sign_in": _when(identity.created_at),
                "last_sign_in": _when(identity.last_sign_in_at),
            }
            for identity in SignInIdentity.objects.filter(user=person)
        ],
        "teams": [
            {"team": membership.team.name, "joined": _when(membership.joined_at)}
            for membership in TeamMembership.objects.filter(
                learner=person
            ).select_related("team")
        ],
        "teams_managed": [
            role.team.name
            for role in TeamManagerRole.objects.filter(manager=person).select_related(
                "team"
            )
        ],
        "assignments": [
            {
                "course": assignment.assignment.course.title,
                "due_on": _when(assignment.due_on),
                "cycle": assignment.cycle,
            }
            for assignment in LearnerAssignment.objects.filter(learner=person)
            .select_related("assignment__course")
            .order_by("pk")
        ],
        "enrolments": [
            {
                "course": enrolment.course.title,
                "language": enrolment.language,
                "enrolled_at": _when(enrolment.enrolled_at),
                "due_on": _when(enrolment.due_on),
                "cycle": enrolment.cycle,
            }
            for enrolment in enrolments
        ],
        "lessons_completed": [
            {
                "lesson": item.lesson.title,
                "cycle": item.cycle,
                "completed_at": _when(item.completed_at),
            }
            for item in progress
        ],
        "course_completions": [
            {
                "enrolment": completion.enrolment_id,
                "cycle": completion.cycle,
                "completed_at": _when(completion.completed_at),
                "score_percent": _number(completion.score_percent),
            }
            for completion in completions
        ],
        "quiz_accommodations": [
            {"quiz": item.quiz_id, "time_multiplier": _number(item.time_multiplier)}
            for item in QuizAccommodation.objects.filter(learner=person)
        ],
        "quiz_attempts": [
            {
                "quiz": attempt.quiz.title,
                "number": attempt.number,
                "state": attempt.state,
                "started_at": _when(attempt.started_at),
                "submitted_at": _when(attempt.submitted_at),
                "score_percent": _number(attempt.score_percent),
                "passed": attempt.passed,
                "answers": answers.get(attempt.pk, []),
            }
            for attempt in attempts
        ],
        "charter_acknowledgements": [
            {
                "charter": str(item.version.translation_key),
                "version": item.version.number,
                "acknowledged_at": _when(item.acknowledged_at),
                "language": item.language,
            }
            for item in CharterAcknowledgement.objects.filter(
                learner=person
            ).select_related("version")
        ],
        "scenario_runs": [
            {
                "scenario": run.scenario.title,
                "started_at": _when(run.started_at),
                "finished_at": _when(run.finished_at),
                "score": run.score,
                "ending": run.ending_key,
                "path": run.path,
            }
            for run in ScenarioRun.objects.filter(learner=person).select_related(
                "scenario"
            )
        ],
        "certificates": [
            {
                "course": certificate.course_title,
                "holder": certificate.holder_name,
                "issued_at": _when(certificate.issued_at),
                "expires_at": _when(certificate.expires_at),
                "status": certificate.status,
                "verification_url": certificate.get_verification_url(),
                "open_badge_vc_jwt": getattr(
                    credentials.get(certificate.pk), "token", None
                ),
            }
            for certificate in Certificate.objects.filter(learner=person).order_by("pk")
        ],
    }


def erasure_of(person):
    """The person's erasure record, or None."""
    return getattr(person, "erasure", None) if person.pk else None


def people_inactive_since(*, cutoff: datetime):
    """People not seen since ``cutoff`` (never signed in: joined before it),
    not yet erased, never staff: what the retention policy erases."""
    users = get_user_model().objects.filter(
        is_staff=False, is_superuser=False, erasure__isnull=True
    )
    return users.filter(last_login__lt=cutoff) | users.filter(
        last_login__isnull=True, date_joined__lt=cutoff
    )
