import datetime as dt

import pytest

from agenda import selectors
from agenda.enums import SessionKind, SessionStatus
from agenda.models import Session
from tests.factories import (
    EditionFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory()


def at(edition, hour, minute=0, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


def session(edition, start, end, **kwargs):
    return SessionFactory(edition=edition, start=at(edition, *start), end=at(edition, *end), **kwargs)


def test_room_booked_twice_at_overlapping_times_is_a_clash(edition):
    room = RoomFactory(venue__edition=edition)
    first = session(edition, (9, 0), (11, 0), room=room)
    second = session(edition, (10, 30), (12, 0), room=room)
    elsewhere = session(edition, (10, 0), (11, 0))

    clashes = selectors.clashing_sessions(Session.objects.all())

    assert clashes.room == {first.pk, second.pk}
    assert list(selectors.room_clashes(first)) == [second]
    assert list(selectors.room_clashes(elsewhere)) == []


def test_back_to_back_sessions_in_one_room_do_not_clash(edition):
    room = RoomFactory(venue__edition=edition)
    session(edition, (9, 0), (10, 0), room=room)
    session(edition, (10, 0), (11, 0), room=room)

    assert selectors.clashing_sessions(Session.objects.all()).room == frozenset()


def test_cancelled_session_clashes_with_nothing(edition):
    room = RoomFactory(venue__edition=edition)
    kept = session(edition, (9, 0), (11, 0), room=room)
    cancelled = session(edition, (9, 0), (11, 0), room=room, status=SessionStatus.CANCELLED)

    assert selectors.clashing_sessions(Session.objects.all()).room == frozenset()
    assert list(selectors.room_clashes(kept)) == []
    assert list(selectors.room_clashes(cancelled)) == []


def test_whole_venue_break_clashes_with_sessions_in_its_rooms_only(edition):
    room = RoomFactory(venue__edition=edition)
    other_venue_room = RoomFactory(venue__edition=edition)
    lunch = session(edition, (12, 0), (13, 30), room=None, venue=room.venue, kind=SessionKind.BREAK)
    overrunning = session(edition, (11, 0), (12, 15), room=room)
    across_town = session(edition, (12, 0), (13, 0), room=other_venue_room)

    clashes = selectors.clashing_sessions(Session.objects.all())

    assert clashes.room == {lunch.pk, overrunning.pk}
    assert across_town.pk not in clashes.room
    assert list(selectors.room_clashes(lunch)) == [overrunning]


def test_speaker_in_two_overlapping_sessions_is_a_clash(edition):
    person = PersonFactory(edition=edition, name="Kilnam Chon")
    first = session(edition, (9, 0), (11, 0))
    second = session(edition, (10, 0), (12, 0))
    later = session(edition, (14, 0), (15, 0))
    for each in (first, second, later):
        SessionSpeakerFactory(session=each, person=person)

    clashes = selectors.clashing_sessions(Session.objects.all())

    assert clashes.speaker == {first.pk, second.pk}
    assert selectors.speaker_clashes(first) == [(person, second)]


def test_speaker_of_a_run_of_show_item_counts_for_clashes(edition):
    person = PersonFactory(edition=edition)
    forum = session(edition, (9, 0), (11, 0))
    SessionItemFactory(session=forum, title="Keynote speech").speakers.add(person)
    panel = session(edition, (10, 0), (12, 0))
    SessionSpeakerFactory(session=panel, person=person)

    assert selectors.clashing_sessions(Session.objects.all()).speaker == {forum.pk, panel.pk}
    assert selectors.speaker_clashes(forum) == [(person, panel)]


def test_same_room_and_hour_on_another_day_does_not_clash(edition):
    room = RoomFactory(venue__edition=edition)
    session(edition, (9, 0), (11, 0), room=room)
    session(edition, (9, 0, 1), (11, 0, 1), room=room)

    assert selectors.clashing_sessions(Session.objects.all()).room == frozenset()


def test_clash_detection_takes_three_queries_at_any_size(django_assert_num_queries, edition):
    room = RoomFactory(venue__edition=edition)
    for hour in range(8, 18):
        session(edition, (hour, 0), (hour, 50), room=room)

    with django_assert_num_queries(3):
        selectors.clashing_sessions(Session.objects.all())
