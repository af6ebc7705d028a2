"""The outbox: queued emails are sent once, retried with backoff after a failure, given up at last."""

import datetime as dt
import os
import signal
import threading
import time
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import OperationalError, connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from attendees import outbox
from attendees.management.commands import send_notifications
from attendees.models import Notification
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)"
)

GREETING = "test_greeting"


@outbox.sender(GREETING)
def send_greeting(registration, payload):
    send_mail(payload.get("subject", "Hello"), "Hello.", None, [registration.email])


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


REFUSING = "tests.attendees.test_outbox.RefusingBackend"


def registrations(count):
    edition = EditionFactory()
    return [RegistrationFactory(edition=edition) for _ in range(count)]


def queue(people, **payload):
    return outbox.enqueue_many(kind=GREETING, registration_ids=[p.pk for p in people], payload=payload)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_a_queued_email_is_sent_once_and_never_again():
    people = registrations(3)
    queue(people + people[:1], subject="Programme updated")  # one email per delegate, even if named twice

    assert outbox.drain() == 3
    assert outbox.drain() == 0
    assert outbox.drain(now=timezone.now() + dt.timedelta(days=30)) == 0

    assert recipients() == sorted(p.email for p in people)
    assert {m.subject for m in mail.outbox} == {"Programme updated"}
    assert Notification.objects.filter(sent_at__isnull=False, attempts=1).count() == 3


@pytest.mark.django_db
def test_a_failed_email_is_retried_later_and_later_then_given_up(settings):
    settings.EMAIL_BACKEND = REFUSING
    (person,) = registrations(1)
    queue([person])
    now = timezone.now()
    notification = Notification.objects.get()

    waits = []
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        assert outbox.drain(now=now) == 0
        notification.refresh_from_db()
        assert notification.attempts == attempt
        assert "ConnectionRefusedError: the mail server is down" in notification.last_error
        if attempt < outbox.MAX_ATTEMPTS:
            assert notification.failed_at is None
            waits.append(notification.due_at - now)
            # Not tried again before it falls due.
            assert outbox.drain(now=notification.due_at - dt.timedelta(seconds=1)) == 0
            assert Notification.objects.get().attempts == attempt
            now = notification.due_at

    assert waits == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8, 16)]
    assert notification.failed_at == now and notification.sent_at is None
    # Given up: the mail server is back, but nothing more is tried by itself.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.drain(now=now + dt.timedelta(days=7)) == 0
    assert mail.outbox == []

    # … until an organiser asks for one more try.
    assert outbox.retry_now(notification_ids=[notification.pk]) == 1
    assert outbox.drain() == 1
    assert recipients() == [person.email]
    assert outbox.retry_now(notification_ids=[notification.pk]) == 0  # sent: never again


@pytest.mark.django_db
def test_a_failing_sender_does_not_stop_the_others(settings):
    people = registrations(3)
    fail_for = people[1].email

    @outbox.sender("test_picky")
    def picky(registration, payload):
        if registration.email == fail_for:
            raise ValueError("no template for this delegate")
        send_greeting(registration, payload)

    outbox.enqueue_many(kind="test_picky", registration_ids=[p.pk for p in people])

    assert outbox.drain() == 2
    assert recipients() == sorted([people[0].email, people[2].email])
    failed = Notification.objects.get(registration=people[1])
    assert failed.sent_at is None and failed.attempts == 1 and "no template" in failed.last_error


@pytest.mark.django_db
def test_an_email_of_unknown_kind_waits_with_its_error():
    (person,) = registrations(1)
    outbox.enqueue_many(kind="test_nobody_sends_this", registration_ids=[person.pk])

    assert outbox.drain() == 0
    assert "No sender for emails of kind 'test_nobody_sends_this'" in Notification.objects.get().last_error


@pytest.mark.django_db(transaction=True)
def test_emails_leave_in_a_thread_once_the_transaction_commits(settings):
    settings.OUTBOX_SEND_AFTER_COMMIT = True
    people = registrations(2)

    with transaction.atomic():
        queue(people)
        assert not draining_threads()  # nothing leaves before the commit

    for thread in draining_threads():
        thread.join(timeout=10)
    assert recipients() == sorted(p.email for p in people)
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_nothing_leaves_when_the_transaction_rolls_back(settings):
    settings.OUTBOX_SEND_AFTER_COMMIT = True
    people = registrations(1)

    with pytest.raises(RuntimeError), transaction.atomic():
        queue(people)
        raise RuntimeError("the release failed")

    assert not draining_threads()
    assert Notification.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_without_sending_after_commit_the_emails_wait_for_the_worker():
    people = registrations(1)
    waiting = len(connection.run_on_commit)

    queue(people)

    assert len(connection.run_on_commit) == waiting and mail.outbox == []  # nothing to do after the commit
    call_command("send_notifications", stdout=(out := StringIO()))
    assert "1 email(s) sent." in out.getvalue()
    assert recipients() == [people[0].email]


