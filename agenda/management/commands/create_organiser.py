import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) the organiser account for local use and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="organiser")
        parser.add_argument("--email", default="organiser@example.org")
        parser.add_argument("--password", help="Default: a new random password, printed.")

    def handle(self, *args, username, email, password, **options):
        password = password or secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=["Programme editors", "Registration desk", "Check-in staff"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"\nOrganiser login for {settings.SITE_URL}/admin/\n  username: {username}\n  password: {password}\n"
            )
        )
