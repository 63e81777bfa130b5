"""core.auth: each request's user in one query, with Django's semantics.

The user is loaded as Django's ORM would load it, and every change to the
account takes effect on the next request through the real middleware:
deactivation, deletion, a password changed elsewhere, admin access granted
or withdrawn. ``tests/core/test_plain_sql.py`` compares the query itself
with the ORM over many kinds of users.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.auth import AuthenticationMiddleware, ModelBackend, may_access_admin
from core.caching import bump_content_version, content_version
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _access_admin():
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def test_get_user_gives_the_same_user_as_the_orm():
    user = UserFactory(
        first_name="Élodie",
        last_name="Girard",
        is_staff=True,
        last_login=timezone.now() - datetime.timedelta(days=3),
    )
    loaded = ModelBackend().get_user(user.pk)
    expected = get_user_model().objects.get(pk=user.pk)
    for field in get_user_model()._meta.concrete_fields:
        value = getattr(loaded, field.attname)
        assert value == getattr(expected, field.attname), field.name
        assert type(value) is type(getattr(expected, field.attname)), field.name
    assert loaded.last_login.tzinfo is not None
    assert loaded._state.adding is False and loaded._state.db == "default"
    assert loaded.check_password("pass-word-123") == expected.check_password(
        "pass-word-123"
    )


def test_get_user_is_one_query(django_assert_num_queries):
    user = UserFactory()
    with django_assert_num_queries(1):
        loaded = ModelBackend().get_user(user.pk)
        assert may_access_admin(loaded) is False


@pytest.mark.parametrize("user_id", [999_999, "not-a-number", None])
def test_get_user_of_no_one_is_none(user_id):
    assert ModelBackend().get_user(user_id) is None


def test_an_inactive_user_is_not_loaded():
    user = UserFactory(is_active=False)
    assert ModelBackend().get_user(user.pk) is None


@pytest.mark.parametrize("through", ["group", "direct", "none"])
def test_the_admin_answer_comes_with_the_user(through, django_assert_num_queries):
    user = UserFactory()
    if through == "group":
        group = Group.objects.create(name="Formateurs e2e")
        group.permissions.add(_access_admin())
        user.groups.add(group)
    elif through == "direct":
        user.user_permissions.add(_access_admin())
    loaded = ModelBackend().get_user(user.pk)
    with django_assert_num_queries(0):
        assert may_access_admin(loaded) is (through != "none")
    assert loaded.has_perm("wagtailadmin.access_admin") is (through != "none")


def test_granting_and_revoking_admin_access_shows_on_the_next_request(client):
    user = UserFactory()
    client.force_login(user)
    dashboard = reverse("courses:dashboard")
    assert "wagtail-userbar" not in client.get(dashboard).content.decode()
    user.user_permissions.add(_access_admin())
    assert may_access_admin(ModelBackend().get_user(user.pk)) is True
    user.user_permissions.clear()
    assert may_access_admin(ModelBackend().get_user(user.pk)) is False


def test_a_deactivated_learner_is_signed_out_on_the_next_request(client):
    user = UserFactory()
    client.force_login(user)
    dashboard = reverse("courses:dashboard")
    assert client.get(dashboard).status_code == 200
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    response = client.get(dashboard)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_a_password_change_elsewhere_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    dashboard = reverse("courses:dashboard")
    assert client.get(dashboard).status_code == 200
    user.set_password("un autre mot de passe")
    user.save()
    assert client.get(dashboard).status_code == 302


def test_logging_in_with_the_form_uses_this_backend(client):
    user = UserFactory()
    user.set_password("relais-test-2026")
    user.save()
    response = client.post(
        reverse("login"), {"username": user.username, "password": "relais-test-2026"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "core.auth.ModelBackend"
    assert client.get(reverse("courses:dashboard")).status_code == 200


def _serve_through_middleware(client, view):
    """``view`` behind the session and Relais's authentication middleware,
    with the test client's cookies, as a page request would be."""
    request = RequestFactory().get("/")
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    return SessionMiddleware(AuthenticationMiddleware(view))(request)


def _version_view(seen):
    def view(request):
        seen.append(content_version(request))
        return HttpResponse("ok")

    return view


def test_a_page_request_reads_the_version_with_its_user(
    client, django_assert_num_queries
):
    client.force_login(UserFactory())
    bump_content_version()
    seen = []
    with django_assert_num_queries(1):  # the user, with the version
        _serve_through_middleware(client, _version_view(seen))
    assert seen == [content_version()]


