"""Benchmark: publish a programme release of a 600-session edition with 20,000 registrations.

Run with `python bench/releases.py` (part of `make bench`). Half the sessions move between the two releases,
so most delegates have changes; the release must return in well under 5 seconds, the emails only queued.
"""

import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wicplanner.settings.base")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/wicplanner-bench-releases.sqlite3")
# Only the publishing is timed here: the emails it queues are sent by the worker (send_notifications).
os.environ.setdefault("OUTBOX_SEND_AFTER_COMMIT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402
from results import record  # noqa: E402

REGISTRATIONS = 20_000
CHOICES_EACH = 3


def main():
    from agenda.models import Edition, Release, Session
    from agenda.services import publish_release
    from attendees.enums import ChoiceStatus, DelegateCategory
    from attendees.models import Notification, Registration, SessionChoice

    call_command("migrate", verbosity=0)
    call_command("generate_summit", slug="bench-releases", sessions=600, rooms=30, speakers=1200, days=4, replace=True)
    edition = Edition.objects.get(slug="bench-releases")
    Registration.objects.filter(edition=edition).delete()
    Release.objects.filter(edition=edition).delete()
    forums = list(Session.objects.filter(edition=edition, registration_required=True).values_list("pk", flat=True))
    now, rng = timezone.now(), random.Random(12)
    Registration.objects.bulk_create(
        (
            Registration(
                edition=edition,
                name=f"Delegate {n}",
                email=f"delegate{n}@bench.example",
                organisation="Bench",
                position="Tester",
                country="KE",
                category=DelegateCategory.GOVERNMENT,
                consented_at=now,
            )
            for n in range(REGISTRATIONS)
        ),
        batch_size=2000,
    )
    registrations = Registration.objects.filter(edition=edition).values_list("pk", flat=True)
    SessionChoice.objects.bulk_create(
        (
            SessionChoice(registration_id=pk, session_id=session_id, status=ChoiceStatus.SEAT)
            for pk in registrations
            for session_id in rng.sample(forums, min(CHOICES_EACH, len(forums)))
        ),
        batch_size=5000,
    )
    print(f"{len(forums)} sessions take registrations; {REGISTRATIONS} registrations, {CHOICES_EACH} places each")

    began = time.perf_counter()
    publish_release(edition=edition)
    print(f"first release (the baseline):        {time.perf_counter() - began:6.2f} s")

    moved = Session.objects.filter(edition=edition, pk__in=Session.objects.filter(edition=edition).values("pk")[:300])
    moved.update(start=F("start") + timedelta(minutes=30), end=F("end") + timedelta(minutes=30))
    began = time.perf_counter()
    release = publish_release(edition=edition, note_en="Half the sessions moved by half an hour")
    elapsed = time.perf_counter() - began
    queued = Notification.objects.filter(payload__release=release.pk).count()
    print(f"release of {len(release.changes)} changes, {queued} emails queued: {elapsed:6.2f} s")
    record(
        "publish a release (admin)",
        notes=f"the request takes {elapsed:.2f} s (target < 5 s): {len(release.changes)} sessions changed, "
        f"{queued:,} emails queued, {REGISTRATIONS:,} delegates ({connection.vendor})",
    )


if __name__ == "__main__":
    main()
