"""French first, English second: complete catalogues, localised pages, a switcher."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.factories import CoursePageFactory, LessonPageFactory

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("locale/*/LC_MESSAGES/django.po")
)


def test_there_are_french_and_english_catalogues():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {"fr", "en"} <= languages


@pytest.mark.parametrize(
    "path", CATALOGUES, ids=[str(p.relative_to(ROOT)) for p in CATALOGUES]
)
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.django_db
def test_lesson_page_speaks_french_under_fr(client, catalogue, learner):
    course = CoursePageFactory(parent=catalogue)
    lessons = [LessonPageFactory(parent=course) for _ in range(3)]
    html = client.get(lessons[1].url).content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu principal" in html
    assert "Navigation principale" in html


@pytest.mark.django_db
def test_switcher_links_to_the_translation_of_the_same_page(
    client, catalogue, locale_en
):
    course = CoursePageFactory(parent=catalogue, slug="confidentialite")
    catalogue.copy_for_translation(locale_en).save_revision().publish()
    english = course.copy_for_translation(locale_en)
    english.slug = "privacy"
    english.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert 'href="/en/privacy/" lang="en" hreflang="en"' in html
    html_en = client.get("/en/privacy/").content.decode()
    assert '<html lang="en">' in html_en
    assert 'href="/fr/confidentialite/" lang="fr" hreflang="fr"' in html_en


@pytest.mark.django_db
def test_switcher_keeps_non_page_urls(client, catalogue):
    html = client.get("/fr/search/?q=linkedin").content.decode()
    assert 'href="/en/search/?q=linkedin"' in html
