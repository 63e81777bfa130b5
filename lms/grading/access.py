"""Who may grade: holders of ``quizzes.grade_attempt`` (trainers), not managers.

The permission sits on ``QuizAttempt``; the demo's trainers group holds every
quizzes permission, so trainers grade and managers (who only see their
teams' reports) do not. A manager who is also a grader sees what graders see.
"""

GRADE_ATTEMPT = "quizzes.grade_attempt"


def can_grade(user) -> bool:
    """Whether ``user`` may open the grading queue and grade answers."""
    return bool(user and user.is_authenticated and user.has_perm(GRADE_ATTEMPT))
