"""Where Relais keeps a reference to a person, and what export and erasure do with it.

Every relation from a Relais model to the user model is listed here, once,
with the key of the person's export that carries it (or None) and what
erasure does. ``tests/lms/privacy/test_inventory.py`` fails when a model
gains a relation to people that is not listed, so a new kind of record
cannot slip past "Download my data" and erasure unnoticed.

Erasure keeps the account row, pseudonymised (``lms.privacy.services``): a
relation to it then points at nobody in particular. "Kept" below means the
row stays because it is the organisation's record (a completion, who graded
what) and names no one once the account is pseudonymised.
"""

from typing import NamedTuple


class Handling(NamedTuple):
    """What happens to one relation to a person."""

    exported_as: str | None  # key of lms.privacy.selectors.person_record, or None
    on_erasure: str  # what erasure does, in a few words


PSEUDONYMISED = "kept; points at the pseudonymised account"
STAFF_WORK = "kept: staff authorship, the pseudonymised account"

PERSON_RELATIONS: dict[str, Handling] = {
    # courses
    "courses.Enrolment.learner": Handling("enrolments", PSEUDONYMISED),
    "courses.Enrolment.assigned_by": Handling(None, STAFF_WORK),
    "courses.Certificate.learner": Handling(
        "certificates", "holder name and PDF removed; status 'erased'"
    ),
    "courses.Certificate.revoked_by": Handling(None, STAFF_WORK),
    "courses.CharterAcknowledgement.learner": Handling(
        "charter_acknowledgements", PSEUDONYMISED
    ),
    "courses.CharterVersion.published_by": Handling(None, STAFF_WORK),
    "courses.CharterPage.owner": Handling(None, STAFF_WORK),
    "courses.CharterPage.locked_by": Handling(None, STAFF_WORK),
    "courses.CourseIndexPage.owner": Handling(None, STAFF_WORK),
    "courses.CourseIndexPage.locked_by": Handling(None, STAFF_WORK),
    "courses.CoursePage.owner": Handling(None, STAFF_WORK),
    "courses.CoursePage.locked_by": Handling(None, STAFF_WORK),
    "courses.LessonPage.owner": Handling(None, STAFF_WORK),
    "courses.LessonPage.locked_by": Handling(None, STAFF_WORK),
    # scenarios
    "scenarios.Scenario.locked_by": Handling(None, STAFF_WORK),
    "scenarios.ScenarioRun.learner": Handling("scenario_runs", PSEUDONYMISED),
    # quizzes
    "quizzes.Quiz.locked_by": Handling(None, STAFF_WORK),
    "quizzes.QuizAccommodation.learner": Handling("quiz_accommodations", PSEUDONYMISED),
    "quizzes.QuizAttempt.learner": Handling(
        "quiz_attempts", "free-text answers and feedback replaced by 'erased'"
    ),
    "quizzes.QuizAttempt.grading_locked_by": Handling(None, STAFF_WORK),
    "quizzes.AttemptQuestion.graded_by": Handling(None, STAFF_WORK),
    "quizzes.QuestionBankImport.user": Handling(None, STAFF_WORK),
    # teams
    "teams.TeamMembership.learner": Handling("teams", PSEUDONYMISED),
    "teams.TeamManagerRole.manager": Handling("teams_managed", PSEUDONYMISED),
    "teams.Assignment.assigned_by": Handling(None, STAFF_WORK),
    "teams.LearnerAssignment.learner": Handling("assignments", PSEUDONYMISED),
    "teams.CharterAudience.changed_by": Handling(None, STAFF_WORK),
    "teams.AssignmentReminder.recipient": Handling(
        None, "kept: when a reminder was sent, to nobody in particular"
    ),
    "teams.CharterReminder.learner": Handling(
        None, "kept: when a reminder was sent, to nobody in particular"
    ),
    # accounts, onboarding, xapi, privacy
    "accounts.SignInIdentity.user": Handling(
        "company_sign_in", "deleted: a new sign-in starts afresh"
    ),
    "onboarding.PeopleImport.uploaded_by": Handling(
        None, "kept; a stored file that names them is emptied"
    ),
    "onboarding.PeopleImport.applied_by": Handling(None, STAFF_WORK),
    "xapi.OutboxStatement.learner": Handling(None, "deleted, sent or not"),
    "privacy.PersonErasure.person": Handling(None, "the erasure's own record"),
    "privacy.PersonErasure.erased_by": Handling(None, STAFF_WORK),
}
