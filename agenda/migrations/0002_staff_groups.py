"""Staff groups organisers hand out. Registration permissions are added by the attendees app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAMME_MODELS = [
    "summit",
    "edition",
    "venue",
    "room",
    "topic",
    "organisation",
    "person",
    "session",
    "sessionspeaker",
    "sessionorganiser",
    "sessionitem",
]
GROUPS = ["Programme editors", "Registration desk", "Check-in staff"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)
    editors = Group.objects.get(name="Programme editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="agenda", content_type__model__in=PROGRAMME_MODELS)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
