import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from core.people import person_language
from courses.models import Certificate, CourseIndexPage, CoursePage, LessonPage
from demo import content_en, content_fr
from demo.loader import DEMO_USERS, TRAINERS_GROUP
from lms.grading.access import can_grade
from quizzes.models import AttemptQuestion, AttemptState, QuizAttempt

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")


def _words(value) -> int:
    if isinstance(value, str):
        return len(TAG.sub(" ", value).split())
    if isinstance(value, dict):
        return sum(
            _words(v) for k, v in value.items() if k not in {"level", "kind", "type"}
        )
    if isinstance(value, list):
        return sum(_words(v) for v in value)
    return 0


def _snapshot():
    return (
        sorted(Page.objects.values_list("url_path", "locale__language_code", "live")),
        sorted(get_user_model().objects.values_list("username", flat=True)),
    )


def test_load_demo_twice_leaves_the_same_pages_and_users(capsys):
    call_command("load_demo")
    first = _snapshot()
    essays_first = _essays()
    out = capsys.readouterr().out
    for spec in DEMO_USERS:
        assert spec.username in out  # the demo logins are printed
    call_command("load_demo")
    assert _snapshot() == first
    assert _essays() == essays_first


def _essays():
    """The demo's essays: who waits in the queue, who was graded, and certificates."""
    waiting = QuizAttempt.objects.filter(state=AttemptState.AWAITING_GRADING)
    graded = AttemptQuestion.objects.filter(
        attempt__learner__username="apprenant", person_grade__isnull=False
    )
    return (
        sorted(waiting.values_list("learner__username", flat=True)),
        graded.count(),
        Certificate.objects.filter(
            learner__username="apprenant", revoked_at__isnull=True
        ).count(),
    )


def test_the_demo_has_a_graded_essay_and_one_in_the_queue():
    call_command("load_demo")
    assert _essays() == (["apprenante2"], 1, 1)
    certificate = Certificate.objects.get(learner__username="apprenant")
    assert certificate.is_valid
    trainer = get_user_model().objects.get(username="formatrice")
    assert can_grade(trainer)
    assert not can_grade(get_user_model().objects.get(username="gestionnaire"))


def test_demo_builds_a_bilingual_course_with_six_lessons(client):
    call_command("load_demo")
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, CourseIndexPage)
    fr = CoursePage.objects.get(locale__language_code="fr")
    en = CoursePage.objects.get(locale__language_code="en")
    assert fr.title == "Les médias sociaux au travail, sans risque"
    assert en.translation_key == fr.translation_key
    assert LessonPage.objects.child_of(fr).live().count() >= 6
    assert (
        LessonPage.objects.child_of(en).live().count()
        == LessonPage.objects.child_of(fr).count()
    )
    for page in [fr, en, *LessonPage.objects.live()]:
        assert client.get(page.url).status_code in {200, 302}, page.url


@pytest.mark.parametrize("content", [content_fr, content_en], ids=["fr", "en"])
def test_demo_lessons_are_substantial(content):
    lessons = content.COURSE["lessons"]
    assert len(lessons) >= 6
    for lesson in lessons:
        assert _words(lesson["body"]) >= 400, lesson["slug"]
        assert len({block["type"] for block in lesson["body"]}) >= 4, lesson["slug"]


def test_trainer_edits_courses_but_not_users_or_settings():
    call_command("load_demo")
    trainer = get_user_model().objects.get(username="formatrice")
    assert trainer.groups.filter(name=TRAINERS_GROUP).exists()
    assert not trainer.is_superuser
    assert trainer.has_perm("wagtailadmin.access_admin")
    assert not trainer.has_perm("auth.change_user")
    assert not trainer.has_perm("wagtailcore.change_site")
    course = CoursePage.objects.get(locale__language_code="fr")
    perms = course.permissions_for_user(trainer)
    assert perms.can_edit() and perms.can_publish()
    assert LessonPage.objects.first().permissions_for_user(trainer).can_edit()


def test_demo_users_are_not_created_when_settings_forbid(settings):
    settings.RELAIS_CREATE_DEMO_USERS = False
    call_command("load_demo")
    assert not get_user_model().objects.filter(username="apprenant").exists()
    assert CoursePage.objects.exists()


def test_demo_people_prefer_french_and_get_the_admin_in_french(client):
    call_command("load_demo")
    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        assert person_language(user, default="en") == "fr"
    learner = User.objects.filter(username__startswith="demo-mtl-").first()
    assert person_language(learner, default="en") == "fr"
    client.force_login(User.objects.get(username="gestionnaire"))
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
