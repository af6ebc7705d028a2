"""Faces on the public pages (a speaker's photo or initials, an organisation's logo or a neutral mark) and what a
shared link shows (Open Graph and Twitter tags, the summit's name and logo, the favicon)."""

import re

import pytest

from agenda.templatetags.faces import AVATAR_COLOURS, avatar_colour, initials
from tests.factories.agenda import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Ada Lovelace", "AL"),
        ("  robin   li ", "RL"),
        ("Cher", "C"),
        ("Jean-Luc Picard", "JP"),
        ("李彦宏", "彦宏"),
        ("王明", "王明"),
        ("马", "马"),
        ("欧阳娜娜", "娜娜"),
        ("埃隆·马斯克", "埃"),
    ],
)
def test_initials_of_latin_and_chinese_names(name, letters):
    assert initials(name) == letters


def test_a_name_always_gets_the_same_colour_and_names_spread_over_the_palette():
    names = [f"Speaker {n}" for n in range(60)]
    assert [avatar_colour(name) for name in names] == [avatar_colour(name) for name in names]
    assert len({avatar_colour(name) for name in names}) == len(AVATAR_COLOURS)


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("colour", AVATAR_COLOURS)
def test_white_initials_are_readable_on_every_avatar_colour(colour):
    assert (1.05 / (_luminance(colour) + 0.05)) >= 4.5


@pytest.fixture
def edition():
    return EditionFactory(slug="2031", year=2031)


def with_photo(person):
    person.photo = "people/ada.jpg"
    person.photo_thumbnail = "people/renditions/ada-thumb.webp"
    person.photo_thumbnail_width = 400
    person.photo_large = "people/renditions/ada-large.webp"
    person.photo_large_width = 1200
    person.save()
    return person


def with_logo(organisation):
    organisation.logo = "organisations/acme.png"
    organisation.logo_thumbnail = "organisations/renditions/acme-thumb.webp"
    organisation.logo_thumbnail_width = 400
    organisation.logo_large = "organisations/renditions/acme-large.webp"
    organisation.logo_large_width = 800
    organisation.save()
    return organisation


@pytest.fixture
def programme(edition):
    acme = with_logo(OrganisationFactory(edition=edition, name="Acme Networks", slug="acme"))
    plain = OrganisationFactory(edition=edition, name="Open Standards Forum", slug="osf")
    session = SessionFactory(edition=edition, title="Data for good", slug="data-for-good")
    ada = with_photo(PersonFactory(edition=edition, name="Ada Lovelace", slug="ada", organisation=acme))
    li = PersonFactory(edition=edition, name="李彦宏", slug="li", organisation=plain)
    SessionSpeakerFactory(session=session, person=ada)
    SessionSpeakerFactory(session=session, person=li)
    SessionOrganiserFactory(session=session, organisation=acme)
    SessionOrganiserFactory(session=session, organisation=plain)
    return session


def faces(html):
    return re.findall(r'<(?:img|span) class="face [^"]*"[^>]*>(?:[^<]*</span>)?', html)


@pytest.mark.parametrize("url", ["/2031/speakers/", "/2031/sessions/data-for-good/", "/2031/organisations/acme/"])
def test_a_speaker_with_a_photo_shows_its_renditions_and_one_without_shows_initials(client, programme, url):
    html = client.get(url).content.decode()
    shown = faces(html)
    photo = next(face for face in shown if "ada-thumb" in face)
    renditions = "/media/people/renditions/ada-thumb.webp 400w, /media/people/renditions/ada-large.webp 1200w"
    assert f'srcset="{renditions}"' in photo
    assert 'alt=""' in photo
    if url != "/2031/organisations/acme/":  # Li works for the other organisation
        avatar = next(face for face in shown if "彦宏" in face)
        assert "face-initials" in avatar and 'aria-hidden="true"' in avatar
        assert f"background-color: {avatar_colour('李彦宏')}" in avatar


def test_agenda_cards_show_each_speakers_face_beside_the_names(client, programme):
    html = client.get("/2031/agenda/?day=all").content.decode()
    card = re.search(r'<p class="session-speakers[^"]*">(.*?)</p>', html, re.S).group(1)
    shown = faces(card)
    assert len(shown) == 2 and all("face-xs" in face for face in shown)
    assert 'src="/media/people/renditions/ada-thumb.webp"' in shown[0] and 'sizes="28px"' in shown[0]
    assert ">彦宏</span>" in shown[1]
    assert "Ada Lovelace, 李彦宏" in card


def test_the_speaker_page_shows_the_large_face(client, programme):
    html = client.get("/2031/speakers/li/").content.decode()
    assert [face for face in faces(html) if "face-lg" in face] == [
        f'<span class="face face-person face-lg face-initials" aria-hidden="true" '
        f'style="background-color: {avatar_colour("李彦宏")}">彦宏</span>'
    ]


def test_organisations_show_their_logo_or_a_neutral_mark(client, programme):
    html = client.get("/2031/organisations/").content.decode()
    shown = faces(html)
    logo = next(face for face in shown if "acme-thumb" in face)
    assert "/media/organisations/renditions/acme-large.webp 800w" in logo
    mark = next(face for face in shown if face.endswith(">O</span>"))
    assert "face-organisation" in mark and "background-color" not in mark