def test_a_publish_between_two_requests_of_one_user_shows_on_the_second(client):
    client.force_login(UserFactory())
    bump_content_version()
    seen = []
    _serve_through_middleware(client, _version_view(seen))
    bump_content_version()
    _serve_through_middleware(client, _version_view(seen))
    assert seen[1] == seen[0] + 1


def test_a_user_loaded_elsewhere_never_hands_its_version_to_a_request(rf):
    user = UserFactory()
    bump_content_version()
    loaded = ModelBackend().get_user(user.pk)  # carries the version read now
    old = content_version()
    bump_content_version()
    request = rf.get("/")
    request.user = loaded  # not loaded by this request's middleware
    assert content_version(request) == old + 1


# --- Account changes take effect on the next request (the real middleware) ---------

USERBAR = "wagtail-userbar"


def _dashboard(client):
    return client.get(reverse("courses:dashboard"))


def _is_signed_out(response) -> bool:
    """A login-required page answered as to an anonymous visitor."""
    return response.status_code == 302 and response["Location"].startswith(
        reverse("login")
    )


def _admin_refused(client) -> bool:
    """Wagtail's admin turns the request away (to its login, or forbidden)."""
    response = client.get(reverse("wagtailadmin_home"))
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "login" in response["Location"]


def _grant_admin(user, through: str) -> Group | None:
    if through == "direct":
        user.user_permissions.add(_access_admin())
        return None
    group = Group.objects.create(name="Formateurs")
    group.permissions.add(_access_admin())
    user.groups.add(group)
    return group


def test_a_deactivated_editor_loses_pages_and_admin_on_the_next_request(client):
    user = UserFactory()
    _grant_admin(user, "direct")
    client.force_login(user)
    assert USERBAR in _dashboard(client).content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    user.is_active = False
    user.save()
    assert _is_signed_out(_dashboard(client))
    assert _admin_refused(client)


def test_a_deleted_learner_is_anonymous_on_the_next_request(client, catalogue):
    user = UserFactory()
    client.force_login(user)
    assert _dashboard(client).status_code == 200
    user.delete()
    assert _is_signed_out(_dashboard(client))
    # A public page serves the visitor, not an error.
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert user.username not in response.content.decode()


def test_a_password_changed_in_another_session_ends_this_one(client):
    user = UserFactory()
    user.set_password("ancien-mot-de-passe")
    user.save()
    assert client.login(username=user.username, password="ancien-mot-de-passe")
    assert _dashboard(client).status_code == 200
    elsewhere = Client()
    assert elsewhere.login(username=user.username, password="ancien-mot-de-passe")
    # Changed elsewhere: set_password and save, without update_session_auth_hash
    # for this session; Django's session hash check must end it.
    changed = get_user_model().objects.get(pk=user.pk)
    changed.set_password("nouveau-mot-de-passe")
    changed.save()
    assert _is_signed_out(_dashboard(client))
    assert "_auth_user_id" not in client.session  # flushed, not merely ignored
    assert _is_signed_out(_dashboard(elsewhere))
    # The new password opens a new session as usual.
    assert client.login(username=user.username, password="nouveau-mot-de-passe")
    assert _dashboard(client).status_code == 200


@pytest.mark.parametrize(
    "withdraw", ["permission", "group-membership", "group-permission"]
)
def test_withdrawn_admin_access_shows_on_the_next_request(client, withdraw):
    user = UserFactory()
    group = _grant_admin(user, "direct" if withdraw == "permission" else "group")
    client.force_login(user)
    assert USERBAR in _dashboard(client).content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    if withdraw == "permission":
        user.user_permissions.remove(_access_admin())
    elif withdraw == "group-membership":
        user.groups.remove(group)
    else:
        group.permissions.remove(_access_admin())
    response = _dashboard(client)
    assert response.status_code == 200  # still signed in, as a learner
    assert USERBAR not in response.content.decode()
    assert _admin_refused(client)


@pytest.mark.parametrize("through", ["direct", "group"])
def test_granted_admin_access_shows_on_the_next_request(client, through):
    user = UserFactory()
    client.force_login(user)
    assert USERBAR not in _dashboard(client).content.decode()
    assert _admin_refused(client)
    _grant_admin(user, through)
    assert USERBAR in _dashboard(client).content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_learner_made_superuser_sees_the_user_bar_on_the_next_request(client):
    user = UserFactory()
    client.force_login(user)
    assert USERBAR not in _dashboard(client).content.decode()
    get_user_model().objects.filter(pk=user.pk).update(is_superuser=True)
    assert USERBAR in _dashboard(client).content.decode()
