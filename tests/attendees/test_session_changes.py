"""Seats after organisers edit sessions: capacity raised or lowered, sessions cancelled or closed to registration."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from agenda import services as agenda_services
from agenda.enums import SessionKind, SessionStatus
from agenda.models import Session
from attendees import selectors, services
from attendees.enums import ChoiceStatus
from attendees.models import SessionChoice
from tests.agenda.test_admin import session_form
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

PROMOTED = "a seat is free for you"
SESSION_CANCELLED = "session cancelled"


@pytest.fixture
def edition():
    return open_registration(EditionFactory(name="2031 Wuzhen Summit"))


@pytest.fixture
def forum(edition):
    return SessionFactory(
        edition=edition, kind=SessionKind.SUB_FORUM, title="Cyberspace Forum", capacity=2, registration_required=True
    )


def register(edition, numbers, *sessions):
    return [
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[s.pk for s in sessions])
        for n in numbers
    ]


def statuses(session):
    """Each delegate's place, in the order of the waiting list."""
    return [
        (choice.registration.email, choice.status)
        for choice in SessionChoice.objects.filter(session=session).select_related("registration")
    ]


def set_capacity(session, capacity):
    session.capacity = capacity
    session.save()
    return services.session_seats_changed(session_ids=[session.pk])


def sent(subject):
    return [message.to for message in mail.outbox if message.subject.endswith(f": {subject}")]


# -- raising capacity ---------------------------------------------------------------------------


def test_raising_capacity_promotes_the_waiting_list_in_order_and_emails_each(edition, forum, committed):
    register(edition, range(5), forum)

    changes = committed(set_capacity, forum, 4)

    assert statuses(forum) == [
        ("delegate0@example.org", ChoiceStatus.SEAT),
        ("delegate1@example.org", ChoiceStatus.SEAT),
        ("delegate2@example.org", ChoiceStatus.SEAT),
        ("delegate3@example.org", ChoiceStatus.SEAT),
        ("delegate4@example.org", ChoiceStatus.WAITLIST),
    ]
    assert [choice.registration.email for choice in changes.promoted] == [
        "delegate2@example.org",
        "delegate3@example.org",
    ]
    assert sent(PROMOTED) == [["delegate2@example.org"], ["delegate3@example.org"]]
    assert changes.overbooked == []


def test_clearing_capacity_gives_everyone_waiting_a_seat(edition, forum, committed):
    register(edition, range(4), forum)

    committed(set_capacity, forum, None)

    assert [status for _email, status in statuses(forum)] == [ChoiceStatus.SEAT] * 4
    assert sent(PROMOTED) == [["delegate2@example.org"], ["delegate3@example.org"]]


def test_waiting_delegates_of_an_inactive_registration_are_skipped_when_capacity_rises(edition, forum, committed):
    registrations = register(edition, range(4), forum)
    services.registration_reject(registration=registrations[2])  # gives no seat back: 2 of 2 still held

    committed(set_capacity, forum, 3)

    assert statuses(forum)[2:] == [
        ("delegate2@example.org", ChoiceStatus.WAITLIST),
        ("delegate3@example.org", ChoiceStatus.SEAT),
    ]
    assert sent(PROMOTED) == [["delegate3@example.org"]]


# -- lowering capacity --------------------------------------------------------------------------


def test_lowering_capacity_keeps_every_seat_and_reports_the_overbooking(edition, forum, committed):
    forum.capacity = 4
    forum.save()
    register(edition, range(5), forum)

    changes = committed(set_capacity, forum, 2)

    assert [status for _email, status in statuses(forum)] == [ChoiceStatus.SEAT] * 4 + [ChoiceStatus.WAITLIST]
    assert [(o.session.pk, o.seats, o.capacity, o.excess) for o in changes.overbooked] == [(forum.pk, 4, 2, 2)]
    assert changes.promoted == []
    assert mail.outbox == []


def test_after_lowering_capacity_only_the_cancellation_that_frees_a_seat_promotes(edition, forum, committed):
    forum.capacity = 4
    forum.save()
    registrations = register(edition, range(5), forum)
    set_capacity(forum, 2)

    committed(services.registration_cancel, registration=registrations[0])
    committed(services.registration_cancel, registration=registrations[1])
    assert sent(PROMOTED) == []
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 2}

    committed(services.registration_cancel, registration=registrations[2])
    assert sent(PROMOTED) == [["delegate4@example.org"]]
    assert selectors.seats_taken([forum.pk]) == {forum.pk: 2}


