from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GradingConfig(AppConfig):
    """Trainers' grading of answers only a person can grade (essays).

    The queue and the grading screen in the Wagtail admin, and the learner's
    email once an attempt is graded. The grading itself (claim, rubric,
    score) is ``quizzes.services.grading``; this app owns no data.
    """

    name = "lms.grading"
    label = "grading"
    verbose_name = _("Grading")

    def ready(self):
        from lms.grading import receivers  # noqa: F401  (connects the signals)
