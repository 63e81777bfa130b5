import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from core.people import person_language, person_language_is_set, person_language_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_preference_is_wagtails_profile_setting():
    user = UserFactory()
    assert not person_language_is_set(user)
    with translation.override("en"):
        assert person_language(user) == "en"  # no preference: the active one
    assert person_language(user, default="fr") == "fr"
    assert person_language_set(user=user, language="en") == "en"
    assert UserProfile.get_for_user(user).preferred_language == "en"
    with translation.override("fr"):
        assert person_language(user, default="fr") == "en"


def test_sign_in_claim_is_reduced_and_unknown_languages_ignored():
    user = UserFactory()
    assert person_language_set(user=user, language="fr-CA") == "fr"
    assert person_language_set(user=user, language="de") == "fr"
    assert person_language_set(user=user, language="fr") == "fr"  # idempotent
    assert UserProfile.get_for_user(user).preferred_language == "fr"
