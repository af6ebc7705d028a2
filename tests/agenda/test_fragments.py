"""The agenda and the feeds keep each session's fragment in the cache (agenda.fragments): after any saved change,
the next render shows it, and a render made from kept fragments is byte for byte the one an empty cache gives."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.enums import SessionStatus
from agenda.models import Edition, Room, Session, SessionItem, Topic

pytestmark = pytest.mark.django_db

DAY = "2030-11-19"
AGENDA = f"/frag/agenda/?day={DAY}"
GRID = f"/frag/agenda/?day={DAY}&view=grid"
FEEDS = ["/frag/schedule.xml", "/frag/schedule.json", "/frag/schedule.ics"]
URLS = [AGENDA, GRID, *FEEDS]
ZH_URLS = [f"/zh-hans{url}" for url in URLS]
MAX_QUERIES = 8


@pytest.fixture
def summit():
    call_command("generate_summit", slug="frag", sessions=30, rooms=3, speakers=60, days=2, start=DAY)
    return Edition.objects.get(slug="frag")


@pytest.fixture
def session(summit):
    """A published session on the first day, in a room, with speakers, organisers and a run-of-show."""
    return (
        Session.objects.filter(edition=summit, status=SessionStatus.PUBLISHED, room__isnull=False, start__date=DAY)
        .filter(speaker_links__isnull=False, organiser_links__isnull=False, items__speakers__isnull=False)
        .order_by("start", "pk")
        .first()
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def unfolded(content):
    """iCalendar folds long lines (a line end and a space): joined again, as calendar apps read them."""
    return content.replace("\r\n ", "")


def warm(client, urls):
    """Render every page once, so that each session's fragments are kept."""
    return {url: page(client, url) for url in urls}


def assert_as_from_an_empty_cache(client, rendered):
    for url, content in rendered.items():
        cache.clear()
        assert content == page(client, url), url


def rename_session(session):
    session.title_en = "Renamed forum on open data"
    session.save()
    return "Renamed forum on open data", URLS


def translate_session(session):
    session.title_zh_hans = "开放数据新论坛"
    session.save()
    return "开放数据新论坛", ZH_URLS


def rename_speaker(session):
    person = session.speaker_links.first().person
    person.name_en = "Ada Renamed"
    person.save()
    return "Ada Renamed", [AGENDA, *FEEDS]


def give_speaker_a_photo(session):
    person = session.speaker_links.first().person
    person.photo_thumbnail = "people/renditions/ada-thumb.webp"
    person.photo_thumbnail_width = 400
    person.save()
    return 'src="/media/people/renditions/ada-thumb.webp"', [AGENDA]


def rename_speakers_organisation(session):
    person = session.speaker_links.exclude(person__organisation=None).first().person
    person.organisation.name_en = "Renamed Institute"
    person.organisation.save()
    return "Renamed Institute", FEEDS


def rename_organiser(session):
    organisation = session.organiser_links.first().organisation
    organisation.name_en = "Renamed Organiser"
    organisation.save()
    return "Renamed Organiser", FEEDS


def rename_item(session):
    item = session.items.first()
    item.title_en = "Renamed keynote"
    item.save()
    return "Renamed keynote", FEEDS


def move_session(session):
    room = Room.objects.filter(venue__edition=session.edition).exclude(pk=session.room_id).order_by("pk").first()
    session.room = room
    session.save()
    return None, [AGENDA, GRID, *FEEDS]


def rename_room(session):
    session.room.name_en = "Renamed Hall"
    session.room.save()
    return "Renamed Hall", URLS


def reschedule_session(session):
    session.start += dt.timedelta(minutes=5)
    session.end += dt.timedelta(minutes=5)
    session.save()
    return None, URLS


def cancel_session(session):
    session.status = SessionStatus.CANCELLED
    session.save()
    return f"Cancelled: {session.title_en}", ["/frag/schedule.ics"]


def rename_topic(session):
    topic = Topic.objects.get(pk=session.topic_id)
    topic.name_en = "Renamed topic"
    topic.save()
    return "Renamed topic", [AGENDA, *FEEDS]


def change_zone(session):
    edition = session.edition
    edition.time_zone = "Asia/Tokyo"
    edition.save()
    return None, URLS


CHANGES = [
    rename_session,
    translate_session,
    rename_speaker,
    give_speaker_a_photo,
    rename_speakers_organisation,
    rename_organiser,
    rename_item,
    move_session,
    rename_room,
    reschedule_session,
    cancel_session,
    rename_topic,
    change_zone,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_saved_change_shows_on_the_next_render_of_the_agenda_and_feeds(client, session, change):
    before = warm(client, URLS + ZH_URLS)

    shown, where = change(session)
    after = warm(client, URLS + ZH_URLS)

    for url in where:
        if shown is None:  # what changes (a time, a place) may be shown for other sessions as well
            assert after[url] != before[url], url
        else:
            assert shown not in unfolded(before[url]) and shown in unfolded(after[url]), url
    assert_as_from_an_empty_cache(client, after)


def test_a_speaker_added_to_the_run_of_show_shows_in_the_feeds(client, session):
    person = session.edition.people.exclude(session_items__session=session).order_by("pk").first()
    before = warm(client, FEEDS)

    session.items.first().speakers.add(person)
    after = warm(client, FEEDS)

    for url in FEEDS:
        assert unfolded(before[url]).count(person.name_en) < unfolded(after[url]).count(person.name_en), url
    assert_as_from_an_empty_cache(client, after)


def test_a_speaker_removed_leaves_the_agenda_and_feeds(client, session):
    link = session.speaker_links.first()
    name = link.person.name_en
    before = warm(client, [AGENDA, *FEEDS])

    SessionItem.speakers.through.objects.filter(person=link.person).delete()
    link.person.speaker_links.all().delete()
    after = warm(client, [AGENDA, *FEEDS])

    for url in [AGENDA, *FEEDS]:
        assert name in unfolded(before[url]) and name not in unfolded(after[url]), url
    assert_as_from_an_empty_cache(client, after)


def test_pages_from_kept_fragments_match_an_empty_cache_in_both_languages(client, summit):
    warm(client, URLS + ZH_URLS)
    Session.objects.filter(edition=summit).order_by("pk").first().save()  # a new programme version

    assert_as_from_an_empty_cache(client, warm(client, URLS + ZH_URLS))


@pytest.mark.parametrize("url", URLS)
def test_first_render_after_a_change_takes_a_few_queries_whatever_the_size(client, url):
    counts = []
    for slug, sessions in (("frag", 30), ("big", 300)):
        call_command(
            "generate_summit", slug=slug, sessions=sessions, rooms=10, speakers=sessions * 2, days=2, start=DAY
        )
        address = url.replace("/frag/", f"/{slug}/")
        page(client, address)
        session = Session.objects.filter(edition__slug=slug).order_by("pk").first()
        session.title_en = "Changed"
        session.save()
        with CaptureQueriesContext(connection) as queries:
            page(client, address)
        counts.append(len(queries))

    assert counts[0] == counts[1] <= MAX_QUERIES
