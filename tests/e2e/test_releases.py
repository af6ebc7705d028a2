"""An organiser moves a sub-forum, publishes a release with a note, and finds the move on the changes page."""

import datetime as dt
import os
from pathlib import Path

import pytest

from agenda import services
from agenda.models import Release
from tests.factories import EditionFactory, RoomFactory, SessionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_organiser_publishes_a_release_and_the_move_shows_on_the_changes_page(admin_page, expect, tmp_path):
    page = admin_page
    edition = EditionFactory(year=2031, slug="2031", name="2031 Wuzhen Summit")
    room = RoomFactory(venue__edition=edition, name="Room A", name_zh_hans="会场 A")
    forum = SessionFactory(
        edition=edition,
        title="Digital trade forum",
        room=room,
        start=dt.datetime(2031, 11, 20, 14, 0, tzinfo=edition.zone),
        end=dt.datetime(2031, 11, 20, 16, 0, tzinfo=edition.zone),
    )
    SessionFactory(edition=edition, title="Opening ceremony", room=room)
    services.publish_release(edition=edition)  # the baseline

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
    page.locator("#id_note_en, #id_note").first.fill("The digital trade forum moves to Friday morning.")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    assert Release.objects.filter(edition=edition).count() == 2

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

    shots = Path(os.environ.get("E2E_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(shots / f"changes-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the changes page scrolls sideways at {width}px"
