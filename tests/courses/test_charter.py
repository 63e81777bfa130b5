"""The charter: versions on publication, acknowledgements, the diff, immutability."""

import datetime
import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Exists, Q
from django.urls import reverse
from django.utils.html import escape

from courses.models import (
    ACKNOWLEDGEMENT_IMMUTABLE,
    CharterAcknowledgement,
    CharterVersion,
    CourseCompletion,
)
from courses.selectors import (
    DiffLine,
    charter_diff,
    charter_reading,
    charters_pending,
)
from courses.services import (
    CHARTER_VERSION_OUTDATED,
    charter_acknowledge,
    charter_publish,
    enrol,
    lesson_complete,
)
from courses.views import CHARTER_ACKNOWLEDGED, CHARTER_CONFIRM_REQUIRED
from tests.courses.conftest import french, translate
from tests.factories import (
    CharterPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
    charter_rule,
)

pytestmark = pytest.mark.django_db

JAN = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
MAR = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
NEW_RULE = "Seule la direction parle au nom de l'organisation"


@pytest.fixture
def charter(catalogue):
    charter = CharterPageFactory(parent=catalogue, slug="charte")
    charter_publish(page=charter, now=JAN)
    return charter


def add_rule(charter, statement=NEW_RULE, *, material_change=True, now=MAR):
    charter.rules = [
        *(
            {"type": b.block_type, "value": b.block.get_prep_value(b.value)}
            for b in charter.rules
        ),
        charter_rule(statement),
    ]
    return charter_publish(page=charter, material_change=material_change, now=now)


def test_first_publication_is_version_one_dated_and_hashed(charter):
    version = CharterVersion.objects.get()
    text = charter.rules_text()
    assert (version.number, version.published_at) == (1, JAN)
    assert version.content_hash == hashlib.sha256(text.encode()).hexdigest()
    assert version.texts == {"fr": text}
    assert text.splitlines()[0] == "Utilisez votre vrai nom — Pas de pseudonyme."


def test_a_material_change_starts_a_new_version(charter):
    version = add_rule(charter)
    assert (version.number, version.published_at) == (2, MAR)
    assert NEW_RULE in version.texts["fr"]
    assert CharterVersion.objects.count() == 2


def test_a_typo_correction_keeps_the_version_number_date_and_hash(charter):
    first = CharterVersion.objects.get()
    version = add_rule(charter, "Une précision", material_change=False)
    assert (version.pk, version.number, version.published_at) == (first.pk, 1, JAN)
    assert version.content_hash == first.content_hash
    assert "Une précision" in version.texts["fr"]


def test_material_change_starts_unticked_in_the_edit_form(charter, admin_client):
    charter.material_change = True
    charter.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[charter.pk]))
    assert response.status_code == 200
    assert response.context["form"].initial["material_change"] is False


def test_a_translation_joins_the_current_version_and_never_starts_one(
    charter, locale_en
):
    english = translate(charter, locale_en)
    english.title = "Social media charter"
    english.material_change = True  # ignored: only the original's flag counts
    version = charter_publish(page=english, material_change=True, now=MAR)
    assert version.number == 1
    assert set(version.texts) == {"fr", "en"}
    assert CharterVersion.objects.count() == 1


def test_acknowledging_records_person_version_time_and_language(charter, learner):
    version = CharterVersion.objects.get()
    ack = charter_acknowledge(learner=learner, version=version, language="en", now=MAR)
    ack.refresh_from_db()
    assert (ack.learner, ack.version, ack.acknowledged_at, ack.language) == (
        learner,
        version,
        MAR,
        "en",
    )


def test_acknowledging_twice_keeps_the_first(charter, learner):
    version = CharterVersion.objects.get()
    first = charter_acknowledge(
        learner=learner, version=version, language="fr", now=JAN
    )
    again = charter_acknowledge(
        learner=learner, version=version, language="en", now=MAR
    )
    assert again.pk == first.pk
    assert (again.acknowledged_at, again.language) == (JAN, "fr")
    assert CharterAcknowledgement.objects.count() == 1


