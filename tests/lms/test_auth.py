"""lms.auth: each request's user in one query, the same as Django's ORM would load."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from lms.auth import ModelBackend, may_access_admin
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
    assert client.session["_auth_user_backend"] == "lms.auth.ModelBackend"
    assert client.get(reverse("courses:dashboard")).status_code == 200


def test_the_content_version_comes_with_the_user_once_per_load(rf):
    from courses.caching import bump_content_version, content_version

    user = UserFactory()
    bump_content_version()
    request = rf.get("/")
    request.user = ModelBackend().get_user(user.pk)
    first = content_version(request)
    assert first == content_version()  # the value stored
    # A user object kept beyond its request carries no old version: the next
    # request reads the version again.
    bump_content_version()
    later = rf.get("/")
    later.user = request.user
    assert content_version(later) == first + 1


def test_a_publish_between_two_requests_of_one_user_shows_on_the_second(
    client, django_assert_num_queries
):
    from courses.caching import bump_content_version, content_version

    seen = []
    user = UserFactory()
    client.force_login(user)
    bump_content_version()

    def record(request):
        seen.append(content_version(request))
        from django.http import HttpResponse

        return HttpResponse("ok")

    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.test import RequestFactory

    def serve():
        request = RequestFactory().get("/")
        request.COOKIES = client.cookies and {
            name: morsel.value for name, morsel in client.cookies.items()
        }
        handler = SessionMiddleware(AuthenticationMiddleware(record))
        with django_assert_num_queries(1):  # the user, with the version
            handler(request)

    serve()
    bump_content_version()
    serve()
    assert seen[1] == seen[0] + 1
