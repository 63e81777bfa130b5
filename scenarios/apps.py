from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    """Branching "what would you do?" scenarios and learners' runs.

    Sits between quizzes and courses: knows nothing of courses, which use it.
    """

    name = "scenarios"
    verbose_name = _("Scenarios")
