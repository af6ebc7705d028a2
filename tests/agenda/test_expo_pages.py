import datetime as dt
import re

import pytest
from django.core.cache import cache

from agenda.enums import ExhibitCategory
from tests.factories import (
    EditionFactory,
    ExhibitFactory,
    ExhibitPictureFactory,
    ExpoFactory,
    HallFactory,
    OrganisationFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def expo(edition):
    return ExpoFactory(
        edition=edition,
        name="Light of Internet Expo",
        slug="light-of-internet",
        venue=VenueFactory(edition=edition, name="Wuzhen Internet Exhibition Center"),
        start_date=dt.date(2024, 11, 18),
        end_date=dt.date(2024, 11, 22),
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(page):
    """Exhibit titles of the directory's cards, in order."""
    return re.findall(r'<a class="stretched-link" href="/2024/expo/[^/]+/">([^<]+)</a>', page)


def exhibit(expo, title, **kwargs):
    return ExhibitFactory(expo=expo, title=title, **kwargs)


def test_expo_directory_shows_the_expo_and_its_exhibits_in_order(client, expo):
    exhibit(expo, "Humanoid robot", position=2, booth="B-07", hall=HallFactory(expo=expo, name="Hall 2"))
    exhibit(expo, "Quantum computer", position=1, is_featured=True, exhibitor__name="Origin Quantum")
    exhibit(expo, "AI glasses", position=2)

    page = text(client.get("/2024/expo/"))

    assert '<h1 class="h2">Light of Internet Expo</h1>' in page
    assert "18–22 November 2024" in page and "Wuzhen Internet Exhibition Center" in page
    assert titles(page) == ["Quantum computer", "AI glasses", "Humanoid robot"]
    assert page.count("Featured</span>") == 1 and "Origin Quantum" in page
    assert "Hall 2 · Booth B-07" in page and "Artificial intelligence" in page
    assert "3 exhibits" in page
    assert 'href="/2024/expo/" aria-current="page">Expo</a>' in page


def test_expo_directory_lists_the_exhibits_of_every_expo_of_the_edition_only(client, edition, expo):
    second = ExpoFactory(edition=edition, name="Science and Technology Museum", position=1)
    exhibit(expo, "In the main expo")
    exhibit(second, "In the museum")
    exhibit(ExpoFactory(edition=EditionFactory(slug="2023")), "Another year")

    page = text(client.get("/2024/expo/"))

    assert '<h1 class="h2">Expo</h1>' in page
    assert "Light of Internet Expo" in page and "Science and Technology Museum" in page
    assert titles(page) == ["In the main expo", "In the museum"]


def test_expo_directory_filters_by_category_hall_and_exhibitor(client, expo):
    hall = HallFactory(expo=expo, slug="hall-1")
    maker = OrganisationFactory(edition=expo.edition, slug="unitree", name="Unitree")
    exhibit(expo, "Robot dog", category=ExhibitCategory.ROBOTICS, hall=hall, exhibitor=maker)
    exhibit(expo, "Robot arm", category=ExhibitCategory.ROBOTICS)
    exhibit(expo, "Large model", hall=hall)

    by_category = text(client.get("/2024/expo/?category=robotics"))
    by_hall = text(client.get("/2024/expo/?hall=hall-1"))
    by_exhibitor = text(client.get("/2024/expo/?exhibitor=unitree"))
    combined = text(client.get("/2024/expo/?category=robotics&hall=hall-1"))

    assert titles(by_category) == ["Robot arm", "Robot dog"]
    assert titles(by_hall) == ["Large model", "Robot dog"]
    assert titles(by_exhibitor) == ["Robot dog"]
    assert titles(combined) == ["Robot dog"]
    assert '<option value="robotics" selected>' in by_category
    assert "Clear filters" in combined


def test_expo_directory_search_reaches_title_description_exhibitor_and_booth(client, expo):
    exhibit(expo, "Robot dog", description="Climbs the stairs of the water town")
    exhibit(expo, "Smart port", exhibitor__name="Ningbo Zhoushan Port")
    exhibit(expo, "Satellite", booth="C-21")
    exhibit(expo, "Unrelated")

    assert titles(text(client.get("/2024/expo/?q=robot"))) == ["Robot dog"]
    assert titles(text(client.get("/2024/expo/?q=WATER+TOWN"))) == ["Robot dog"]
    assert titles(text(client.get("/2024/expo/?q=zhoushan"))) == ["Smart port"]
    assert titles(text(client.get("/2024/expo/?q=c-21"))) == ["Satellite"]


def test_expo_directory_ignores_invalid_filter_values_with_a_note(client, expo):
    exhibit(expo, "Robot dog", category=ExhibitCategory.ROBOTICS)
    exhibit(expo, "Large model")
    OrganisationFactory(edition=expo.edition, slug="no-exhibits")

    page = text(client.get("/2024/expo/?category=teleportation&hall=nowhere&exhibitor=no-exhibits&q=robot"))
    only_bad = text(client.get("/2024/expo/?category=<b>x</b>"))

    assert "Some filters were not understood and were ignored:" in page
    assert "<strong>category</strong>" in page and "<strong>hall</strong>" in page
    assert "<strong>exhibitor</strong>" in page
    assert titles(page) == ["Robot dog"]  # the search still applies
    assert titles(only_bad) == ["Large model", "Robot dog"]
    assert "<b>x</b>" not in only_bad


def test_expo_directory_uses_thumbnails_and_never_the_original(client, expo):
    picture = ExhibitPictureFactory(exhibit=exhibit(expo, "Robot dog"), alt_text="A robot dog on a stage")

    page = text(client.get("/2024/expo/"))

    img = re.search(r"<img [^>]*>", page).group(0)
    assert f'src="{picture.thumbnail.url}"' in img
    assert f'srcset="{picture.thumbnail.url} 400w, {picture.large.url} 600w"' in img
    assert 'sizes="' in img and 'loading="lazy"' in img
    assert 'width="400" height="267"' in img
    assert 'alt="A robot dog on a stage"' in img
    assert picture.image.url not in page


def test_expo_directory_is_paginated_by_48_and_keeps_the_filters(client, expo):
    for number in range(50):
        exhibit(expo, f"Exhibit {number:02}", position=number, category=ExhibitCategory.NETWORKS)

    first = text(client.get("/2024/expo/?category=networks"))
    second = text(client.get("/2024/expo/?category=networks&page=2"))
    beyond = text(client.get("/2024/expo/?page=999"))

    assert len(titles(first)) == 48 and titles(second) == ["Exhibit 48", "Exhibit 49"]
    assert "50 exhibits" in first and "Page 1 of 2" in first
    assert 'href="?category=networks&amp;page=2"' in first
    assert titles(beyond) == ["Exhibit 48", "Exhibit 49"]


def test_expo_directory_has_friendly_empty_states(client, upcoming_edition):
    assert "No expo has been announced for this edition yet." in text(client.get("/upcoming/expo/"))

    expo = ExpoFactory(edition=upcoming_edition)
    cache.clear()
    assert "The exhibitors have not been announced yet." in text(client.get("/upcoming/expo/"))

    exhibit(expo, "Robot dog")
    page = text(client.get("/upcoming/expo/?q=teleporter"))
    assert "No exhibits match these filters." in page and 'href="/upcoming/expo/">Show all exhibits.' in page


def test_expo_directory_of_a_past_edition_speaks_in_the_past(client, edition):
    assert "No expo is listed for this edition." in text(client.get("/2024/expo/"))

    ExpoFactory(edition=edition, start_date=dt.date(2024, 11, 18), end_date=None)
    cache.clear()
    page = text(client.get("/2024/expo/"))

    assert "No exhibits are listed for this expo." in page and "Opened 18 November 2024" in page
    assert "announced" not in page and "Opens" not in page


def test_exhibit_page_shows_its_facts_and_gallery(client, expo):
    item = exhibit(
        expo,
        "Robot dog",
        slug="robot-dog",
        category=ExhibitCategory.ROBOTICS,
        hall=HallFactory(expo=expo, name="Hall 3", slug="hall-3"),
        booth="A-12",
        description="Walks.\n\nClimbs stairs.",
        exhibitor=OrganisationFactory(edition=expo.edition, name="Unitree", slug="unitree"),
    )
    first = ExhibitPictureFactory(exhibit=item, alt_text="The robot dog standing", position=0)
    second = ExhibitPictureFactory(exhibit=item, alt_text="The robot dog climbing", position=1, size=(300, 450))

    page = text(client.get("/2024/expo/robot-dog/"))

    assert '<h1 class="h2">Robot dog</h1>' in page
    assert '<a href="/2024/organisations/unitree/">Unitree</a>' in page
    assert "Robotics" in page and "Light of Internet Expo" in page and "booth A-12" in page
    assert '<a href="/2024/expo/?hall=hall-3">Hall 3</a>' in page
    assert "<p>Walks.</p>" in page and "<p>Climbs stairs.</p>" in page
    images = re.findall(r"<img [^>]*>", page)
    assert len(images) == 2
    assert f'src="{first.large.url}"' in images[0]
    assert f'srcset="{first.thumbnail.url} 400w, {first.large.url} 600w"' in images[0]
    assert 'alt="The robot dog standing"' in images[0] and 'width="600" height="400"' in images[0]
    assert "loading" not in images[0] and 'loading="lazy"' in images[1]
    # A portrait picture: both renditions fit in their box, and keep their proportions.
    assert f'srcset="{second.thumbnail.url} 267w, {second.large.url} 300w"' in images[1]
    assert 'width="300" height="450"' in images[1] and 'alt="The robot dog climbing"' in images[1]
    assert f'<a href="{first.image.url}">Full-size picture' in page and "(600 × 400 pixels)" in page


def test_exhibit_page_of_an_unknown_slug_or_another_edition_is_404(client, expo):
    exhibit(ExpoFactory(edition=EditionFactory(slug="2023")), "Old exhibit", slug="old-exhibit")
    EditionFactory(slug="hidden", is_published=False)

    assert client.get("/2024/expo/nothing-here/").status_code == 404
    assert client.get("/2024/expo/old-exhibit/").status_code == 404
    assert client.get("/2023/expo/old-exhibit/").status_code == 200
    assert client.get("/hidden/expo/").status_code == 404


def test_home_shows_featured_exhibits_and_the_exhibit_count(client, expo):
    for number in range(8):
        exhibit(expo, f"Featured {number}", position=number, is_featured=True)
    exhibit(expo, "Ordinary exhibit", position=0)
    ExhibitPictureFactory(exhibit=expo.exhibits.get(title="Featured 0"), alt_text="Cover picture")

    page = text(client.get("/2024/"))

    assert "<dt>Exhibits</dt><dd>9</dd>" in page.replace("\n", "")
    assert "Featured exhibits" in page
    assert titles(page) == [f"Featured {number}" for number in range(6)]
    assert 'alt="Cover picture"' in page
    assert "See all 9 exhibits of the expo" in page


def test_home_without_exhibits_has_no_expo_section(client, edition):
    page = text(client.get("/2024/"))

    assert "Featured exhibits" not in page and "<dt>Exhibits</dt>" not in page


def test_html_in_exhibit_titles_is_escaped(client, expo):
    item = exhibit(expo, "<script>alert('x')</script> robot", exhibitor__name="<b>Bold</b> maker")
    ExhibitPictureFactory(exhibit=item, alt_text='"><script>alert(1)</script>')

    directory = text(client.get("/2024/expo/"))
    detail = text(client.get(f"/2024/expo/{item.slug}/"))

    for page in (directory, detail):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; robot" in page
        assert "&lt;b&gt;Bold&lt;/b&gt; maker" in page
        assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page


def test_exhibit_edits_show_at_once(client, expo):
    item = exhibit(expo, "Old title", slug="robot")
    assert "Old title" in text(client.get("/2024/expo/"))
    first = client.get("/2024/expo/robot/")

    item.title = "New title"
    item.save()
    ExhibitPictureFactory(exhibit=item, alt_text="A new picture")

    assert "New title" in text(client.get("/2024/expo/"))
    again = client.get("/2024/expo/robot/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "A new picture" in text(again)


# Query counts


def expo_with_exhibits(slug, count):
    expo = ExpoFactory(edition=EditionFactory(slug=slug))
    halls = [HallFactory(expo=expo) for _ in range(3)]
    for number in range(count):
        item = ExhibitFactory(
            expo=expo, hall=halls[number % 3], slug=f"exhibit-{number}", is_featured=number % 2 == 0, booth="A-1"
        )
        ExhibitPictureFactory(exhibit=item, size=(120, 80))
    return expo


def test_expo_directory_queries_do_not_grow_with_the_exhibits(page_queries):
    expo_with_exhibits("small", 5)
    expo_with_exhibits("large", 40)

    for query in ("", "?category=ai&q=exhibit", "?hall=nowhere"):
        small = page_queries(f"/small/expo/{query}")
        large = page_queries(f"/large/expo/{query}")
        assert small == large, query


def test_exhibit_page_queries_do_not_grow_with_the_pictures(page_queries):
    small, large = expo_with_exhibits("small", 1), expo_with_exhibits("large", 1)
    for _ in range(4):
        ExhibitPictureFactory(exhibit=small.exhibits.get(), size=(120, 80))
    for _ in range(39):
        ExhibitPictureFactory(exhibit=large.exhibits.get(), size=(120, 80))

    assert page_queries("/small/expo/exhibit-0/") == page_queries("/large/expo/exhibit-0/")


def test_home_queries_do_not_grow_with_the_exhibits(page_queries):
    expo_with_exhibits("small", 5)
    expo_with_exhibits("large", 40)

    assert page_queries("/small/") == page_queries("/large/")