def test_an_old_version_cannot_be_acknowledged(charter, learner):
    old = CharterVersion.objects.get()
    add_rule(charter)
    with pytest.raises(ValidationError) as error:
        charter_acknowledge(learner=learner, version=old, language="fr")
    assert error.value.messages == [str(CHARTER_VERSION_OUTDATED)]
    assert not CharterAcknowledgement.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda ack: ack.save(),
        lambda ack: ack.delete(),
        lambda ack: CharterAcknowledgement.objects.update(language="en"),
        lambda ack: CharterAcknowledgement.objects.all().delete(),
    ],
    ids=["save-again", "delete", "queryset-update", "queryset-delete"],
)
def test_an_acknowledgement_is_immutable(charter, learner, change):
    ack = charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    ack.language = "en"
    with pytest.raises(ValidationError) as error:
        change(ack)
    assert error.value.messages == [str(ACKNOWLEDGEMENT_IMMUTABLE)]
    assert CharterAcknowledgement.objects.get().language == "fr"


def test_erasing_the_person_erases_their_acknowledgements(charter, learner):
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    learner.delete()
    assert not CharterAcknowledgement.objects.exists()


def test_a_new_version_asks_again_and_shows_what_changed(charter, learner):
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    assert not charter_reading(charter=charter, user=learner, language="fr").changes
    add_rule(charter)
    reading = charter_reading(charter=charter, user=learner, language="fr")
    assert reading.must_acknowledge
    assert reading.previous.version.number == 1
    assert [line for line in reading.changes if line.kind != "same"] == [
        DiffLine("added", NEW_RULE)
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a\nb", "a\nb", [("same", "a"), ("same", "b")]),
        ("a", "a\nb", [("same", "a"), ("added", "b")]),
        ("a\nb", "b", [("removed", "a"), ("same", "b")]),
        ("a", "c", [("removed", "a"), ("added", "c")]),
        ("", "a", [("added", "a")]),
    ],
    ids=["unchanged", "added", "removed", "replaced", "from-nothing"],
)
def test_charter_diff(old, new, expected):
    assert charter_diff(old_text=old, new_text=new) == [
        DiffLine(kind, text) for kind, text in expected
    ]


def test_pending_charters_are_the_unacknowledged_current_versions(charter, learner):
    assert list(charters_pending(learner=learner, language="fr")) == [charter]
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    assert not charters_pending(learner=learner, language="fr").exists()
    add_rule(charter)
    assert list(charters_pending(learner=learner, language="fr")) == [charter]


def only_chosen(*, translation_key, learner):
    """A stand-in audience hook: every charter applies to "chosen" only."""
    return Q(Exists(get_user_model().objects.filter(pk=learner, username="chosen")))


@pytest.mark.parametrize(
    ("hook", "pending_for_both"),
    [(None, True), ("tests.courses.test_charter.only_chosen", False)],
    ids=["no-hook-everyone", "hook-decides"],
)
def test_who_a_charter_applies_to_comes_from_the_audience_hook(
    charter, settings, hook, pending_for_both
):
    settings.RELAIS_CHARTER_AUDIENCE = hook
    chosen, other = UserFactory(username="chosen"), UserFactory()
    assert charters_pending(learner=chosen, language="fr").exists()
    assert charters_pending(learner=other, language="fr").exists() is pending_for_both


# --- The page and its form -----------------------------------------------------------


def acknowledge_url(charter):
    return reverse("courses:charter_acknowledge", args=[charter.pk])


