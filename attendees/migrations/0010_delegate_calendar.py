import secrets

from django.db import migrations, models

import attendees.models


def give_each_a_key(apps, schema_editor):
    """Every existing registration gets its own calendar key (a single default would give all the same)."""
    Registration = apps.get_model("attendees", "Registration")
    registrations = list(Registration.objects.filter(calendar_key__isnull=True).only("pk"))
    for registration in registrations:
        registration.calendar_key = secrets.token_urlsafe(24)
    Registration.objects.bulk_update(registrations, ["calendar_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0016_programme_release"),
        ("attendees", "0009_outbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="calendar_key",
            field=models.CharField(editable=False, max_length=40, null=True),
        ),
        migrations.RunPython(give_each_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="calendar_key",
            field=models.CharField(
                default=attendees.models.new_calendar_key, editable=False, max_length=40, unique=True
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="starred_sessions",
            field=models.ManyToManyField(
                blank=True, related_name="starred_by", to="agenda.session", verbose_name="starred sessions"
            ),
        ),
    ]
