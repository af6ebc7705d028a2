"""The outbox: emails owed to delegates, queued in the database and sent out of the request.

Every email of the app goes through it. `enqueue` and `enqueue_many` write the rows inside the caller's
transaction, so an email is never lost and never sent for a change that was rolled back (a release of 5,000
changes queues 5,000 rows in one INSERT and returns); `drain` sends what is due, each kind through the sender
registered for it (attendees.emails), retrying a failure later and giving up after MAX_ATTEMPTS. Rows are
claimed in a short transaction (SKIP LOCKED on PostgreSQL) that moves them out of reach for CLAIM_LEASE, so
several workers never send the same email twice and no transaction or lock is held while the mail server
is spoken to. A mail server that does not answer (settings.EMAIL_TIMEOUT) costs one attempt, not one per
queued email: the rest of the batch waits a minute.

Who drains: `manage.py send_notifications --loop` in production (a worker process, which also retries the
failures when they fall due), and, when settings.OUTBOX_SEND_AFTER_COMMIT is on, a thread of the web process
started after the commit of each transaction that queued emails (`send_soon`), so they leave at once.
"""

import datetime as dt
import logging
import smtplib
import socket
import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.dispatch import receiver
from django.utils import timezone

from attendees.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BATCH_SIZE = 100
_senders = {}


def sender(kind):
    """Register `function(registration, payload)` as what sends the emails of this kind (it raises on failure).

    `registration` is None for an email to an address that holds no registration (payload["address"]).
    """

    def decorator(function):
        _senders[kind] = function
        return function

    return decorator


def retry_delay(attempts):
    """1, 2, 4, 8 … minutes after the attempts made so far."""
    return dt.timedelta(minutes=2 ** max(attempts - 1, 0))


def enqueue(*, kind, registration_id=None, payload=None, now=None):
    """Queue one email of `kind`: to a registration, or to payload["address"] when there is none."""
    notification = Notification.objects.create(
        registration_id=registration_id, kind=kind, payload=payload or {}, due_at=now or timezone.now()
    )
    send_soon()
    return notification


def enqueue_many(*, kind, registration_ids, payload=None, now=None):
    """Queue one email of `kind` for each registration; returns how many were queued."""
    now = now or timezone.now()
    rows = [
        Notification(registration_id=pk, kind=kind, payload=payload or {}, due_at=now)
        for pk in dict.fromkeys(registration_ids)
    ]
    Notification.objects.bulk_create(rows, batch_size=1000)
    if rows:
        send_soon()
    return len(rows)


@transaction.atomic
def retry_now(*, notification_ids, now=None):
    """Make these unsent emails due now, those given up included (one more attempt each); returns how many."""
    count = Notification.objects.filter(pk__in=notification_ids, sent_at__isnull=True).update(
        due_at=now or timezone.now(), failed_at=None
    )
    if count:
        send_soon()
    return count


# One draining thread per process at a time: a request for another while it runs makes it go round once more.
_draining = threading.Lock()
_drain_wanted = threading.Event()


def send_soon():
    """Drain the outbox in a background thread once the current transaction commits (never if it rolls back),
    and, in a request, once its response has been sent.

    Off when settings.OUTBOX_SEND_AFTER_COMMIT is False (the tests drain explicitly; a worker may do it all).
    """
    if getattr(settings, "OUTBOX_SEND_AFTER_COMMIT", True):
        transaction.on_commit(_start_draining)


# Rendering and sending an email takes the process's time (and its GIL): started while the response is still
# on its way, it would lengthen the answer by an amount that depends on which email it is (a new link, or
# "no registration under this address"), and so tell the asker what the page itself keeps to itself.
_request = threading.local()


@receiver(request_started)
def _request_begins(**kwargs):
    _request.open, _request.drain = True, False


@receiver(request_finished)
def _request_ends(**kwargs):
    drain, _request.open, _request.drain = getattr(_request, "drain", False), False, False
    if drain:
        _start_draining_now()


def _start_draining():
    if getattr(_request, "open", False):
        _request.drain = True  # once the response has been sent (request_finished)
        return
    _start_draining_now()


