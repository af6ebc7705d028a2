"""Feeds and the API in each language: ?lang=zh-hans (or the /zh-hans/ prefix for feeds), English by default."""

import datetime as dt
import re

import pytest
from django.utils import translation

from tests.factories import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db

FEEDS = ["schedule.ics", "schedule.xml", "schedule.json", "sessions/ai-governance.ics"]


@pytest.fixture(autouse=True)
def english_afterwards():
    """A Chinese answer leaves Chinese active in this thread: later tests start in English."""
    yield
    translation.activate("en")


@pytest.fixture
def edition():
    edition = EditionFactory(
        slug="2024", year=2024, start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22), is_current=True
    )
    SessionFactory(
        edition=edition,
        title="AI governance forum",
        slug="ai-governance",
        start=dt.datetime(2024, 11, 20, 14, 0, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, 20, 16, 0, tzinfo=edition.zone),
    )
    return edition


def session_links(response):
    """The session page a feed or API answer points to: the English or the Chinese one."""
    return sorted(set(re.findall(r"http://testserver(/(?:zh-hans/)?2024/sessions/ai-governance/)", response.text)))


def answer(client, address):
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return response["Content-Language"], session_links(response)


ENGLISH = ("en", ["/2024/sessions/ai-governance/"])
CHINESE = ("zh-hans", ["/zh-hans/2024/sessions/ai-governance/"])


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_is_english_by_default_and_chinese_by_prefix_or_parameter(client, edition, feed):
    assert answer(client, f"/2024/{feed}") == ENGLISH
    assert answer(client, f"/zh-hans/2024/{feed}") == CHINESE
    assert answer(client, f"/2024/{feed}?lang=zh-hans") == CHINESE
    assert answer(client, f"/zh-hans/2024/{feed}?lang=en") == ENGLISH


@pytest.mark.parametrize("feed", FEEDS)
def test_cached_feeds_are_kept_apart_per_language(client, edition, feed):
    answers = [answer(client, f"/2024/{feed}{query}") for query in ("?lang=zh-hans", "", "?lang=zh-hans", "")]

    assert answers == [CHINESE, ENGLISH, CHINESE, ENGLISH]


@pytest.mark.parametrize("value", ["zh-Hans", "zh_hans", "ZH-HANS"])
def test_feed_language_parameter_ignores_case_and_separator(client, edition, value):
    assert answer(client, f"/2024/schedule.xml?lang={value}") == CHINESE


@pytest.mark.parametrize("value", ["fr", "", "zh-hans" * 1000, "../en"])
def test_feed_with_an_unknown_language_is_in_english(client, edition, value):
    assert answer(client, f"/2024/schedule.xml?lang={value}") == ENGLISH


def test_api_answers_in_the_language_asked_and_keeps_the_two_apart_in_its_cache(client, edition):
    address = "/api/editions/2024/sessions/"

    answers = [answer(client, address + query) for query in ("?lang=zh-hans", "", "?lang=zh-hans", "?lang=en")]

    assert answers == [CHINESE, ENGLISH, CHINESE, ENGLISH]


def test_api_messages_follow_the_language_asked(client, edition):
    english = client.get("/api/editions/2024/sessions/?page=9")
    chinese = client.get("/api/editions/2024/sessions/?page=9&lang=zh-hans")

    assert (english.status_code, english["Content-Language"]) == (404, "en")
    assert english.json() == {"detail": "Invalid page."}
    assert (chinese.status_code, chinese["Content-Language"]) == (404, "zh-hans")
    assert chinese.json() == {"detail": "无效页面。"}


def test_a_page_takes_its_language_from_the_address_not_from_the_parameter(client, edition):
    response = client.get("/2024/agenda/?lang=zh-hans")

    assert (response["Content-Language"], response.text.count('<html lang="en">')) == ("en", 1)


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, edition):
    response = client.get("/sitemap.xml")
    text = response.text

    assert (response.status_code, response["Content-Language"]) == (200, "en")
    assert re.findall(r"<loc>http://testserver(/(?:zh-hans/)?2024/sessions/[^<]*)</loc>", text) == [
        "/2024/sessions/ai-governance/",
        "/zh-hans/2024/sessions/ai-governance/",
    ]
    assert text.count('hreflang="zh-hans" href="http://testserver/zh-hans/2024/agenda/"') == 2
    assert text.count('hreflang="x-default" href="http://testserver/2024/agenda/"') == 2


def test_the_apis_own_links_keep_the_language_of_the_answer(client):
    edition = EditionFactory(slug="2031")

    chinese = client.get(f"/api/editions/{edition.slug}/", {"lang": "zh-hans"}).json()["links"]
    english = client.get(f"/api/editions/{edition.slug}/").json()["links"]

    assert chinese["sessions"].endswith("/api/editions/2031/sessions/?lang=zh-hans")
    assert english["sessions"].endswith("/api/editions/2031/sessions/")
