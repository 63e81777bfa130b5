"""The "Managers" group: admin access, their teams' reports, assigning courses.

Rows a manager sees are scoped to the teams they manage by the selectors;
the group only opens the doors.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGERS_GROUP = "Managers"
MANAGER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("teams", "team", "view_team_reports"),
    ("teams", "assignment", "add_assignment"),
    ("teams", "assignment", "view_assignment"),
]


def create_managers_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist.
    app_config = apps.get_app_config("teams")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    for app_label, model, codename in MANAGER_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=codename,
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_managers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MANAGERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_managers_group, remove_managers_group),
    ]