def _start_draining_now():
    _drain_wanted.set()
    if _draining.acquire(blocking=False):
        threading.Thread(target=_drain_in_background, name="outbox-drain", daemon=True).start()


def _drain_in_background():
    try:
        while True:
            try:
                while _drain_wanted.is_set():
                    _drain_wanted.clear()
                    drain()
            except Exception:
                logger.exception("Draining the outbox failed; the worker or the next commit tries again")
            finally:
                _draining.release()
            # Asked again between the last drain and the release: go round once more, unless another thread does.
            if not _drain_wanted.is_set() or not _draining.acquire(blocking=False):
                break
    finally:
        # The thread's own database connection: closed, not left for the server to time out.
        connection.close()


# Claimed emails are out of other drains' reach this long: sent and recorded by then, or due again (their
# process died). Far longer than a batch takes, even at EMAIL_TIMEOUT for each email.
CLAIM_LEASE = dt.timedelta(minutes=30)


@transaction.atomic
def _claim(limit, now):
    due = Notification.objects.filter(sent_at__isnull=True, failed_at__isnull=True, due_at__lte=now).order_by(
        "due_at", "pk"
    )
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True, of=("self",))
    batch = list(due.select_related("registration__edition")[:limit])
    # The rows keep their own due time in memory: recorded again with the outcome.
    Notification.objects.filter(pk__in=[notification.pk for notification in batch]).update(due_at=now + CLAIM_LEASE)
    # One object per registration: a sender that changes it (a new link key) changes it for the emails after.
    shared = {}
    for notification in batch:
        if notification.registration_id:
            notification.registration = shared.setdefault(notification.registration_id, notification.registration)
    return batch


# Failures of the mail server itself, not of one email: the emails after it would only wait as long again.
SERVER_UNREACHABLE = (
    TimeoutError,
    ConnectionError,
    socket.gaierror,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
)


class Withheld(Exception):
    """Raised by a sender for an email that must not go (e.g. too many to one address): given up, with the reason."""


def _send_one(notification, now):
    """Send one email and record the outcome; returns the error, or None once sent."""
    send = _senders.get(notification.kind)
    failure = None
    try:
        if send is None:
            raise LookupError(f"No sender for emails of kind {notification.kind!r}")
        send(notification.registration, notification.payload)
    except Withheld as reason:
        notification.failed_at = now
        notification.last_error = str(reason)[:2000]
    except Exception as error:  # noqa: BLE001 — any failure is retried later, and logged
        failure = error
        logger.warning("Queued email %s (%s) not sent: %s", notification.pk, notification.kind, error)
        notification.attempts += 1
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        if notification.attempts >= MAX_ATTEMPTS:
            notification.failed_at = now
        else:
            notification.due_at = now + retry_delay(notification.attempts)
    else:
        notification.attempts += 1
        notification.sent_at = now
        notification.last_error = ""  # an earlier attempt's error no longer describes it
    notification.save(update_fields=["attempts", "last_error", "failed_at", "due_at", "sent_at"])
    return failure


def drain(*, limit=None, now=None):
    """Send the queued emails that are due, in batches; returns how many were sent.

    When the mail server cannot be reached, the rest of the batch is put off by a minute without an attempt
    counted: a hung server holds the drain for one EMAIL_TIMEOUT, not for one per queued email.
    """
    sent = 0
    while limit is None or sent < limit:
        moment = now or timezone.now()
        unreachable = False
        batch = _claim(BATCH_SIZE if limit is None else min(BATCH_SIZE, limit - sent), moment)
        for position, notification in enumerate(batch):
            error = _send_one(notification, moment)
            if isinstance(error, SERVER_UNREACHABLE):
                rest = [later.pk for later in batch[position + 1 :]]
                Notification.objects.filter(pk__in=rest).update(due_at=moment + retry_delay(1))
                unreachable = True
                break
        if not batch:
            break
        sent += sum(1 for notification in batch if notification.sent_at)
        if unreachable or all(notification.sent_at is None for notification in batch):
            break  # the mail server is away, or everything due failed: try again later, not in a loop now
    return sent
