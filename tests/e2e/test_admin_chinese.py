"""The back office in Chinese, in a real browser at desktop width: the session form fits 1280 px without a
sideways scroll, and the session list and form read in Chinese order.

Screenshots of both pages are kept in the test's tmp_path (or in $E2E_SCREENSHOTS when set), to be looked at.
"""

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, DESKTOP
from tests.factories import EditionFactory, PersonFactory, SessionFactory, SessionItemFactory, SessionSpeakerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def session():
    edition = EditionFactory(year=2024, slug="2024", name="2024 Wuzhen Summit", is_current=True)
    opening = SessionFactory(
        edition=edition,
        title_en="Sub-forum on Artificial Intelligence Governance and International Cooperation",
        title_zh_hans="人工智能治理与国际合作分论坛",
        slug="ai-governance",
        start=dt.datetime(2024, 11, 20, 14, 0, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, 20, 17, 30, tzinfo=edition.zone),
    )
    speaker = PersonFactory(edition=edition, name_en="Wang Haifeng", name_zh_hans="王海峰")
    SessionSpeakerFactory(session=opening, person=speaker)
    items = [
        ("Opening remarks", "开幕致辞", 15),
        ("Keynote speech: governing frontier models together", "主旨演讲：共同治理前沿模型", 30),
        ("Panel discussion with industry and academia", "产学研圆桌讨论", 60),
    ]
    for position, (english, chinese, minutes) in enumerate(items, start=1):
        item = SessionItemFactory(
            session=opening,
            title_en=english,
            title_zh_hans=chinese,
            description_en="A longer note on what happens in this part of the session.",
            description_zh_hans="关于本环节内容的较长说明。",
            duration_minutes=minutes,
            position=position,
        )
        item.speakers.add(speaker)
    return opening


@pytest.fixture
def chinese_admin(request, playwright_browser, live_server, admin_credentials, expect):
    """A desktop tab whose browser asks for Chinese first, signed into the admin."""
    context = playwright_browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="zh-CN", timezone_id="Asia/Shanghai"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    username, password = admin_credentials
    tab.goto("/admin/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(password)
    tab.locator("#login-form [type=submit]").click()
    expect(tab.locator("#user-tools")).to_contain_text(username)
    yield tab
    context.close()
    assert not errors, errors


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("E2E_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def page_width(tab):
    return tab.evaluate("document.documentElement.scrollWidth")


def test_chinese_session_form_fits_a_desktop_screen(session, chinese_admin, expect, shots):
    tab = chinese_admin
    tab.goto(f"/admin/agenda/session/{session.pk}/change/")

    expect(tab.locator("html")).to_have_attribute("lang", "zh-hans")
    tab.screenshot(path=str(shots / "admin-session-form-zh-1280.png"), full_page=True)
    expect(tab.locator(".time-zone-note")).to_contain_text("中国标准时间 (Asia/Shanghai)")
    expect(tab.locator("#items-group input[value='主旨演讲：共同治理前沿模型']")).to_have_count(1)
    assert page_width(tab) <= DESKTOP["width"]


def test_chinese_session_list_writes_days_in_chinese_order(session, chinese_admin, expect, shots):
    tab = chinese_admin
    tab.goto("/admin/agenda/session/")

    tab.screenshot(path=str(shots / "admin-session-list-zh-1280.png"), full_page=True)
    expect(tab.locator("#result_list")).to_contain_text("11月20日 星期三 14:00–17:30")
    expect(tab.locator("#changelist-filter")).to_contain_text("2024年11月20日 星期三")
    expect(tab.locator("#user-tools a[href='/zh-hans/']")).to_have_count(1)
    assert page_width(tab) <= DESKTOP["width"]
