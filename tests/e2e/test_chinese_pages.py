"""The Chinese pages in Chromium: the registration form answers a bad phone number at the first submit, and the
public pages are photographed at phone and desktop width for a person to look at.

    pytest -m e2e tests/e2e/test_chinese_pages.py -s   # prints the folder of the screenshots
"""

import pytest

from agenda.enums import SessionKind
from attendees.models import Registration
from tests.e2e.summits import at, upcoming_edition
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    TopicFactory,
    VenueFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = {390: 844, 1280: 900}


@pytest.fixture
def summit(settings):
    settings.REGISTRATION_RATE = "off"
    edition = upcoming_edition(
        name_en="Wuzhen Summit",
        name_zh_hans="世界互联网大会乌镇峰会",
        theme_en="Towards a people-centred digital future",
        theme_zh_hans="拥抱以人为本、智能向善的数字未来",
    )
    venue = VenueFactory(edition=edition, name_en="Convention Center", name_zh_hans="乌镇互联网国际会展中心")
    hall = RoomFactory(venue=venue, name_en="Main Hall", name_zh_hans="主会议厅", slug="main-hall", floor="1F")
    room_a = RoomFactory(venue=venue, name_en="Forum Room A", name_zh_hans="论坛厅A", slug="room-a", position=2)
    ai = TopicFactory(edition=edition, name_en="Artificial intelligence", name_zh_hans="人工智能")
    wic = OrganisationFactory(edition=edition, name_en="World Internet Conference", name_zh_hans="世界互联网大会")
    people = [
        PersonFactory(edition=edition, name_en=latin, name_zh_hans=chinese, title_en=title, title_zh_hans=title_zh)
        for latin, chinese, title, title_zh in [
            ("Wang Haifeng", "王海峰", "CTO", "首席技术官"),
            ("Robin Li", "李彦宏", "Chairman", "董事长"),
            ("Zeng Yi", "曾毅", "Professor", "研究员"),
            ("Moksh Jawa", "", "Founder", "创始人"),
            ("Francis Gurry", "弗朗西斯·高锐", "", ""),
        ]
    ]
    opening = SessionFactory(
        edition=edition,
        kind=SessionKind.OPENING_CEREMONY,
        title_en="Opening ceremony",
        title_zh_hans="开幕式",
        start=at(edition, 0, 9),
        end=at(edition, 0, 10),
        room=hall,
        topic=ai,
        slug="opening",
    )
    forum = SessionFactory(
        edition=edition,
        kind=SessionKind.SUB_FORUM,
        title_en="Sub-forum: AI innovation and governance",
        title_zh_hans="分论坛：人工智能创新与治理",
        start=at(edition, 0, 14),
        end=at(edition, 0, 17, 30),
        room=room_a,
        topic=ai,
        capacity=80,
        registration_required=True,
        slug="ai-forum",
    )
    for person in people:
        SessionSpeakerFactory(session=forum, person=person)
    SessionSpeakerFactory(session=opening, person=people[0])
    SessionOrganiserFactory(session=forum, organisation=wic)
    return edition


def fill_details(page, *, phone):
    page.locator("#id_name").fill("Wang Haifeng")
    page.locator("#id_name_zh").fill("王海峰")
    page.locator("#id_email").fill("wang@example.org")
    page.locator("#id_organisation").fill("百度")
    page.locator("#id_position").fill("首席技术官")
    page.locator("#id_country").select_option("CN")
    page.locator("#id_category").select_option(index=1)
    page.locator("#id_phone").fill(phone)
    page.locator("#id_consent").check()


@pytest.mark.parametrize("tab", ["phone_page", "page"])
def test_a_bad_phone_number_is_answered_at_the_first_submit_in_chinese(request, tab, summit, expect):
    page = request.getfixturevalue(tab)
    page.goto("/zh-hans/summit/register/")
    fill_details(page, phone="abc")
    page.locator("#id_sessions_0").check()
    page.locator(".registration-actions button[type=submit]").click()

    summary = page.locator(".form-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("电话：")
    expect(page.locator("#id_phone")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_name")).to_have_value("Wang Haifeng")
    expect(page.locator("#id_name_zh")).to_have_value("王海峰")
    expect(page.locator("#id_position")).to_have_value("首席技术官")
    expect(page.locator("#id_phone")).to_have_value("abc")
    expect(page.locator("#id_sessions_0")).to_be_checked()
    assert Registration.objects.count() == 0

    # Corrected once: registered.
    page.locator("#id_phone").fill("+86 571 1234 5678")
    page.locator("#id_consent").check()
    page.locator(".registration-actions button[type=submit]").click()
    expect(page).to_have_url(f"{page.url.split('/zh-hans/')[0]}/zh-hans/summit/register/thanks/")
    assert Registration.objects.get().phone == "+86 571 1234 5678"


def test_screenshots_of_the_chinese_pages(playwright_browser, live_server, summit, tmp_path_factory, expect):
    folder = tmp_path_factory.mktemp("chinese-pages")
    day = summit.start_date.isoformat()
    pages = {
        "home": "/zh-hans/summit/",
        "agenda-list": f"/zh-hans/summit/agenda/?day={day}",
        "agenda-grid": f"/zh-hans/summit/agenda/?day={day}&view=grid",
        "session": "/zh-hans/summit/sessions/ai-forum/",
        "speakers": "/zh-hans/summit/speakers/",
        "register-errors": "/zh-hans/summit/register/",
    }
    for width, height in WIDTHS.items():
        context = playwright_browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}, locale="zh-CN"
        )
        tab = context.new_page()
        for name, path in pages.items():
            response = tab.goto(path)
            assert response.status == 200, (path, response.status)
            if name == "register-errors":
                fill_details(tab, phone="abc")
                tab.locator(".registration-actions button[type=submit]").click()
                expect(tab.locator(".form-error-summary")).to_be_visible()
            # Nothing is wider than the window: no sideways scrolling on a phone.
            overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (name, width, overflow)
            tab.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        context.close()
    print(f"\nScreenshots of the Chinese pages: {folder}")
