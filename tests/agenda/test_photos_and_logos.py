"""People's photos and organisations' logos uploaded through the organisers' admin go through the same image service
as exhibit pictures: stored upright, without camera data, with renditions; bad files refused on the form.

Every test stores files in a temporary MEDIA_ROOT and looks at the disk, not only at the database.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agenda.models import Organisation, Person
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

PERSON_ADD = "/admin/agenda/person/add/"
ORGANISATION_ADD = "/admin/agenda/organisation/add/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def edition():
    return EditionFactory()


def person_data(edition, **fields):
    data = {"edition": edition.pk, "name": "Wang Ming", "slug": "wang-ming", "title": "CTO", "bio": "Builds networks."}
    return in_english({**data, **fields})


def organisation_data(edition, **fields):
    data = {"edition": edition.pk, "name": "Robot Makers", "slug": "robot-makers", "kind": "company"}
    return in_english({**data, **fields})


def post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def saved(response):
    assert response.status_code == 302, response.content.decode()[:3000]


def change_url(obj):
    return f"/admin/agenda/{obj._meta.model_name}/{obj.pk}/change/"


def file_names(obj, field):
    return {getattr(obj, name).name for name in (field, f"{field}_thumbnail", f"{field}_large")} - {""}


def small_jpeg(name="new.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(picture((900, 600))), content_type="image/jpeg")


# --- Stored ----------------------------------------------------------------------------------------------------


def assert_stored_like_an_exhibit_picture(obj, field, media):
    """The phone photo of `camera_jpeg`: upright (1200 × 1600), no EXIF at all, WebP renditions of 400 and 1200."""
    image = getattr(obj, field)
    assert (getattr(obj, f"{field}_width"), getattr(obj, f"{field}_height")) == (1200, 1600)
    original = opened(media, image.name)
    assert (original.format, original.size) == ("JPEG", (1200, 1600))
    assert dict(original.getexif()) == {}
    assert "exif" not in original.info
    # The red mark was at the top left of the sideways picture; upright, it is at the top right.
    red, green, blue = original.getpixel((1200 - 40, 40))
    assert (red > 200, green < 60, blue < 60) == (True, True, True)

    thumbnail = opened(media, getattr(obj, f"{field}_thumbnail").name)
    large = opened(media, getattr(obj, f"{field}_large").name)
    assert (thumbnail.format, thumbnail.size) == ("WEBP", (300, 400))
    assert (large.format, large.size) == ("WEBP", (900, 1200))
    assert (getattr(obj, f"{field}_thumbnail_width"), getattr(obj, f"{field}_large_width")) == (300, 900)
    assert (dict(thumbnail.getexif()), dict(large.getexif())) == ({}, {})
    assert files_in(media) == file_names(obj, field)
    assert len(file_names(obj, field)) == 3


def test_a_person_photo_with_gps_is_stored_upright_without_camera_data_with_renditions(
    admin_client, edition, media, django_capture_on_commit_callbacks
):
    upload = camera_jpeg(name="IMG_2041 Wang Ming.jpg")

    saved(post(admin_client, PERSON_ADD, person_data(edition, photo=upload), django_capture_on_commit_callbacks))

    person = Person.objects.get(slug="wang-ming")
    assert_stored_like_an_exhibit_picture(person, "photo", media)
    assert person.photo.name.startswith("people/")
    assert "IMG_2041" not in person.photo.name
    assert "Wang" not in person.photo.name


def test_an_organisation_logo_with_gps_is_stored_without_camera_data_with_renditions(
    admin_client, edition, media, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(edition=edition, name="Robot Makers", slug="robot-makers")
    data = organisation_data(edition, logo=camera_jpeg(name="logo.jpg"))

    saved(post(admin_client, change_url(organisation), data, django_capture_on_commit_callbacks))

    organisation.refresh_from_db()
    assert_stored_like_an_exhibit_picture(organisation, "logo", media)
    assert organisation.logo.name.startswith("organisations/")


def test_a_summit_logo_is_stored_like_an_exhibit_picture_and_heads_the_public_pages(
    admin_client, client, edition, media, django_capture_on_commit_callbacks
):
    summit = edition.summit
    data = in_english({"name": summit.name, "short_name": "wic", "slug": summit.slug, "logo": camera_jpeg()})

    saved(post(admin_client, change_url(summit), data, django_capture_on_commit_callbacks))

    summit.refresh_from_db()
    assert_stored_like_an_exhibit_picture(summit, "logo", media)
    assert summit.logo.name.startswith("summits/")
    header = client.get(f"/{edition.slug}/").content.decode().split("</header>")[0]
    assert f'src="{summit.logo_thumbnail.url}"' in header


# --- Replaced, kept, cleared ------------------------------------------------------------------------------------


@pytest.fixture
def person_with_photo(admin_client, edition, django_capture_on_commit_callbacks):
    saved(post(admin_client, PERSON_ADD, person_data(edition, photo=camera_jpeg()), django_capture_on_commit_callbacks))
    return Person.objects.get(slug="wang-ming")


def test_replacing_a_photo_removes_the_old_files(
    admin_client, edition, person_with_photo, media, django_capture_on_commit_callbacks
):
    old_files = file_names(person_with_photo, "photo")
    data = person_data(edition, photo=small_jpeg())

    saved(post(admin_client, change_url(person_with_photo), data, django_capture_on_commit_callbacks))

    person_with_photo.refresh_from_db()
    new_files = file_names(person_with_photo, "photo")
    assert files_in(media) == new_files
    assert new_files & old_files == set()
    assert (person_with_photo.photo_width, person_with_photo.photo_height) == (900, 600)
    assert (person_with_photo.photo_thumbnail_width, person_with_photo.photo_large_width) == (400, 900)


def test_saving_without_a_new_photo_keeps_the_photo_and_its_files(
    admin_client, edition, person_with_photo, media, django_capture_on_commit_callbacks
):
    files = file_names(person_with_photo, "photo")

    data = person_data(edition, title="Chief scientist")
    saved(post(admin_client, change_url(person_with_photo), data, django_capture_on_commit_callbacks))

    person_with_photo.refresh_from_db()
    assert person_with_photo.title == "Chief scientist"
    assert file_names(person_with_photo, "photo") == files
    assert files_in(media) == files


def test_clearing_a_photo_removes_its_files(
    admin_client, edition, person_with_photo, media, django_capture_on_commit_callbacks
):
    data = person_data(edition, **{"photo-clear": "on"})

    saved(post(admin_client, change_url(person_with_photo), data, django_capture_on_commit_callbacks))

    person_with_photo.refresh_from_db()
    assert file_names(person_with_photo, "photo") == set()
    assert (person_with_photo.photo_width, person_with_photo.photo_thumbnail_width) == (0, 0)
    assert files_in(media) == set()


def test_deleting_a_person_or_an_organisation_removes_its_picture_files(
    admin_client, edition, media, django_capture_on_commit_callbacks
):
    saved(post(admin_client, PERSON_ADD, person_data(edition, photo=small_jpeg()), django_capture_on_commit_callbacks))
    logo = small_jpeg("logo.jpg")
    saved(
        post(admin_client, ORGANISATION_ADD, organisation_data(edition, logo=logo), django_capture_on_commit_callbacks)
    )
    assert len(files_in(media)) == 6

    with django_capture_on_commit_callbacks(execute=True):
        Person.objects.get(slug="wang-ming").delete()
        Organisation.objects.get(slug="robot-makers").delete()

    assert files_in(media) == set()


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
    return make_upload(), message


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_photo_is_refused_on_the_form_with_a_clear_message_and_nothing_is_kept(
    case, admin_client, edition, media, settings, django_capture_on_commit_callbacks
):
    upload, message = refused_upload(case, settings)

    response = post(admin_client, PERSON_ADD, person_data(edition, photo=upload), django_capture_on_commit_callbacks)

    assert response.status_code == 200  # the same page, with the error
    page = response.content.decode()
    assert message in page
    assert "errorlist" in page
    assert 'value="Wang Ming"' in page  # what was typed is still there
    assert Person.objects.exists() is False
    assert files_in(media) == set()


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_logo_is_refused_on_the_form_and_the_stored_logo_is_kept(
    case, admin_client, edition, media, settings, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(edition=edition, name="Robot Makers", slug="robot-makers")
    data = organisation_data(edition, logo=camera_jpeg())
    saved(post(admin_client, change_url(organisation), data, django_capture_on_commit_callbacks))
    organisation.refresh_from_db()
    stored = file_names(organisation, "logo")
    upload, message = refused_upload(case, settings)

    data = organisation_data(edition, name="Robot Makers Ltd", logo=upload)
    response = post(admin_client, change_url(organisation), data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert message in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Robot Makers"
    assert file_names(organisation, "logo") == stored
    assert files_in(media) == stored


def test_the_upload_field_offers_only_the_accepted_formats(admin_client):
    page = admin_client.get(PERSON_ADD).content.decode()

    assert 'accept="image/jpeg,image/png,image/webp"' in page


def test_a_person_without_a_photo_is_saved_without_files(
    admin_client, edition, media, django_capture_on_commit_callbacks
):
    saved(post(admin_client, PERSON_ADD, person_data(edition), django_capture_on_commit_callbacks))

    person = Person.objects.get(slug="wang-ming")
    assert (person.photo.name, person.photo_width) == ("", 0)
    assert files_in(media) == set()
