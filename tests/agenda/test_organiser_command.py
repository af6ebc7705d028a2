import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def create_organiser(*args):
    out = StringIO()
    call_command("create_organiser", *args, stdout=out)
    return out.getvalue()


def sign_in(username, password):
    """The admin login's check (its throttle needs the request it comes with)."""
    return authenticate(RequestFactory().post("/admin/login/"), username=username, password=password)


def printed_password(output):
    match = re.search(r"password: (\S+)", output)
    return match and match.group(1)


def test_first_run_creates_the_organiser_and_prints_a_password_that_logs_in(settings):
    settings.SITE_URL = "http://127.0.0.1:8042"

    output = create_organiser()

    password = printed_password(output)
    user = sign_in("organiser", password)
    assert user is not None
    assert (user.is_staff, user.is_superuser) == (True, True)
    assert "http://127.0.0.1:8042/admin/" in output


def test_second_run_keeps_the_password_and_says_how_to_reset_it():
    password = printed_password(create_organiser())
    hashed = get_user_model().objects.get(username="organiser").password

    output = create_organiser()

    assert printed_password(output) is None
    assert get_user_model().objects.get(username="organiser").password == hashed
    assert sign_in("organiser", password) is not None
    assert "--reset" in output


def test_reset_gives_a_new_password():
    old = printed_password(create_organiser())

    new = printed_password(create_organiser("--reset"))

    assert new != old
    assert sign_in("organiser", old) is None
    assert sign_in("organiser", new) is not None
