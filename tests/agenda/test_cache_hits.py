"""A cached page, feed or 304 for a visitor who has not signed in costs no SQL query, and stays correct."""

import datetime as dt
import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.access import published_editions_key
from agenda.models import Edition, Session
from tests.factories import RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

API = ["/api/editions/2024/sessions/", "/api/editions/2024/sessions/opening/"]
PAGES = ["/2024/agenda/", "/2024/sessions/opening/", "/2024/schedule.xml", *API]


@pytest.fixture
def session(edition):
    start = dt.datetime(2024, 11, 19, 9, tzinfo=edition.zone)
    return SessionFactory(
        edition=edition,
        slug="opening",
        title="Opening ceremony",
        room=RoomFactory(venue__edition=edition),
        start=start,
        end=start + dt.timedelta(hours=1),
    )


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, len(captured)


@pytest.mark.parametrize("url", PAGES)
def test_a_cached_answer_costs_no_query(client, session, url):
    client.get(url)

    response, count = queries(client, url)

    assert response.status_code == 200
    assert count == 0


@pytest.mark.parametrize("url", PAGES)
def test_a_not_modified_answer_costs_no_query(client, session, url):
    first = client.get(url)

    response, count = queries(client, url, if_none_match=first["ETag"])

    assert response.status_code == 304
    assert count == 0


@pytest.mark.parametrize("url", PAGES)
def test_a_not_modified_answer_costs_no_query_after_the_published_editions_are_forgotten(client, session, url):
    # Another process, or an evicted copy: the edition is read again once, then not again.
    first = client.get(url)
    cache.delete(published_editions_key())

    again, count_again = queries(client, url, if_none_match=first["ETag"])
    then, count_then = queries(client, url, if_none_match=first["ETag"])

    assert (again.status_code, count_again) == (304, 1)
    assert (then.status_code, count_then) == (304, 0)


def test_a_programme_change_is_on_the_next_request(client, session):
    client.get("/2024/agenda/")
    client.get("/2024/sessions/opening/")

    session.title = "Grand opening"
    session.save()

    assert "Grand opening" in client.get("/2024/agenda/").content.decode()
    assert "Grand opening" in client.get("/2024/sessions/opening/").content.decode()


def test_an_edition_change_is_on_the_next_request(client, session, edition):
    client.get("/2024/agenda/")

    edition.name = "Renamed Wuzhen Summit"
    edition.save()

    assert "Renamed Wuzhen Summit" in client.get("/2024/agenda/").content.decode()


def test_a_change_committed_by_another_process_is_seen_once_its_generation_is_set(
    client, session, django_capture_on_commit_callbacks
):
    # The after-commit generation is what other processes go by: a copy stored in between is not used.
    client.get("/2024/agenda/")
    with django_capture_on_commit_callbacks(execute=True):
        Session.objects.filter(pk=session.pk).update(title="Grand opening")
        Edition.objects.get(slug="2024").save()

    assert "Grand opening" in client.get("/2024/agenda/").content.decode()


def test_an_unpublished_edition_stays_not_found(client, session, edition):
    assert client.get("/2024/agenda/").status_code == 200

    edition.is_published = False
    edition.save()

    assert client.get("/2024/agenda/").status_code == 404
    assert client.get("/2024/agenda/").status_code == 404
    assert client.get("/2024/schedule.xml").status_code == 404


