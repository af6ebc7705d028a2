import datetime as dt
from html.parser import HTMLParser

import pytest
from django.core.cache import cache

from agenda.enums import SessionKind, SessionStatus
from agenda.selectors.grid import day_grid
from tests.factories import RoomFactory, SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db

GRID_URL = "/2024/agenda/?view=grid&day=2024-11-19"


def at(edition, hour, minute=0):
    return dt.datetime(2024, 11, 19, hour, minute, tzinfo=edition.zone)


def make_session(edition, title, start, end, **kwargs):
    """A session on the edition's first day from `start` to `end`, each an (hour, minute) pair."""
    return SessionFactory(edition=edition, title=title, start=at(edition, *start), end=at(edition, *end), **kwargs)


def lanes_of(grid):
    """(lane, lanes) of every cell, keyed by session title and first column."""
    return {(cell.session.title, cell.column_start): (cell.lane, cell.lanes) for cell in grid.cells}


def test_day_grid_puts_overlapping_sessions_in_one_room_in_two_lanes(edition):
    room = RoomFactory(venue__edition=edition)
    first = make_session(edition, "First", (9, 0), (11, 0), room=room)
    second = make_session(edition, "Second", (10, 0), (12, 0), room=room)

    grid = day_grid(edition=edition, sessions=[first, second])

    assert lanes_of(grid) == {("First", 2): (0, 2), ("Second", 2): (1, 2)}


