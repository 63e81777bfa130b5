"""The learner's email once a person has graded their attempt, in their language."""

from django.urls import reverse
from django.utils import translation

from core.emails import absolute_url, send_templated_email
from core.people import person_language


def send_attempt_graded(*, attempt) -> bool:
    """ "Your answers have been graded": quiz, result, link to the result page.

    In the learner's preferred language (``core.people.person_language``).
    """
    language = person_language(attempt.learner)
    with translation.override(language):
        result_url = absolute_url(reverse("quizzes:result", args=[attempt.pk]))
    return send_templated_email(
        template="emails/attempt_graded",
        user=attempt.learner,
        language=language,
        context={"attempt": attempt, "quiz": attempt.quiz, "result_url": result_url},
    )
