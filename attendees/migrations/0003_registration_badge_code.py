"""Short badge codes (eight characters, typed or scanned at the door), and when the “already registered” email went.

Existing registrations get their codes here: the column is added empty, filled with distinct codes, then made
required and unique.
"""

import secrets

from django.db import migrations, models

import attendees.models

# A copy of the generator as it was when this migration was written, so that re-running it gives the same kind of code.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
DIGITS = frozenset("23456789")
LENGTH = 8
BATCH = 1000


def random_badge_code():
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if 0 < sum(character in DIGITS for character in code) < LENGTH:
            return code


def fill_badge_codes(apps, schema_editor):
    Registration = apps.get_model("attendees", "Registration")
    used = set(Registration.objects.exclude(badge_code=None).values_list("badge_code", flat=True))
    missing = list(Registration.objects.filter(badge_code=None).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(missing), BATCH):
        batch = []
        for pk in missing[start : start + BATCH]:
            code = random_badge_code()
            while code in used:
                code = random_badge_code()
            used.add(code)
            batch.append(Registration(pk=pk, badge_code=code))
        Registration.objects.bulk_update(batch, ["badge_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("attendees", "0002_staff_group_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="badge_code",
            field=models.CharField(editable=False, max_length=8, null=True, verbose_name="badge code"),
        ),
        migrations.AddField(
            model_name="registration",
            name="duplicate_notice_sent_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="“already registered” email sent"
            ),
        ),
        migrations.RunPython(fill_badge_codes, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="registration",
            name="badge_code",
            field=models.CharField(
                default=attendees.models.new_badge_code, editable=False, max_length=8, verbose_name="badge code"
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(fields=("badge_code",), name="unique_badge_code"),
        ),
    ]