def test_a_previewer_still_sees_an_unpublished_edition_uncached(client, session, edition, programme_editor):
    edition.is_published = False
    edition.save()
    client.force_login(programme_editor)

    response = client.get("/2024/agenda/", headers={"accept-encoding": "gzip"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize("url", PAGES)
def test_a_client_that_accepts_gzip_gets_the_same_bytes_compressed(client, session, url):
    plain = client.get(url)
    compressed = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    compressed_again = client.get(url, headers={"accept-encoding": "gzip"})

    assert not plain.has_header("Content-Encoding")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed_again.content == compressed.content
    assert len(compressed.content) < len(plain.content)
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    assert compressed["ETag"] != plain["ETag"]


def test_each_encoding_answers_304_on_its_own_validator_only(client, session):
    plain = client.get("/2024/agenda/")
    compressed = client.get("/2024/agenda/", headers={"accept-encoding": "gzip"})

    assert client.get("/2024/agenda/", headers={"if-none-match": plain["ETag"]}).status_code == 304
    gzip_304 = client.get("/2024/agenda/", headers={"if-none-match": compressed["ETag"], "accept-encoding": "gzip"})
    assert gzip_304.status_code == 304 and gzip_304["ETag"] == compressed["ETag"]
    # A validator of the compressed answer does not stand for the plain one.
    assert client.get("/2024/agenda/", headers={"if-none-match": compressed["ETag"]}).status_code == 200


def test_head_gets_the_headers_of_the_compressed_answer(client, session):
    get = client.get("/2024/agenda/", headers={"accept-encoding": "gzip"})
    head = client.head("/2024/agenda/", headers={"accept-encoding": "gzip"})

    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Encoding"] == "gzip"
    assert head["ETag"] == get["ETag"]


def test_cached_pages_keep_the_content_security_policy(client, session):
    client.get("/2024/agenda/", headers={"accept-encoding": "gzip"})

    response = client.get("/2024/agenda/", headers={"accept-encoding": "gzip"})

    assert response.has_header("Content-Security-Policy")


def test_the_kept_editions_are_read_afresh_when_the_models_fields_change():
    # A deploy that adds a field to Edition or Summit must not use copies pickled by the old code.
    from agenda.access import published_editions_key
    from agenda.models import Edition

    key = published_editions_key()
    assert key.startswith("agenda:published-editions:")
    published_editions_key.cache_clear()
    field = Edition._meta.concrete_fields[-1]
    original = field.attname
    try:
        field.attname = original + "_renamed"
        assert published_editions_key() != key
    finally:
        field.attname = original
        published_editions_key.cache_clear()
    assert published_editions_key() == key


def test_the_api_answers_with_the_same_json_from_the_cache(client, session):
    first = client.get("/api/editions/2024/sessions/?page_size=10")
    again = client.get("/api/editions/2024/sessions/?page_size=10")

    assert first.status_code == again.status_code == 200
    assert first["Content-Type"] == again["Content-Type"] == "application/json"
    assert again.json()["results"][0]["title"] == "Opening ceremony"
    assert again.content == first.content
    assert again["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in again["Vary"] and "Accept-Encoding" in again["Vary"]


def test_an_api_change_is_on_the_next_request(client, session):
    client.get("/api/editions/2024/sessions/", headers={"accept-encoding": "gzip"})

    session.title = "Grand opening"
    session.save()

    response = client.get("/api/editions/2024/sessions/", headers={"accept-encoding": "gzip"})
    assert "Grand opening" in gzip.decompress(response.content).decode()


def test_api_links_follow_the_address_asked(client, session, settings):
    settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
    client.get("/api/editions/2024/sessions/opening/")

    response = client.get("/api/editions/2024/sessions/opening/", headers={"host": "api.example.org"})

    assert response.json()["url"].startswith("http://api.example.org/")


def test_the_browsable_api_and_a_bad_filter_are_not_kept(client, session):
    html = client.get("/api/editions/2024/sessions/", headers={"accept": "text/html"})
    bad = client.get("/api/editions/2024/sessions/?day=tomorrow")
    bad_again = client.get("/api/editions/2024/sessions/?day=tomorrow")

    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    assert not html.has_header("ETag")
    assert bad.status_code == bad_again.status_code == 400
    assert "day" in bad_again.json()
    assert client.get("/api/editions/2024/sessions/").json()["count"] == 1


def test_an_api_preview_shows_drafts_uncached(client, session, programme_editor):
    client.get("/api/editions/2024/sessions/")
    SessionFactory(
        edition=session.edition, slug="draft", status="draft", room=session.room, start=session.start, end=session.end
    )
    client.force_login(programme_editor)

    response = client.get("/api/editions/2024/sessions/")

    assert response.json()["count"] == 2
    assert not response.has_header("ETag")
