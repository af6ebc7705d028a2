import datetime as dt

import pytest
from django.http import QueryDict

from agenda import selectors
from agenda.enums import SessionKind, SessionStatus
from agenda.filters import AgendaFilter, ExhibitFilter, without_bad_values
from agenda.models import Edition, Exhibit, Session
from agenda.selectors.people import public_speakers, published_speakers
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


# Who speaks, which sessions are public, which edition is current


def speaking_edition():
    edition = EditionFactory()
    public = SessionFactory(edition=edition)
    draft = SessionFactory(edition=edition, status=SessionStatus.DRAFT)
    SessionSpeakerFactory(session=public, person__slug="speaker")
    SessionItemFactory(session=public).speakers.add(PersonFactory(edition=edition, slug="in-run-of-show"))
    SessionSpeakerFactory(session=draft, person__slug="in-draft")
    PersonFactory(edition=edition, slug="nowhere")
    return edition


def slugs(people):
    return set(people.values_list("slug", flat=True))


def test_public_speakers_speak_in_a_public_session_or_its_run_of_show():
    edition = speaking_edition()

    assert slugs(public_speakers(edition=edition)) == {"speaker", "in-run-of-show"}


def test_a_preview_also_counts_the_speakers_of_drafts():
    edition = speaking_edition()

    assert slugs(public_speakers(edition=edition, preview=True)) == {"speaker", "in-run-of-show", "in-draft"}


def test_published_speakers_are_the_public_speakers_of_published_editions():
    published = speaking_edition()
    unpublished = speaking_edition()
    Edition.objects.filter(pk=unpublished.pk).update(is_published=False)

    assert slugs(published_speakers()) == slugs(public_speakers(edition=published))


def test_visible_sessions_are_the_public_ones_unless_previewing(edition):
    for status in SessionStatus.values:
        SessionFactory(edition=edition, status=status, slug=status)

    public = set(selectors.visible_sessions(edition=edition).values_list("slug", flat=True))
    preview = set(selectors.visible_sessions(edition=edition, preview=True).values_list("slug", flat=True))

    assert (public, preview) == ({"published", "cancelled"}, set(SessionStatus.values))
    assert selectors.session_total(edition=edition) == len(public)


def test_current_edition_is_the_one_marked_current():
    EditionFactory()
    current = EditionFactory(is_current=True)

    assert Edition.objects.current() == current


def test_without_a_current_edition_staff_start_on_the_latest():
    EditionFactory(start_date=dt.date(2023, 11, 8), end_date=dt.date(2023, 11, 10))
    latest = EditionFactory(start_date=dt.date(2024, 11, 20), end_date=dt.date(2024, 11, 22))

    assert (Edition.objects.current(), Edition.objects.current_or_latest()) == (None, latest)
    current = EditionFactory(is_current=True, start_date=dt.date(2022, 11, 9), end_date=dt.date(2022, 11, 11))
    assert Edition.objects.current_or_latest() == current


# Filters


def test_bad_filter_values_are_dropped_and_named(edition):
    room = RoomFactory(venue__edition=edition, slug="hall-a")
    data = QueryDict("room=hall-a&day=1999-01-01&kind=keynote-of-keynotes&q=forum")

    agenda_filter, ignored = without_bad_values(AgendaFilter, data, queryset=Session.objects.all(), edition=edition)

    assert sorted(ignored) == ["day", "kind"]
    assert (agenda_filter.form.cleaned_data["room"], agenda_filter.form.cleaned_data["q"]) == (room, "forum")


def test_good_filter_values_are_all_kept(edition):
    data = QueryDict("category=robotics&q=arm")

    exhibit_filter, ignored = without_bad_values(ExhibitFilter, data, queryset=Exhibit.objects.none(), edition=edition)

    assert (ignored, exhibit_filter.data.dict()) == ({}, {"category": "robotics", "q": "arm"})
