"""The loaded demo: what `load_demo` builds; loading it again changes nothing.

The demo is loaded once for this module (``loaded_demo``: ~10 s a load) and
every test reads it in its own savepoint (each xdist worker that runs some of
them loads it once).
"""

import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from core.people import person_language
from courses.models import (
    Certificate,
    CharterAcknowledgement,
    CharterPage,
    CharterVersion,
    CourseIndexPage,
    CoursePage,
    LessonPage,
)
from courses.selectors import charter_reading
from courses.services import enrol
from demo.charter import NEW_RULE
from demo.content_scenarios import LESSON_SCENARIO, SCENARIOS
from demo.loader import DEMO_USERS, TRAINERS_GROUP
from lms.grading.access import can_grade
from quizzes.models import AttemptQuestion, AttemptState, QuizAttempt
from scenarios.graph import check
from scenarios.models import Scenario, ScenarioRun
from tests.factories import UserFactory

from .test_illustrations import CONTENTS, lesson_images, titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("loaded_demo"),
]


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media):
    """The images' files were written where the demo was loaded."""
    settings.MEDIA_ROOT = str(demo_media)


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


def _charter_history():
    return sorted(
        CharterAcknowledgement.objects.values_list(
            "learner__username", "version__number", "acknowledged_at"
        )
    )


def _everything():
    """What a second load must leave exactly as the first left it."""
    return {
        "pages": sorted(
            Page.objects.values_list("url_path", "locale__language_code", "live")
        ),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "essays": _essays(),
        "images": sorted(get_image_model().objects.values_list("title", "file_hash")),
        "charter": _charter_history(),
        "charter_versions": list(
            CharterVersion.objects.order_by("number").values_list("number", flat=True)
        ),
        "scenarios": Scenario.objects.count(),
        "revisions": Revision.objects.count(),
        "runs": list(ScenarioRun.objects.values_list("pk", "score", "ending_key")),
    }


def test_loading_the_demo_again_changes_nothing():
    first = _everything()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert _everything() == first
    for spec in DEMO_USERS:
        assert spec.username in out.getvalue()  # the demo logins are printed


def test_the_demo_has_a_graded_essay_and_one_in_the_queue():
    assert _essays() == (["apprenante2"], 1, 1)
    certificate = Certificate.objects.get(learner__username="apprenant")
    assert certificate.is_valid
    trainer = get_user_model().objects.get(username="formatrice")
    assert can_grade(trainer)
    assert not can_grade(get_user_model().objects.get(username="gestionnaire"))


def test_demo_builds_a_bilingual_course_with_six_lessons(client):
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


def test_trainer_edits_courses_but_not_users_or_settings():
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


def test_demo_people_prefer_french_and_get_the_admin_in_french():
    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        assert person_language(user, default="en") == "fr"
    learner = User.objects.filter(username__startswith="demo-mtl-").first()
    assert person_language(learner, default="en") == "fr"


def test_each_illustration_is_one_svg_image_with_alt_text_in_every_lesson():
    Image = get_image_model()
    images = Image.objects.filter(title__in=titles())
    assert sorted(images.values_list("title", flat=True)) == sorted(titles())
    for image in images:
        assert image.description, image.title
        assert image.is_svg()
        assert (image.width, image.height) == (800, 450)
    # Every image of every lesson has alt text; each language uses its own.
    shown = {}
    for lesson in LessonPage.objects.live():
        for image, alt in lesson_images(lesson):
            assert alt.strip(), lesson.url
            shown.setdefault(lesson.locale.language_code, set()).add(image.title)
    for lang, module in CONTENTS.items():
        assert shown[lang] == {spec["title"] for spec in module.ILLUSTRATIONS.values()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lesson_pages_show_the_illustrations_with_their_alt_text(client, lang):
    module = CONTENTS[lang]
    learner = UserFactory(username="lectrice")
    enrol(learner=learner, course=CoursePage.objects.get(locale__language_code="fr"))
    client.force_login(learner)

    lessons = [
        lesson
        for lesson in LessonPage.objects.live().filter(locale__language_code=lang)
        if lesson_images(lesson)
    ]
    responses = [client.get(lesson.url) for lesson in lessons]
    assert [response.status_code for response in responses] == [200, 200]
    content = "".join(response.content.decode() for response in responses)

    assert len(lessons) == 2
    for spec in module.ILLUSTRATIONS.values():
        assert f'alt="{html.escape(spec["alt"])}"' in content, spec["title"]
    assert content.count(".svg") >= len(module.ILLUSTRATIONS)


def test_the_demo_charter_has_two_versions_and_a_reacknowledgement():
    history = _charter_history()
    fr = CharterPage.objects.get(locale__language_code="fr")
    en = CharterPage.objects.get(locale__language_code="en")
    assert en.translation_key == fr.translation_key and en.live and fr.live
    versions = list(CharterVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].published_at < versions[1].published_at
    assert NEW_RULE["en"][0] in versions[1].texts["en"]
    assert NEW_RULE["fr"][0] not in versions[0].texts["fr"]
    assert [(name, number) for name, number, _at in history] == [
        ("apprenant", 1),
        ("apprenante2", 1),
        ("apprenante2", 2),
    ]
    antoine = get_user_model().objects.get(username="apprenant")
    reading = charter_reading(charter=en, user=antoine, language="en")
    assert reading.must_acknowledge
    assert [line.kind for line in reading.changes if line.kind != "same"] == ["added"]


def test_the_demo_scenarios_are_valid_played_and_checked_in_a_lesson():
    runs = list(ScenarioRun.objects.values_list("score", "ending_key"))
    assert Scenario.objects.filter(live=True).count() == 2 * len(SCENARIOS)
    for scenario in Scenario.objects.all():
        assert check(scenario.graph()) == [], scenario.title
    assert sorted(e for _s, e in runs) == ["bad_end", "good_end"]
    lesson = LessonPage.objects.get(slug=LESSON_SCENARIO[0])
    blocks = [b for b in lesson.body if b.block_type == "scenario"]
    assert blocks and blocks[0].value["scenario"].locale == lesson.locale
