"""The grid's room picker: `?view=grid&room=<slug>&room=<slug>` shows those rooms' columns only."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from agenda.enums import SessionKind
from tests.factories import RoomFactory, SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db

GRID_URL = "/2024/agenda/?view=grid&day=2024-11-19"


def at(edition, hour):
    return dt.datetime(2024, 11, 19, hour, tzinfo=edition.zone)


def rooms_with_forums(edition, names, venue=None):
    """A room per name (in that order in the grid), each with a forum from 9:00 to 10:00 on the first day."""
    venue = venue or VenueFactory(edition=edition)
    rooms = []
    for n, name in enumerate(names):
        room = RoomFactory(venue=venue, name=name, slug=slugify(name), position=n)
        SessionFactory(edition=edition, title=f"Forum in {name}", room=room, start=at(edition, 9), end=at(edition, 10))
        rooms.append(room)
    return rooms


class Page(HTMLParser):
    """What a visitor sees of the grid: its columns' room names, its sessions, the picker's boxes, the day tabs."""

    def __init__(self):
        super().__init__()
        self.columns, self.sessions, self.checked, self.boxes, self.day_links = [], [], [], [], []
        self.print_heads, self._into = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "grid-room" in classes:
            self._into = self.columns
        elif tag == "span" and "fw-semibold" in classes:  # a session's title in its cell
            self._into = self.sessions
        elif tag == "th" and attrs.get("scope") == "col":
            self._into = self.print_heads
        elif tag == "input" and attrs.get("name") == "room" and attrs.get("type") == "checkbox":
            self.boxes.append(attrs["value"])
            if "checked" in attrs:
                self.checked.append(attrs["value"])
        elif tag == "a" and "nav-link" in classes and (attrs.get("href") or "").startswith("?day="):
            self.day_links.append(attrs["href"])

    def handle_data(self, data):
        if self._into is not None and data.strip():
            self._into.append(data.strip())
            self._into = None


def seen(response):
    assert response.status_code == 200
    page = Page()
    page.feed(response.content.decode())
    return page


def test_grid_shows_only_the_chosen_rooms(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    page = seen(client.get(f"{GRID_URL}&room=lotus&room=orchid"))

    assert page.columns == ["Lotus", "Orchid"]
    assert [title for title in page.sessions if title.startswith("Forum")] == ["Forum in Lotus", "Forum in Orchid"]
    assert page.checked == ["lotus", "orchid"]
    assert page.boxes == ["lotus", "bamboo", "orchid"]


def test_grid_says_how_many_rooms_it_shows_with_a_way_back_to_all(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    html = client.get(f"{GRID_URL}&room=bamboo").content.decode()

    status = re.search(r'<p class="grid-picker-status[^>]*>(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", status) == "Showing 1 of 3 rooms · show all"
    assert '<a href="?view=grid&amp;day=2024-11-19">show all</a>' in status


def test_grid_without_a_choice_shows_every_room_with_every_box_checked(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo"])

    response = client.get(GRID_URL)

    page = seen(response)
    assert page.columns == ["Lotus", "Bamboo"]
    assert page.checked == ["lotus", "bamboo"]
    assert "grid-picker-status" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "address"),
    [
        # The grid's order, each room once, no unknown room: one address per choice, for the page cache.
        ("room=orchid&room=lotus", "room=lotus&room=orchid"),
        ("room=lotus&room=lotus", "room=lotus"),
        ("room=nowhere&room=lotus&room=%3Cscript%3E", "room=lotus"),
        ("room=nowhere", ""),
        # Every room is no choice.
        ("room=lotus&room=bamboo&room=orchid", ""),
    ],
)
def test_grid_room_choice_has_one_address(client, edition, query, address):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    response = client.get(f"{GRID_URL}&{query}")

    assert response.status_code == 302
    assert response["Location"] == f"/2024/agenda/{GRID_URL[GRID_URL.index('?') :]}" + (
        f"&{address}" if address else ""
    )


def test_grid_of_unknown_rooms_only_shows_every_room(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo"])

    page = seen(client.get(f"{GRID_URL}&room=nowhere&room=%3Cscript%3E", follow=True))

    assert page.columns == ["Lotus", "Bamboo"]


def test_grid_spans_a_whole_venue_session_over_the_chosen_rooms_of_its_venue(client, edition):
    venue = VenueFactory(edition=edition)
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"], venue=venue)
    elsewhere = rooms_with_forums(edition, ["Annex"])[0]
    SessionFactory(
        edition=edition,
        title="Lunch",
        kind=SessionKind.BREAK,
        room=None,
        venue=venue,
        start=at(edition, 12),
        end=at(edition, 13),
    )

    response = client.get(f"{GRID_URL}&room={elsewhere.slug}&room=lotus&room=orchid")

    html = response.content.decode()
    assert seen(response).columns == ["Annex", "Lotus", "Orchid"]
    lunch = re.search(
        r'<a class="grid-session[^"]*" style="([^"]*)"[^>]*>\s*<span[^>]*>[^<]*</span>\s*<span[^>]*>Lunch', html
    )
    assert "grid-column: 3 / 5;" in lunch.group(1)


def test_grid_names_chosen_rooms_with_nothing_on_that_day(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo"])
    RoomFactory(venue__edition=edition, name="Quiet room", slug="quiet-room", position=9)

    response = client.get(f"{GRID_URL}&room=lotus&room=quiet-room")

    page = seen(response)
    assert page.columns == ["Lotus"]
    assert "Nothing on this day in: Quiet room" in response.content.decode()


def test_grid_day_tabs_keep_the_room_choice(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    page = seen(client.get(f"{GRID_URL}&room=lotus&room=orchid"))

    assert page.day_links[:2] == [
        "?day=2024-11-19&view=grid&room=lotus&room=orchid",
        "?day=2024-11-20&view=grid&room=lotus&room=orchid",
    ]


def test_list_link_keeps_one_chosen_room_and_drops_several(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    one = client.get(f"{GRID_URL}&room=bamboo").content.decode()
    two = client.get(f"{GRID_URL}&room=lotus&room=orchid").content.decode()

    assert 'href="?day=2024-11-19&amp;room=bamboo">List</a>' in one
    assert 'href="?day=2024-11-19">List</a>' in two


def test_grid_prints_as_tables_of_six_rooms_headed_by_their_names(client, edition):
    names = [f"Hall {n}" for n in range(1, 9)]
    rooms_with_forums(edition, names)

    response = client.get(GRID_URL)

    html = response.content.decode()
    assert seen(response).print_heads == ["Time", *names[:6], "Time", *names[6:]]
    assert re.findall(r"<caption>(.*?)</caption>", html) == ["Rooms 1–6 of 8", "Rooms 7–8 of 8"]


def test_grid_printed_for_chosen_rooms_has_those_rooms_only(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])

    page = seen(client.get(f"{GRID_URL}&room=bamboo&room=orchid"))

    assert page.print_heads == ["Time", "Bamboo", "Orchid"]


def test_grid_room_choice_queries_do_not_grow_with_rooms(client, edition, django_assert_num_queries, page_queries):
    venue = VenueFactory(edition=edition)
    rooms_with_forums(edition, ["Lotus", "Bamboo"], venue=venue)
    small = page_queries(f"{GRID_URL}&room=lotus")
    rooms_with_forums(edition, [f"Hall {n:02}" for n in range(20)], venue=VenueFactory(edition=edition))
    cache.clear()

    with django_assert_num_queries(small):
        response = client.get(f"{GRID_URL}&room=lotus&room=hall-03&room=hall-07")

    assert seen(response).columns == ["Lotus", "Hall 03", "Hall 07"]


def test_grid_with_chosen_rooms_is_served_from_the_page_cache(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])
    url = f"{GRID_URL}&room=lotus&room=orchid"
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert (response.status_code, len(queries)) == (200, 0)
    assert seen(response).columns == ["Lotus", "Orchid"]


def test_grid_room_choice_in_another_order_is_sent_to_the_cached_address(client, edition):
    rooms_with_forums(edition, ["Lotus", "Bamboo", "Orchid"])
    client.get(f"{GRID_URL}&room=lotus&room=orchid")

    response = client.get(f"{GRID_URL}&room=orchid&room=lotus", follow=True)

    assert response.redirect_chain == [(f"{GRID_URL}&room=lotus&room=orchid", 302)]
    assert seen(response).columns == ["Lotus", "Orchid"]
