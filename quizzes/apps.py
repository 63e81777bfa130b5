from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """Quizzes, polymorphic questions, attempts and grading.

    Knows nothing of courses: courses attach quizzes, not the other way round.
    """

    name = "quizzes"
    verbose_name = _("Quizzes")
