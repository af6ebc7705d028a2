"""Faces and the edition home in Chromium, at phone and desktop width: a speaker's photo (its WebP rendition) and
an initials avatar are drawn round at their size, the home page's figures and highlights fit the window, and every
page says what a shared link shows. Screenshots are kept for a person to look at.

    pytest -m e2e tests/e2e/test_faces_and_home.py -s   # prints the folder of the screenshots
"""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from agenda.enums import SessionKind
from agenda.images import PictureFiles, picture_store
from tests.e2e.summits import upcoming_edition
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = {390: 844, 1280: 900}


def portrait_jpeg():
    """A stand-in photo: a head-and-shoulders silhouette on a plain background (no real person)."""
    image = Image.new("RGB", (600, 600), (205, 214, 226))
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 110, 400, 330), fill=(92, 104, 122))
    draw.ellipse((110, 360, 490, 760), fill=(92, 104, 122))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return ContentFile(buffer.getvalue(), name="portrait.jpg")


@pytest.fixture
def summit(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    edition = upcoming_edition(name="Wuzhen Summit", theme="Towards a people-centred digital future")
    start = edition.start_date
    hall = RoomFactory(venue__edition=edition, name="Main Hall")
    org = OrganisationFactory(edition=edition, name="Open Networks Lab", slug="open-networks-lab")
    ada = PersonFactory(
        edition=edition, name="Ada Chen", slug="ada-chen", title="Chief scientist", organisation=org, country="SG"
    )
    picture_store(instance=ada, upload=portrait_jpeg(), files=PictureFiles.named("photo"))
    li = PersonFactory(edition=edition, name="李彦宏", slug="li", title="Chair", country="CN")
    kinds = [SessionKind.OPENING_CEREMONY, SessionKind.PLENARY, SessionKind.SUB_FORUM, SessionKind.SUB_FORUM]
    for n, kind in enumerate(kinds):
        start_at = dt.datetime.combine(start + dt.timedelta(days=n // 2), dt.time(9 + 3 * (n % 2)), tzinfo=edition.zone)
        session = SessionFactory(
            edition=edition,
            kind=kind,
            title=f"{kind.label}: shaping the digital future {n}",
            slug=f"session-{n}",
            room=hall,
            start=start_at,
            end=start_at + dt.timedelta(hours=2),
        )
        SessionSpeakerFactory(session=session, person=ada)
        SessionSpeakerFactory(session=session, person=li)
        SessionOrganiserFactory(session=session, organisation=org)
    return edition


def test_faces_and_the_home_page_at_phone_and_desktop_width(playwright_browser, live_server, summit, tmp_path_factory):
    folder = tmp_path_factory.mktemp("faces-and-home")
    for width, height in WIDTHS.items():
        context = playwright_browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
        tab = context.new_page()

        assert tab.goto("/summit/speakers/ada-chen/").status == 200
        photo = tab.locator("img.face-lg")
        box = photo.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (120, 120)
        # The 400 px rendition is enough for 120 px at any common pixel density; the browser picks it from srcset.
        loaded = photo.evaluate("image => [image.complete && image.naturalWidth > 0, image.currentSrc]")
        assert loaded[0] and loaded[1].endswith("-thumb.webp"), loaded
        assert photo.evaluate("image => getComputedStyle(image).borderRadius") == "50%"
        assert tab.locator('meta[property="og:image"]').get_attribute("content").endswith(".webp")
        tab.screenshot(path=str(folder / f"speaker-photo-{width}.png"), full_page=True)

        assert tab.goto("/summit/speakers/li/").status == 200
        avatar = tab.locator("span.face-lg")
        assert avatar.inner_text() == "彦宏"
        box = avatar.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (120, 120)
        tab.screenshot(path=str(folder / f"speaker-initials-{width}.png"), full_page=True)

        assert tab.goto("/summit/").status == 200
        assert tab.locator(".hero-register").is_visible()
        figures = tab.locator(".home-figures .count-box")
        assert figures.all_inner_texts() == [
            "Days\n3",
            "Sessions\n4",
            "Sub-forums\n2",
            "Speakers\n2",
            "Countries and regions\n2",
        ]
        tab.screenshot(path=str(folder / f"home-{width}.png"), full_page=True)

        for path in ("/summit/speakers/", "/summit/sessions/session-2/", "/summit/organisations/"):
            assert tab.goto(path).status == 200
            tab.screenshot(path=str(folder / f"{path.strip('/').replace('/', '-')}-{width}.png"), full_page=True)
            overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (path, width, overflow)
        context.close()
    print(f"\nScreenshots of faces and the home page: {folder}")


def test_an_organiser_uploads_the_summits_logo_and_it_heads_the_public_site(admin_page, summit, expect, tmp_path):
    logo = tmp_path / "logo.png"
    image = Image.new("RGB", (300, 300), (255, 255, 255))
    ImageDraw.Draw(image).ellipse((40, 40, 260, 260), fill=(31, 95, 191))
    image.save(logo)

    admin_page.goto(f"/admin/agenda/summit/{summit.summit_id}/change/")
    admin_page.locator("#id_logo").set_input_files(str(logo))
    admin_page.locator("input[name=_save]").click()
    expect(admin_page.locator(".messagelist .success")).to_be_visible()

    admin_page.goto("/summit/")
    brand = admin_page.locator(".site-brand")
    expect(brand).to_contain_text("World Internet Conference Wuzhen Summit")
    shown = brand.locator("img.site-logo")
    expect(shown).to_be_visible()
    assert shown.evaluate("image => image.complete && image.naturalWidth > 0")
    og_image = admin_page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image.startswith("http") and "/media/summits/renditions/" in og_image
    admin_page.screenshot(path=str(tmp_path / "header-with-logo-1280.png"))
    print(f"\nThe header with the summit's logo: {tmp_path / 'header-with-logo-1280.png'}")
