"""Helpers shared by the attendees tests."""

import datetime as dt

import pytest
from django.core import mail

from attendees import services
from tests.factories import SessionFactory
from tests.factories.attendees import delegate_data


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and deliver the emails its transaction commits; the outbox holds only those."""

    def committed(call, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return committed


def consecutive_sessions(edition, count, **fields):
    """`count` sessions that take registrations, one an hour from 08:00 on the edition's first day (none overlap)."""
    day = edition.start_date
    return [
        SessionFactory(
            edition=edition,
            registration_required=True,
            start=dt.datetime.combine(day, dt.time(8 + n), tzinfo=edition.zone),
            end=dt.datetime.combine(day, dt.time(8 + n, 50), tzinfo=edition.zone),
            **fields,
        )
        for n in range(count)
    ]


def delegate_with_sessions(edition, count):
    """A delegate who chose `count` sessions, waitlisted in every other one (one seat each, taken by another)."""
    sessions = consecutive_sessions(edition, count)
    for n, session in enumerate(sessions):
        session.capacity = 1 if n % 2 == 0 else None
        session.save(update_fields=["capacity"])
    ids = [session.pk for session in sessions]
    services.registration_create(edition=edition, data=delegate_data(900), session_ids=ids)
    return services.registration_create(edition=edition, data=delegate_data(901), session_ids=ids)
