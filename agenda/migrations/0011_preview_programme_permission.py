"""Previewing drafts becomes a permission of its own, given to the Programme editors.

Until now any staff account that could change sessions previewed; the desk and check-in staff never could.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs this one now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Programme editors")
    editors.permissions.add(Permission.objects.get(content_type__app_label="agenda", codename="preview_programme"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Programme editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="agenda", codename="preview_programme")
        )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0010_photo_and_logo_renditions"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.AlterModelOptions(
            name="edition",
            options={
                "ordering": ["-start_date"],
                "permissions": [("preview_programme", "Can preview draft sessions and unpublished editions")],
                "verbose_name": "edition",
                "verbose_name_plural": "editions",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
