"""My agenda: the sessions a visitor starred, named in the address (?s=3-17-42), by day with overlaps marked."""

import datetime as dt
import re
from html import unescape

import icalendar
import pytest

from agenda.enums import SessionStatus
from agenda.selectors.my_agenda import MAX_CHOSEN, parse_selection, with_overlaps
from tests.factories import EditionFactory, RoomFactory, SessionFactory, SessionSpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db


def at(edition, day, hour, minute=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


@pytest.fixture
def programme(edition):
    hall = RoomFactory(venue__edition=edition, name="Forum Hall A")
    lotus = RoomFactory(venue=hall.venue, name="Lotus Hall")

    def session(title, day, hour, minutes=90, room=hall, **extra):
        start = at(edition, day, hour)
        return SessionFactory(
            edition=edition, title=title, room=room, start=start, end=start + dt.timedelta(minutes=minutes), **extra
        )

    return {
        "opening": session("Opening of the summit", 1, 9),
        "ai": session("Forum on AI governance", 1, 10, room=lotus),  # overlaps the opening (9:00–10:30)
        "youth": session("Youth and the digital future", 1, 14),
        "data": session("Forum on data flows", 2, 9),
        "cancelled": session("Forum on satellites", 2, 9, room=lotus, status=SessionStatus.CANCELLED),
        "other": session("Forum nobody starred", 2, 14),
        "draft": session("Draft forum", 2, 16, status=SessionStatus.DRAFT),
    }


def address(edition, *sessions, prefix=""):
    return f"{prefix}/{edition.slug}/my-agenda/?s=" + "-".join(str(session.pk) for session in sessions)


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def share_url(html):
    return unescape(re.search(r'id="share-url"[^>]*value="([^"]*)"', html).group(1))


def test_the_chosen_sessions_are_listed_by_day_in_time_order_with_overlaps_marked(client, edition, programme):
    chosen = [programme[key] for key in ("youth", "ai", "data", "opening")]

    response = client.get(address(edition, *chosen))

    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert "4 sessions chosen" in text
    wednesday, thursday = text.index("Wednesday 20 November 2024"), text.index("Thursday 21 November 2024")
    positions = [text.index(programme[key].title) for key in ("opening", "ai", "youth", "data")]
    assert wednesday < positions[0] < positions[1] < positions[2] < thursday < positions[3]
    assert "Forum nobody starred" not in text
    # Said in words, not by colour alone: each of the two says which one it overlaps.
    assert "Opening of the summit Forum Hall A ⚠ Overlaps with Forum on AI governance (10:00–11:30)" in text
    assert "Overlaps with Opening of the summit (09:00–10:30)" in text
    assert text.count("Overlaps with") == 2


def test_a_cancelled_session_stays_chosen_marked_cancelled_and_overlaps_nothing(client, edition, programme):
    response = client.get(address(edition, programme["data"], programme["cancelled"]))

    text = text_of(response.content.decode())
    assert "Forum on data flows" in text
    assert "Cancelled Forum on satellites" in text
    assert "Overlaps with" not in text


@pytest.mark.parametrize(
    "query",
    ["abc", "x-y-z", "-", "99999999-88888888", "1e5", "1.5", "%E2%91%A0", "9" * 40, "٣", "0x10", "", "0"],
)
def test_junk_in_the_address_is_ignored(client, edition, programme, query):
    response = client.get(f"/{edition.slug}/my-agenda/?s={query}")

    assert response.status_code == 200
    assert "Opening of the summit" not in response.content.decode()


def test_unknown_drafts_other_editions_and_repeats_are_left_out(client, edition, programme):
    elsewhere = SessionFactory(edition=EditionFactory(slug="2023", year=2023), title="Last year's forum")
    opening = programme["opening"]
    query = f"{opening.pk}-{opening.pk}-{programme['draft'].pk}-{elsewhere.pk}-junk-{programme['ai'].pk}"

    response = client.get(f"/{edition.slug}/my-agenda/?s={query}")

    text = text_of(response.content.decode())
    assert text.count("Sub-forum Opening of the summit Forum Hall A") == 1
    assert "Draft forum" not in text and "Last year's forum" not in text
    assert "2 sessions chosen" in text
    assert "2 sessions in this address are not in the published programme" in text
    # The link to share names only what the page shows, in one order.
    ids = sorted([opening.pk, programme["ai"].pk])
    assert share_url(response.content.decode()) == f"http://testserver/{edition.slug}/my-agenda/?s={ids[0]}-{ids[1]}"


def test_a_shared_address_round_trips(client, edition, programme):
    chosen = sorted([programme["opening"], programme["data"], programme["cancelled"]], key=lambda s: s.pk)
    first = client.get(address(edition, *chosen))
    link = share_url(first.content.decode())

    assert link == "http://testserver" + address(edition, *chosen)
    again = client.get(link.removeprefix("http://testserver"))
    assert share_url(again.content.decode()) == link
    assert text_of(again.content.decode()) == text_of(first.content.decode())


def test_the_selection_is_read_in_a_fixed_order_whatever_the_address_order(client, edition, programme):
    one = client.get(address(edition, programme["data"], programme["opening"]))
    other = client.get(address(edition, programme["opening"], programme["data"]))

    assert share_url(one.content.decode()) == share_url(other.content.decode())


def test_without_a_selection_the_page_explains_how_to_star_sessions(client, edition, programme):
    response = client.get(f"/{edition.slug}/my-agenda/")

    assert response.status_code == 200
    text = text_of(response.content.decode())
    assert "You have not starred any sessions yet." in text
    assert "press the star" in text
    assert 'id="my-agenda-data"' in response.content.decode()  # the script fills the address in from the stars
    assert response["Cache-Control"].startswith("public")
    assert "Set-Cookie" not in response


def test_the_page_is_cached_per_address(client, edition, programme):
    first = client.get(address(edition, programme["opening"]))
    second = client.get(address(edition, programme["data"]))

    assert "Opening of the summit" in first.content.decode()
    assert "Forum on data flows" in second.content.decode()
    assert "Opening of the summit" not in second.content.decode()


def test_the_calendar_holds_exactly_the_chosen_sessions_and_marks_cancelled_ones(client, edition, programme):
    chosen = [programme["opening"], programme["cancelled"], programme["youth"]]

    response = client.get(address(edition, *chosen).replace("my-agenda/", "my-agenda.ics"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="my-agenda-{edition.slug}.ics"'
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(event["summary"]) for event in events) == [
        "Cancelled: Forum on satellites",
        "Opening of the summit",
        "Youth and the digital future",
    ]
    statuses = {str(event["summary"]): str(event["status"]) for event in events}
    assert statuses["Cancelled: Forum on satellites"] == "CANCELLED"
    assert statuses["Opening of the summit"] == "CONFIRMED"


def test_the_page_links_to_the_calendar_of_its_selection(client, edition, programme):
    response = client.get(address(edition, programme["opening"]))

    assert f'href="/{edition.slug}/my-agenda.ics?s={programme["opening"].pk}"' in response.content.decode()


def test_the_calendar_of_junk_is_an_empty_calendar(client, edition, programme):
    response = client.get(f"/{edition.slug}/my-agenda.ics?s=junk-{programme['draft'].pk}")

    assert response.status_code == 200
    assert icalendar.Calendar.from_ical(response.content).walk("VEVENT") == []


def test_queries_do_not_grow_with_the_selection(page_queries):
    addresses = {}
    for slug, count in (("small", 2), ("large", 12)):
        edition = EditionFactory(slug=slug)
        topic = TopicFactory(edition=edition)
        sessions = [
            SessionFactory(edition=edition, topic=topic, start=at(edition, index % 3, 9 + index % 5))
            for index in range(count)
        ]
        for session in sessions:
            SessionSpeakerFactory(session=session)
        addresses[slug] = address(edition, *sessions)

    assert page_queries(addresses["small"]) == page_queries(addresses["large"])
    calendar = {slug: page_queries(url.replace("my-agenda/", "my-agenda.ics")) for slug, url in addresses.items()}
    assert calendar["small"] == calendar["large"]


def test_the_chinese_page_writes_dates_the_chinese_way(client, edition, programme):
    programme["opening"].title_zh_hans = "峰会开幕式"
    programme["opening"].save()

    response = client.get(address(edition, programme["opening"], programme["ai"], prefix="/zh-hans"))

    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert "2024年11月20日 星期三" in text
    assert "峰会开幕式" in text
    assert "我的日程" in text
    assert "峰会开幕式 Forum Hall A ⚠ 与以下会议时间重叠： Forum on AI governance （10:00–11:30）" in text
    assert "已选 2 场会议" in text
    assert share_url(html).startswith(f"http://testserver/zh-hans/{edition.slug}/my-agenda/?s=")
    # The language switcher keeps the selection.
    assert re.search(rf'href="/{edition.slug}/my-agenda/\?s=[0-9-]+" hreflang="en"', html)


def test_stars_are_offered_only_to_scripts_and_the_pages_stay_the_same_for_everyone(client, edition, programme):
    opening = programme["opening"]
    agenda = client.get(f"/{edition.slug}/agenda/?day=2024-11-20").content.decode()
    grid = client.get(f"/{edition.slug}/agenda/?day=2024-11-20&view=grid").content.decode()
    detail = client.get(f"/{edition.slug}/sessions/{opening.slug}/").content.decode()

    for html in (agenda, grid, detail):
        stars = re.findall(r"<button[^>]*data-star=\"(\d+)\"[^>]*>", html)
        assert str(opening.pk) in stars
        for button in re.findall(r"<button[^>]*data-star=[^>]*>", html):
            assert 'type="button"' in button and 'aria-pressed="false"' in button and " hidden" in button
        assert 'id="star-setup"' in html
        assert 'src="/static/js/my-agenda.js" defer' in html
        assert "<script>" not in html  # no inline scripts
    assert re.search(r"<a[^>]*data-my-agenda-link hidden>", agenda)
    assert "Add to my agenda : Opening of the summit" in text_of(agenda)  # one label per session


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("3-17-42", [3, 17, 42]),
        ("42-3-42-3", [42, 3]),
        ("0-1", [1]),
        (" 5 -x-6.0-7", [5, 7]),
        ("", []),
        ("-".join(str(n) for n in range(1, 1000)), list(range(1, MAX_CHOSEN + 1))),
    ],
)
def test_parse_selection(value, ids):
    assert parse_selection(value) == ids


