"""Uploaded pictures are served with DEBUG off: cacheable for good, revalidated with a 304, and nothing else."""

import os
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils.http import http_date

from tests.factories.expo import ExhibitPictureFactory

pytestmark = pytest.mark.django_db
YEAR = 365 * 24 * 3600


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def picture():
    return ExhibitPictureFactory()


def production():
    return override_settings(DEBUG=False)


def test_an_uploaded_picture_and_its_renditions_are_served_with_debug_off(client, picture, media):
    with production():
        original = client.get(picture.image.url)
        thumbnail = client.get(picture.thumbnail.url)

    assert original.status_code == 200
    assert original["Content-Type"] == "image/jpeg"
    assert b"".join(original.streaming_content) == (Path(media) / picture.image.name).read_bytes()
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/webp"
    assert int(thumbnail["Content-Length"]) == (Path(media) / picture.thumbnail.name).stat().st_size


def test_a_picture_is_cacheable_for_good_by_browsers_and_shared_caches(client, picture):
    # Every upload gets a fresh random name: the address never shows other content.
    with production():
        response = client.get(picture.large.url)

    assert response["Cache-Control"] == f"public, max-age={YEAR}, immutable"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers


def test_a_file_under_an_older_name_is_revalidated_daily(client, media):
    # Names from before fresh names (an organisation's logo.png) may once have held other content.
    older = Path(media) / "organisations" / "logo.png"
    older.parent.mkdir(parents=True)
    older.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)

    with production():
        response = client.get("/media/organisations/logo.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"


def test_a_conditional_request_gets_a_304_by_etag_or_date(client, picture):
    url = picture.image.url
    with production():
        first = client.get(url)
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        changed = client.get(url, HTTP_IF_NONE_MATCH='"another"')

    assert (by_etag.status_code, by_date.status_code, changed.status_code) == (304, 304, 200)
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_etag["Cache-Control"] == first["Cache-Control"]


def test_a_picture_changed_on_disk_is_not_answered_304(client, media):
    path = Path(media) / "photo.jpg"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xd8\xff first")
    with production():
        first = client.get("/media/photo.jpg")
        path.write_bytes(b"\xff\xd8\xff second, longer")
        os.utime(path, (1_900_000_000, 1_900_000_000))
        again = client.get("/media/photo.jpg", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert b"".join(again.streaming_content) == b"\xff\xd8\xff second, longer"
    assert again["Last-Modified"] == http_date(1_900_000_000)


def test_head_answers_the_headers_without_the_body(client, picture):
    with production():
        response = client.head(picture.image.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert int(response["Content-Length"]) > 0
    assert b"".join(response.streaming_content) == b""


def test_only_reads_are_answered(client, picture):
    with production():
        assert client.post(picture.image.url).status_code == 405


def test_a_missing_picture_is_a_404(client, picture):
    with production():
        response = client.get("/media/expo/00000000000000000000000000000000.jpg")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../manage.py",
        "/media/%2e%2e/manage.py",
        "/media/expo/..%2f..%2f..%2fmanage.py",
        "/media//etc/passwd",
        "/media/expo/",
        "/media/expo",
        "/media/.secret",
        "/media/expo/%5c..%5c..%5cmanage.py",
    ],
)
def test_nothing_outside_media_root_nor_a_directory_listing_is_served(client, picture, media, path):
    (Path(media) / ".secret").write_text("not for the public")

    with production():
        response = client.get(path)

    assert response.status_code == 404


def test_a_link_out_of_media_root_is_not_followed(client, media, tmp_path):
    outside = tmp_path / "settings.txt"
    outside.write_text("SECRET_KEY=…")
    Path(media).mkdir(parents=True, exist_ok=True)
    (Path(media) / "linked.jpg").symlink_to(outside)

    with production():
        response = client.get("/media/linked.jpg")

    assert response.status_code == 404


def test_a_file_that_is_not_a_picture_is_a_download_never_a_page(client, media):
    page = Path(media) / "expo" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text("<script>alert(1)</script>")

    with production():
        response = client.get("/media/expo/page.html")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
