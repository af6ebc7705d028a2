"""Seats follow a session file at once: an import that raises, lowers or cancels settles its waiting lists."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from agenda.enums import SessionKind
from attendees import services
from attendees.enums import ChoiceStatus
from attendees.models import SessionChoice
from tests.agenda.test_imports import confirm, page_text, upload
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

HEADER = ["edition", "slug", "title", "status", "start", "end", "capacity"]


@pytest.fixture
def forum():
    start = timezone.localdate() + dt.timedelta(days=60)
    edition = open_registration(EditionFactory(slug="2031", start_date=start, end_date=start + dt.timedelta(days=2)))
    forum = SessionFactory(
        edition=edition,
        slug="ai-forum",
        title="AI Forum",
        kind=SessionKind.SUB_FORUM,
        capacity=2,
        registration_required=True,
    )
    for n in range(4):  # two seats, then two waiting
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[forum.pk])
    mail.outbox.clear()
    return forum


def forum_file(forum, **cells):
    zone = forum.edition.zone
    row = {
        "edition": forum.edition.slug,
        "slug": forum.slug,
        "title": forum.title,
        "status": forum.status,
        "start": timezone.localtime(forum.start, zone).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(forum.end, zone).strftime("%Y-%m-%d %H:%M"),
        "capacity": forum.capacity,
        **cells,
    }
    return [HEADER, [row[column] for column in HEADER]]


def places(forum):
    return [
        (choice.registration.email, choice.status)
        for choice in SessionChoice.objects.filter(session=forum).select_related("registration").order_by("pk")
    ]


def test_a_raised_capacity_in_a_file_promotes_the_first_waiting_on_confirming_and_emails_them(
    organiser_client, forum, django_capture_on_commit_callbacks
):
    before = places(forum)
    preview = upload(organiser_client, "session", forum_file(forum, capacity=3))

    assert (
        "On confirming: 1 delegate moved from the waiting list of “AI Forum” to a seat, and is emailed: Delegate 2."
        in (page_text(preview))
    )
    assert places(forum) == before  # the preview changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = confirm(organiser_client, "session", preview)

    first_waiting = before[2][0]
    assert [status for _email, status in places(forum)] == [ChoiceStatus.SEAT] * 3 + [ChoiceStatus.WAITLIST]
    assert dict(places(forum))[first_waiting] == ChoiceStatus.SEAT
    assert [message.to for message in mail.outbox] == [[first_waiting]]
    assert "1 delegate moved from the waiting list of “AI Forum” to a seat, and is emailed: Delegate 2." in page_text(
        done
    )


def test_a_lowered_capacity_in_a_file_keeps_every_seat_and_warns(organiser_client, forum):
    before = places(forum)
    done = confirm(organiser_client, "session", upload(organiser_client, "session", forum_file(forum, capacity=1)))

    assert places(forum) == before
    assert "“AI Forum” holds 2 seats but now has 1: nobody was moved" in page_text(done)


def test_a_session_cancelled_by_a_file_frees_its_places_and_tells_each_delegate(
    organiser_client, forum, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        done = confirm(
            organiser_client, "session", upload(organiser_client, "session", forum_file(forum, status="cancelled"))
        )

    assert places(forum) == []
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"delegate{n}@example.org" for n in range(4))
    assert "“AI Forum” is cancelled: 4 delegates lost their places and are emailed." in page_text(done)


def test_an_unchanged_file_moves_nobody(organiser_client, forum):
    before = places(forum)
    preview = upload(organiser_client, "session", forum_file(forum))

    assert "On confirming" not in page_text(preview)
    confirm(organiser_client, "session", preview)
    assert places(forum) == before