class Slot:
    def __init__(self, name, start, end, cancelled=False):
        self.name, self.start, self.end, self.is_cancelled = name, start, end, cancelled


def test_overlaps_are_marked_both_ways_and_touching_sessions_do_not_overlap():
    day = dt.datetime(2024, 11, 20, tzinfo=dt.UTC)
    hours = dt.timedelta(hours=1)
    long = Slot("long", day + 9 * hours, day + 13 * hours)
    inside = Slot("inside", day + 10 * hours, day + 11 * hours)
    touching = Slot("touching", day + 13 * hours, day + 14 * hours)
    late = Slot("late", day + 12 * hours, day + 13 * hours)
    dropped = Slot("dropped", day + 10 * hours, day + 12 * hours, cancelled=True)

    marked = {
        item.session.name: [other.name for other in item.overlaps]
        for item in with_overlaps(sorted([long, inside, touching, late, dropped], key=lambda slot: slot.start))
    }

    assert marked == {"long": ["inside", "late"], "inside": ["long"], "dropped": [], "late": ["long"], "touching": []}


def test_the_agenda_offers_the_calendar_of_the_stars_beside_my_agenda_to_scripts_only(client, edition, programme):
    html = client.get(f"/{edition.slug}/agenda/?day=2024-11-20").content.decode()

    link = re.search(r"<a [^>]*data-my-agenda-ics=[^>]*>([^<]*)</a>", html)
    assert link[1] == "Starred sessions in my calendar (.ics)"
    assert f'data-my-agenda-ics="/{edition.slug}/my-agenda.ics"' in link[0] and " hidden>" in link[0]
    # Beside the My agenda link, in the page's header.
    assert html.index("data-my-agenda-link") < html.index("data-my-agenda-ics") < html.index('id="star-setup"')