@pytest.mark.django_db
def test_the_worker_sends_as_emails_fall_due_and_stops_cleanly_on_sigterm(settings):
    people = registrations(2)
    rounds = []

    @outbox.sender("test_last_one")
    def stop_after_sending(registration, payload):
        send_greeting(registration, payload)
        rounds.append(registration.pk)
        os.kill(os.getpid(), signal.SIGTERM)  # what `docker stop` or systemd sends

    queue(people[:1])
    outbox.enqueue_many(kind="test_last_one", registration_ids=[people[1].pk])
    before = signal.getsignal(signal.SIGTERM)

    call_command("send_notifications", "--loop", "--interval", "0.01", stdout=(out := StringIO()))

    assert recipients() == sorted(p.email for p in people)
    assert rounds == [people[1].pk]
    assert "Stopped." in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) == before  # the process's own handler is back


@pytest.mark.django_db
def test_the_worker_waits_out_a_database_outage_and_then_sends(settings, monkeypatch, caplog):
    people = registrations(1)
    queue(people)
    monkeypatch.setattr(send_notifications, "OUTAGE_BACKOFF", (0.01, 0.02, 0.05))
    refused = []

    def down_for_three_tries(execute, sql, params, many, context):
        if len(refused) < 3:
            refused.append(sql)
            raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
        return execute(sql, params, many, context)

    @outbox.sender("test_stop")
    def stop_once_sent(registration, payload):
        os.kill(os.getpid(), signal.SIGTERM)

    outbox.enqueue_many(kind="test_stop", registration_ids=[people[0].pk])
    with caplog.at_level("WARNING"), connection.execute_wrapper(down_for_three_tries):
        call_command("send_notifications", "--loop", "--interval", "0.01", stdout=(out := StringIO()))

    assert len(refused) == 3
    assert recipients() == [people[0].email]  # sent once the database answered again
    assert "Stopped." in out.getvalue()
    warnings = [record.getMessage() for record in caplog.records if record.name.endswith("send_notifications")]
    assert len(warnings) == 2  # one when the outage begins, one when it ends: not one per try
    assert "database unavailable" in warnings[0] and "Connection refused" in warnings[0]
    assert "answers again after 3 failed tries" in warnings[1]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_draining_at_once_never_send_an_email_twice():
    people = registrations(40)

    @outbox.sender("test_slow")
    def slow(registration, payload):
        time.sleep(0.01)  # long enough for the other worker to look at the same rows
        send_greeting(registration, payload)

    outbox.enqueue_many(kind="test_slow", registration_ids=[p.pk for p in people])
    start = threading.Barrier(2)
    sent = []

    def worker():
        start.wait(timeout=10)
        try:
            sent.append(outbox.drain())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(sent) == 40
    assert recipients() == sorted(p.email for p in people)  # each once
    assert Notification.objects.filter(sent_at__isnull=False, attempts=1).count() == 40


@pytest.mark.django_db
def test_the_admin_lists_queued_emails_and_tries_again(organiser_client, settings):
    settings.EMAIL_BACKEND = REFUSING
    people = registrations(2)
    queue(people)
    outbox.drain()
    sent = Notification.objects.get(registration=people[0])
    sent.sent_at, sent.failed_at = timezone.now(), None
    sent.save()
    url = reverse("admin:attendees_notification_changelist")

    page = organiser_client.get(url).content.decode()
    assert "ConnectionRefusedError" in page and people[1].email in page and people[0].email in page
    pending = organiser_client.get(url, {"delivery": "pending"}).content.decode()
    assert people[1].email in pending and people[0].email not in pending
    assert "Add queued email" not in page

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = organiser_client.post(
        url,
        {"action": "try_again_now", "_selected_action": [n.pk for n in Notification.objects.all()]},
        follow=True,
    )
    assert "1 unsent email will be tried again now." in response.content.decode()
    assert outbox.drain() == 1
    assert recipients() == [people[1].email]


def draining_threads():
    return [thread for thread in threading.enumerate() if thread.name == "outbox-drain"]


@pytest.mark.django_db(transaction=True)
def test_no_transaction_is_held_while_the_mail_server_is_spoken_to():
    people = registrations(2)
    inside = []

    @outbox.sender("test_watch")
    def watch(registration, payload):
        inside.append(connection.in_atomic_block)
        send_greeting(registration, payload)

    outbox.enqueue_many(kind="test_watch", registration_ids=[p.pk for p in people])

    assert outbox.drain() == 2
    assert inside == [False, False]  # no lock held meanwhile, by PostgreSQL or SQLite, on the outbox or elsewhere


class ProcessKilled(BaseException):
    """What stops a drain between two emails without an outcome recorded: the process dies."""


@pytest.mark.django_db
def test_emails_claimed_by_a_drain_that_died_are_due_again_after_the_lease():
    people = registrations(2)
    now = timezone.now()

    @outbox.sender("test_dies")
    def dies(registration, payload):
        raise ProcessKilled

    outbox.enqueue_many(kind="test_dies", registration_ids=[p.pk for p in people], now=now)
    with pytest.raises(ProcessKilled):
        outbox.drain(now=now)

    assert outbox.drain(now=now + dt.timedelta(minutes=1)) == 0  # claimed: no other drain sends them meanwhile
    outbox.sender("test_dies")(send_greeting)
    assert outbox.drain(now=now + outbox.CLAIM_LEASE) == 2
    assert recipients() == sorted(p.email for p in people)
