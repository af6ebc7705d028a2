"""Every email goes through the outbox: queued in the transaction of its change, rendered when it is sent.

Sending out of the request itself, and a hung mail server: test_mail_outage.py. The outbox's machinery
(retries, workers, the admin): test_outbox.py.
"""

import re

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from agenda.enums import SessionStatus
from attendees import emails, outbox, services
from attendees.models import Notification, Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return open_registration(EditionFactory(name="2031 Wuzhen Summit"))


@pytest.fixture
def forum(edition):
    return SessionFactory(edition=edition, title="Cyberspace Forum", registration_required=True, capacity=1)


def holder_and_waiting(edition, forum):
    holder = services.registration_create(edition=edition, data=delegate_data(1), session_ids=[forum.pk])
    waiting = services.registration_create(edition=edition, data=delegate_data(2), session_ids=[forum.pk])
    return holder, waiting


def queued():
    return list(Notification.objects.order_by("pk").values_list("kind", "registration__email"))


def cancel_session(forum):
    forum.status = SessionStatus.CANCELLED
    forum.save()
    services.session_seats_changed(session_ids=[forum.pk])


CHANGES = {
    "approve": lambda holder, waiting, forum: services.registration_approve(registration=holder, message="Welcome"),
    "reject": lambda holder, waiting, forum: services.registration_reject(registration=holder),
    "cancel": lambda holder, waiting, forum: services.registration_cancel(registration=holder),
    "update": lambda holder, waiting, forum: services.registration_update(
        registration=holder, data={"position": "Minister"}, session_ids=[forum.pk]
    ),
    "send link": lambda holder, waiting, forum: services.registration_send_link(
        edition=holder.edition, email=holder.email
    ),
    "session cancelled": lambda holder, waiting, forum: cancel_session(forum),
}
QUEUED = {
    "approve": [("approved", "delegate1@example.org")],
    "reject": [("promoted", "delegate2@example.org"), ("rejected", "delegate1@example.org")],
    "cancel": [("promoted", "delegate2@example.org"), ("cancelled", "delegate1@example.org")],
    "update": [("updated", "delegate1@example.org")],
    "send link": [("link", "delegate1@example.org")],
    "session cancelled": [
        ("session_cancelled", "delegate1@example.org"),
        ("session_cancelled", "delegate2@example.org"),
    ],
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_queues_its_emails_in_its_transaction_and_a_rolled_back_one_none(edition, forum, change):
    holder, waiting = holder_and_waiting(edition, forum)
    assert queued() == [("received", holder.email), ("received", waiting.email)]
    Notification.objects.all().delete()

    with pytest.raises(RuntimeError), transaction.atomic():
        CHANGES[change](holder, waiting, forum)
        raise RuntimeError("a later step of the same change failed")
    assert queued() == []

    CHANGES[change](Registration.objects.get(pk=holder.pk), waiting, forum)
    assert queued() == QUEUED[change]
    assert mail.outbox == []  # nothing is sent by the change itself

    assert outbox.drain() == len(QUEUED[change])
    assert [message.to[0] for message in mail.outbox] == [email for _kind, email in QUEUED[change]]


def test_an_email_is_rendered_when_it_is_sent_with_the_link_that_works_then(client, edition, forum, settings):
    holder, waiting = holder_and_waiting(edition, forum)
    outbox.drain()
    settings.EMAIL_BACKEND = "tests.attendees.test_outbox.RefusingBackend"
    services.registration_approve(registration=holder)
    outbox.drain()  # the approval fails, and waits for its retry
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.registration_send_link(edition=edition, email=holder.email)
    mail.outbox.clear()

    assert outbox.drain() == 1  # the new link goes first: earlier links stop working
    assert outbox.drain(now=Notification.objects.get(kind=emails.APPROVED).due_at) == 1

    link, approved = mail.outbox
    assert "registration link" in link.subject and "approved" in approved.subject
    paths = {re.search(r"/registration/[^\s/]+/", message.body).group(0) for message in (link, approved)}
    assert len(paths) == 1  # the approval, written when it was sent, carries the link that works now
    assert client.get(f"/{edition.slug}{paths.pop()}").status_code == 200


def test_a_seat_given_up_before_its_email_leaves_is_not_announced(edition, forum):
    holder, waiting = holder_and_waiting(edition, forum)
    services.registration_cancel(registration=holder)  # the seat goes to the waiting delegate …
    services.registration_update(registration=Registration.objects.get(pk=waiting.pk), data={}, session_ids=[])
    mail.outbox.clear()

    outbox.drain()

    # … who gave it up before the email left: told of the update, not of a seat they no longer hold.
    assert sorted((m.to[0], m.subject.split(": ")[1]) for m in mail.outbox if m.to == [waiting.email]) == [
        (waiting.email, "registration received"),
        (waiting.email, "registration updated"),
    ]
    assert Notification.objects.get(kind=emails.PROMOTED).sent_at is not None  # done with, not retried


@pytest.mark.urls("tests.attendees.urls_i18n")
def test_an_address_without_a_registration_is_told_so_in_the_language_of_the_page(client, edition, settings):
    with translation.override("zh-hans"):
        url = reverse("attendees:resend", args=[edition.slug])

    response = client.post(url, {"email": " Nobody@Example.org "})

    assert response.status_code == 302
    [notification] = Notification.objects.all()
    assert notification.registration is None and notification.recipient == "Nobody@Example.org"
    assert outbox.drain() == 1
    [message] = mail.outbox
    assert message.to == ["Nobody@Example.org"]
    html = message.alternatives[0][0]
    assert '<html lang="zh-hans">' in html
    assert f"{settings.SITE_URL}/zh-hans/{edition.slug}/register/" in message.body
    assert f"{settings.SITE_URL}/zh-hans/{edition.slug}/registration/resend/" in html


def test_an_already_registered_email_that_fails_is_sent_on_its_retry(edition, settings):
    registration = services.registration_create(edition=edition, data=delegate_data(1))
    outbox.drain()
    settings.EMAIL_BACKEND = "tests.attendees.test_outbox.RefusingBackend"
    services.registration_notify_duplicate(registration=registration)
    outbox.drain()  # refused: the once-an-hour allowance is not spent on an email that did not leave
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()

    assert outbox.drain(now=Notification.objects.get(kind=emails.ALREADY_REGISTERED).due_at) == 1
    assert [m.subject for m in mail.outbox] == ["2031 Wuzhen Summit: you are already registered"]


@pytest.mark.parametrize("registered", [True, False], ids=["registered", "not registered"])
def test_the_new_link_form_cannot_flood_an_inbox(client, edition, settings, registered):
    settings.NEW_LINK_EMAILS_PER_HOUR = 3
    settings.REGISTRATION_RATE = "off"  # many senders, each with an address of their own
    address = "victim@example.org"
    if registered:
        services.registration_create(edition=edition, data=delegate_data(1, email=address))
    outbox.drain()
    mail.outbox.clear()
    url = reverse("attendees:resend", args=[edition.slug])

    answers = [client.post(url, {"email": address.upper() if n % 2 else address}).status_code for n in range(5)]
    client.post(url, {"email": "someone.else@example.org"})
    outbox.drain()

    assert answers == [302] * 5  # every asker gets the same answer
    assert len([m for m in mail.outbox if m.to[0].lower() == address]) == 3
    assert ["someone.else@example.org"] in [m.to for m in mail.outbox]
    withheld = Notification.objects.filter(failed_at__isnull=False)
    assert withheld.count() == 2
    assert all("in the last hour" in n.last_error for n in withheld)


def test_a_sent_email_keeps_no_error_of_an_earlier_attempt(edition, settings):
    services.registration_create(edition=edition, data=delegate_data(1))
    settings.EMAIL_BACKEND = "tests.attendees.test_outbox.RefusingBackend"
    outbox.drain()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notification = Notification.objects.get()
    assert notification.last_error

    assert outbox.drain(now=notification.due_at) == 1

    notification.refresh_from_db()
    assert notification.sent_at and notification.last_error == ""
