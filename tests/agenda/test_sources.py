"""Each edition's facts carry their source: the reports are cited on the edition's page and in the API."""

import datetime as dt

import pytest

from agenda.models import EditionSource
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(slug="2031", year=2031, is_published=True)
    EditionSource.objects.create(
        edition=edition,
        position=2,
        title="Preview of the summit",
        covers_en="The theme and 24 sub-forums.",
        covers_zh_hans="主题和24场分论坛。",
    )
    EditionSource.objects.create(
        edition=edition,
        position=1,
        title="What to expect at the <summit>",
        publisher="China Plus",
        author="Sara Hsu",
        published_on=dt.date(2031, 11, 1),
        url="https://example.org/what-to-expect",
        covers_en="The dates.",
    )
    return edition


def test_the_edition_page_cites_its_sources_in_order(client, edition):
    html = client.get("/2031/").content.decode()
    section = html[html.index('<section class="mt-4 edition-sources"') :]
    section = section[: section.index("</section>")]
    first = (
        '<li><a href="https://example.org/what-to-expect" rel="nofollow noopener"><cite>What to expect at the '
        "&lt;summit&gt;</cite></a>, China Plus, Sara Hsu, "
        '<time datetime="2031-11-01">1 November 2031</time><span class="d-block text-body-secondary">The dates.</span>'
    )
    assert first in section
    assert section.index("What to expect") < section.index("Preview of the summit")
    assert "<cite>Preview of the summit</cite><span" in section  # no address, publisher or date: none written
    chinese = client.get("/zh-hans/2031/").content.decode()
    assert "主题和24场分论坛。" in chinese


def test_an_edition_without_sources_shows_no_empty_section(client):
    EditionFactory(slug="2032", year=2032, is_published=True)
    assert "edition-sources" not in client.get("/2032/").content.decode()


def test_the_api_gives_the_sources(client, edition):
    sources = client.get("/api/editions/2031/").json()["sources"]
    assert sources == [
        {
            "title": "What to expect at the <summit>",
            "publisher": "China Plus",
            "author": "Sara Hsu",
            "published_on": "2031-11-01",
            "url": "https://example.org/what-to-expect",
            "covers": "The dates.",
        },
        {
            "title": "Preview of the summit",
            "publisher": "",
            "author": "",
            "published_on": None,
            "url": None,
            "covers": "The theme and 24 sub-forums.",
        },
    ]


def test_an_organiser_adds_a_source_on_the_edition_form(admin_client, edition):
    html = admin_client.get(f"/admin/agenda/edition/{edition.pk}/change/").content.decode()
    assert 'name="sources-0-title"' in html and 'name="sources-1-covers_zh_hans"' in html
