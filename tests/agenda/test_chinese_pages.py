"""The public pages read as Chinese on /zh-hans/: names in pinyin order, Chinese list and label punctuation,
dates in Chinese order, and links to the API and feeds in the page's language. English stays as it was."""

import datetime as dt
import re
from html import unescape

import pytest

from agenda.enums import OrganiserRole, SessionKind
from agenda.selectors.ordering import collation_key
from attendees.models import Registration
from tests.factories import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    VenueFactory,
)
from tests.factories.attendees import delegate_data, open_registration

pytestmark = pytest.mark.django_db

# (English name, Chinese name): a person without a Chinese name keeps the Latin one on Chinese pages.
PEOPLE = [
    ("Wang Haifeng", "王海峰"),
    ("Robin Li", "李彦宏"),
    ("Moksh Jawa", ""),
    ("Zeng Yi", "曾毅"),
    ("Antonio Frisoli", ""),
    ("Zhou Hongyi", "周鸿祎"),
]


def at(edition, hour, minute=0):
    return dt.datetime(2024, 11, 20, hour, minute, tzinfo=edition.zone)


@pytest.fixture
def edition():
    edition = EditionFactory(
        slug="2024",
        name="2024 Wuzhen Summit",
        year=2024,
        start_date=dt.date(2024, 11, 19),
        end_date=dt.date(2024, 11, 22),
        is_current=True,
    )
    venue = VenueFactory(edition=edition, name_en="Convention Center", name_zh_hans="会展中心")
    hall = RoomFactory(venue=venue, name_en="Main Hall", name_zh_hans="主会议厅", floor="1F")
    baidu = OrganisationFactory(edition=edition, name_en="Baidu", name_zh_hans="百度", slug="baidu")
    forum = SessionFactory(
        edition=edition,
        kind=SessionKind.PLENARY,
        title_en="Main forum",
        title_zh_hans="主论坛",
        slug="main-forum",
        room=hall,
        start=at(edition, 10, 15),
        end=at(edition, 12),
    )
    for english, chinese in PEOPLE:
        person = PersonFactory(
            edition=edition,
            name_en=english,
            name_zh_hans=chinese,
            title_en="Chief Technology Officer",
            title_zh_hans="首席技术官",
            organisation=baidu,
        )
        SessionSpeakerFactory(session=forum, person=person)
    SessionOrganiserFactory(session=forum, organisation=baidu, role=OrganiserRole.HOST)
    return edition


def text_of(response):
    """The page's text, tags dropped and entities read, whitespace kept as one space."""
    assert response.status_code == 200
    html = response.content.decode()
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))


def speaker_names(client, address):
    html = client.get(address).content.decode()
    return [unescape(name) for name in re.findall(r'<a class="fw-semibold" href="[^"]+">([^<]+)</a>', html)]


def page_title(client, address):
    return unescape(re.search(r"<title>(.*?)</title>", client.get(address).content.decode(), re.S).group(1))


def test_chinese_speakers_are_listed_by_pinyin_with_latin_names_among_them(client, edition):
    assert speaker_names(client, "/zh-hans/2024/speakers/") == [
        "Antonio Frisoli",  # a
        "李彦宏",  # li yan hong
        "Moksh Jawa",  # m
        "王海峰",  # wang
        "曾毅",  # zeng (as a surname)
        "周鸿祎",  # zhou
    ]


def test_english_speakers_keep_their_alphabetical_order(client, edition):
    assert speaker_names(client, "/2024/speakers/") == [
        "Antonio Frisoli",
        "Moksh Jawa",
        "Robin Li",
        "Wang Haifeng",
        "Zeng Yi",
        "Zhou Hongyi",
    ]


def test_chinese_organisation_page_lists_its_speakers_by_pinyin(client, edition):
    text = text_of(client.get("/zh-hans/2024/organisations/"))

    assert "嘉宾：Antonio Frisoli、李彦宏、Moksh Jawa、王海峰、曾毅、周鸿祎" in text


