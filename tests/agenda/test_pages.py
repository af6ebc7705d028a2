import datetime as dt

import pytest
from django.core.management import call_command

from agenda.enums import SessionKind, SessionStatus
from agenda.models import Edition, Session
from agenda.services import sessions_set_status
from tests.factories import (
    EditionFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


def at(edition, day, hour, minute=0):
    return dt.datetime(2024, 11, day, hour, minute, tzinfo=edition.zone)


def make_session(edition, title, day=19, hour=9, **kwargs):
    kwargs.setdefault("room", RoomFactory(venue__edition=edition))
    return SessionFactory(
        edition=edition, title=title, start=at(edition, day, hour), end=at(edition, day, hour + 1), **kwargs
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_home_shows_the_current_edition_with_its_counts(client, edition):
    make_session(edition, "Opening ceremony", kind=SessionKind.OPENING_CEREMONY)
    forum = make_session(edition, "AI governance", hour=14, kind=SessionKind.SUB_FORUM)
    SessionSpeakerFactory(session=forum)
    make_session(edition, "Secret draft", hour=16, status=SessionStatus.DRAFT)

    page = text(client.get("/"))

    assert "2024 Wuzhen Summit" in page
    assert "<dt>Sessions</dt><dd>2</dd>" in page.replace("\n", "")
    assert "<dt>Sub-forums</dt><dd>1</dd>" in page.replace("\n", "")
    assert "<dt>Speakers</dt><dd>1</dd>" in page.replace("\n", "")
    assert "Secret draft" not in page


def test_editions_page_lists_every_published_edition(client, edition):
    EditionFactory(slug="2017", name="4th World Internet Conference", start_date=dt.date(2017, 12, 3))
    EditionFactory(slug="hidden", name="Unpublished edition", is_published=False)

    page = text(client.get("/editions/"))

    assert "4th World Internet Conference" in page and "2024 Wuzhen Summit" in page
    assert "Unpublished edition" not in page
    assert client.get("/hidden/").status_code == 404
    assert client.get("/hidden/agenda/").status_code == 404


def test_agenda_shows_one_day_in_the_edition_time_zone(client, edition):
    make_session(edition, "Day one keynote", day=19, hour=9)
    make_session(edition, "Day two panel", day=20, hour=9)

    first = text(client.get("/2024/agenda/"))
    second = text(client.get("/2024/agenda/?day=2024-11-20"))

    assert "Day one keynote" in first and "Day two panel" not in first
    assert "Day two panel" in second and "Day one keynote" not in second
    assert "09:00–10:00" in first  # stored as 01:00 UTC
    assert "Wuzhen time, UTC+8" in first


def test_agenda_filters_combine_and_search_reaches_speakers_and_run_of_show(client, edition):
    forum = make_session(edition, "Digital economy forum", kind=SessionKind.SUB_FORUM)
    SessionItemFactory(session=forum, title="Release of the digital report").speakers.add(
        PersonFactory(edition=edition, name="Wang Haifeng")
    )
    make_session(edition, "Welcome gala", kind=SessionKind.OPENING_CEREMONY, hour=11)
    make_session(edition, "Youth forum", kind=SessionKind.SUB_FORUM, day=20)

    by_item_speaker = text(client.get("/2024/agenda/?q=haifeng"))
    by_item_title = text(client.get("/2024/agenda/?q=digital+report&kind=sub_forum"))
    by_kind = text(client.get("/2024/agenda/?day=all&kind=sub_forum"))

    assert "Digital economy forum" in by_item_speaker and "Welcome gala" not in by_item_speaker
    assert "Digital economy forum" in by_item_title and "Youth forum" not in by_item_title
    assert "Digital economy forum" in by_kind and "Youth forum" in by_kind and "Welcome gala" not in by_kind


def test_agenda_drops_an_unknown_filter_value_and_applies_the_rest(client, edition):
    make_session(edition, "Welcome gala", kind=SessionKind.OPENING_CEREMONY)
    make_session(edition, "Youth forum", kind=SessionKind.SUB_FORUM, hour=11)

    response = client.get("/2024/agenda/?kind=sub_forum&day=1999-01-01&room=nowhere")

    page = text(response)
    assert "Some filters were not understood" in page
    assert "Youth forum" in page and "Welcome gala" not in page


def test_room_filter_includes_whole_venue_sessions_and_language_includes_bilingual(client, edition):
    room = RoomFactory(venue__edition=edition, slug="lotus-hall")
    make_session(edition, "In the room", room=room, language="en")
    make_session(edition, "Lunch break", room=None, venue=room.venue, hour=12, kind=SessionKind.BREAK)
    make_session(edition, "Bilingual elsewhere", hour=14, language="en-zh")
    make_session(edition, "Chinese only", hour=15, language="zh")

    by_room = text(client.get("/2024/agenda/?room=lotus-hall"))
    english = text(client.get("/2024/agenda/?language=en"))

    assert "In the room" in by_room and "Lunch break" in by_room and "Bilingual elsewhere" not in by_room
    assert "In the room" in english and "Bilingual elsewhere" in english and "Chinese only" not in english


def test_now_page_refuses_an_impossible_moment_with_400(client, edition):
    assert client.get("/2024/now/?at=2024-11-20T25:00").status_code == 400
    assert client.get("/2024/now/?at=garbage").status_code == 400


def test_cancelled_sessions_stay_visible_and_marked_drafts_never_appear(client, edition):
    make_session(edition, "Cancelled forum", status=SessionStatus.CANCELLED)
    draft = make_session(edition, "Draft forum", hour=11, status=SessionStatus.DRAFT)

    page = text(client.get("/2024/agenda/"))

    assert "Cancelled forum" in page and "Cancelled</span>" in page
    assert "Draft forum" not in page
    assert client.get(f"/2024/sessions/{draft.slug}/").status_code == 404


def test_staff_preview_drafts_and_are_never_served_from_the_public_cache(client, admin_client, edition):
    draft = make_session(edition, "Draft forum", status=SessionStatus.DRAFT)

    assert "Draft forum" not in text(client.get("/2024/agenda/"))
    assert "Draft forum" in text(admin_client.get("/2024/agenda/"))
    assert "Draft: only the programme’s editors can see this page." in text(
        admin_client.get(f"/2024/sessions/{draft.slug}/")
    )
    assert "Draft forum" not in text(client.get("/2024/agenda/"))


def test_session_page_shows_speakers_in_order_organisers_and_run_of_show(client, edition):
    forum = make_session(edition, "AI innovation and governance", kind=SessionKind.SUB_FORUM)
    SessionSpeakerFactory(session=forum, person__name="Zeng Yi", person__edition=edition, role="moderator", position=2)
    SessionSpeakerFactory(session=forum, person__name="Robin Li", person__edition=edition, role="keynote", position=1)
    SessionOrganiserFactory(session=forum, organisation__name="ITU", organisation__edition=edition, role="co_organiser")
    SessionItemFactory(session=forum, title="Opening remarks", duration_minutes=10, position=0)
    SessionItemFactory(session=forum, title="Panel discussion", duration_minutes=40, position=1)

    page = text(client.get(f"/2024/sessions/{forum.slug}/"))

    assert page.index("Robin Li") < page.index("Zeng Yi")
    assert "Keynote" in page and "Moderator" in page and "Co-organiser" in page
    assert "09:00–09:10" in page and "09:10–09:50" in page
    assert f"/2024/sessions/{forum.slug}.ics" in page


def test_html_in_names_is_shown_escaped(client, edition):
    forum = make_session(edition, "<script>alert('x')</script> forum")
    SessionSpeakerFactory(session=forum, person__name="<b>Bold</b> Name", person__edition=edition)

    agenda = text(client.get("/2024/agenda/"))
    detail = text(client.get(f"/2024/sessions/{forum.slug}/"))

    for page in (agenda, detail):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; forum" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; Name" in detail


def test_speaker_pages_list_only_people_in_public_sessions(client, edition):
    public = make_session(edition, "Public forum")
    draft = make_session(edition, "Draft forum", hour=11, status=SessionStatus.DRAFT)
    SessionSpeakerFactory(session=public, person__name="Kilnam Chon", person__edition=edition, person__slug="kilnam")
    SessionSpeakerFactory(session=draft, person__name="Hidden Person", person__edition=edition, person__slug="hidden")

    listing = text(client.get("/2024/speakers/"))
    found = text(client.get("/2024/speakers/?q=kilnam"))

    assert "Kilnam Chon" in listing and "Hidden Person" not in listing
    assert "Kilnam Chon" in found
    assert "Public forum" in text(client.get("/2024/speakers/kilnam/"))
    assert client.get("/2024/speakers/hidden/").status_code == 404


def test_organisations_page_shows_what_each_hosts(client, edition):
    forum = make_session(edition, "Sharing economy")
    SessionOrganiserFactory(session=forum, organisation__name="UNDP", organisation__edition=edition, role="organiser")

    page = text(client.get("/2024/organisations/"))

    assert "UNDP" in page and "Organiser: <a" in page and "Sharing economy" in page


def test_room_page_shows_its_sessions_and_whole_venue_breaks(client, edition):
    room = RoomFactory(venue__edition=edition, slug="lotus-hall", name="Lotus Hall")
    make_session(edition, "In the room", room=room)
    make_session(edition, "Lunch break", room=None, venue=room.venue, hour=12, kind=SessionKind.BREAK)
    make_session(edition, "Elsewhere", hour=14)

    page = text(client.get("/2024/rooms/lotus-hall/"))

    assert "In the room" in page and "Lunch break" in page and "Elsewhere" not in page


def test_now_page_shows_running_and_next_per_room(client, edition):
    room = RoomFactory(venue__edition=edition, name="Lotus Hall")
    make_session(edition, "Running forum", room=room, hour=9)
    make_session(edition, "Next forum", room=room, hour=10)

    page = text(client.get("/2024/now/?at=2024-11-19T09:30"))

    assert page.index("Running forum") < page.index("Next forum")
    assert "Lotus Hall" in page


def test_published_edits_show_at_once(client, edition):
    forum = make_session(edition, "Old title")
    assert "Old title" in text(client.get("/2024/agenda/"))

    forum.title = "New title"
    forum.save()
    assert "New title" in text(client.get("/2024/agenda/"))

    sessions_set_status(sessions=[forum], status=SessionStatus.CANCELLED)
    assert "This session is cancelled." in text(client.get(f"/2024/sessions/{forum.slug}/"))


def test_pages_answer_conditional_requests_with_304(client, edition):
    make_session(edition, "Opening ceremony")

    first = client.get("/2024/agenda/")
    again = client.get("/2024/agenda/", HTTP_IF_NONE_MATCH=first["ETag"])
    Session.objects.update(title="Changed")
    Edition.objects.get(pk=edition.pk).save()  # any programme change bumps the version
    changed = client.get("/2024/agenda/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"] and first["Last-Modified"]
    assert again.status_code == 304
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_sitemap_lists_public_sessions_only(client, edition):
    public = make_session(edition, "Public forum")
    draft = make_session(edition, "Draft forum", hour=11, status=SessionStatus.DRAFT)

    page = text(client.get("/sitemap.xml"))

    assert f"/2024/sessions/{public.slug}/" in page and f"/2024/sessions/{draft.slug}/" not in page


PAGES = [
    "/{e}/",
    "/{e}/agenda/",
    "/{e}/agenda/?view=grid&day={d}",
    "/{e}/agenda/?day=all&q=forum",
    "/{e}/sessions/session-0002/",
    "/{e}/speakers/",
    "/{e}/speakers/person-0003/",
    "/{e}/organisations/",
    "/{e}/organisations/organisation-0002/",
    "/{e}/rooms/room-02/",
    "/{e}/now/?at={d}T10:00",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_queries_do_not_grow_with_the_edition(page_queries, url):
    call_command("generate_summit", slug="small", sessions=30, rooms=3, speakers=60, days=2, start="2030-11-19")
    call_command("generate_summit", slug="large", sessions=600, rooms=30, speakers=1200, days=4, start="2030-11-19")

    small = page_queries(url.format(e="small", d="2030-11-19"))
    large = page_queries(url.format(e="large", d="2030-11-19"))

    assert large == small


def test_now_page_outside_the_summit_says_when_it_runs_or_ran(client, edition):
    make_session(edition, "Opening forum", hour=9)

    before = text(client.get("/2024/now/?at=2024-11-10T10:00"))
    after = text(client.get("/2024/now/?at=2024-12-01T10:00"))
    today = text(client.get("/2024/now/"))

    assert "The summit runs 19–22 November 2024 in Wuzhen; nothing is on now." in before
    assert "The summit took place 19–22 November 2024 in Wuzhen." in after
    assert "The summit took place 19–22 November 2024 in Wuzhen." in today
    for page in (before, after, today):
        assert 'href="/2024/agenda/"' in page.split('id="now-boards"')[1]
        assert "Nothing is running now" not in page


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31",
        "9999-12-31+23:59",
        "9999-12-31T23:59:59%2B14:00",
        "0001-01-01T00:00",
        "1899-12-31T23:00",
        "9001-01-01T00:00",
        "99999-01-01T00:00",
        "2024-11-20T10:00%2B99:00",
        "2024-11-20T10:00%00",
        "%00",
        "2024-11-20%0A10:00",
        "%EF%BF%BF",
    ],
)
def test_now_page_answers_400_for_a_moment_out_of_range_or_garbage(client, edition, value):
    response = client.get(f"/2024/now/?at={value}")

    assert response.status_code == 400
    assert "<h1" in response.content.decode()  # a page of the site, not bare text


def test_the_now_page_says_what_a_moment_must_look_like(client, edition):
    page = client.get("/2024/now/?at=9999-12-31").content.decode()

    assert "“at” must be a date and time between the years 1900 and 9000" in page
    assert 'href="/2024/agenda/"' in page  # the edition's navigation is there


def test_now_page_still_answers_for_moments_at_the_ends_of_the_range(client, edition):
    assert client.get("/2024/now/?at=1900-01-01T00:00").status_code == 200
    assert client.get("/2024/now/?at=9000-12-31T23:59%2B14:00").status_code == 200


def test_editions_page_and_home_count_the_same_sessions(client, edition):
    room = RoomFactory(venue__edition=edition)
    make_session(edition, "Opening ceremony", room=room, kind=SessionKind.OPENING_CEREMONY)
    make_session(edition, "AI forum", room=room, hour=10)
    make_session(edition, "Lunch", room=None, venue=room.venue, hour=12, kind=SessionKind.BREAK)
    make_session(edition, "Draft forum", room=room, hour=14, status=SessionStatus.DRAFT)
    make_session(edition, "Cancelled forum", room=room, hour=15, status=SessionStatus.CANCELLED)

    listing = text(client.get("/editions/"))
    home = text(client.get("/2024/")).replace("\n", "")
    agenda = text(client.get("/2024/agenda/?day=all"))
    api = client.get("/api/editions/2024/sessions/").json()

    # The sessions attendees see, as the agenda lists them: the break and the cancelled one too, no draft.
    assert "· 4 sessions" in listing
    assert "<dt>Sessions</dt><dd>4</dd>" in home
    assert "4 sessions" in agenda
    assert api["count"] == 4


def test_pages_speak_of_each_edition_in_its_tense(client, edition, upcoming_edition):
    today = dt.date.today()
    EditionFactory(
        slug="running",
        name="Running summit",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
    )

    listing = text(client.get("/editions/"))
    past = text(client.get("/2024/"))
    ahead = text(client.get("/upcoming/"))

    assert "Took place 19–22 November 2024 in Wuzhen" in listing and "Took place 19–22 November 2024 in Wuzhen" in past
    assert f"Takes place {upcoming_edition.dates_label} in Wuzhen" in listing and "Takes place" in ahead
    assert "Taking place " in listing
    assert "This edition took place 19–22 November 2024." in past and "On now and next" not in past
    assert "Add to calendar" not in past.split('id="main"')[1]


def test_now_page_links_its_screen_mode_keeping_the_moment(client, edition):
    page = text(client.get("/2024/now/?at=2024-11-19T09:30"))

    assert '<a href="?at=2024-11-19T09%3A30&amp;screen=1">Screen mode for venue displays</a>' in page


def test_now_screen_mode_shows_the_rooms_without_the_site_navigation(client, edition):
    room = RoomFactory(venue__edition=edition, name="Lotus Hall")
    make_session(edition, "Running forum", room=room, hour=9)
    make_session(edition, "Next forum", room=room, hour=10)

    page = text(client.get("/2024/now/?at=2024-11-19T09:30&screen=1"))

    assert 'class="now-screen-room">Lotus Hall</h2>' in page
    assert page.index("Running forum") < page.index("Next forum")
    assert "edition-nav" not in page and "site-footer" not in page
    assert 'class="d-flex flex-column min-vh-100 now-screen"' in page
    assert "js/now-refresh.js" in page and 'id="now-boards"' in page


def test_now_screen_mode_for_one_venue_shows_only_its_rooms(client, edition):
    here = RoomFactory(venue__edition=edition, venue__slug="expo-centre", name="Lotus Hall")
    there = RoomFactory(venue__edition=edition, venue__slug="museum", name="Museum Hall")
    make_session(edition, "Forum here", room=here, hour=9)
    make_session(edition, "Forum there", room=there, hour=9)

    page = text(client.get("/2024/now/?at=2024-11-19T09:30&screen=1&venue=expo-centre"))

    assert "Forum here" in page and "Forum there" not in page
    assert client.get("/2024/now/?screen=1&venue=nowhere").status_code == 404


def test_agenda_filters_button_counts_the_filters_in_use(client, edition):
    make_session(edition, "AI governance", kind=SessionKind.SUB_FORUM)

    folded = text(client.get("/2024/agenda/?kind=sub_forum&language=en&q=governance"))
    none = text(client.get("/2024/agenda/"))

    assert 'href="#agenda-filters"' in folded
    assert '<span class="badge text-bg-primary">2<span class="visually-hidden"> in use</span></span>' in folded
    assert 'aria-expanded="false">Filters</a>' in none
