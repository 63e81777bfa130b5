"""Login throttling (django-axes): the lock, its message and its release."""

import datetime

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.urls import reverse

from core.people import person_language_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pass-word-123"  # UserFactory's


@pytest.fixture(autouse=True)
def three_tries(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=10)


@pytest.fixture
def learner(db):
    user = UserFactory(username="guessed")
    person_language_set(user=user, language="en")
    return user


def attempt(client, password, url="/fr/accounts/login/"):
    return client.post(url, {"username": "guessed", "password": password})


def lock(client, url="/fr/accounts/login/"):
    for _ in range(3):
        attempt(client, "wrong", url)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_account_and_say_when_to_retry(client, learner):
    for _ in range(2):
        assert attempt(client, "wrong").status_code == 200

    locked = attempt(client, "wrong")
    right_but_locked = attempt(client, PASSWORD)

    for response in (locked, right_but_locked):
        assert response.status_code == 429
        page = response.content.decode()
        # The learner prefers English, even on the French login page.
        assert "Too many attempts" in page
        assert "You can try again in 10 minutes" in page
    assert not signed_in(client)


def test_the_lock_is_released_after_the_cool_off(client, learner):
    lock(client)
    assert attempt(client, PASSWORD).status_code == 429

    # As if the cool-off had passed: the attempts are dated before it.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )

    assert attempt(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_administrator_can_release_the_lock(client, learner):
    lock(client)

    reset(username="guessed")

    assert attempt(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_another_person_is_not_locked_by_someone_else_s_guesses(client, learner):
    other = UserFactory(username="colleague")
    lock(client)

    response = client.post(
        "/fr/accounts/login/", {"username": other.username, "password": PASSWORD}
    )

    assert response.status_code == 302


def test_the_admin_login_is_throttled_too(client, learner):
    admin_login = reverse("wagtailadmin_login")
    lock(client, admin_login)

    response = attempt(client, PASSWORD, admin_login)

    assert response.status_code == 429
    assert not signed_in(client)
