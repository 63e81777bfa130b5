"""Who may see the Wagtail admin, asked cheaply on every page.

Every page shows Wagtail's user bar to editors only. Wagtail's own check,
``user.has_perm("wagtailadmin.access_admin")``, loads all of a signed-in
user's permissions (two queries and about a millisecond of ORM work) before
it shows a learner nothing. ``may_access_admin`` asks the one question in a
single indexed query instead, fresh on every request: granting or revoking
the permission, or a group, takes effect at once.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection


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
    Django's ModelBackend (the only backend configured), in one query; none
    for anonymous users and superusers.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    with connection.cursor() as cursor:
        cursor.execute(_access_admin_sql(), [user.pk, user.pk])
        return cursor.fetchone() is not None
