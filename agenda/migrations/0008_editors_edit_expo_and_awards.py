"""Programme editors also edit the expo and the awards (their group was made before those existed)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EXPO_AND_AWARD_MODELS = ["expo", "hall", "exhibit", "exhibitpicture", "awardprogramme", "awardcategory", "honouree"]


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
        *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=EXPO_AND_AWARD_MODELS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Programme editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=EXPO_AND_AWARD_MODELS)
        )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0007_exhibitor_restrict"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
