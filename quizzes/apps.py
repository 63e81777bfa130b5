from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """Quizzes, polymorphic questions, attempts and grading.

    Knows nothing of courses: courses attach quizzes, not the other way round.
    """

    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # Models load only once the app registry is ready.
        from core.receivers import track_content_models
        from quizzes.models import Question, Quiz, QuizQuestion

        # Learner pages show quizzes and questions: a change bumps the
        # content version that keys their render caches.
        track_content_models(Quiz, QuizQuestion, Question)
