"""The signed-in user, and whether they may see the Wagtail admin, in one query.

Every page shows Wagtail's user bar to editors only. Wagtail's own check,
``user.has_perm("wagtailadmin.access_admin")``, loads all of a signed-in
user's permissions (two queries and about a millisecond of ORM work) before
it shows a learner nothing. ``ModelBackend.get_user`` below loads the user
of each request together with that one answer, in the same single indexed
query, and ``may_access_admin`` reads it. Both are fresh on every request:
granting or revoking the permission or a group, deactivating an account or
changing a password takes effect at once.

The same query also reads the content version that keys the render caches
of learner pages (``core.caching.content_version_sql``), which those
pages would otherwise read with a query of their own on every request.
"""

from functools import cache

from django.contrib.auth import SESSION_KEY, backends, get_user_model
from django.contrib.auth import middleware as auth_middleware
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.functional import SimpleLazyObject

from core.caching import (
    carry_content_version,
    content_version_sql,
    take_content_version,
)
from core.sql import fetch_instances, select_columns

# Set on users loaded by ``ModelBackend.get_user``.
_ADMIN_ATTR = "_relais_may_access_admin"


@cache
def _access_admin_sql() -> str:
    """``EXISTS``: the user holds access_admin directly or through a group.

    Raw SQL on purpose: it runs for every signed-in page view, and building
    the same query with the ORM costs ten times running it. Table and column
    names come from the models, so a custom user model works too.
    """
    quote = connection.ops.quote_name
    user_perms = get_user_model().user_permissions.field
    user_groups = get_user_model().groups.field
    group_perms = Group.permissions.field
    return (
        f"SELECT 1 FROM {quote(Permission._meta.db_table)} p "
        f"JOIN {quote(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id "
        "WHERE p.codename = 'access_admin' AND ct.app_label = 'wagtailadmin' AND ("
        f"EXISTS (SELECT 1 FROM {quote(user_perms.m2m_db_table())} up "
        f"WHERE up.{quote(user_perms.m2m_column_name())} = %s "
        f"AND up.{quote(user_perms.m2m_reverse_name())} = p.id) "
        f"OR EXISTS (SELECT 1 FROM {quote(user_groups.m2m_db_table())} ug "
        f"JOIN {quote(group_perms.m2m_db_table())} gp "
        f"ON gp.{quote(group_perms.m2m_column_name())} "
        f"= ug.{quote(user_groups.m2m_reverse_name())} "
        f"WHERE ug.{quote(user_groups.m2m_column_name())} = %s "
        f"AND gp.{quote(group_perms.m2m_reverse_name())} = p.id))"
    )


def may_access_admin(user) -> bool:
    """Whether ``user`` may see the Wagtail admin (and so its user bar).

    The same answer as ``user.has_perm("wagtailadmin.access_admin")`` with
    Django's ModelBackend. No query for anonymous users, superusers, and the
    request's user (loaded with the answer by ``ModelBackend.get_user``);
    one for any other user.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    known = getattr(user, _ADMIN_ATTR, None)
    if known is not None:
        return known
    with connection.cursor() as cursor:
        cursor.execute(_access_admin_sql(), [user.pk, user.pk])
        return cursor.fetchone() is not None


@cache
def _user_sql() -> tuple[str, tuple[str, ...]]:
    """The user row by primary key, the access_admin ``EXISTS`` and the
    content version of the render caches (``core.caching``); attnames."""
    model = get_user_model()
    quote = connection.ops.quote_name
    attnames = tuple(field.attname for field in model._meta.concrete_fields)
    sql = (
        f"SELECT {select_columns(model, attnames, 'u')}, "
        f"EXISTS({_access_admin_sql()}), {content_version_sql()} "
        f"FROM {quote(model._meta.db_table)} u "
        f"WHERE u.{quote(model._meta.pk.column)} = %s"
    )
    return sql, attnames


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend, loading each request's user in one plain query.

    ``get_user`` runs on every signed-in request. Django builds
    ``User.objects.get(pk=...)`` with the ORM, which costs about ten times
    the query on the benchmark machine (docs/PERFORMANCE.md); this reads the
    same row with a cursor, converted and built as the ORM would
    (``core.sql``), and adds whether the user may see the admin
    (``may_access_admin``). Authentication and permissions are Django's.
    """

    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        if pk is None:
            return None
        if isinstance(pk, int) and not -(2**63) <= pk < 2**63:
            # Past any integer column: no such user, as the ORM answers
            # (SQLite's driver would raise OverflowError on the parameter).
            return None
        sql, attnames = _user_sql()
        found = fetch_instances(model, attnames, sql, [pk, pk, pk])
        if not found:
            return None
        user, (may_access, version) = found[0]
        setattr(user, _ADMIN_ATTR, bool(may_access))
        carry_content_version(user, version)
        return user if self.user_can_authenticate(user) else None


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, handing the content version read with the user to the request.

    ``ModelBackend.get_user`` reads the render caches' content version in the
    user's query; the lazy ``request.user`` set here moves it onto the request
    as soon as the user is loaded (``core.caching.take_content_version``),
    so it serves this request only.
    """

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _load_user(request))


def _load_user(request):
    user = auth_middleware.get_user(request)
    if user.is_authenticated and not user.is_active:
        # Whatever backend signed them in (some OIDC backends load inactive
        # users): a deactivated account is signed out on its next request.
        user = AnonymousUser()
    if not user.is_authenticated and SESSION_KEY in request.session:
        # The session's user was deactivated (a leaver) or deleted: end the
        # session, so reactivating the account later does not revive it.
        request.session.flush()
    take_content_version(request, user)
    return user
