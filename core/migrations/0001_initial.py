from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("core", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    """The content version, which courses.0003 first created, now in the bottom layer."""

    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "value",
                    models.PositiveBigIntegerField(default=0, verbose_name="value"),
                ),
            ],
            options={
                "verbose_name": "content version",
                "verbose_name_plural": "content version",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
