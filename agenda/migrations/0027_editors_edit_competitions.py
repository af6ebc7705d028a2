"""Programme editors also edit the competitions, their tracks and entries (as they edit the awards)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMPETITION_MODELS = ["competition", "competitiontrack", "competitionentry"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Programme editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=COMPETITION_MODELS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Programme editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=COMPETITION_MODELS)
        )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0026_competitions"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