# -- cancelling a session -----------------------------------------------------------------------


def test_cancelling_sessions_frees_their_places_and_emails_each_delegate_once(edition, forum, committed):
    afternoon = SessionFactory(
        edition=edition,
        title="Data Forum",
        capacity=1,
        registration_required=True,
        start=forum.end + dt.timedelta(hours=1),
        end=forum.end + dt.timedelta(hours=3),
    )
    keynote = SessionFactory(
        edition=edition,
        title="Keynote",
        registration_required=True,
        start=forum.end + dt.timedelta(hours=4),
        end=forum.end + dt.timedelta(hours=5),
    )
    registrations = register(edition, range(3), forum, afternoon, keynote)
    services.registration_cancel(registration=registrations[2])  # no longer a delegate: not told

    count = committed(agenda_services.sessions_set_status, sessions=[forum, afternoon], status=SessionStatus.CANCELLED)

    assert count == 2
    assert SessionChoice.objects.filter(session__in=[forum, afternoon]).count() == 0
    assert selectors.seats_taken([forum.pk, afternoon.pk]) == {forum.pk: 0, afternoon.pk: 0}
    assert [status for _email, status in statuses(keynote)] == [ChoiceStatus.SEAT] * 3
    assert sorted(sent(SESSION_CANCELLED)) == [["delegate0@example.org"], ["delegate1@example.org"]]
    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    for part in (message.body, html):
        assert "Cyberspace Forum" in part and "Data Forum" in part
        assert "The organisers have cancelled these sessions" in part
        assert "Keynote" in part  # the places still held are listed
    assert mimetype == "text/html"


def test_cancelling_a_cancelled_session_again_emails_nobody(edition, forum, committed):
    register(edition, range(3), forum)
    agenda_services.sessions_set_status(sessions=[forum], status=SessionStatus.CANCELLED)

    forum.refresh_from_db()
    changes = committed(services.session_seats_changed, session_ids=[forum.pk])

    assert changes.released == {}
    assert mail.outbox == []


def test_a_session_saved_as_cancelled_frees_its_places(edition, forum, committed):
    register(edition, range(3), forum)
    forum.status = SessionStatus.CANCELLED
    forum.save()

    changes = committed(services.session_seats_changed, session_ids=[forum.pk])

    assert SessionChoice.objects.filter(session=forum).count() == 0
    assert sorted(r.email for r in changes.released) == [f"delegate{n}@example.org" for n in range(3)]
    assert sent(PROMOTED) == []
    assert "The organisers have cancelled this session" in mail.outbox[0].body


def test_unpublishing_and_publishing_keep_every_place(edition, forum, committed):
    register(edition, range(3), forum)
    before = statuses(forum)

    committed(agenda_services.sessions_set_status, sessions=[forum], status=SessionStatus.DRAFT)
    committed(agenda_services.sessions_set_status, sessions=[forum], status=SessionStatus.PUBLISHED)

    assert statuses(forum) == before
    assert mail.outbox == []


# -- sessions no longer offered -----------------------------------------------------------------


@pytest.mark.parametrize(
    "change", [{"registration_required": False}, {"status": SessionStatus.DRAFT}], ids=["not-required", "unpublished"]
)
def test_editing_details_keeps_places_in_sessions_no_longer_offered(edition, forum, change):
    (registration,) = register(edition, [0], forum)
    Session.objects.filter(pk=forum.pk).update(**change)

    services.registration_update(registration=registration, data={"position": "Minister"}, session_ids=[])

    registration.refresh_from_db()
    assert registration.position == "Minister"
    assert statuses(forum) == [("delegate0@example.org", ChoiceStatus.SEAT)]


def test_editing_sessions_keeps_a_place_no_longer_offered_and_drops_an_unticked_one(edition, forum, committed):
    other = SessionFactory(
        edition=edition,
        capacity=1,
        registration_required=True,
        start=forum.end + dt.timedelta(hours=1),
        end=forum.end + dt.timedelta(hours=2),
    )
    first, second = register(edition, range(2), forum, other)
    Session.objects.filter(pk=forum.pk).update(registration_required=False)

    committed(services.registration_update, registration=first, data={}, session_ids=[])

    assert statuses(forum) == [
        ("delegate0@example.org", ChoiceStatus.SEAT),
        ("delegate1@example.org", ChoiceStatus.SEAT),
    ]
    assert statuses(other) == [("delegate1@example.org", ChoiceStatus.SEAT)]
    assert sent(PROMOTED) == [["delegate1@example.org"]]


