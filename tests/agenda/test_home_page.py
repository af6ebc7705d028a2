"""The edition home as a visitor sees it: no empty column, what is on today during the summit, otherwise the
highlights (ceremonies, main forums and the sub-forums with most speakers), and figures that matter."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from agenda.enums import SessionKind, SessionStatus
from tests.factories.agenda import EditionFactory, PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


def session(edition, title, start, kind=SessionKind.SUB_FORUM, speakers=0, **kwargs):
    made = SessionFactory(
        edition=edition,
        title=title,
        kind=kind,
        start=start,
        end=start + dt.timedelta(hours=1),
        room=RoomFactory(venue__edition=edition),
        **kwargs,
    )
    for n in range(speakers):
        SessionSpeakerFactory(session=made, person=PersonFactory(edition=edition, country=["CN", "FR", "CN"][n % 3]))
    return made


def figures(html):
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))


def test_after_the_summit_the_highlights_take_the_page_with_the_busiest_sub_forums(client, edition):
    start = dt.datetime(2024, 11, 19, 9, tzinfo=edition.zone)
    session(edition, "Opening ceremony", start, kind=SessionKind.OPENING_CEREMONY)
    session(edition, "Main forum", start + dt.timedelta(hours=2), kind=SessionKind.PLENARY)
    session(edition, "Quiet sub-forum", start + dt.timedelta(hours=3), speakers=1)
    session(edition, "Busy sub-forum", start + dt.timedelta(days=1), speakers=3)
    session(edition, "Busier sub-forum", start + dt.timedelta(days=1, hours=2), speakers=4)
    session(edition, "Packed sub-forum", start + dt.timedelta(days=2), speakers=5)
    session(edition, "Called-off sub-forum", start + dt.timedelta(days=2), speakers=6, status=SessionStatus.CANCELLED)

    html = client.get("/2024/").content.decode()

    assert 'id="on-now"' not in html  # no column left with nothing in it
    highlights = html.split('id="highlights"')[1].split("</section>")[0]
    titles = re.findall(r'<a [^>]*href="/2024/sessions/[^"]+"[^>]*>([^<]+)</a>', highlights)
    assert titles == ["Opening ceremony", "Main forum", "Busy sub-forum", "Busier sub-forum", "Packed sub-forum"]
    assert "This edition took place 19–22 November 2024." in highlights
    assert figures(html) == {
        "Days": "4",
        "Sessions": "7",
        "Sub-forums": "5",
        "Speakers": "19",
        "Countries and regions": "2",
    }


def test_during_the_summit_the_home_shows_what_is_on_now_and_next_beside_the_highlights(client):
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    edition = EditionFactory(slug="live", start_date=today - day, end_date=today + day)
    now = timezone.now()
    session(edition, "Running forum", now - dt.timedelta(minutes=30))
    session(edition, "Later forum", now + dt.timedelta(hours=2))
    session(edition, "Closing ceremony", now + dt.timedelta(hours=20), kind=SessionKind.OPENING_CEREMONY)

    html = client.get("/live/").content.decode()

    on_now = html.split('id="on-now"')[1].split("</section>")[0]
    assert "Running forum" in on_now and "Later forum" in on_now
    assert "Closing ceremony" in html.split('id="highlights"')[1]


def test_the_register_call_to_action_shows_while_registration_is_open(client):
    now = timezone.now()
    start = timezone.localdate() + dt.timedelta(days=30)
    edition = EditionFactory(
        slug="next",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        registration_opens_at=now - dt.timedelta(days=1),
        registration_closes_at=now + dt.timedelta(days=20),
    )
    session(edition, "Opening ceremony", dt.datetime.combine(start, dt.time(9), tzinfo=edition.zone))

    html = client.get("/next/").content.decode()

    assert re.search(r'<a class="btn [^"]*hero-register" href="/next/register/">Register as a delegate</a>', html)
