"""Send the queued emails that are due (attendees.outbox): once, or as a worker with --loop."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from attendees import outbox

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


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
        try:
            while not stop.is_set():
                if not connection.in_atomic_block:
                    close_old_connections()  # a worker that runs for days reconnects after the database restarts
                self._report(outbox.drain())
                # The email being sent when the signal came is finished and recorded: nothing is sent twice.
                stop.wait(interval)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        self.stdout.write("Stopped.")

    def _report(self, sent):
        if sent:
            self.stdout.write(f"{sent} email(s) sent.")
