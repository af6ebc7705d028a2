"""Share cards: the picture a shared link to a session (or to a speaker without a photo) shows, drawn for it in
the language of its address, open to whoever may open the page, and drawn once."""

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from PIL import Image, ImageChops

from agenda.enums import SessionStatus
from tests.factories import PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory, VenueFactory

pytestmark = pytest.mark.django_db

CARD = "/2024/sessions/opening/card.png"


@pytest.fixture
def session(edition):
    start = dt.datetime(2024, 11, 19, 9, tzinfo=edition.zone)
    venue = VenueFactory(edition=edition, name_en="Convention Center", name_zh_hans="会展中心")
    session = SessionFactory(
        edition=edition,
        slug="opening",
        title_en="Opening ceremony",
        title_zh_hans="开幕式",
        room=RoomFactory(venue=venue, name_en="Main Hall", name_zh_hans="主会议厅"),
        start=start,
        end=start + dt.timedelta(hours=1, minutes=30),
    )
    for name_en, name_zh in [("Ada Lovelace", "阿达"), ("Li Wei", "李伟")]:
        SessionSpeakerFactory(session=session, person__name_en=name_en, person__name_zh_hans=name_zh)
    return session


def meta(html, key):
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert len(found) == 1, (key, found)
    return found[0]