def test_day_grid_keeps_a_later_session_in_that_room_in_one_lane(edition):
    room = RoomFactory(venue__edition=edition)
    sessions = [
        make_session(edition, "First", (9, 0), (11, 0), room=room),
        make_session(edition, "Second", (10, 0), (12, 0), room=room),
        make_session(edition, "Afternoon", (14, 0), (15, 0), room=room),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    assert lanes_of(grid) == {("First", 2): (0, 2), ("Second", 2): (1, 2), ("Afternoon", 2): (0, 1)}


def test_day_grid_gives_the_smallest_free_lane_in_start_order(edition):
    room = RoomFactory(venue__edition=edition)
    sessions = [
        make_session(edition, "Long", (9, 0), (13, 0), room=room),
        make_session(edition, "Early", (9, 0), (10, 0), room=room),
        make_session(edition, "Middle", (9, 30), (11, 0), room=room),
        make_session(edition, "After early", (10, 0), (12, 0), room=room),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    assert lanes_of(grid) == {
        ("Long", 2): (0, 3),
        ("Early", 2): (1, 3),
        ("Middle", 2): (2, 3),
        ("After early", 2): (1, 3),
    }


def test_day_grid_lays_out_back_to_back_and_cancelled_sessions_like_any_other(edition):
    room = RoomFactory(venue__edition=edition)
    sessions = [
        make_session(edition, "Morning", (9, 0), (10, 0), room=room),
        make_session(edition, "Next", (10, 0), (11, 0), room=room),
        make_session(edition, "Called off", (10, 30), (11, 30), room=room, status=SessionStatus.CANCELLED),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    assert lanes_of(grid) == {("Morning", 2): (0, 1), ("Next", 2): (0, 2), ("Called off", 2): (1, 2)}


def test_day_grid_sessions_in_different_rooms_at_the_same_time_are_not_lanes_of_each_other(edition):
    venue = VenueFactory(edition=edition)
    hall = RoomFactory(venue=venue, position=1)
    annex = RoomFactory(venue=venue, position=2)
    sessions = [
        make_session(edition, "In the hall", (9, 0), (11, 0), room=hall),
        make_session(edition, "In the annex", (9, 0), (11, 0), room=annex),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    assert lanes_of(grid) == {("In the hall", 2): (0, 1), ("In the annex", 3): (0, 1)}


def test_day_grid_gives_a_whole_venue_session_a_lane_in_the_room_it_clashes_with(edition):
    venue = VenueFactory(edition=edition)
    rooms = [RoomFactory(venue=venue, position=n) for n in (1, 2, 3)]
    sessions = [
        make_session(edition, "Runs late", (10, 0), (12, 30), room=rooms[0]),
        make_session(edition, "On time", (10, 0), (12, 0), room=rooms[1]),
        make_session(edition, "Also on time", (10, 0), (12, 0), room=rooms[2]),
        make_session(edition, "Lunch", (12, 0), (13, 30), room=None, venue=venue, kind=SessionKind.BREAK),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    # Lunch keeps a lane beside the overrunning session and stays one cell over the other two rooms.
    assert [(c.session.title, c.column_start, c.column_end, c.continued) for c in grid.cells if c.session.venue_id] == [
        ("Lunch", 2, 3, False),
        ("Lunch", 3, 5, True),
    ]
    assert lanes_of(grid) == {
        ("Runs late", 2): (0, 2),
        ("On time", 3): (0, 1),
        ("Also on time", 4): (0, 1),
        ("Lunch", 2): (1, 2),
        ("Lunch", 3): (0, 1),
    }


def test_day_grid_overlapping_whole_venue_sessions_share_lanes_across_the_venue(edition):
    venue = VenueFactory(edition=edition)
    rooms = [RoomFactory(venue=venue, position=n) for n in (1, 2)]
    sessions = [
        make_session(edition, "Keynote", (9, 0), (10, 0), room=rooms[0]),
        make_session(edition, "Panel", (9, 0), (10, 0), room=rooms[1]),
        make_session(edition, "Lunch", (12, 0), (13, 0), room=None, venue=venue),
        make_session(edition, "Reception", (12, 30), (14, 0), room=None, venue=venue),
    ]

    grid = day_grid(edition=edition, sessions=sessions)

    venue_wide = [(c.session.title, c.column_start, c.column_end, c.lane, c.lanes) for c in grid.cells[2:]]
    assert venue_wide == [("Lunch", 2, 4, 0, 2), ("Reception", 2, 4, 1, 2)]


class GridSessions(HTMLParser):
    """The href and inline style of every session drawn in the grid."""

    def __init__(self):
        super().__init__()
        self.sessions = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "grid-session" in attrs.get("class", "").split():
            self.sessions.append((attrs["href"], attrs["style"], attrs["class"].split()))


def grid_sessions(page):
    parser = GridSessions()
    parser.feed(page)
    return parser.sessions


def test_grid_page_draws_clashing_sessions_side_by_side(client, edition):
    room = RoomFactory(venue__edition=edition)
    first = make_session(edition, "Data governance forum", (14, 0), (16, 0), room=room)
    second = make_session(edition, "Cross-border data forum", (14, 0), (16, 0), room=room)

    response = client.get(GRID_URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Data governance forum" in page and "Cross-border data forum" in page
    drawn = {href: (style, classes) for href, style, classes in grid_sessions(page)}
    assert sorted(drawn) == sorted([f"/2024/sessions/{first.slug}/", f"/2024/sessions/{second.slug}/"])
    # Same start, same room: the page's order (start, room, title) decides who takes the first lane.
    assert "--lane: 0; --lanes: 2;" in drawn[f"/2024/sessions/{second.slug}/"][0]
    assert "--lane: 1; --lanes: 2;" in drawn[f"/2024/sessions/{first.slug}/"][0]
    assert all("has-clash" in classes for _, classes in drawn.values())
    assert page.count("Overlaps another session in this room") == 2


def test_grid_page_draws_sessions_without_a_clash_at_full_width(client, edition):
    make_session(edition, "Opening", (9, 0), (10, 0))
    make_session(edition, "Closing", (10, 0), (11, 0))

    page = client.get(GRID_URL).content.decode()

    drawn = grid_sessions(page)
    assert len(drawn) == 2
    assert [("--lane" in style, "has-clash" in classes) for _, style, classes in drawn] == [(False, False)] * 2
    assert "Overlaps another session" not in page


def make_clashes(edition, count):
    venue = VenueFactory(edition=edition)
    for n in range(count):
        room = RoomFactory(venue=venue, position=n)
        make_session(edition, f"Forum {n}", (9, 0), (12, 30), room=room)
        make_session(edition, f"Rival {n}", (10, 0), (11, 0), room=room, status=SessionStatus.CANCELLED)
    make_session(edition, f"Lunch {count}", (12, 0), (13, 0), room=None, venue=venue)


def test_grid_page_queries_do_not_grow_with_clashes(client, edition, django_assert_num_queries, page_queries):
    make_clashes(edition, 1)
    small = page_queries(GRID_URL)
    make_clashes(edition, 12)
    cache.clear()

    with django_assert_num_queries(small):
        response = client.get(GRID_URL)

    # Each room: the forum, its rival and the lunch that the forum runs into.
    assert response.content.decode().count("has-clash") == 3 * 13


def test_grid_page_lists_every_room_with_a_link_to_its_column(client, edition):
    rooms = [RoomFactory(venue__edition=edition, name=name, position=n) for n, name in enumerate(["Lotus", "Bamboo"])]
    for room in rooms:
        make_session(edition, f"Forum in {room.name}", (9, 0), (10, 0), room=room)

    page = client.get(GRID_URL).content.decode()

    for room in rooms:
        assert f'<li><a href="#grid-room-{room.slug}">{room.name}</a></li>' in page
        assert f'id="grid-room-{room.slug}"' in page
    assert "Go to a room (2 rooms)" in page
    # The count of rooms off screen is worded by the script from these, in the page's language.
    assert 'data-more-one="{n} more room" data-more-other="{n} more rooms"' in page


def test_grid_page_is_not_a_scroll_box_of_its_own_height(client, edition):
    """The page scrolls down; the grid scrolls only sideways, so nothing caps its height."""
    make_session(edition, "Opening", (9, 0), (10, 0))

    page = client.get(GRID_URL).content.decode()

    assert "max-height" not in page
    assert "js/agenda-grid.js" in page


def test_grid_ends_a_long_title_after_the_lines_its_cell_holds(client, edition):
    room = RoomFactory(venue__edition=edition)
    short = make_session(edition, "Twenty minutes", (9, 0), (9, 20), room=room)
    half_hour = make_session(edition, "Half an hour", (9, 30), (10, 0), room=room)
    long = make_session(edition, "Ninety minutes", (10, 0), (11, 30), room=room)

    drawn = {href: (style, classes) for href, style, classes in grid_sessions(client.get(GRID_URL).content.decode())}

    # A short session's times and title share two lines; longer ones end their titles on a whole line.
    assert "is-short" in drawn[f"/2024/sessions/{short.slug}/"][1]
    assert "--title-lines" not in drawn[f"/2024/sessions/{short.slug}/"][0]
    assert "--title-lines: 1;" in drawn[f"/2024/sessions/{half_hour.slug}/"][0]
    assert "--title-lines: 8;" in drawn[f"/2024/sessions/{long.slug}/"][0]
