"""Which day the agenda opens on, "All days", and a search that spans the whole summit."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from agenda.enums import SessionKind
from tests.factories import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


def at(edition, day, hour):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour), tzinfo=edition.zone)


def make_session(edition, title, day, hour=9, **kwargs):
    kwargs.setdefault("room", RoomFactory(venue__edition=edition))
    return SessionFactory(
        edition=edition, title=title, start=at(edition, day, hour), end=at(edition, day, hour + 1), **kwargs
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def chosen_day(html):
    return re.search(r'class="nav-link active" aria-current="page" href="\?day=([0-9-]+)', html).group(1)


@pytest.fixture
def edition():
    """A past edition with a pre-day of two sessions; the opening ceremony is on its second day."""
    edition = EditionFactory(slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    make_session(edition, "Press briefing", 0, 10, kind=SessionKind.PRESS_CONFERENCE)
    make_session(edition, "Delegate check-in opens", 0, 14, kind=SessionKind.SIDE_EVENT)
    make_session(edition, "Summit welcome", 1, 9, kind=SessionKind.OPENING_CEREMONY)
    for n in range(3):
        make_session(edition, f"Day three forum {n}", 2, 9 + 2 * n)
    make_session(edition, "Closing forum", 3, 9)
    return edition


def test_all_days_shows_every_public_session_without_complaining(client, edition):
    html = text(client.get("/2024/agenda/?day=all"))

    assert "Select a valid choice" not in html
    assert "not understood" not in html
    for title in ("Press briefing", "Summit welcome", "Day three forum 2", "Closing forum"):
        assert title in html
    assert "7 sessions" in html
    assert 'class="nav-link active" href="?day=all"' in html


def test_all_days_combines_with_filters(client, edition):
    html = text(client.get("/2024/agenda/?day=all&kind=sub_forum"))

    assert "Day three forum 0" in html and "Closing forum" in html
    assert "Summit welcome" not in html and "Press briefing" not in html


def test_the_agenda_opens_on_the_opening_ceremony_day_not_on_a_pre_day(client, edition):
    html = text(client.get("/2024/agenda/"))

    assert chosen_day(html) == "2024-11-20"
    assert "Summit welcome" in html
    assert "Press briefing" not in html


def test_without_an_opening_ceremony_the_agenda_opens_on_the_busiest_day(client):
    edition = EditionFactory(slug="2030", start_date=dt.date(2030, 11, 19), end_date=dt.date(2030, 11, 21))
    make_session(edition, "Pre-day briefing", 0)
    for n in range(3):
        make_session(edition, f"Busy forum {n}", 2, 9 + 2 * n)
    make_session(edition, "Quiet forum", 1)

    assert chosen_day(text(client.get("/2030/agenda/"))) == "2030-11-21"


def test_during_the_summit_the_agenda_opens_on_today(client):
    today = timezone.now().astimezone(dt.timezone(dt.timedelta(hours=8))).date()
    edition = EditionFactory(
        slug="live", start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=1)
    )
    make_session(edition, "Summit welcome", 0, kind=SessionKind.OPENING_CEREMONY)
    make_session(edition, "Forum of the day", 1)

    html = text(client.get("/live/agenda/"))

    assert chosen_day(html) == today.isoformat()
    assert "Forum of the day" in html and "Summit welcome" not in html


def test_a_search_covers_every_day_unless_a_day_is_chosen_with_it(client, edition):
    speaker = PersonFactory(edition=edition, name="Wang Haifeng")
    for title in ("Summit welcome", "Day three forum 1", "Closing forum"):
        SessionSpeakerFactory(session=edition.sessions.get(title=title), person=speaker)

    # The search form on a day's page searches every day; the filters keep the day on screen.
    day_page = text(client.get("/2024/agenda/?day=2024-11-21"))
    search_form = day_page.split('class="agenda-search')[1].split("</form>")[0]
    filter_form = day_page.split('class="agenda-filters')[1].split("</form>")[0]
    assert '<input type="hidden" name="day" value="all">' in search_form
    assert '<input type="hidden" name="day" value="2024-11-21">' in filter_form
    across = text(client.get("/2024/agenda/?day=all&q=haifeng"))
    assert "3 sessions" in across
    assert all(title in across for title in ("Summit welcome", "Day three forum 1", "Closing forum"))

    # A day chosen together with the search narrows it, and the form says so.
    narrowed = text(client.get("/2024/agenda/?day=2024-11-21&q=haifeng"))
    assert "1 session" in narrowed and "Day three forum 1" in narrowed and "Closing forum" not in narrowed
    assert chosen_day(narrowed) == "2024-11-21"


def test_grid_without_a_day_lists_every_day_instead_of_nothing(client, edition):
    html = text(client.get("/2024/agenda/?view=grid&day=all&q=forum"))

    assert "The grid shows one day at a time" in html
    assert "Day three forum 0" in html and "Closing forum" in html