# -- the admin ----------------------------------------------------------------------------------


def change_form(forum, **overrides):
    zone = forum.edition.zone
    start, end = forum.start.astimezone(zone), forum.end.astimezone(zone)
    fields = {
        "title": forum.title,
        "slug": forum.slug,
        "status": forum.status,
        "room": forum.room_id,
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": start.strftime("%H:%M:%S"),
        "end_0": end.strftime("%Y-%m-%d"),
        "end_1": end.strftime("%H:%M:%S"),
        "registration_required": "on",
    }
    return session_form(forum.edition, **{**fields, **overrides})


def test_raising_a_full_forums_capacity_in_the_admin_promotes_the_first_waiting(
    organiser_client, edition, forum, django_capture_on_commit_callbacks
):
    register(edition, range(4), forum)
    change = reverse("admin:agenda_session_change", args=[forum.pk])

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(change, change_form(forum, capacity="3"), follow=True)

    assert response.status_code == 200
    assert [status for _email, status in statuses(forum)] == [ChoiceStatus.SEAT] * 3 + [ChoiceStatus.WAITLIST]
    assert sent(PROMOTED) == [["delegate2@example.org"]]
    assert "1 delegate moved from the waiting list of “Cyberspace Forum” to a seat" in response.content.decode()


def test_lowering_a_forums_capacity_in_the_admin_warns_and_moves_nobody(organiser_client, edition, forum):
    forum.capacity = 12
    forum.save()
    register(edition, range(13), forum)
    change = reverse("admin:agenda_session_change", args=[forum.pk])

    response = organiser_client.post(change, change_form(forum, capacity="10"), follow=True)

    assert response.status_code == 200
    assert [status for _email, status in statuses(forum)] == [ChoiceStatus.SEAT] * 12 + [ChoiceStatus.WAITLIST]
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings == [
        "“Cyberspace Forum” holds 12 seats but now has 10: nobody was moved; "
        "the next 2 cancellations will not promote anyone."
    ]


def test_cancelling_a_forum_in_the_admin_form_tells_its_delegates(
    organiser_client, edition, forum, django_capture_on_commit_callbacks
):
    register(edition, range(3), forum)
    change = reverse("admin:agenda_session_change", args=[forum.pk])

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(change, change_form(forum, capacity="2", status="cancelled"), follow=True)

    assert response.status_code == 200
    assert SessionChoice.objects.filter(session=forum).count() == 0
    assert sorted(sent(SESSION_CANCELLED)) == [[f"delegate{n}@example.org"] for n in range(3)]


def test_cancelling_in_the_admin_asks_first_with_the_places_at_stake(
    organiser_client, edition, forum, django_capture_on_commit_callbacks
):
    afternoon = SessionFactory(
        edition=edition,
        kind=SessionKind.SUB_FORUM,
        title="Data Forum",
        registration_required=True,
        start=forum.end + dt.timedelta(hours=1),
        end=forum.end + dt.timedelta(hours=2),
    )
    register(edition, range(3), forum, afternoon)  # two seated in the forum, one waiting; all three in the afternoon
    changelist = reverse("admin:agenda_session_changelist") + f"?edition__id__exact={edition.pk}"
    chosen = {"action": "cancel", "_selected_action": [forum.pk, afternoon.pk]}

    asked = organiser_client.post(changelist, chosen)

    html = asked.content.decode()
    assert "3 delegates hold seats or waiting-list places in these sessions" in html
    assert "<tr><td>Cyberspace Forum</td><td>2</td><td>1</td></tr>" in html
    assert "<tr><td>Data Forum</td><td>3</td><td>0</td></tr>" in html
    assert set(Session.objects.filter(pk__in=[forum.pk, afternoon.pk]).values_list("status", flat=True)) == {
        SessionStatus.PUBLISHED
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = organiser_client.post(changelist, {**chosen, "apply": "yes"}, follow=True)

    assert "2 sessions cancelled. 3 delegates lost their places and are emailed." in done.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [f"delegate{n}@example.org" for n in range(3)]
