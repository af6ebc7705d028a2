"""The demo against the sources: each fact of ../shared/SUMMIT.md that the app can hold is checked on the pages a
visitor reads (dates, themes, sub-forum counts, the thirteen 2023 cases, the outcomes, the events around the
summit, the awards and competitions), after `load_demo`."""

import html
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        from agenda.models import Edition, Summit

        Edition.objects.all().delete()
        Summit.objects.all().delete()


def text(client, url):
    """The page's words, as a reader sees them (tags dropped, entities decoded, spaces collapsed)."""
    response = client.get(url)
    assert response.status_code == 200, url
    content = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())


def figure(page, label):
    return int(re.search(rf"{label} (\d+)", page).group(1))


EDITIONS = [
    (
        "2017",
        "3–5 December 2017",
        "Developing e-Commerce and Improving Sharing in the Digital Economy",
    ),
    ("2022", "9–11 November 2022", "A digital future for cyberspace with a shared future"),
    (
        "2023",
        "8–10 November 2023",
        "Creating an Inclusive and Resilient Digital World Beneficial to All",
    ),
    (
        "2024",
        "19–22 November 2024",
        "Embracing a Digital Future That Is People-Centered and Intelligent for Good",
    ),
]


@pytest.mark.parametrize(("slug", "dates", "theme"), EDITIONS)
def test_each_edition_shows_its_dates_theme_and_sources(client, demo, slug, dates, theme):
    page = text(client, f"/{slug}/")
    assert dates in page
    assert theme.casefold() in page.casefold()
    assert "Sources" in page  # the reports the facts come from, cited on the edition's page


@pytest.mark.parametrize(("slug", "sub_forums"), [("2023", 20), ("2024", 24)])
def test_sub_forum_counts(client, demo, slug, sub_forums):
    assert figure(text(client, f"/{slug}/"), "Sub-forums") == sub_forums
    listed = text(client, f"/{slug}/agenda/?day=all&kind=sub_forum")
    assert f"{sub_forums} sessions" in listed


def test_2023_opening_ceremony_plenary_and_the_eve(client, demo):
    page = text(client, "/2023/agenda/?day=all")
    assert "Opening ceremony" in page and "Plenary session" in page
    eve = text(client, "/2023/agenda/?day=around")
    assert "Tuesday 7 November 2023" in eve
    for event in [
        "Inauguration of the World Internet Science and Technology Museum",
        "Opening of the Light of the Internet Expo",
        "Release and Presentation of Outstanding Cases",
    ]:
        assert event in eve


def test_the_thirteen_outstanding_cases_of_2023_presented_on_the_eve(client, demo):
    page = client.get("/2023/awards/outstanding-cases/").content.decode()
    assert page.count('<li class="honouree">') == 13
    words = text(client, "/2023/awards/outstanding-cases/")
    for case, organisation in [
        ("IBM Sustainable Computing Solution to Co-Create a Sustainable Future", "IBM"),
        ("Alibaba Digital County Partnering with International Trade Center (ITC)", "Alibaba Group"),
        ("Asia Direct Cable (ADC)", "China Telecom"),
        ("China Internet Governance Forum (China IGF)", "Internet Society of China"),
        ("Bridging the Digital Divide, Powering an Inclusive Future for All", "Cisco Systems"),
    ]:
        assert case in words and organisation in words
    assert "Presented at Release and Presentation of Outstanding Cases" in words
    assert "Tuesday 7 November 2023" in words


def test_the_ten_year_honor_in_its_three_categories(client, demo):
    page = text(client, "/2023/awards/ten-year-commemorative-honor/")
    for category in ["Outstanding Partners", "Excellent Organizers", "Special Contributors"]:
        assert category in page
    assert "Wednesday 8 November 2023" in page


def test_2024_press_conference_in_beijing_on_24_october(client, demo):
    page = text(client, "/2024/agenda/?day=around")
    assert "Thursday 24 October 2024" in page
    assert "Beijing" in page and "Ren Xianliang" in page


def test_2024_awards_and_competitions(client, demo):
    awards = text(client, "/2024/awards/")
    assert "WIC Distinguished Contribution Award" in awards
    assert "World Internet Conference Leading Science and Technology Award" in awards
    competitions = text(client, "/2024/competitions/")
    assert "“Straight to Wuzhen” Global Internet Competition" in competitions
    assert "“Straight to Wuzhen” AI Special Competition" in competitions


def test_the_outcomes_the_reports_name(client, demo):
    reports_2022 = text(client, "/2022/outcomes/")
    assert "China's Internet Development Report" in reports_2022
    assert "World Internet Development Report" in reports_2022
    outcomes_2023 = text(client, "/2023/outcomes/")
    assert "Consensus on Developing Responsible Generative Artificial Intelligence" in outcomes_2023
    assert "Report on Global Internet Infrastructure" in outcomes_2023


def test_2017_sub_forums_with_their_organisers_and_the_expo(client, demo):
    agenda = text(client, "/2017/agenda/?day=all&kind=sub_forum")
    assert "sharing economy" in agenda.casefold() and "fintech" in agenda.casefold()
    expo = text(client, "/2017/expo/")
    for exhibit in ["unmanned supermarket", "robot", "quantum communication"]:
        assert exhibit in expo.casefold()


def test_invented_details_are_marked_where_they_appear(client, demo):
    page = client.get("/2024/agenda/?day=all").content.decode()
    assert 'class="badge sample-badge">Sample data</span>' in page
    api = client.get("/api/editions/2024/sessions/").json()["results"]
    assert all("is_sample" in row for row in api)
