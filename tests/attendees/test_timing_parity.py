"""Timing parity, by counting the work done: a known and an unknown address cost the same SQL.

Whether an address is registered must not show in how long the register and new-link forms take. The
measurement is bench/timing_parity.py (200 tries each way); here the cause is pinned: both paths run the
same number of statements, on the same tables, with the same writes, and queue the same number of emails.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendees import services
from attendees.enums import RegistrationStatus
from attendees.models import Notification, Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")
TABLE = re.compile(r'\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


def statement(sql):
    """(what, table) of one SQL statement; the end of a savepoint, kept or rolled back, is one kind of work."""
    words = sql.split()
    verb = words[0].upper()
    if verb in ("RELEASE", "ROLLBACK") and "SAVEPOINT" in sql.upper():
        return ("END SAVEPOINT", "")
    if verb == "SAVEPOINT":
        return ("SAVEPOINT", "")
    table = TABLE.search(sql)
    locked = " FOR UPDATE" if verb == "SELECT" and "FOR UPDATE" in sql.upper() else ""
    return (verb + locked, table.group(1) if table else "")


def work(call):
    """The statements a call runs, and the emails it queues."""
    queued = Notification.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = call()
    return response, [statement(query["sql"]) for query in queries], Notification.objects.count() - queued


def writes(statements):
    return [(verb, table) for verb, table in statements if verb in WRITES]


def tables(statements):
    return [table for _verb, table in statements]


@pytest.fixture(params=[None, 500], ids=["no cap", "capped"])
def edition(request):
    return open_registration(EditionFactory(), registration_cap=request.param)


@pytest.fixture
def sessions(edition):
    """One session with a seat left and one full, so that both a seat and a waiting-list place are written."""
    first = SessionFactory(edition=edition, title="Open forum", capacity=10, registration_required=True)
    full = SessionFactory(
        edition=edition,
        title="Full forum",
        capacity=1,
        registration_required=True,
        start=first.end,
        end=first.end + (first.end - first.start),
    )
    services.registration_create(edition=edition, data=delegate_data(900), session_ids=[full.pk])
    return [first, full]


def register(client, edition, sessions, n, email):
    form = {**delegate_data(n, email=email), "consent": "on", "sessions": [str(s.pk) for s in sessions]}
    return lambda: client.post(reverse("attendees:register", args=[edition.slug]), form)


def known(edition, status):
    registration = services.registration_create(edition=edition, data=delegate_data(1, email="known@example.org"))
    Registration.objects.filter(pk=registration.pk).update(status=status)
    return registration


@pytest.mark.parametrize(
    "status", [RegistrationStatus.SUBMITTED, RegistrationStatus.APPROVED, RegistrationStatus.REJECTED]
)
def test_registering_a_known_address_does_the_work_of_a_new_registration(client, edition, sessions, status):
    known(edition, status)
    client.get(reverse("attendees:register", args=[edition.slug]))  # the session and CSRF cookie, as a browser

    new_answer, new, new_queued = work(register(client, edition, sessions, 2, "new@example.org"))
    known_answer, again, known_queued = work(register(client, edition, sessions, 3, "KNOWN@example.org"))

    assert (new_answer.status_code, new_answer["Location"]) == (known_answer.status_code, known_answer["Location"])
    assert again == new  # statement for statement: the same checks, locks and writes, in the same order
    assert len(writes(new)) >= 6  # the registration, its history, its record, two places and the email
    assert new_queued == known_queued == 1
    assert Registration.objects.filter(email__iexact="known@example.org").count() == 1
    assert Registration.objects.filter(email__endswith=services.STAND_IN_DOMAIN).count() == 0
    assert list(Notification.objects.order_by("pk").values_list("kind", flat=True))[-2:] == [
        "received",
        "already_registered",
    ]


def test_registering_again_after_cancelling_does_the_same_work_but_for_the_old_places(client, edition, sessions):
    cancelled = services.registration_create(
        edition=edition, data=delegate_data(1, email="known@example.org"), session_ids=[sessions[0].pk]
    )
    services.registration_cancel(registration=cancelled)

    _answer, new, new_queued = work(register(client, edition, sessions, 2, "new@example.org"))
    _answer, again, again_queued = work(register(client, edition, sessions, 3, "known@example.org"))

    # The registration row is updated rather than inserted, and the places of its cancelled past deleted.
    assert [row for row in again if row != ("DELETE", "attendees_sessionchoice")] == [
        ("UPDATE", "attendees_registration") if row == ("INSERT", "attendees_registration") else row for row in new
    ]
    assert len(again) == len(new) + 1
    assert new_queued == again_queued == 1
    cancelled.refresh_from_db()
    assert cancelled.status == RegistrationStatus.SUBMITTED
    assert list(cancelled.choices.values_list("session_id", flat=True).order_by("session_id")) == [
        s.pk for s in sessions
    ]


def test_a_form_error_is_the_same_for_a_known_address(client, edition, sessions):
    known(edition, RegistrationStatus.APPROVED)
    overlapping = SessionFactory(
        edition=edition,
        title="Overlapping forum",
        registration_required=True,
        start=sessions[0].start,
        end=sessions[0].end,
    )
    chosen = [sessions[0], overlapping]

    new_answer, new, _ = work(register(client, edition, chosen, 2, "new@example.org"))
    known_answer, again, _ = work(register(client, edition, chosen, 3, "known@example.org"))

    assert new_answer.status_code == known_answer.status_code == 200
    assert new_answer.context["form"].errors == known_answer.context["form"].errors
    assert again == new


def test_asking_for_a_link_does_the_same_work_for_a_known_and_an_unknown_address(client, edition):
    known(edition, RegistrationStatus.APPROVED)
    url = reverse("attendees:resend", args=[edition.slug])

    known_answer, for_known, known_queued = work(lambda: client.post(url, {"email": "known@example.org"}))
    unknown_answer, for_unknown, unknown_queued = work(lambda: client.post(url, {"email": "nobody@example.org"}))

    assert known_answer["Location"] == unknown_answer["Location"]
    assert for_known == for_unknown
    assert writes(for_known) == [("INSERT", "attendees_notification")]
    assert known_queued == unknown_queued == 1
