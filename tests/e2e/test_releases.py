"""An organiser moves a sub-forum, publishes a release with a note in both languages, and finds the move on the
changes page, in English and in Chinese; the publish form keeps the notes when another edition is chosen, and a
second tab with the same preview publishes nothing more."""

import datetime as dt
import os
from pathlib import Path

import pytest

from agenda import services
from agenda.models import Release, Session
from tests.factories import EditionFactory, RoomFactory, SessionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = ((390, 844), (1280, 900))


def screenshots(page, tmp_path, name):
    """Full-page screenshots at a phone's and a desktop's width; the page never scrolls sideways."""
    shots = Path(os.environ.get("E2E_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
    page.set_viewport_size(size)


def summit(year):
    edition = EditionFactory(
        year=year, slug=str(year), name=f"{year} Wuzhen Summit", start_date=dt.date(year, 11, 19), is_current=False
    )
    room = RoomFactory(venue__edition=edition, name="Room A", name_zh_hans="会场 A")
    forum = SessionFactory(
        edition=edition,
        title="Digital trade forum",
        title_zh_hans="数字贸易论坛",
        room=room,
        start=dt.datetime(year, 11, 20, 14, 0, tzinfo=edition.zone),
        end=dt.datetime(year, 11, 20, 16, 0, tzinfo=edition.zone),
    )
    SessionFactory(edition=edition, title="Opening ceremony", title_zh_hans="开幕式", room=room)
    services.publish_release(edition=edition)  # the baseline
    return edition, forum


def test_organiser_publishes_a_release_and_the_move_shows_on_the_changes_page(admin_page, expect, tmp_path):
    page = admin_page
    edition, forum = summit(2031)

    # Move the forum to the next morning in the session form.
    page.goto(f"/admin/agenda/session/{forum.pk}/change/")
    page.locator("#id_start_0").fill("2031-11-21")
    page.locator("#id_start_1").fill("09:00")
    page.locator("#id_end_0").fill("2031-11-21")
    page.locator("#id_end_1").fill("11:00")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")

    # Publish a release: the preview shows the move before anything is published.
    page.goto(f"/admin/agenda/release/add/?edition={edition.pk}")
    preview = page.locator(".release-preview")
    expect(preview).to_contain_text("Preview of release 2 of 2031 Wuzhen Summit")
    expect(preview).to_contain_text("Thu 20 Nov, 14:00–16:00, Room A → Fri 21 Nov, 09:00–11:00, Room A")
    page.locator("#id_note_en").fill("The digital trade forum moves to Friday morning.")
    page.locator("#id_note_zh_hans").fill("数字贸易论坛改至星期五上午举行。")
    screenshots(page, tmp_path, "publish-form")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    assert Release.objects.filter(edition=edition).count() == 2
    expect(page.locator("#result_list")).to_contain_text("数字贸易论坛改至星期五上午举行。")

    # The public changes page tells of it.
    page.goto("/2031/changes/")
    release = page.locator("#release-2")
    expect(release).to_contain_text("The digital trade forum moves to Friday morning.")
    expect(release.locator(".change-kind-moved")).to_contain_text("Moved")
    expect(release).to_contain_text("Thu 20 Nov, 14:00–16:00, Room A → Fri 21 Nov, 09:00–11:00, Room A")
    expect(release.get_by_role("link", name="Digital trade forum")).to_have_attribute(
        "href", f"/2031/sessions/{forum.slug}/"
    )
    expect(page.locator("#release-1")).to_contain_text("First published programme: 2 sessions.")
    screenshots(page, tmp_path, "changes")

    # And in Chinese, with the Chinese note.
    page.goto("/zh-hans/2031/changes/")
    release = page.locator("#release-2")
    expect(release.locator(".release-note")).to_have_text("数字贸易论坛改至星期五上午举行。")
    expect(release).to_contain_text("11月20日 星期四 14:00–16:00，会场 A → 11月21日 星期五 09:00–11:00，会场 A")
    expect(release.get_by_role("link", name="数字贸易论坛")).to_have_attribute(
        "href", f"/zh-hans/2031/sessions/{forum.slug}/"
    )
    screenshots(page, tmp_path, "changes-zh")


def test_the_typed_notes_survive_choosing_another_edition(admin_page, expect, tmp_path):
    page = admin_page
    first, _forum = summit(2031)
    second, forum = summit(2032)
    Session.objects.filter(pk=forum.pk).update(title_en="Digital trade and data forum")

    page.goto(f"/admin/agenda/release/add/?edition={first.pk}")
    expect(page.locator(".release-preview")).to_contain_text(
        "Nothing in the public programme has changed since release 1"
    )
    page.locator("#id_note_en").fill("The trade forum has a new name.\nSee the agenda.")
    page.locator("#id_note_zh_hans").fill("贸易论坛更名。")
    screenshots(page, tmp_path, "publish-form-nothing-changed")

    page.locator("#id_edition").select_option(str(second.pk))

    expect(page.locator(".release-preview")).to_contain_text("Preview of release 2 of 2032 Wuzhen Summit")
    expect(page.locator(".release-preview")).to_contain_text("“Digital trade forum” → “Digital trade and data forum”")
    expect(page.locator("#id_note_en")).to_have_value("The trade forum has a new name.\nSee the agenda.")
    expect(page.locator("#id_note_zh_hans")).to_have_value("贸易论坛更名。")
    assert "note" not in page.url  # the notes do not travel in the address

    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    release = Release.objects.get(edition=second, number=2)
    assert release.note_en.splitlines() == ["The trade forum has a new name.", "See the agenda."]
    assert release.note_zh_hans == "贸易论坛更名。"

    # The next visit to the form starts empty: the notes were for that release only.
    page.goto(f"/admin/agenda/release/add/?edition={second.pk}")
    expect(page.locator("#id_note_en")).to_have_value("")


def test_publishing_from_a_second_tab_after_the_first_publishes_nothing_more_and_says_why(admin_page, expect):
    first_tab = admin_page
    edition, forum = summit(2031)
    Session.objects.filter(pk=forum.pk).update(title_en="Digital trade and data forum")
    second_tab = first_tab.context.new_page()
    for tab in (first_tab, second_tab):
        tab.goto(f"/admin/agenda/release/add/?edition={edition.pk}")
        expect(tab.locator(".release-preview")).to_contain_text("Preview of release 2 of 2031 Wuzhen Summit")

    first_tab.locator("input[type=submit][name=_save]").click()
    expect(first_tab.locator("ul.messagelist")).to_contain_text("was added successfully")
    second_tab.locator("#id_note_en").fill("Renamed forum")
    second_tab.locator("input[type=submit][name=_save]").click()

    expect(second_tab.locator(".errorlist.nonfield")).to_contain_text("You published release 2 at ")
    expect(second_tab.locator(".errorlist.nonfield")).to_contain_text("nothing more was published")
    expect(second_tab.locator(".release-preview")).to_contain_text(
        "Nothing in the public programme has changed since release 2"
    )
    expect(second_tab.locator("#id_note_en")).to_have_value("Renamed forum")
    assert list(Release.objects.filter(edition=edition).values_list("number", flat=True)) == [2, 1]