def picture(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    return image


def shared_picture(client, html):
    """The og:image of the page, fetched from the site."""
    address = meta(html, "og:image")
    assert address.startswith("https://summit.example/")
    return address, client.get(address.removeprefix("https://summit.example"))


def test_the_session_page_shares_its_own_card(client, session, settings):
    settings.SITE_URL = "https://summit.example"

    html = client.get("/2024/sessions/opening/").content.decode()
    address, response = shared_picture(client, html)

    assert re.fullmatch(rf"https://summit\.example{CARD}\?v=\d+", address)
    assert picture(response).size == (1200, 630)
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:alt") == "Opening ceremony"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_the_card_address_changes_when_the_session_does(client, session, settings):
    """Sites that keep a picture by its address (Facebook, X, WeChat) fetch the new one."""
    settings.SITE_URL = "https://summit.example"
    before, _ = shared_picture(client, client.get("/2024/sessions/opening/").content.decode())
    session.title_en = "Opening ceremony and keynotes"
    session.save()

    after, response = shared_picture(client, client.get("/2024/sessions/opening/").content.decode())

    assert after != before
    assert picture(response).size == (1200, 630)


def test_the_chinese_page_shares_a_card_drawn_in_chinese(client, session, settings):
    settings.SITE_URL = "https://summit.example"

    html = client.get("/zh-hans/2024/sessions/opening/").content.decode()
    address, response = shared_picture(client, html)
    chinese = picture(response)
    english = picture(client.get(CARD))

    assert address.startswith(f"https://summit.example/zh-hans{CARD}?v=")
    assert meta(html, "og:image:alt") == "开幕式"
    assert chinese.size == (1200, 630)
    assert ImageChops.difference(chinese.convert("RGB"), english.convert("RGB")).getbbox() is not None


def test_a_card_changes_with_what_it_shows(client, session):
    before = client.get(CARD).content
    session.title_en = "Opening ceremony and keynotes"
    session.save()

    after = client.get(CARD).content

    assert before != after
    assert picture(client.get(CARD)).size == (1200, 630)


def test_a_session_visitors_may_not_see_has_no_card(client, session):
    session.status = SessionStatus.DRAFT
    session.save()

    assert client.get(CARD).status_code == 404
    assert client.get("/2024/sessions/unknown/card.png").status_code == 404


def test_an_editor_previewing_a_draft_gets_its_card_privately(organiser_client, session):
    session.status = SessionStatus.DRAFT
    session.save()

    response = organiser_client.get(CARD)

    assert picture(response).size == (1200, 630)
    assert "private" in response["Cache-Control"]


def test_a_card_of_an_unpublished_edition_is_404(client, session, edition):
    edition.is_published = False
    edition.save()

    assert client.get(CARD).status_code == 404


def test_a_card_asked_for_again_costs_no_query_and_answers_304_to_its_etag(client, session, django_assert_num_queries):
    first = client.get(CARD)

    with django_assert_num_queries(0):
        again = client.get(CARD, headers={"accept-encoding": "gzip"})
    with django_assert_num_queries(0):
        not_modified = client.get(CARD, headers={"if-none-match": first["ETag"]})

    assert again.content == first.content
    assert not again.has_header("Content-Encoding")  # a PNG is compressed already
    assert not again.has_header("Vary")
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    assert not_modified.status_code == 304


def card_keys():
    return [key for key in cache._cache if ":share-card:" in key]  # the tests' cache is locmem


def test_after_a_programme_change_an_unchanged_card_is_read_again_not_drawn(client, session, edition):
    client.get(CARD)
    (key,) = card_keys()
    cache.set(key.split(":", 2)[2], b"the kept picture")
    SessionFactory(edition=edition, title="Another session")  # a new programme version: the pages are missed

    assert client.get(CARD).content == b"the kept picture"


def test_a_cancelled_session_draws_a_card_saying_so(client, session):
    before = picture(client.get(CARD))
    session.status = SessionStatus.CANCELLED
    session.save()

    after = picture(client.get(CARD))

    assert ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox() is not None


@pytest.mark.parametrize(
    "title",
    [
        "<script>alert('card')</script> & <b>bold</b>",
        ("Governance " * 27).strip(),  # the longest a title may be
        "数" * 300,
        "A" * 300,
        "  \n\t ",
    ],
)
def test_any_title_draws_a_card(client, session, title):
    session.title_en = title
    session.save()

    assert picture(client.get(CARD)).size == (1200, 630)


def test_a_session_without_room_or_speakers_draws_a_card(client, edition):
    SessionFactory(edition=edition, slug="tba", room=None)

    assert picture(client.get("/2024/sessions/tba/card.png")).size == (1200, 630)


def test_without_any_font_the_card_is_drawn_with_pillows_own(client, session, settings, monkeypatch):
    from agenda.cards import fonts

    settings.SHARE_CARD_FONTS = ["/nonexistent/regular.ttc"]
    settings.SHARE_CARD_BOLD_FONTS = ["/nonexistent/bold.ttc"]
    monkeypatch.setattr(fonts, "FALLBACKS", {"regular": (), "bold": ()})

    assert picture(client.get("/zh-hans" + CARD)).size == (1200, 630)


def test_a_speaker_without_a_photo_shares_a_card_of_their_own(client, session, settings):
    settings.SITE_URL = "https://summit.example"
    person = session.speaker_links.first().person

    html = client.get(f"/2024/speakers/{person.slug}/").content.decode()
    card = f"/2024/speakers/{person.slug}/card.png"
    address, response = shared_picture(client, html)

    assert address.startswith(f"https://summit.example{card}?v=")
    assert meta(html, "og:image:alt") == "Ada Lovelace"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert picture(response).size == (1200, 630)
    assert picture(client.get("/zh-hans" + card)).size == (1200, 630)


def test_a_speaker_with_a_photo_keeps_sharing_it(client, session, settings):
    settings.SITE_URL = "https://summit.example"
    person = session.speaker_links.first().person
    person.photo_large = "people/renditions/ada-large.webp"
    person.photo_large_width = 1200
    person.save()

    html = client.get(f"/2024/speakers/{person.slug}/").content.decode()

    assert meta(html, "og:image") == "https://summit.example/media/people/renditions/ada-large.webp"
    assert "og:image:width" not in html


def test_someone_who_speaks_in_no_public_session_has_no_card(client, edition, session):
    PersonFactory(edition=edition, slug="nobody")
    session.status = SessionStatus.DRAFT
    session.save()
    speaker = session.speaker_links.first().person

    assert client.get("/2024/speakers/nobody/card.png").status_code == 404
    assert client.get(f"/2024/speakers/{speaker.slug}/card.png").status_code == 404


def test_the_cards_cache_is_kept_per_language(client, session):
    client.get(CARD)
    client.get("/zh-hans" + CARD)

    assert len(card_keys()) == 2


def test_a_card_drawn_from_nothing_cached_takes_a_fixed_few_queries(page_queries, session):
    person = session.speaker_links.first().person

    # The published editions, then the session and its speakers, or the person with their organisation.
    assert page_queries(CARD) == 3
    assert page_queries(f"/2024/speakers/{person.slug}/card.png") == 2


@pytest.mark.parametrize(("text", "size"), [("Governance of cyberspace " * 20, 60), ("网络空间治理" * 60, 60)])
def test_a_long_title_is_wrapped_on_three_lines_that_end_with_an_ellipsis(text, size):
    from agenda.cards.drawing import wrap
    from agenda.cards.fonts import font

    face = font("bold", size)
    lines, complete = wrap(text, face, 1056, 3)

    assert (len(lines), complete) == (3, False)
    assert lines[-1].endswith("…")
    assert max(face.getlength(line) for line in lines) <= 1056


def test_chinese_punctuation_never_starts_a_line():
    from agenda.cards.drawing import wrap
    from agenda.cards.fonts import font

    face = font("bold", 60)
    lines, _ = wrap("人工智能赋能产业发展，共建开放、安全、普惠的数字未来。" * 3, face, 600, 10)

    assert not [line for line in lines if line[0] in "，、。"]
    assert "".join(lines) == "人工智能赋能产业发展，共建开放、安全、普惠的数字未来。" * 3