def test_a_shared_link_has_its_offer_and_its_all_starred_note_for_the_script(client, edition, programme):
    html = client.get(address(edition, programme["opening"], programme["ai"])).content.decode()

    assert re.search(r"<div [^>]*data-keep-offer hidden>", html)
    assert "Add these to this device’s stars" in html
    note = re.search(r"<p [^>]*data-all-starred hidden>(.*?)</p>", html, re.S)
    assert "Every session of this link is already starred on this device." in text_of(note[1])


def test_in_chinese_names_and_overlaps_are_punctuated_as_chinese_is(client, edition, programme):
    opening = programme["opening"]
    SessionSpeakerFactory(session=opening, person__name="Ada Chen", person__name_zh_hans="陈艾达")
    SessionSpeakerFactory(session=opening, person__name="Li Wei", person__name_zh_hans="李伟")

    html = client.get(address(edition, opening, programme["ai"], prefix="/zh-hans")).content.decode()

    assert "陈艾达、李伟" in html or "李伟、陈艾达" in html
    # Full-width colon and brackets with no space around them, as Chinese is written.
    assert re.search(r"与以下会议时间重叠：<a [^>]*>Forum on AI governance</a>（10:00–11:30）", html)
    assert re.search(r"与以下会议时间重叠：<a [^>]*>Opening of the summit</a>（09:00–10:30）", html)
