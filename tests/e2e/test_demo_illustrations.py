"""axe-core on an illustrated demo lesson, in French and English (issue 14).

The privacy lesson shows the "profile beside a page" drawing in an image
block and the privacy-menu diagram in its first walkthrough step.
"""

import pytest

from courses.models import LessonPage
from courses.services import enrol
from demo import content_en, content_fr
from demo.illustrations import ensure_illustrations
from tests.e2e.conftest import login
from tests.e2e.helpers import PASSWORD, demo_course, new_learner
from tests.e2e.test_accessibility import AxeReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PRIVACY_LESSON = {"fr": "parametres-de-confidentialite", "en": "privacy-settings"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_illustrated_lesson_has_no_serious_axe_violations(demo, page, lang):
    # The demo fixture restores the database, not the media files of an
    # earlier test: the loader writes missing drawings again.
    for content in (content_fr, content_en):
        ensure_illustrations(content.ILLUSTRATIONS)
    learner = new_learner()
    enrol(learner=learner, course=demo_course("fr"))
    course = demo_course(lang)
    lesson = LessonPage.objects.child_of(course).get(slug=PRIVACY_LESSON[lang])
    axe = AxeReport(page)

    login(page, demo.url, learner.username, PASSWORD, lang=lang)
    page.goto(demo.url + lesson.url)

    images = page.locator("main img[src$='.svg']")
    assert images.count() == 2
    for index in range(images.count()):
        assert len(images.nth(index).get_attribute("alt")) > 40
    axe.check(f"illustrated lesson ({lang})")
    assert axe.problems == {}
