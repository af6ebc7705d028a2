import secrets

from axes.utils import reset as reset_failed_logins
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the organiser account for local use and print its login; an existing account is left as it is "
        "(its sessions stay signed in) unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="organiser")
        parser.add_argument("--email", default="organiser@example.org")
        parser.add_argument("--password", help="Default: a new random password, printed.")
        parser.add_argument(
            "--reset", action="store_true", help="Give an existing account a new password (signs it out everywhere)."
        )

    def handle(self, *args, username, email, password, reset, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is not None and not reset:
            self.stdout.write(
                f"\nOrganiser login for {settings.SITE_URL}/admin/\n"
                f"  username: {username} (the account exists; its password is unchanged)\n"
                f"  to set a new one: python manage.py create_organiser --username {username} --reset\n"
            )
            return
        password = password or secrets.token_urlsafe(12)
        user = user or get_user_model()(username=username, email=email)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=["Programme editors", "Registration desk", "Check-in staff"]))
        # A new password is the way back in after too many wrong ones: lift the login throttle's lock too.
        reset_failed_logins(username=username)
        self.stdout.write(
            self.style.SUCCESS(
                f"\nOrganiser login for {settings.SITE_URL}/admin/\n  username: {username}\n  password: {password}\n"
            )
        )