def meta(html, key):
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert len(found) == 1, (key, found)
    return found[0]


def test_a_speaker_page_shares_its_title_description_address_and_photo(client, programme, settings):
    settings.SITE_URL = "https://summit.example"
    html = client.get("/2031/speakers/ada/").content.decode()
    assert meta(html, "og:title") == "Ada Lovelace"
    assert meta(html, "og:description").startswith("Ada Lovelace")
    assert meta(html, "og:url") == "https://summit.example/2031/speakers/ada/"
    assert meta(html, "og:image") == "https://summit.example/media/people/renditions/ada-large.webp"
    assert meta(html, "og:site_name") == "World Internet Conference Wuzhen Summit"
    assert meta(html, "og:locale") == "en_GB"
    assert meta(html, "twitter:card") == "summary"


def test_a_page_without_a_picture_of_its_own_shares_the_default_card_in_chinese_too(client, programme, settings):
    settings.SITE_URL = "https://summit.example"
    html = client.get("/zh-hans/2031/organisations/osf/").content.decode()
    assert meta(html, "og:title") == "Open Standards Forum"
    assert meta(html, "og:url") == "https://summit.example/zh-hans/2031/organisations/osf/"
    assert re.fullmatch(r"https://summit\.example/static/img/share-card(\.[0-9a-f]+)?\.png", meta(html, "og:image"))
    assert meta(html, "og:locale") == "zh_CN"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_the_header_and_title_carry_the_summits_name_and_logo(client, programme, edition):
    summit = edition.summit
    summit.logo = "summits/wic.png"
    summit.logo_thumbnail = "summits/renditions/wic-thumb.webp"
    summit.logo_thumbnail_width = 400
    summit.logo_large = "summits/renditions/wic-large.webp"
    summit.logo_large_width = 1200
    summit.name = "Digital Silk Road Forum"
    summit.save()
    html = client.get("/2031/").content.decode()
    brand = re.search(r'<a class="site-brand[^>]*>(.*?)</a>', html).group(1)
    assert 'src="/media/summits/renditions/wic-thumb.webp"' in brand
    assert brand.endswith('<span class="site-brand-name">Digital Silk Road Forum</span>')
    assert meta(html, "og:site_name") == "Digital Silk Road Forum"
    assert meta(html, "og:image").endswith("/media/summits/renditions/wic-large.webp")
    assert "WIC Planner" not in html


def test_a_summits_compact_name_stands_in_for_its_name_on_phones_in_both_languages(client, programme, edition):
    summit = edition.summit
    summit.name, summit.name_zh_hans = "World Internet Conference Wuzhen Summit", "世界互联网大会乌镇峰会"
    summit.compact_name, summit.compact_name_zh_hans = "Wuzhen Summit", "乌镇峰会"
    summit.save()
    pages = [("/2031/", summit.name, "Wuzhen Summit"), ("/zh-hans/2031/", "世界互联网大会乌镇峰会", "乌镇峰会")]
    for path, name, compact in pages:
        html = client.get(path).content.decode()
        brand = re.search(r'<a class="site-brand[^>]*>(.*?)</a>', html).group(1)
        # Bootstrap's display classes: the full name from 576 px up, the compact one below.
        assert f'<span class="site-brand-name d-none d-sm-inline">{name}</span>' in brand
        assert brand.endswith(f'<span class="site-brand-name d-sm-none">{compact}</span>')
        assert meta(html, "og:site_name") == name


def test_the_favicon_answers_and_every_page_links_its_icons(client, programme):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert re.fullmatch(r"/static/img/favicon(\.[0-9a-f]+)?\.ico", response["Location"])
    html = client.get("/2031/agenda/").content.decode()
    assert re.search(r'<link rel="icon" href="/static/img/favicon[^"]*\.svg" type="image/svg\+xml">', html)


def test_an_exhibit_page_shares_its_first_picture(client, edition, settings, tmp_path):
    from tests.factories.expo import ExhibitFactory, ExhibitPictureFactory

    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://summit.example"
    exhibit = ExhibitFactory(expo__edition=edition, title="Robotic dogs", slug="robotic-dogs")
    first = ExhibitPictureFactory(exhibit=exhibit, position=1)
    ExhibitPictureFactory(exhibit=exhibit, position=2)

    html = client.get("/2031/expo/robotic-dogs/").content.decode()

    assert meta(html, "og:image") == f"https://summit.example{first.large.url}"
    assert meta(html, "og:title") == "Robotic dogs"


@pytest.mark.parametrize("path", ["/editions/", "/zh-hans/editions/", "/no-such-edition/"])
def test_pages_of_no_edition_are_headed_by_the_summits_name_too(client, edition, path):
    edition.is_published, edition.is_current = True, True
    edition.save()
    edition.summit.name = "Digital Silk Road Forum"
    edition.summit.save()
    html = client.get(path).content.decode()
    brand = re.search(r'<a class="site-brand[^>]*>(.*?)</a>', html).group(1)
    assert brand.endswith('<span class="site-brand-name">Digital Silk Road Forum</span>')
    assert "WIC Planner" not in html
