"""Seats under load: real concurrent connections against PostgreSQL, as at the opening of registration."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from agenda.enums import SessionKind
from agenda.models import Session
from attendees import outbox, selectors, services
from attendees.enums import ChoiceStatus
from attendees.models import Registration, SessionChoice
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)"
)


def register_many(edition, forum, count, workers=40):
    """`count` delegates submit at once from `workers` connections; returns the errors raised."""
    start = threading.Barrier(workers)
    errors = []

    def submit(numbers):
        start.wait(timeout=30)
        try:
            for n in numbers:
                try:
                    services.registration_create(edition=edition, data=delegate_data(n), session_ids=[forum.pk])
                except Exception as error:  # collected and asserted: a failure must not hide in a thread
                    errors.append(error)
        finally:
            connections.close_all()

    batches = [list(range(w, count, workers)) for w in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(submit, batches))
    return errors


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_hundred_concurrent_registrations_fill_fifty_seats_and_waitlist_the_rest_in_order():
    edition = open_registration(EditionFactory())
    forum = SessionFactory(edition=edition, kind=SessionKind.SUB_FORUM, capacity=50, registration_required=True)

    errors = register_many(edition, forum, 200)

    choices = list(SessionChoice.objects.filter(session=forum).order_by("created_at", "pk"))
    assert errors == []
    assert Registration.objects.count() == 200
    assert len({c.registration.email for c in choices}) == 200
    assert [c.status for c in choices] == [ChoiceStatus.SEAT] * 50 + [ChoiceStatus.WAITLIST] * 150
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 50}

    # A cancellation frees one seat: exactly the first on the waiting list gets it, and is told.
    first_waiting = choices[50]
    mail.outbox.clear()
    services.registration_cancel(registration=choices[0].registration)

    statuses = dict(SessionChoice.objects.filter(session=forum).values_list("pk", "status"))
    assert statuses[first_waiting.pk] == ChoiceStatus.SEAT
    assert sum(1 for status in statuses.values() if status == ChoiceStatus.SEAT) == 51  # 50 active + the cancelled row
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 50}
    outbox.drain()
    assert [m.to for m in mail.outbox if "a seat is free" in m.subject] == [[first_waiting.registration.email]]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_with_the_same_email_create_one():
    edition = open_registration(EditionFactory())
    workers = 20
    start = threading.Barrier(workers)
    outcomes = []

    def submit(_):
        try:
            start.wait(timeout=30)
            services.registration_create(edition=edition, data=delegate_data(1, email="Same@Example.org"))
            outcomes.append("created")
        except services.AlreadyRegistered:
            outcomes.append("already")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(submit, range(workers)))

    assert sorted(outcomes) == ["already"] * (workers - 1) + ["created"]
    assert Registration.objects.count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_overall_cap_holds_under_concurrency():
    edition = open_registration(EditionFactory(), registration_cap=30)
    forum = SessionFactory(edition=edition, capacity=None, registration_required=True)

    errors = register_many(edition, forum, 60, workers=30)

    assert Registration.objects.count() == 30
    assert len(errors) == 30
    assert all(isinstance(error, services.RegistrationError) for error in errors)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_submissions_of_one_address_register_once_and_send_one_notice(settings):
    """A double-clicking delegate, or a script: one registration, one receipt, at most one "already registered"."""
    settings.REGISTRATION_RATE = "off"
    edition = open_registration(EditionFactory())
    workers = 50
    start = threading.Barrier(workers)
    data = {
        **delegate_data(1, email="Same@Example.org"),
        "consent": "on",
        "phone": "",
        "dietary_needs": "",
        "accessibility_needs": "",
    }
    statuses = []

    def submit(_):
        try:
            client = Client()
            start.wait(timeout=30)
            statuses.append(client.post(reverse("attendees:register", args=[edition.slug]), data).status_code)
        finally:
            connections.close_all()

    mail.outbox.clear()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(submit, range(workers)))

    assert statuses == [302] * workers
    assert Registration.objects.count() == 1
    outbox.drain()  # 49 "already registered" emails queued: the first to be sent claims the hour, the others skip
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [f"{edition.name}: registration received", f"{edition.name}: you are already registered"]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_capacity_raised_while_registrations_arrive_never_overfills_and_serves_the_waiting_list_in_order():
    edition = open_registration(EditionFactory())
    forum = SessionFactory(edition=edition, kind=SessionKind.SUB_FORUM, capacity=10, registration_required=True)
    promoted = []

    def raise_capacity():
        # The organiser saves the session in the admin once the waiting list has begun: the same two steps.
        try:
            deadline = time.monotonic() + 30
            while SessionChoice.objects.filter(session=forum).count() < 30 and time.monotonic() < deadline:
                time.sleep(0.005)
            with transaction.atomic():
                Session.objects.filter(pk=forum.pk).update(capacity=60)
                promoted.extend(services.session_seats_changed(session_ids=[forum.pk]).promoted)
        finally:
            connections.close_all()

    mail.outbox.clear()
    with ThreadPoolExecutor(max_workers=1) as organiser:
        raised = organiser.submit(raise_capacity)
        errors = register_many(edition, forum, 120, workers=30)
        raised.result()

    choices = list(SessionChoice.objects.filter(session=forum).order_by("created_at", "pk"))
    assert errors == []
    assert [c.status for c in choices] == [ChoiceStatus.SEAT] * 60 + [ChoiceStatus.WAITLIST] * 60
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 60}
    assert promoted, "the capacity was raised while delegates were waiting"
    outbox.drain()
    assert sorted(m.to[0] for m in mail.outbox if "a seat is free" in m.subject) == sorted(
        c.registration.email for c in promoted
    )


@postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locked", [True, False], ids=["with the row lock", "control without it"])
def test_forty_at_once_on_five_seats_on_a_slow_server_overfill_only_without_the_row_lock(monkeypatch, locked):
    """The lock is what holds capacity: the same load, read without it, overfills (the control)."""
    count_seats = selectors.seats_taken

    def slow_seats_taken(session_ids):
        taken = count_seats(session_ids)
        time.sleep(0.02)  # a busy server: the count is a moment old when the seat is written
        return taken

    def read_without_lock(session_ids):
        return list(Session.objects.filter(pk__in=sorted(set(session_ids))).order_by("pk"))

    monkeypatch.setattr(selectors, "seats_taken", slow_seats_taken)
    if not locked:
        monkeypatch.setattr(services, "_lock_sessions", read_without_lock)
    edition = open_registration(EditionFactory())
    forum = SessionFactory(edition=edition, kind=SessionKind.SUB_FORUM, capacity=5, registration_required=True)

    errors = register_many(edition, forum, 40)

    seats = count_seats([forum.pk])[forum.pk]
    assert errors == []
    assert (seats == 5) if locked else (seats > 5)