@pytest.mark.parametrize(
    "text, before",
    [
        ("李", "王"),  # li before wang, though 王 has the lower code point
        ("李明", "梁朝伟"),  # syllable by syllable: li before liang
        ("Li Wei", "李彦宏"),  # li wei before li yan hong, whatever the script
        ("émile", "Fang"),  # accents and capitals do not count
        ("曾毅", "周"),  # 曾 read as the surname zeng, not ceng
    ],
)
def test_the_collation_key_orders_as_a_chinese_index(text, before):
    assert collation_key(text) < collation_key(before)


def test_speakers_of_a_session_are_joined_with_the_chinese_enumeration_comma(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/"))
    english = text_of(client.get("/2024/"))

    assert "王海峰、李彦宏、Moksh Jawa、曾毅" in chinese
    assert "Wang Haifeng, Robin Li, Moksh Jawa, Zeng Yi" in english
    assert "王海峰, " not in chinese


def test_a_chinese_session_page_uses_chinese_commas(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/sessions/main-forum/"))
    english = text_of(client.get("/2024/sessions/main-forum/"))

    assert "首席技术官，百度" in chinese
    assert "主会议厅，1F" in chinese
    assert "Chief Technology Officer, Baidu" in english
    assert "Main Hall, floor 1F" in english


def test_chinese_labels_end_with_a_full_width_colon(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/organisations/"))
    english = text_of(client.get("/2024/organisations/"))

    assert re.search(r"主办单位：\s*主论坛", chinese)
    assert "嘉宾：" in chinese
    assert not re.search(r"[\u4e00-\u9fff]: ", chinese)
    assert "Host: Main forum" in english
    assert "Speakers: " in english


def test_home_highlights_write_the_day_in_each_languages_order(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/"))
    english = text_of(client.get("/2024/"))

    assert "11月20日 周三 10:15–12:00" in chinese
    assert "星期三," not in chinese
    assert "Wed 20 Nov, 10:15–12:00" in english


def test_agenda_day_tabs_use_the_short_chinese_weekday(client, edition):
    chinese = text_of(client.get("/zh-hans/2024/agenda/?day=2024-11-20"))

    assert "11月20日 周三" in chinese  # the tab
    assert "2024年11月20日 星期三" in chinese  # the heading


@pytest.mark.parametrize(
    "address, expected",
    [
        ("/zh-hans/2024/agenda/?day=2024-11-20", "议程 · 2024年11月20日"),
        ("/2024/agenda/?day=2024-11-20", "Agenda · 20 November 2024"),
    ],
)
def test_page_titles_write_the_day_not_an_iso_date(client, edition, address, expected):
    title = page_title(client, address)

    assert title.startswith(expected)
    assert "2024-11-20" not in title


def test_the_footers_api_link_keeps_the_pages_language(client, edition):
    chinese = client.get("/zh-hans/2024/").content.decode()
    english = client.get("/2024/").content.decode()

    assert 'href="/api/?lang=zh-hans"' in chinese
    assert 'href="/zh-hans/2024/schedule.ics"' in chinese
    assert 'href="/api/"' in english
    assert "lang=zh-hans" not in english.split("<footer", 1)[1]


def test_the_api_link_of_a_chinese_page_answers_in_chinese(client, edition):
    response = client.get("/api/?lang=zh-hans")

    assert response.status_code == 200
    assert response["Content-Language"] == "zh-hans"


@pytest.mark.parametrize(
    "address, error, summary",
    [
        ("/zh-hans/2024/register/", "只能使用数字", "电话："),
        ("/2024/register/", "Use digits, spaces and + ( ) - / . only", "Phone: "),
    ],
)
def test_a_bad_phone_number_is_answered_at_the_first_submit(client, edition, address, error, summary):
    open_registration(edition)
    # Another mistake in the same submit: both are answered at once.
    form = {**delegate_data(1, name="Amina Odhiambo", phone="abc", position="Director of Digital Policy")}

    response = client.post(address, form)

    text = text_of(response)
    assert error in text
    assert summary in text
    assert 'value="abc"' in response.content.decode()
    assert 'value="Director of Digital Policy"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_name_in_the_wrong_script_is_answered_with_the_other_mistakes(client, edition):
    open_registration(edition)

    response = client.post("/zh-hans/2024/register/", delegate_data(1, name_zh="Wang", phone="abc"))

    text = text_of(response)
    assert "汉字" in text
    assert "只能使用数字" in text
    assert Registration.objects.count() == 0
