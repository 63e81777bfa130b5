from django.db import migrations


def carry_over(apps, schema_editor):
    """Start core's counter past the old one: no cache key of before can match."""
    old = apps.get_model("courses", "ContentVersion").objects.filter(pk=1).first()
    apps.get_model("core", "ContentVersion").objects.update_or_create(
        pk=1, defaults={"value": (old.value if old else 0) + 1}
    )


class Migration(migrations.Migration):
    """The content version moves to the bottom layer (core)."""

    dependencies = [
        ("courses", "0003_content_version"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="ContentVersion"),
    ]
