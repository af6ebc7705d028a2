"""What a Chinese reader sees between translated pieces on the public pages and in the feeds: no space after
"。", full-width brackets "（…）", "：" after a label and "；" between entries. English stays as it was."""

import datetime as dt
import json
import re
from html import unescape

import pytest
from django.utils import translation

from agenda.enums import SessionKind
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    VenueFactory,
)
from tests.factories.expo import AwardProgrammeFactory, ExhibitFactory, ExhibitPictureFactory, ExpoFactory

pytestmark = pytest.mark.django_db

ASCII_PUNCTUATION_AFTER_CHINESE = re.compile(r"[\u3000-\u9fff\uff00-\uffef][:;,] |[\u3000-\u9fff] \(|。 ")


@pytest.fixture(autouse=True)
def english_afterwards():
    """A Chinese answer leaves Chinese active in this thread: later tests start in English."""
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def text_of(response):
    assert response.status_code == 200, response.status_code
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode())))


def forum_in(edition, **fields):
    baidu = OrganisationFactory(edition=edition, name_en="Baidu", name_zh_hans="百度", slug="baidu")
    forum = SessionFactory(
        edition=edition,
        title_en="Digital Economy Forum",
        title_zh_hans="数字经济论坛",
        slug="digital-economy",
        room=RoomFactory(venue=VenueFactory(edition=edition, name_en="Lotus Hall", name_zh_hans="莲花厅")),
        start=dt.datetime.combine(edition.start_date, dt.time(8, 30), tzinfo=edition.zone),
        end=dt.datetime.combine(edition.start_date, dt.time(10, 5), tzinfo=edition.zone),
        **fields,
    )
    for english, chinese in (("Wang Haifeng", "王海峰"), ("Robin Li", "李彦宏")):
        person = PersonFactory(
            edition=edition,
            name_en=english,
            name_zh_hans=chinese,
            title_en="Chief Technology Officer",
            title_zh_hans="首席技术官",
            organisation=baidu,
        )
        SessionSpeakerFactory(session=forum, person=person)
    SessionOrganiserFactory(session=forum, organisation=baidu)
    return forum


# -- pages ----------------------------------------------------------------------------------------


def test_the_chinese_session_page_joins_its_registration_sentences_without_a_space(client, upcoming_edition):
    forum_in(upcoming_edition, registration_required=True, capacity=350)

    chinese = text_of(client.get("/zh-hans/upcoming/sessions/digital-economy/"))
    english = text_of(client.get("/upcoming/sessions/digital-economy/"))

    assert "请在注册时选择本场会议。350 个席位。" in chinese
    assert "when you register. 350 seats." in english


def test_the_chinese_home_page_joins_its_sentences_without_a_space(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/"))
    english = text_of(client.get("/2024/"))

    assert "举行。浏览全部议程。" in chinese
    assert ". Browse the whole agenda." in english


def test_the_chinese_session_page_writes_the_time_zone_in_full_width_brackets(client, edition):
    forum_in(edition)

    chinese = text_of(client.get("/zh-hans/2024/sessions/digital-economy/"))
    english = text_of(client.get("/2024/sessions/digital-economy/"))

    assert "（乌镇时间，UTC+8）" in chinese
    assert "(乌镇时间" not in chinese
    assert "(Wuzhen time, UTC+8)" in english


def test_the_chinese_awards_page_writes_the_time_zone_in_full_width_brackets(client, edition):
    ceremony = forum_in(edition, kind=SessionKind.AWARD_CEREMONY)
    AwardProgrammeFactory(edition=edition, name="Pioneer Award", slug="pioneer", ceremony=ceremony)

    chinese = text_of(client.get("/zh-hans/2024/awards/"))

    assert "（乌镇时间，UTC+8）" in chinese
    assert "(乌镇时间" not in chinese


def test_the_chinese_exhibit_page_writes_its_asides_in_full_width_brackets(client, edition):
    expo = ExpoFactory(edition=edition, slug="expo")
    exhibit = ExhibitFactory(
        expo=expo, slug="robot-dog", exhibitor__name_en="Unitree", exhibitor__name_zh_hans="宇树科技"
    )
    ExhibitPictureFactory(exhibit=exhibit, size=(1200, 800))

    chinese = text_of(client.get("/zh-hans/2024/expo/robot-dog/"))
    english = text_of(client.get("/2024/expo/robot-dog/"))

    assert "宇树科技 （该机构的全部展项）" in chinese or "宇树科技（该机构的全部展项）" in chinese
    assert re.search(r"查看原图：[^（]*（1200 × 800 像素）", chinese)
    assert "(" not in chinese.split("宇树科技", 1)[1].split("©")[0]
    assert "Unitree (all their exhibits)" in english
    assert "(1200 × 800 pixels)" in english


# -- feeds ----------------------------------------------------------------------------------------


def json_description(client, prefix):
    response = client.get(f"{prefix}/2024/schedule.json")
    assert response.status_code == 200
    [event] = [
        event
        for day in json.loads(response.content)["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]
    return event["description"]


def ical_description(client, prefix):
    response = client.get(f"{prefix}/2024/sessions/digital-economy.ics")
    assert response.status_code == 200
    unfolded = response.content.decode().replace("\r\n ", "")
    return re.search(r"^DESCRIPTION:(.*)$", unfolded, re.M).group(1).replace("\\n", "\n").replace("\\", "")


def test_chinese_feeds_describe_the_session_with_chinese_punctuation(client, edition):
    forum_in(edition)

    for description in (json_description(client, "/zh-hans"), ical_description(client, "/zh-hans")):
        assert "王海峰（首席技术官，百度）；李彦宏（首席技术官，百度）" in description
        assert re.search(r"(^|\n)[^\n：]+：王海峰", description), description
        assert re.search(r"组织单位：百度（[^（）]+）", description), description
        assert not ASCII_PUNCTUATION_AFTER_CHINESE.search(description), description


def test_english_feeds_keep_their_english_punctuation(client, edition):
    forum_in(edition)

    for description in (json_description(client, ""), ical_description(client, "")):
        assert (
            "Wang Haifeng (Chief Technology Officer, Baidu); Robin Li (Chief Technology Officer, Baidu)" in description
        )
        assert re.search(r"Organisers: Baidu \([^()]+\)", description), description
