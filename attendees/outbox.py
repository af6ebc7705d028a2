"""The outbox: emails owed to delegates, queued in the database and sent out of the request.

`enqueue_many` writes the rows inside the caller's transaction (a release of 5,000 changes queues 5,000 rows
in one INSERT and returns); `drain` sends what is due, each kind through the sender registered for it,
retrying a failure later and giving up after MAX_ATTEMPTS. Rows are claimed with SKIP LOCKED on PostgreSQL,
so several workers never send the same email twice.

Who drains: `manage.py send_notifications --loop` in production (a worker process, which also retries the
failures when they fall due), and, when settings.OUTBOX_SEND_AFTER_COMMIT is on, a thread of the web process
started after the commit of each transaction that queued emails (`send_soon`), so they leave at once.
"""

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from attendees.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BATCH_SIZE = 100
_senders = {}


def sender(kind):
    """Register `function(registration, payload)` as what sends the emails of this kind (it raises on failure)."""

    def decorator(function):
        _senders[kind] = function
        return function

    return decorator


def retry_delay(attempts):
    """1, 2, 4, 8 … minutes after the attempts made so far."""
    return dt.timedelta(minutes=2 ** max(attempts - 1, 0))


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
    """Drain the outbox in a background thread once the current transaction commits (never if it rolls back).

    Off when settings.OUTBOX_SEND_AFTER_COMMIT is False (the tests drain explicitly; a worker may do it all).
    """
    if getattr(settings, "OUTBOX_SEND_AFTER_COMMIT", True):
        transaction.on_commit(_start_draining)


def _start_draining():
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


def _claim(limit, now):
    due = Notification.objects.filter(sent_at__isnull=True, failed_at__isnull=True, due_at__lte=now).order_by(
        "due_at", "pk"
    )
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True, of=("self",))
    return list(due.select_related("registration__edition")[:limit])


def _send_one(notification, now):
    send = _senders.get(notification.kind)
    try:
        if send is None:
            raise LookupError(f"No sender for emails of kind {notification.kind!r}")
        send(notification.registration, notification.payload)
    except Exception as error:  # noqa: BLE001 — any failure is retried later, and logged
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
    notification.save(update_fields=["attempts", "last_error", "failed_at", "due_at", "sent_at"])


def drain(*, limit=None, now=None):
    """Send the queued emails that are due, in batches; returns how many were sent."""
    sent = 0
    while limit is None or sent < limit:
        moment = now or timezone.now()
        with transaction.atomic():
            batch = _claim(BATCH_SIZE if limit is None else min(BATCH_SIZE, limit - sent), moment)
            for notification in batch:
                _send_one(notification, moment)
        if not batch:
            break
        sent += sum(1 for notification in batch if notification.sent_at)
        if all(notification.sent_at is None for notification in batch):
            break  # everything due failed: try again later, not in a loop now
    return sent
