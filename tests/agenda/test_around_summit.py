"""Events around the summit (the eve, a press conference in another city) belong to the edition: they may take
place outside its days or away from its venue, have their own tab on the agenda and are in every feed."""

import datetime as dt
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from agenda.enums import SessionKind
from agenda.models import AwardProgramme, Session
from tests.factories import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(slug="2031", year=2031, start_date=dt.date(2031, 11, 18), end_date=dt.date(2031, 11, 20))


def at(edition, day, hour):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=edition.zone)


@pytest.fixture
def press_conference(edition):
    return SessionFactory(
        edition=edition,
        title="Press conference",
        slug="press-conference",
        kind=SessionKind.PRESS_CONFERENCE,
        room=None,
        location="Beijing",
        location_zh_hans="北京",
        is_around_summit=True,
        start=at(edition, dt.date(2031, 10, 24), 10),
        end=at(edition, dt.date(2031, 10, 24), 11),
    )


def session_outside_the_days(edition, **fields):
    return Session(
        edition=edition,
        title="Eve",
        slug="eve",
        start=at(edition, dt.date(2031, 11, 17), 10),
        end=at(edition, dt.date(2031, 11, 17), 11),
        **fields,
    )


def test_a_session_outside_the_days_is_refused_with_the_way_out(edition):
    with pytest.raises(ValidationError) as refused:
        session_outside_the_days(edition).full_clean()
    assert "can be marked “around the summit”" in str(refused.value)


def test_an_event_around_the_summit_may_be_outside_the_days_but_not_a_year_away(edition):
    session_outside_the_days(edition, is_around_summit=True, location="Wuzhen").full_clean()
    far = session_outside_the_days(edition, is_around_summit=True, location="Wuzhen")
    far.start, far.end = far.start.replace(year=2030), far.end.replace(year=2030)
    with pytest.raises(ValidationError) as refused:
        far.full_clean()
    assert "within 180 days of it" in str(refused.value)


def test_the_agenda_has_an_around_the_summit_tab_only_when_there_are_such_events(client, edition):
    SessionFactory(edition=edition, title="Opening", slug="opening")
    assert "?day=around" not in client.get("/2031/agenda/").content.decode()


def test_the_around_tab_lists_the_events_with_their_place(client, edition, press_conference):
    SessionFactory(edition=edition, title="Opening", slug="opening")
    page = client.get("/2031/agenda/").content.decode()
    assert 'href="?day=around">Around the summit</a>' in page
    around = client.get("/2031/agenda/?day=around").content.decode()
    cards = re.findall(r'<article class="session-card.*?</article>', around, re.S)
    assert len(cards) == 1
    assert '<span class="badge around-badge">Around the summit</span>' in cards[0]
    assert "Beijing" in cards[0]
    assert "Friday 24 October 2031" in around
    chinese = client.get("/zh-hans/2031/agenda/?day=around").content.decode()
    assert "北京" in chinese
    everything = client.get("/2031/agenda/?day=all").content.decode()
    assert everything.index(">Press conference</a>") < everything.index(">Opening</a>")


def test_the_session_page_says_where(client, press_conference):
    page = client.get("/2031/sessions/press-conference/").content.decode()
    where = page[page.index('<dt class="col-sm-3">Where</dt>') :]
    assert where[: where.index("</dd>")].strip().endswith("Beijing")


def test_feeds_and_api_carry_the_events_around_the_summit(client, edition, press_conference):
    SessionFactory(edition=edition, title="Opening", slug="opening")
    calendar = client.get("/2031/schedule.ics").content.decode().replace("\r\n ", "")
    event = next(e for e in calendar.split("BEGIN:VEVENT")[1:] if "SUMMARY:Press conference" in e)
    assert "LOCATION:Beijing\r\n" in event
    assert "DTSTART;TZID=Asia/Shanghai:20311024T100000" in event
    schedule = json.loads(client.get("/2031/schedule.json").content)
    days = schedule["schedule"]["conference"]["days"]
    assert days[0]["date"] == "2031-10-24"
    # The conference spans every day, so day numbers counted from its start land on their dates.
    assert schedule["schedule"]["conference"]["start"].startswith("2031-10-24")
    assert [event["title"] for event in days[0]["rooms"]["Beijing"]] == ["Press conference"]
    row = client.get("/api/editions/2031/sessions/press-conference/").json()
    assert (row["is_around_summit"], row["location"]) == (True, "Beijing")


def test_the_demo_holds_the_eve_of_2023_and_the_press_conference_of_2024():
    call_command("load_demo", verbosity=0)
    eve = Session.objects.filter(edition__slug="2023", is_around_summit=True).order_by("start")
    assert [s.start.astimezone(s.edition.zone).date() for s in eve] == [dt.date(2023, 11, 7)] * 3
    assert AwardProgramme.objects.get(edition__slug="2023", slug="outstanding-cases").ceremony in eve
    press = Session.objects.get(edition__slug="2024", slug="beijing-press-conference")
    assert press.is_around_summit and press.location_en == "Beijing"
    assert press.start.astimezone(press.edition.zone).date() == dt.date(2024, 10, 24)


def test_an_event_around_the_summit_says_where(edition):
    with pytest.raises(ValidationError) as refused:
        session_outside_the_days(edition, is_around_summit=True).full_clean()
    assert refused.value.message_dict["location"] == [
        "Say where an event around the summit takes place: a room, a venue or a place."
    ]


def test_the_now_page_shows_an_event_around_the_summit_without_saying_nothing_is_on(client, press_conference):
    page = client.get("/2031/now/?at=2031-10-24T10:30").content.decode()
    assert "Press conference" in page
    assert "nothing is on now" not in page
    assert "nothing is on now" in client.get("/2031/now/?at=2031-10-25T10:30").content.decode()
