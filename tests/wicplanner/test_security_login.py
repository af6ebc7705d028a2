"""The admin login throttle (django-axes): a few wrong passwords lock one username from one address for a while."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory, override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "Organiser-pw-2031"
LOGIN = "/admin/login/"
LOCKED = "Too many failed attempts to log in as “{}” from this address. Try again in 15 minutes"
OFFICE, HOME = "198.51.100.7", "203.0.113.9"


@pytest.fixture
def organiser(django_user_model):
    return django_user_model.objects.create_superuser("organiser", "organiser@example.org", PASSWORD)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser("colleague", "colleague@example.org", PASSWORD)


def log_in(client, username, password, address=OFFICE, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address, **headers
    )


def guess_wrong(client, username, times, address=OFFICE, **headers):
    return [log_in(client, username, f"wrong-{n}", address, **headers) for n in range(times)]


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_below_the_limit_are_only_refused(client, organiser):
    answers = guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT - 1)

    assert [answer.status_code for answer in answers] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert "Please enter the correct username and password" in answers[-1].content.decode()
    assert log_in(client, "organiser", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_the_last_wrong_password_locks_and_the_page_says_why(client, organiser):
    *_, last = guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)

    assert last.status_code == 429
    page = last.content.decode()
    assert LOCKED.format("organiser") in page
    assert 'id="login-form"' in page  # still the login page, with its form
    assert "Please enter the correct username and password" not in page


def test_a_locked_username_is_refused_even_with_the_right_password(client, organiser):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)

    answer = log_in(client, "organiser", PASSWORD)

    assert answer.status_code == 429
    assert LOCKED.format("organiser") in answer.content.decode()
    assert not is_logged_in(client)


def test_other_people_and_the_same_person_elsewhere_are_not_locked(client, organiser, colleague):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)

    assert log_in(client, "colleague", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "organiser", PASSWORD, address=HOME).status_code == 302
    assert is_logged_in(client)


def test_the_lock_ends_after_the_cool_off(client, organiser):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)
    assert log_in(client, "organiser", PASSWORD).status_code == 429

    # The clock moves on past the cool-off: the attempts were made that long ago.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))

    assert log_in(client, "organiser", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_wrong_passwords_during_the_lock_do_not_extend_it(client, organiser):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)
    locked_at = AccessAttempt.objects.get().attempt_time

    guess_wrong(client, "organiser", 3)

    assert AccessAttempt.objects.get().attempt_time == locked_at


def test_axes_reset_username_unlocks(client, organiser):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)

    call_command("axes_reset_username", "organiser", stdout=None)

    assert log_in(client, "organiser", PASSWORD).status_code == 302


def test_another_organiser_unlocks_in_the_admin(client, organiser, colleague):
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get()
    client.force_login(colleague)

    listing = client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "organiser" in listing.content.decode()
    deleted = client.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"}
    )
    assert deleted.status_code == 302
    client.logout()

    assert log_in(client, "organiser", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_lock_without_a_trusted_proxy(client, organiser):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "organiser", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    answer = log_in(client, "organiser", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")

    assert answer.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_each_client_address_is_counted_on_its_own(client, organiser):
    proxy = "10.0.0.5"
    guess_wrong(client, "organiser", settings.AXES_FAILURE_LIMIT, address=proxy, HTTP_X_FORWARDED_FOR=OFFICE)

    assert log_in(client, "organiser", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 429
    # A client cannot pretend to be another by sending its own header: the proxy appends the real address.
    spoofed = f"{HOME}, {OFFICE}"
    assert log_in(client, "organiser", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
    assert log_in(client, "organiser", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=f"{OFFICE}, {HOME}").status_code == 302


def test_the_throttle_keeps_its_count_in_the_database_and_holds_when_the_cache_is_down(organiser):
    # The password check alone (the pages around it have their own answer to a cache outage).
    pytest.importorskip("redis")
    nowhere = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}

    def attempt(password):
        request = RequestFactory().post(LOGIN, REMOTE_ADDR=OFFICE)
        return authenticate(request=request, username="organiser", password=password)

    with override_settings(CACHES=nowhere):
        assert attempt(PASSWORD) == organiser
        for n in range(settings.AXES_FAILURE_LIMIT):
            assert attempt(f"wrong-{n}") is None
        assert attempt(PASSWORD) is None

    assert AccessAttempt.objects.get().failures_since_start == settings.AXES_FAILURE_LIMIT
