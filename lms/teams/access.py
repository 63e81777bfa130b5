"""Who may see which reports and assign which courses.

Two custom permissions (on ``Team``) open the reports: ``view_all_reports``
for trainers (every team, and the quiz item analysis) and
``view_team_reports`` for managers (only the teams they manage). Superusers
hold both. Which rows a manager then sees is decided by the selectors, never
by the views alone.
"""

VIEW_ALL_REPORTS = "teams.view_all_reports"
VIEW_TEAM_REPORTS = "teams.view_team_reports"
ADD_ASSIGNMENT = "teams.add_assignment"

MANAGERS_GROUP = "Managers"


def can_view_all_reports(user) -> bool:
    """Trainers and superusers: every team, every learner, item analysis."""
    return bool(user and user.is_authenticated and user.has_perm(VIEW_ALL_REPORTS))


def can_view_reports(user) -> bool:
    """Anyone who may open the team reports (rows are scoped separately)."""
    return bool(
        user
        and user.is_authenticated
        and (user.has_perm(VIEW_ALL_REPORTS) or user.has_perm(VIEW_TEAM_REPORTS))
    )


def can_assign_courses(user) -> bool:
    """Trainers and managers may assign courses (managers only to their people)."""
    return bool(user and user.is_authenticated and user.has_perm(ADD_ASSIGNMENT))
