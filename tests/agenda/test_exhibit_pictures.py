"""Exhibit pictures uploaded through the organisers' admin: what is stored, what is refused, what is removed.

Every test stores files in a temporary MEDIA_ROOT and looks at the disk, not only at the database.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agenda.models import Exhibit, ExhibitPicture, Expo, Hall
from tests.agenda.admin_forms import in_english
from tests.agenda.uploads import (
    camera_jpeg,
    decompression_bomb,
    files_in,
    jpeg_bytes,
    opened,
    oversized_jpeg,
    picture,
    text_named_jpg,
    truncated_jpeg,
)
from tests.factories.agenda import EditionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/agenda/exhibit/add/"
TITLE = "Robotic dogs on the stairs"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def expo():
    edition = EditionFactory()
    expo = Expo.objects.create(edition=edition, name="Light of the Internet Expo", slug="expo")
    Hall.objects.create(expo=expo, name="Hall 1", slug="hall-1", position=1)
    OrganisationFactory(edition=edition, name="Robot Makers", slug="robot-makers")
    return expo


# --- Admin forms ------------------------------------------------------------------------------------------------


def exhibit_data(expo, *, pictures=(), initial=0, **fields):
    """The exhibit form as the admin posts it, with the pictures inline (prefix "pictures")."""
    data = {
        "expo": expo.pk,
        "title": TITLE,
        "slug": "robotic-dogs",
        "exhibitor": expo.edition.organisations.get(slug="robot-makers").pk,
        "category": "robotics",
        "hall": expo.halls.get(slug="hall-1").pk,
        "booth": "A-01",
        "description": "Four-legged robots climbing stairs.",
        "position": 1,
        "pictures-TOTAL_FORMS": len(pictures),
        "pictures-INITIAL_FORMS": initial,
        "pictures-MIN_NUM_FORMS": 0,
        "pictures-MAX_NUM_FORMS": 1000,
    }
    for index, fields_of_picture in enumerate(pictures):
        for name, value in fields_of_picture.items():
            data[f"pictures-{index}-{name}"] = value
    data.update(fields)
    return in_english(data)


def new_picture(upload, alt_text="A robotic dog climbing stairs", position=1):
    return {"image": upload, "alt_text": alt_text, "position": position, "id": "", "exhibit": ""}


def add_exhibit(client, expo, upload, capture):
    with capture(execute=True):
        response = client.post(ADD_URL, exhibit_data(expo, pictures=[new_picture(upload)]))
    assert response.status_code == 302, response.content.decode()[:3000]
    exhibit = Exhibit.objects.get(slug="robotic-dogs")
    return exhibit, exhibit.pictures.get()


def change_url(exhibit):
    return f"/admin/agenda/exhibit/{exhibit.pk}/change/"


def existing_picture(stored, **fields):
    return {
        "id": stored.pk,
        "exhibit": stored.exhibit_id,
        "alt_text": stored.alt_text,
        "position": stored.position,
        **fields,
    }


# --- Stored ----------------------------------------------------------------------------------------------------


def test_an_uploaded_photo_is_stored_upright_without_camera_data_with_renditions(
    admin_client, expo, media, django_capture_on_commit_callbacks
):
    exhibit, stored = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)

    assert exhibit.title == TITLE
    assert (stored.width, stored.height) == (1200, 1600)  # orientation 6 applied: turned upright
    original = opened(media, stored.image.name)
    assert original.format == "JPEG"
    assert original.size == (1200, 1600)
    assert not original.getexif()
    assert "exif" not in original.info
    # The red mark was at the top left of the sideways picture; upright, it is at the top right.
    red, green, blue = original.getpixel((1200 - 40, 40))
    assert red > 200 and green < 60 and blue < 60
    assert original.getpixel((40, 40))[2] > 100

    thumbnail = opened(media, stored.thumbnail.name)
    large = opened(media, stored.large.name)
    assert (thumbnail.format, thumbnail.size) == ("WEBP", (300, 400))
    assert (large.format, large.size) == ("WEBP", (900, 1200))
    assert (stored.thumbnail_width, stored.large_width) == (300, 900)
    assert not thumbnail.getexif() and not large.getexif()
    assert files_in(media) == set(stored.file_names)
    assert len(stored.file_names) == 3


def test_the_stored_picture_has_a_fresh_name_not_the_uploaded_one(
    admin_client, expo, media, django_capture_on_commit_callbacks
):
    _exhibit, stored = add_exhibit(
        admin_client, expo, camera_jpeg(name="IMG_2041 secret.jpg"), django_capture_on_commit_callbacks
    )

    assert stored.image.name.startswith(f"expo/{expo.edition.slug}/")
    assert "IMG_2041" not in stored.image.name
    assert stored.image.name.endswith(".jpg")


# --- Refused ---------------------------------------------------------------------------------------------------


REFUSED = {
    "decompression bomb": (decompression_bomb, "This image has too many pixels: at most 40 megapixels"),
    "truncated JPEG": (truncated_jpeg, "the file seems damaged or incomplete"),
    "text file named .jpg": (text_named_jpg, "This file is not a JPEG, PNG or WebP image"),
    "oversized file": (oversized_jpeg, "images can be at most 19.5\xa0KB"),
}


def refused_upload(case, settings):
    make_upload, message = REFUSED[case]
    if case == "oversized file":
        settings.MAX_IMAGE_UPLOAD_BYTES = 20_000
    upload = make_upload()
    assert (upload.size > settings.MAX_IMAGE_UPLOAD_BYTES) == (case == "oversized file")
    return upload, message


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_upload_on_a_new_exhibit_is_refused_with_a_clear_message_and_nothing_is_kept(
    case, admin_client, expo, media, settings, django_capture_on_commit_callbacks
):
    upload, message = refused_upload(case, settings)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD_URL, exhibit_data(expo, pictures=[new_picture(upload)]))

    assert response.status_code == 200  # the same page, with the error
    page = response.content.decode()
    assert message in page
    assert "errorlist" in page
    assert f'value="{TITLE}"' in page  # what was typed is still there
    assert "Four-legged robots climbing stairs." in page
    assert 'value="A robotic dog climbing stairs"' in page
    assert not Exhibit.objects.exists()
    assert not ExhibitPicture.objects.exists()
    assert files_in(media) == set()


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_replacement_is_refused_and_the_stored_picture_is_kept(
    case, admin_client, expo, media, settings, django_capture_on_commit_callbacks
):
    exhibit, stored = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)
    before = files_in(media)
    upload, message = refused_upload(case, settings)
    data = exhibit_data(
        expo, pictures=[existing_picture(stored, image=upload)], initial=1, title="Robotic dogs, renamed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(exhibit), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'value="Robotic dogs, renamed"' in page
    exhibit.refresh_from_db()
    assert exhibit.title == TITLE
    assert exhibit.pictures.get().image.name == stored.image.name
    assert files_in(media) == before


# --- Replaced and deleted --------------------------------------------------------------------------------------


def test_replacing_a_picture_removes_the_old_files(admin_client, expo, media, django_capture_on_commit_callbacks):
    exhibit, old = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)
    old_files = set(old.file_names)
    assert files_in(media) == old_files
    replacement = SimpleUploadedFile("new.jpg", jpeg_bytes(picture((900, 600))), content_type="image/jpeg")
    data = exhibit_data(
        expo, pictures=[existing_picture(old, image=replacement, alt_text="The robotic dog, closer")], initial=1
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(exhibit), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    new = exhibit.pictures.get()
    assert new.pk == old.pk
    assert new.alt_text == "The robotic dog, closer"
    assert (new.width, new.height) == (900, 600)
    assert not set(new.file_names) & old_files
    assert files_in(media) == set(new.file_names)


def test_saving_without_a_new_file_keeps_the_picture_and_its_files(
    admin_client, expo, media, django_capture_on_commit_callbacks
):
    exhibit, stored = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)
    data = exhibit_data(
        expo, pictures=[existing_picture(stored, alt_text="A robotic dog, seen from the side")], initial=1
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(exhibit), data)

    assert response.status_code == 302
    kept = exhibit.pictures.get()
    assert kept.alt_text == "A robotic dog, seen from the side"
    assert kept.file_names == stored.file_names
    assert files_in(media) == set(stored.file_names)


def test_deleting_a_picture_removes_its_files(admin_client, expo, media, django_capture_on_commit_callbacks):
    exhibit, stored = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)
    data = exhibit_data(expo, pictures=[existing_picture(stored, DELETE="on")], initial=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(exhibit), data)

    assert response.status_code == 302
    assert not ExhibitPicture.objects.exists()
    assert Exhibit.objects.filter(pk=exhibit.pk).exists()
    assert files_in(media) == set()


def test_deleting_the_exhibit_removes_the_files_of_all_its_pictures(
    admin_client, expo, media, django_capture_on_commit_callbacks
):
    exhibit, first = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)
    second_upload = SimpleUploadedFile("second.jpg", jpeg_bytes(picture((900, 600))), content_type="image/jpeg")
    data = exhibit_data(
        expo,
        pictures=[existing_picture(first), new_picture(second_upload, alt_text="The stand", position=2)],
        initial=1,
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(change_url(exhibit), data)
    assert exhibit.pictures.count() == 2
    assert len(files_in(media)) == 6

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/agenda/exhibit/{exhibit.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Exhibit.objects.exists()
    assert not ExhibitPicture.objects.exists()
    assert files_in(media) == set()


def test_nothing_is_removed_from_disk_when_the_deletion_is_rolled_back(
    admin_client, expo, media, django_capture_on_commit_callbacks
):
    # Files go only once the deletion is committed: before that, the row still points at them.
    exhibit, stored = add_exhibit(admin_client, expo, camera_jpeg(), django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        exhibit.delete()

    assert callbacks
    assert files_in(media) == set(stored.file_names)
