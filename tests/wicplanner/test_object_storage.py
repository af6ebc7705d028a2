"""Pictures in S3-compatible object storage (AWS_STORAGE_BUCKET_NAME), against an S3 simulated in this process."""

import boto3
import environ
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws

from agenda.services import exhibit_picture_store
from tests.agenda.uploads import jpeg_bytes
from tests.factories.expo import ExhibitPictureFactory
from wicplanner.storage import media_storage

pytestmark = pytest.mark.django_db

BUCKET = "wic-media"


@pytest.fixture
def bucket(settings, monkeypatch):
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_CUSTOM_DOMAIN": "media.wic.example.org",
        "AWS_LOCATION": "uploads",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": media_storage(environ.Env())}
        yield s3


def stored_keys(s3):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_without_a_bucket_pictures_stay_on_the_servers_disk(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)

    assert media_storage(environ.Env()) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_uploaded_picture_and_its_renditions_go_to_the_bucket_under_public_cacheable_addresses(bucket):
    picture = ExhibitPictureFactory()

    names = (picture.image.name, picture.thumbnail.name, picture.large.name)
    assert stored_keys(bucket) == sorted(f"uploads/{name}" for name in names)
    original = bucket.head_object(Bucket=BUCKET, Key=f"uploads/{picture.image.name}")
    assert original["ContentType"] == "image/jpeg"
    assert original["CacheControl"] == "public, max-age=31536000, immutable"
    # Addresses on the CDN's domain, unsigned: pages cached for a day keep working.
    assert picture.image.url == f"https://media.wic.example.org/uploads/{picture.image.name}"
    assert "?" not in picture.thumbnail.url


def test_a_replaced_picture_leaves_no_object_behind(bucket, django_capture_on_commit_callbacks):
    picture = ExhibitPictureFactory()
    before = set(stored_keys(bucket))

    with django_capture_on_commit_callbacks(execute=True):
        exhibit_picture_store(
            picture=picture, upload=SimpleUploadedFile("new.jpg", jpeg_bytes(), content_type="image/jpeg")
        )

    after = set(stored_keys(bucket))
    assert len(after) == 3
    assert after.isdisjoint(before)  # fresh names; the old objects are gone
