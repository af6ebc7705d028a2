"""A person and an organisation across editions in Chromium, at phone and desktop width: their page lists the
other editions with what they did there, and fits the window; an organiser adds a person of a new edition in the
admin and is told who they are at the other editions. Screenshots are kept for a person to look at.

    pytest -m e2e tests/e2e/test_identities.py -s   # prints the folder of the screenshots
"""

import datetime as dt

import pytest

from agenda.enums import OrganisationKind, OrganiserRole, SpeakerRole
from agenda.models import Organisation, Person
from agenda.services import organisation_update, person_update
from tests.e2e.summits import at
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    ExpoFactory,
    HonoureeFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = {390: 844, 1280: 900}
SESSIONS = {
    2022: ("Opening ceremony", SpeakerRole.KEYNOTE),
    2023: ("Intellectual property in the digital age: a sub-forum on AI and creators", SpeakerRole.PANELIST),
    2024: ("AI governance forum", SpeakerRole.SPEAKER),
}


@pytest.fixture
def summit(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    editions = {}
    for year in SESSIONS:
        editions[year] = EditionFactory(
            year=year,
            slug=str(year),
            name=f"{year} World Internet Conference Wuzhen Summit",
            start_date=dt.date(year, 11, 8),
            end_date=dt.date(year, 11, 10),
            is_current=year == 2024,
        )
    for year, edition in editions.items():
        wic = organisation_update(
            organisation=Organisation(
                edition=edition, slug="wic", name="World Internet Conference", kind=OrganisationKind.INTERNATIONAL
            )
        ).row
        gurry = person_update(
            person=Person(
                edition=edition,
                slug="francis-gurry",
                name="Francis Gurry",
                title="Vice-Chair",
                organisation=wic,
                country="AU",
                bio="Former Director-General of the World Intellectual Property Organization.",
            )
        ).row
        title, role = SESSIONS[year]
        room = RoomFactory(venue__edition=edition, name="Main Hall")
        session = SessionFactory(
            edition=edition, title=title, room=room, start=at(edition, 0, 9), end=at(edition, 0, 11)
        )
        SessionSpeakerFactory(session=session, person=gurry, role=role)
        SessionOrganiserFactory(session=session, organisation=wic, role=OrganiserRole.HOST)
    wic_2023 = Organisation.objects.get(edition=editions[2023], slug="wic")
    ExhibitFactory(expo=ExpoFactory(edition=editions[2023]), exhibitor=wic_2023, title="Digital Dunhuang murals")
    wic_2022 = Organisation.objects.get(edition=editions[2022], slug="wic")
    HonoureeFactory(
        programme=AwardProgrammeFactory(edition=editions[2022], name="Wuzhen Summit 10-Year Commemorative Honor"),
        person=None,
        organisation=wic_2022,
    )
    return editions


def test_the_pages_of_a_person_and_an_organisation_list_their_other_editions(
    playwright_browser, live_server, summit, tmp_path_factory
):
    folder = tmp_path_factory.mktemp("identities")
    for width, height in WIDTHS.items():
        context = playwright_browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
        tab = context.new_page()
        for path, name in (("/2024/speakers/francis-gurry/", "speaker"), ("/2024/organisations/wic/", "organisation")):
            assert tab.goto(path).status == 200
            part = tab.locator("section.other-editions")
            assert part.locator("h2").inner_text() == "At other editions"
            years = part.locator("li.other-edition h3 .badge").all_inner_texts()
            assert years == ["2023", "2022"]
            assert ("Digital Dunhuang murals" in part.inner_text()) == (name == "organisation")
            overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (path, width, overflow)
            tab.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)

        tab.goto("/2024/speakers/francis-gurry/")
        tab.locator("section.other-editions").get_by_role(
            "link", name="2023 World Internet Conference Wuzhen Summit"
        ).click()
        assert tab.url.endswith("/2023/speakers/francis-gurry/")
        assert tab.locator("h1").inner_text() == "Francis Gurry"
        context.close()
    print(f"\nScreenshots of the pages across editions: {folder}")


def test_an_organiser_adds_a_person_known_from_other_editions(admin_page, summit, expect):
    edition = EditionFactory(year=2025, slug="2025", name="2025 Wuzhen Summit", start_date=dt.date(2025, 11, 8))
    edition.end_date = dt.date(2025, 11, 10)
    edition.save()

    admin_page.goto(f"/admin/agenda/person/add/?edition={edition.pk}")
    admin_page.locator("#id_edition").select_option(str(edition.pk))
    admin_page.locator("#id_name_en").fill("francis gurry")
    admin_page.locator("#id_slug").fill("gurry")
    admin_page.locator("input[name=_save]").click()

    expect(admin_page.locator(".messagelist")).to_contain_text("is the same as at 2022, 2023, 2024")
    added = Person.objects.get(edition=edition)
    assert added.bio == "Former Director-General of the World Intellectual Property Organization."
