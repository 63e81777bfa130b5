"""Quiz targets for the page benchmark: a 20-question quiz page and an answer save.

Kept apart from seed_pages.py because it follows the quiz engine's URLs and
payloads. The quiz is the demo's final exam (16 questions, seven types) plus
its first four questions again, so 20 questions of mixed types, all on one
page; it becomes the benchmark course's final quiz.

The answer save is the attempt page's own POST (``quizzes.views.attempt_page``)
asked for JSON (``Accept: application/json``): the same parsing, sequence
check and service as the HTML form, answered ``200 {"attempt", "sequence"}``
instead of a redirect to the next page. Each save must carry the attempt's
current sequence (a stale one is refused with 409), so every save target is
one learner's attempt, and the benchmark's Lua script gives each connection
an attempt no other request is using, with the sequence the previous save
returned. Each save flips one true/false answer, so every request writes.
"""

SAVE_LEARNERS = 12  # wrk -t2 -c8: four connections per thread, six attempts each


def quiz_data() -> dict:
    from demo import content_fr

    final = content_fr.FINAL_QUIZ
    questions = list(final["questions"])
    for item in final["questions"][: 20 - len(questions)]:
        questions.append({**item, "prompt": f"{item['prompt']} (bis)"})
    return {
        "title": "Benchmark: 20 questions",
        "instructions": final["instructions"],
        "pass_mark": 70,
        "questions_per_page": "all",
        "questions": questions,
    }


def _learner_session(*, username, course, enrol):
    from django.conf import settings
    from django.test import Client

    from tests.factories import UserFactory

    learner = UserFactory(username=username)
    enrol(learner=learner, course=course)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(learner)
    return learner, client, client.cookies[settings.SESSION_COOKIE_NAME].value


def seed_quiz_targets(*, course, learner, client, cookie) -> dict:
    """The ``quiz`` and ``answer_save`` targets (see ``bench/pages.py``)."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from courses.services import enrol
    from quizzes.models import AttemptQuestion
    from quizzes.services import attempt_start, quiz_import

    quiz = quiz_import(data=quiz_data(), locale=course.locale)
    course.final_quiz = quiz
    course.save_revision().publish()
    assert quiz.quiz_questions.count() == 20

    with translation.override(course.locale.language_code):
        attempt = attempt_start(quiz=quiz, learner=learner)
        quiz_path = reverse("quizzes:attempt", args=[attempt.pk])
        saves = []
        for number in range(SAVE_LEARNERS):
            saver, save_client, session = _learner_session(
                username=f"bench-saver-{number}", course=course, enrol=enrol
            )
            save_attempt = attempt_start(quiz=quiz, learner=saver)
            slot = (
                AttemptQuestion.objects.filter(
                    attempt=save_attempt, question_type="true_false"
                )
                .order_by("slot")
                .values_list("slot", flat=True)
                .first()
            )
            save_client.get(reverse("quizzes:attempt", args=[save_attempt.pk]))
            csrf = save_client.cookies[settings.CSRF_COOKIE_NAME].value
            saves.append(
                {
                    "attempt": save_attempt.pk,
                    "path": reverse("quizzes:attempt", args=[save_attempt.pk]),
                    "cookie": (
                        f"{settings.SESSION_COOKIE_NAME}={session}; "
                        f"{settings.CSRF_COOKIE_NAME}={csrf}"
                    ),
                    "csrf": csrf,
                    "slot": slot,
                }
            )
    return {
        "quiz": {
            "path": quiz_path,
            "cookie": cookie,
            "markers": [quiz.title, 'name="sequence"'],
        },
        "answer_save": {"method": "POST", "path": saves[0]["path"], "saves": saves},
    }
