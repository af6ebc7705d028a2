"""What the staff groups may do with registrations.

Registration desk: review and edit registrations, see their sessions and history, check delegates in.
Check-in staff: check delegates in, on the /checkin/ page only; the admin shows them no personal data.
Programme editors: nothing of registrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Registration desk": [
        "view_registration",
        "change_registration",
        "view_sessionchoice",
        "view_statuschange",
        "check_in",
    ],
    "Check-in staff": ["check_in"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="attendees", codename__in=codenames)
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Missing attendees permissions for the group {name}.")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="attendees", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("attendees", "0001_initial"),
        ("agenda", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