def test_the_page_asks_for_the_acknowledgement(charter, client, learner):
    client.force_login(learner)
    html = client.get(charter.url).content.decode()
    assert 'name="confirm"' in html and 'name="version" value="1"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.parametrize(
    ("data", "message", "recorded"),
    [
        ({"version": "1", "confirm": "yes"}, CHARTER_ACKNOWLEDGED, True),
        ({"version": "1"}, CHARTER_CONFIRM_REQUIRED, False),
        ({"version": "2", "confirm": "yes"}, CHARTER_VERSION_OUTDATED, False),
        ({"version": "١", "confirm": "yes"}, CHARTER_VERSION_OUTDATED, False),
        ({"confirm": "yes"}, CHARTER_VERSION_OUTDATED, False),
    ],
    ids=["confirmed", "not-ticked", "unknown-version", "unicode-digit", "no-version"],
)
def test_posting_the_form(charter, client, learner, data, message, recorded):
    client.force_login(learner)
    response = client.post(acknowledge_url(charter), data, follow=True)
    assert response.redirect_chain[-1][0] == charter.url
    assert escape(french(message)) in response.content.decode()
    assert CharterAcknowledgement.objects.exists() is recorded


def test_a_stale_tab_after_a_new_version_is_refused(charter, client, learner):
    add_rule(charter)
    client.force_login(learner)
    client.post(acknowledge_url(charter), {"version": "1", "confirm": "yes"})
    assert not CharterAcknowledgement.objects.exists()


def test_posting_twice_records_once(charter, client, learner):
    client.force_login(learner)
    for _ in range(2):
        client.post(acknowledge_url(charter), {"version": "1", "confirm": "yes"})
    assert CharterAcknowledgement.objects.count() == 1


def test_a_visitor_must_sign_in(charter, client):
    response = client.post(acknowledge_url(charter), {"version": "1", "confirm": "yes"})
    assert response.status_code == 302 and "login" in response.url
    assert not CharterAcknowledgement.objects.exists()


def test_the_page_shows_the_changes_with_words_for_screen_readers(
    charter, client, learner
):
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    add_rule(charter)
    client.force_login(learner)
    html = client.get(charter.url).content.decode()
    assert "<ins>" in html and NEW_RULE.replace("'", "&#x27;") in html
    assert french("Added:") in html


def test_the_english_page_reads_the_same_versions(charter, client, learner, locale_en):
    english = translate(charter, locale_en)
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    client.force_login(learner)
    html = client.get(english.url).content.decode()
    assert 'name="confirm"' not in html
    assert "You acknowledged version 1" in html


# --- A course can require the charter ---------------------------------------------


def test_a_course_requiring_the_charter_completes_on_acknowledgement(
    catalogue, charter, learner
):
    course = CoursePageFactory(parent=catalogue, required_charter=charter)
    lesson = LessonPageFactory(parent=course)
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=lesson, now=JAN)
    assert not CourseCompletion.objects.exists()
    charter_acknowledge(
        learner=learner,
        version=CharterVersion.objects.get(),
        language="fr",
        now=MAR,
    )
    completion = CourseCompletion.objects.get(enrolment=enrolment)
    assert completion.completed_at == MAR


def test_someone_else_acknowledging_completes_nothing(catalogue, charter, learner):
    course = CoursePageFactory(parent=catalogue, required_charter=charter)
    lesson = LessonPageFactory(parent=course)
    lesson_complete(
        enrolment=enrol(learner=learner, course=course), lesson=lesson, now=JAN
    )
    charter_acknowledge(
        learner=UserFactory(), version=CharterVersion.objects.get(), language="fr"
    )
    assert not CourseCompletion.objects.exists()


def test_the_course_page_links_to_the_charter_until_acknowledged(
    catalogue, charter, client, learner
):
    course = CoursePageFactory(parent=catalogue, required_charter=charter)
    LessonPageFactory(parent=course)
    enrol(learner=learner, course=course)
    client.force_login(learner)
    assert f'href="{charter.url}"' in client.get(course.url).content.decode()
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    html = client.get(course.url).content.decode()
    assert f'href="{charter.url}"' not in html
    assert french("You acknowledged the current version of the charter.") in html


def test_the_dashboard_reminds_until_acknowledged(charter, client, learner):
    client.force_login(learner)
    url = reverse("courses:dashboard")
    assert 'id="charters-title"' in client.get(url).content.decode()
    charter_acknowledge(
        learner=learner, version=CharterVersion.objects.get(), language="fr"
    )
    assert 'id="charters-title"' not in client.get(url).content.decode()
