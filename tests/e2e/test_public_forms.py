"""A visitor searches the speakers, the organisations and the expo with the public forms, in Chromium.

The browser encodes what is typed (an ampersand, Chinese characters) into the address itself; the page must
find the right results and show the search box with the text as it was typed.
"""

import datetime as dt
import re

import pytest

from agenda.enums import ExhibitCategory
from tests.factories import (
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HallFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def edition():
    edition = EditionFactory(year=2032, slug="2032", name="2032 Wuzhen Summit", is_current=True)
    labs = OrganisationFactory(edition=edition, name='AT&T "Labs"', slug="att-labs")
    cac = OrganisationFactory(edition=edition, name="中国网络空间研究院", slug="cac-institute")
    quantum = OrganisationFactory(edition=edition, name="Origin Quantum", slug="origin-quantum")
    forum = SessionFactory(edition=edition, title="AI governance forum")
    SessionSpeakerFactory(session=forum, person=PersonFactory(edition=edition, name="Ada Chen", organisation=labs))
    SessionSpeakerFactory(session=forum, person=PersonFactory(edition=edition, name="李伟", organisation=cac))
    SessionSpeakerFactory(session=forum, person=PersonFactory(edition=edition, name="Grace Okafor", title="CTO"))
    for organisation in (labs, cac, quantum):
        SessionOrganiserFactory(session=forum, organisation=organisation)

    expo = ExpoFactory(edition=edition, name="Light of Internet Expo", start_date=dt.date(2032, 11, 18))
    hall_a = HallFactory(expo=expo, name="Hall A", slug="hall-a")
    hall_b = HallFactory(expo=expo, name="Hall B", slug="hall-b")
    ExhibitFactory(
        expo=expo, title="Quantum computer", exhibitor=quantum, category=ExhibitCategory.QUANTUM, hall=hall_a
    )
    ExhibitFactory(
        expo=expo, title="Quantum key network", exhibitor=labs, category=ExhibitCategory.NETWORKS, hall=hall_b
    )
    ExhibitFactory(
        expo=expo, title="Humanoid robot", exhibitor=labs, category=ExhibitCategory.ROBOTICS, hall=hall_a, booth="A-07"
    )
    return edition


def results(page, selector):
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def test_a_visitor_searches_the_speakers(page, edition, expect):
    page.goto("/2032/speakers/")
    expect(page.locator(".speaker-grid .person-card")).to_have_count(3)

    box = page.get_by_role("searchbox")
    box.fill("AT&T")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/2032/speakers/\?q=AT%26T$"))
    expect(page.locator(".speaker-grid .person-card")).to_have_count(1)
    expect(page.locator(".speaker-grid")).to_contain_text("Ada Chen")
    expect(page.get_by_text("1 speaker", exact=True)).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_value("AT&T")

    box = page.get_by_role("searchbox")
    box.fill("李")
    box.press("Enter")

    expect(page.locator(".speaker-grid .person-card")).to_have_count(1)
    expect(page.locator(".speaker-grid")).to_contain_text("李伟")
    expect(page.get_by_role("searchbox")).to_have_value("李")

    box = page.get_by_role("searchbox")
    box.fill('nobody "here"')
    box.press("Enter")

    expect(page.locator(".speaker-grid")).to_contain_text("No speakers match.")
    expect(page.get_by_role("searchbox")).to_have_value('nobody "here"')


def test_a_visitor_searches_the_organisations(page, edition, expect):
    page.goto("/2032/organisations/")
    expect(page.locator(".organisation-list > li")).to_have_count(3)

    page.get_by_role("searchbox").fill('"Labs"')
    page.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/2032/organisations/\?q=%22Labs%22$"))
    expect(page.locator(".organisation-list > li")).to_have_count(1)
    assert results(page, ".organisation-list > li .face-text > a") == ['AT&T "Labs"']
    expect(page.get_by_role("searchbox")).to_have_value('"Labs"')

    page.get_by_role("searchbox").fill("网络空间")
    page.get_by_role("button", name="Search").click()

    expect(page.locator(".organisation-list > li")).to_have_count(1)
    assert results(page, ".organisation-list > li .face-text > a") == ["中国网络空间研究院"]
    expect(page.get_by_role("searchbox")).to_have_value("网络空间")


def test_a_visitor_filters_and_searches_the_expo(page, edition, expect):
    page.goto("/2032/expo/")
    cards = page.locator(".exhibit-grid .exhibit-card")
    expect(cards).to_have_count(3)
    form = page.get_by_role("search", name="Find exhibits")

    # A search alone, sent with Enter.
    box = form.get_by_role("searchbox")
    box.fill("quantum")
    box.press("Enter")

    expect(cards).to_have_count(2)
    assert results(page, ".exhibit-grid h3") == ["Quantum computer", "Quantum key network"]
    expect(form.get_by_role("searchbox")).to_have_value("quantum")
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()

    # The search with a hall, sent with the button: both are kept in the form.
    form.get_by_label("Hall").select_option(label="Hall A")
    form.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"[?&]hall=hall-a(&|$)"))
    expect(cards).to_have_count(1)
    assert results(page, ".exhibit-grid h3") == ["Quantum computer"]
    expect(form.get_by_role("searchbox")).to_have_value("quantum")
    expect(form.get_by_label("Hall")).to_have_value("hall-a")

    # An exhibitor's name with an ampersand, and a category, without a search.
    form.get_by_role("searchbox").fill("")
    form.get_by_label("Hall").select_option(label="All halls")
    form.get_by_label("Exhibitor").select_option(label='AT&T "Labs"')
    form.get_by_label("Category").select_option(label="Robotics")
    form.get_by_role("button", name="Apply").click()

    expect(cards).to_have_count(1)
    assert results(page, ".exhibit-grid h3") == ["Humanoid robot"]
    expect(form.get_by_label("Exhibitor")).to_have_value("att-labs")
    expect(form.get_by_label("Category")).to_have_value(ExhibitCategory.ROBOTICS)
    expect(form.get_by_role("searchbox")).to_have_value("")

    # Nothing matches: said so, with the way back.
    form.get_by_role("searchbox").fill("AT&T <quantum>")
    form.get_by_role("searchbox").press("Enter")

    expect(cards).to_have_count(0)
    expect(page.get_by_text("No exhibits match these filters.")).to_be_visible()
    expect(form.get_by_role("searchbox")).to_have_value("AT&T <quantum>")
    page.get_by_role("link", name="Clear filters").click()
    expect(cards).to_have_count(3)
    expect(form.get_by_role("searchbox")).to_have_value("")
