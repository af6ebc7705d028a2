"""English at today's addresses, Chinese under /zh-hans/: the address alone decides a page's language."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import EditionFactory, PersonFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture(autouse=True)
def english_afterwards():
    """A request to a Chinese page leaves Chinese active in this thread: later tests start in English."""
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


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
    session = SessionFactory(
        edition=edition,
        title="AI governance forum",
        slug="ai-governance",
        start=dt.datetime(2024, 11, 20, 14, 0, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, 20, 16, 0, tzinfo=edition.zone),
    )
    SessionSpeakerFactory(session=session, person=PersonFactory(edition=edition, name="Wang Haifeng", slug="wang"))
    return edition


class PageLanguage(HTMLParser):
    """What a page says about its language: <html lang>, the hreflang alternates and the switcher's links."""

    def __init__(self, html):
        super().__init__()
        self.lang = None
        self.alternates = {}
        self.switcher = []
        self.forms = 0
        self._in_switcher = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.switcher.append((attrs.get("hreflang"), attrs["href"]))
        elif tag == "form" and self._in_switcher:
            self.forms += 1

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def page(client, address, **headers):
    response = client.get(address, **headers)
    assert response.status_code == 200, (address, response.status_code)
    return response, PageLanguage(response.content.decode())


PAGES = [
    "/",
    "/editions/",
    "/2024/",
    "/2024/agenda/?day=2024-11-20&view=grid&q=forum",
    "/2024/agenda/?day=2024-11-20&view=list",
    "/2024/speakers/?q=wang",
    "/2024/agenda/?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD&day=2024-11-20",
    "/2024/speakers/wang/",
    "/2024/sessions/ai-governance/",
    "/2024/now/?at=2024-11-20T14:30",
]


@pytest.mark.parametrize("address", PAGES)
def test_english_page_links_to_the_same_page_and_query_in_chinese(client, edition, address):
    response, found = page(client, address)

    assert (found.lang, response["Content-Language"]) == ("en", "en")
    assert found.switcher == [("zh-Hans", "/zh-hans" + address)]
    assert found.forms == 0


@pytest.mark.parametrize("address", PAGES)
def test_chinese_page_links_to_the_same_page_and_query_in_english(client, edition, address):
    response, found = page(client, "/zh-hans" + address)

    assert (found.lang, response["Content-Language"]) == ("zh-Hans", "zh-hans")
    assert found.switcher == [("en", address)]


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_every_page_names_its_alternates_in_both_languages(client, edition, prefix):
    address = "/2024/agenda/?day=2024-11-20&view=grid&q=forum"

    _response, found = page(client, prefix + address)

    assert found.alternates == {
        "en": SITE + address,
        "zh-Hans": SITE + "/zh-hans" + address,
        "x-default": SITE + address,
    }


def test_a_browser_set_to_chinese_still_gets_the_english_page_at_the_english_address(client, edition):
    client.cookies["django_language"] = "zh-hans"

    response, found = page(client, "/2024/agenda/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert (found.lang, response["Content-Language"]) == ("en", "en")
    assert response.cookies == {}
    # Neither the language cookie nor Accept-Language changes the answer; only the encoding (gzip or not) does.
    assert response["Vary"] == "Accept-Encoding"


def test_cached_pages_are_kept_apart_per_language(client, edition):
    first = page(client, "/2024/agenda/")
    chinese = page(client, "/zh-hans/2024/agenda/")
    again = page(client, "/2024/agenda/")
    chinese_again = page(client, "/zh-hans/2024/agenda/")

    languages = [found.lang for _response, found in (first, chinese, again, chinese_again)]

    assert languages == ["en", "zh-Hans", "en", "zh-Hans"]
    assert again[0]["ETag"] == first[0]["ETag"]
    assert chinese_again[0]["ETag"] == chinese[0]["ETag"]
    assert chinese[0]["ETag"] != first[0]["ETag"]


def test_chinese_agenda_writes_dates_in_chinese_order(client, edition):
    english = client.get("/2024/agenda/?day=2024-11-20").content.decode()
    chinese = client.get("/zh-hans/2024/agenda/?day=2024-11-20").content.decode()

    assert ("Wednesday 20 November 2024" in english, "Wed 20 Nov" in english) == (True, True)
    assert ("2024年11月20日 星期三" in chinese, "11月20日 星期三" in chinese) == (True, True)
    assert ("November" in chinese, "Wednesday" in chinese) == (False, False)


def test_an_unknown_chinese_address_is_a_chinese_not_found_page(client, edition):
    response = client.get("/zh-hans/2024/no-such-page/")

    assert (response.status_code, response["Content-Language"]) == (404, "zh-hans")
    assert PageLanguage(response.content.decode()).switcher == [("en", "/2024/no-such-page/")]


@pytest.mark.parametrize("address", ["/zh-hans/admin/", "/zh-hans/api/", "/zh-hans/sitemap.xml"])
def test_back_office_api_and_sitemap_have_one_address(client, edition, address):
    assert client.get(address).status_code == 404
    assert client.get(address.removeprefix("/zh-hans")).status_code in (200, 302)


def test_back_office_follows_the_organisers_language_choice(organiser_client):
    english = organiser_client.get("/admin/")
    chinese = organiser_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert (english["Content-Language"], chinese["Content-Language"]) == ("en", "zh-hans")


WHEN = dt.datetime(2024, 11, 20, 14, 0)
NAMED_FORMATS = {
    "LONG_DATE_FORMAT": ("20 November 2024", "2024年11月20日"),
    "LONG_DATETIME_FORMAT": ("20 November 2024, 14:00", "2024年11月20日 14:00"),
    "MEDIUM_DATETIME_FORMAT": ("20 Nov 2024, 14:00", "2024年11月20日 14:00"),
    "DAY_MONTH_FORMAT": ("20 November", "11月20日"),
    "WEEKDAY_DATE_FORMAT": ("Wednesday 20 November 2024", "2024年11月20日 星期三"),
    "WEEKDAY_DATETIME_FORMAT": ("Wednesday 20 November 2024, 14:00", "2024年11月20日 星期三 14:00"),
    "WEEKDAY_DAY_MONTH_FORMAT": ("Wednesday 20 November", "11月20日 星期三"),
    "SHORT_WEEKDAY_DAY_MONTH_FORMAT": ("Wed 20 Nov", "11月20日 星期三"),
    "SHORT_WEEKDAY_DATETIME_FORMAT": ("Wed 20 Nov, 14:00", "11月20日 星期三 14:00"),
    "SHORT_WEEKDAY_TIME_FORMAT": ("Wed 14:00", "星期三 14:00"),
    "MONTH_DAY_FORMAT": ("November 20", "11月20日"),
}


@pytest.mark.parametrize("name", list(NAMED_FORMATS))
def test_each_named_date_format_reads_naturally_in_each_language(name):
    with translation.override("en"):
        english = date_format(WHEN, name)
    with translation.override("zh-hans"):
        chinese = date_format(WHEN, name)

    assert (english, chinese) == NAMED_FORMATS[name]
