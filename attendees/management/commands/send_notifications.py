"""Send the queued emails that are due (attendees.outbox): once, or as a worker with --loop."""

import contextlib
import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, close_old_connections, connection

from attendees import outbox

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# Seconds between two tries while the database is unreachable: soon for a blip, then no faster than this.
OUTAGE_BACKOFF = (1, 2, 5, 10)


class Command(BaseCommand):
    help = "Send the queued emails that are due. With --loop, keep looking every few seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running; stop cleanly on SIGTERM or SIGINT.")
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between two looks at the outbox (default: settings.OUTBOX_POLL_SECONDS).",
        )

    def handle(self, *args, loop=False, interval=None, **options):
        if not loop:
            self.stdout.write(f"{outbox.drain()} email(s) sent.")
            return
        interval = settings.OUTBOX_POLL_SECONDS if interval is None else interval
        stop = threading.Event()
        previous = {number: signal.signal(number, lambda *_: stop.set()) for number in STOP_SIGNALS}
        self.stdout.write(f"Sending queued emails every {interval:g} s; stop with Ctrl-C or SIGTERM.")
        failures = 0
        try:
            while not stop.is_set():
                try:
                    if not connection.in_atomic_block:
                        close_old_connections()  # a worker that runs for days reconnects after the database restarts
                    self._report(outbox.drain())
                except (DatabaseError, InterfaceError) as error:
                    # The database is down, restarting or hung: the queue waits in it, so wait for it too.
                    failures += 1
                    self._database_failed(error, failures)
                    stop.wait(OUTAGE_BACKOFF[min(failures, len(OUTAGE_BACKOFF)) - 1])
                    continue
                if failures:
                    logger.warning("Outbox worker: the database answers again after %d failed tries.", failures)
                    failures = 0
                # The email being sent when the signal came is finished and recorded: nothing is sent twice.
                stop.wait(interval)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        self.stdout.write("Stopped.")

    def _database_failed(self, error, failures):
        if failures == 1:  # one line per outage, not one per try
            logger.warning("Outbox worker: database unavailable, retrying until it answers: %s", error)
        # A broken connection would fail every later try: the next one opens a new connection.
        if connection.in_atomic_block:
            return
        with contextlib.suppress(DatabaseError, InterfaceError):  # it may fail; it is dropped all the same
            connection.close()

    def _report(self, sent):
        if sent:
            self.stdout.write(f"{sent} email(s) sent.")
