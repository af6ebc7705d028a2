import contextlib
import io
import logging
import random
import struct
import time
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from PIL import ExifTags, Image, ImageCms, ImageFile

from agenda.images import (
    MAX_SIDE,
    delete_files,
    make_renditions,
    normalise_image,
    rendition_srcset,
    validate_image_upload,
)

CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}


def photo(size=(300, 200)):
    """A picture with many colours, like a photograph (noise in each channel)."""
    return Image.merge("RGB", [Image.effect_noise(size, 60) for _ in range(3)])


def encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(data, image_format="JPEG", *, name=None):
    name = name or f"picture.{EXTENSIONS.get(image_format, 'bin')}"
    return SimpleUploadedFile(name, data, content_type=CONTENT_TYPES.get(image_format, "application/octet-stream"))


def image_upload(image, image_format="JPEG", *, name=None, **options):
    return upload(encode(image, image_format, **options), image_format, name=name)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width, height):
    """A grey PNG claiming width × height pixels, with only a few rows of data: its header is all that matters."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * (width + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")


def refusal(file):
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(file)
    error = caught.value
    return error.code, error.messages[0]


def opened(content):
    content.seek(0)
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


# --- validate_image_upload ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_validate_image_upload_accepts_jpeg_png_and_webp(image_format):
    file = image_upload(photo(), image_format)

    validate_image_upload(file)

    assert file.tell() == 0


def test_validate_image_upload_accepts_a_plain_binary_file_object():
    validate_image_upload(io.BytesIO(encode(photo(), "PNG")))


def test_validate_image_upload_rewinds_the_file_after_a_refusal():
    file = upload(b"hello" * 100, name="notes.jpg")

    refusal(file)

    assert file.tell() == 0


def test_validate_image_upload_refuses_a_text_file_named_jpg():
    code, message = refusal(upload(b"Dear organisers,\nplease find our logo attached.\n" * 20, name="logo.jpg"))

    assert code == "image_format"
    assert "not a JPEG, PNG or WebP image" in message


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_validate_image_upload_refuses_other_image_formats(image_format):
    code, message = refusal(image_upload(photo(), image_format, name="picture.jpg"))

    assert code == "image_format"
    assert "JPEG, PNG or WebP" in message


def test_validate_image_upload_refuses_svg():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle r="90" cx="100" cy="100"/></svg>'

    code, _message = refusal(upload(svg, name="logo.png"))

    assert code == "image_format"


def test_validate_image_upload_refuses_a_truncated_jpeg():
    data = encode(photo((400, 300)), "JPEG")

    code, message = refusal(upload(data[: len(data) // 2]))

    assert code == "image_damaged"
    assert "damaged or incomplete" in message


def test_validate_image_upload_refuses_a_truncated_png():
    data = encode(photo((400, 300)), "PNG")

    code, _message = refusal(upload(data[: len(data) // 2], "PNG"))

    assert code == "image_damaged"


def test_validate_image_upload_refuses_a_png_with_a_bad_checksum():
    data = bytearray(encode(photo(), "PNG"))
    data[-20] ^= 0xFF  # inside the last IDAT chunk

    code, _message = refusal(upload(bytes(data), "PNG"))

    assert code == "image_damaged"


def test_validate_image_upload_does_not_rely_on_lenient_loading_of_truncated_images():
    # With this on, Pillow pads a truncated JPEG with grey and the check above would accept it.
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize(
    "side",
    [
        7_000,  # 49 megapixels: over our cap, under Pillow's warning
        10_000,  # 100 megapixels: Pillow warns, we turn it into an error
        20_000,  # 400 megapixels: Pillow's own DecompressionBombError
    ],
)
def test_validate_image_upload_refuses_a_decompression_bomb_without_decoding_it(side, monkeypatch):
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    file = upload(png_header_only(side, side), "PNG")
    started = time.monotonic()

    code, message = refusal(file)

    assert time.monotonic() - started < 1
    assert code == "image_too_many_pixels"
    assert "40 megapixels" in message


def test_validate_image_upload_refuses_an_oversized_file_before_opening_it(settings, monkeypatch):
    def no_opening(*args, **kwargs):
        raise AssertionError("the file was opened")

    settings.MAX_IMAGE_UPLOAD_BYTES = 2 * 1024 * 1024
    monkeypatch.setattr(Image, "open", no_opening)

    code, message = refusal(upload(b"\xff" * (3 * 1024 * 1024)))

    assert code == "image_too_large"
    assert "3.0\xa0MB" in message
    assert "at most 2.0\xa0MB" in message


def test_validate_image_upload_accepts_a_file_of_exactly_the_limit(settings):
    data = encode(photo(), "PNG")
    settings.MAX_IMAGE_UPLOAD_BYTES = len(data)

    validate_image_upload(upload(data, "PNG"))


@pytest.mark.parametrize("size", [(49, 200), (200, 49), (30, 30)])
def test_validate_image_upload_refuses_a_too_small_image(size):
    code, message = refusal(image_upload(photo(size), "PNG"))

    assert code == "image_too_small"
    assert f"{size[0]} × {size[1]} pixels" in message
    assert "at least 50 pixels" in message


def test_validate_image_upload_accepts_the_smallest_allowed_image():
    validate_image_upload(image_upload(photo((50, 50)), "PNG"))


@pytest.mark.parametrize("size", [(1010, 100), (100, 1010)])
def test_validate_image_upload_refuses_an_extreme_aspect_ratio(size):
    code, message = refusal(image_upload(photo(size), "PNG"))

    assert code == "image_aspect_ratio"
    assert "10 times" in message


def test_validate_image_upload_accepts_an_aspect_ratio_of_ten_to_one():
    validate_image_upload(image_upload(photo((1000, 100)), "PNG"))


def test_validate_image_upload_skips_files_already_in_storage():
    # Nothing named so exists in storage: reading it would fail.
    stored = FieldFile(None, models.ImageField(), "exhibits/long-gone.jpg")

    validate_image_upload(stored)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_validate_image_upload_raises_only_validation_errors_for_damaged_files(image_format):
    data = encode(photo((120, 90)), image_format)
    chance = random.Random(image_format)
    for _attempt in range(60):
        damaged = bytearray(data)
        for _byte in range(chance.randint(1, 8)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        cut = chance.choice([len(damaged), chance.randrange(1, len(damaged))])
        with contextlib.suppress(ValidationError):
            validate_image_upload(upload(bytes(damaged[:cut]), image_format))


class PictureForm(forms.Form):
    picture = forms.ImageField(validators=[validate_image_upload])


def test_validate_image_upload_in_a_form_accepts_a_jpeg():
    form = PictureForm(files={"picture": image_upload(photo(), "JPEG")})

    assert form.is_valid(), form.errors


def test_validate_image_upload_in_a_form_explains_the_refusal_of_a_gif():
    form = PictureForm(files={"picture": image_upload(photo(), "GIF")})

    assert not form.is_valid()
    assert "not a JPEG, PNG or WebP image" in form.errors["picture"][0]


# --- normalise_image ----------------------------------------------------------------------------------------------


def exif_with_orientation_and_gps(orientation):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Camera maker"
    exif[ExifTags.Base.DateTimeOriginal] = "2025:04:01 09:30:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 5.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 10.0)
    return exif


def test_normalise_image_applies_the_exif_orientation():
    file = image_upload(photo((200, 100)), "JPEG", exif=exif_with_orientation_and_gps(6))

    result = opened(normalise_image(file))

    assert result.size == (100, 200)


def test_normalise_image_removes_exif_and_gps():
    file = image_upload(photo((200, 100)), "JPEG", exif=exif_with_orientation_and_gps(1))
    assert Image.open(io.BytesIO(file.read())).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload has a position

    result = opened(normalise_image(file))

    assert not result.getexif()
    assert "exif" not in result.info


def test_normalise_image_converts_to_srgb_and_drops_the_icc_profile():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    file = image_upload(photo(), "JPEG", icc_profile=profile)

    result = opened(normalise_image(file))

    assert "icc_profile" not in result.info


def test_normalise_image_keeps_a_jpeg_as_progressive_jpeg():
    file = image_upload(photo(), "JPEG", name="Stand A12.JPEG")

    content = normalise_image(file)
    result = opened(content)

    assert content.name == "Stand A12.jpg"
    assert result.format == "JPEG"
    assert result.info.get("progressive")
    assert (content.width, content.height) == result.size == (300, 200)


def test_normalise_image_caps_the_longest_side():
    content = normalise_image(image_upload(photo((3000, 1500)), "JPEG"))

    assert opened(content).size == (MAX_SIDE, MAX_SIDE // 2)


def test_normalise_image_does_not_enlarge_a_small_picture():
    assert opened(normalise_image(image_upload(photo((80, 60)), "PNG"))).size == (80, 60)


def test_normalise_image_keeps_a_png_with_transparency_as_png_with_alpha():
    logo = photo().convert("RGBA")
    logo.putpixel((0, 0), (255, 255, 255, 0))

    content = normalise_image(image_upload(logo, "PNG", name="logo.png"))
    result = opened(content)

    assert content.name == "logo.png"
    assert result.format == "PNG"
    assert result.mode == "RGBA"
    assert result.getpixel((0, 0))[3] == 0


def test_normalise_image_stores_a_png_with_an_opaque_alpha_channel_as_jpeg():
    content = normalise_image(image_upload(photo().convert("RGBA"), "PNG", name="portrait.png"))

    assert content.name == "portrait.jpg"
    assert opened(content).format == "JPEG"


def test_normalise_image_keeps_a_flat_graphic_png_as_png():
    graphic = Image.new("RGB", (300, 100), "#1f6feb")
    graphic.paste((255, 255, 255), (20, 20, 280, 80))

    content = normalise_image(image_upload(graphic, "PNG", name="logo.png"))

    assert content.name == "logo.png"
    assert opened(content).mode == "RGB"


def test_normalise_image_keeps_a_palette_png_with_transparency():
    palette = Image.new("P", (120, 120), 1)
    palette.putpalette([0, 0, 0, 255, 0, 0] + [0, 0, 0] * 254)
    palette.paste(0, (0, 0, 60, 120))

    result = opened(normalise_image(image_upload(palette, "PNG", transparency=0)))

    assert result.mode == "RGBA"
    assert result.getpixel((10, 10))[3] == 0
    assert result.getpixel((100, 10)) == (255, 0, 0, 255)


def test_normalise_image_keeps_a_webp_as_webp_with_alpha():
    picture = photo().convert("RGBA")
    picture.paste((0, 0, 0, 0), (0, 0, 100, 100))

    content = normalise_image(image_upload(picture, "WEBP", name="booth.webp"))
    result = opened(content)

    assert content.name == "booth.webp"
    assert result.format == "WEBP"
    assert result.mode == "RGBA"
    assert result.getpixel((50, 50))[3] == 0


def test_normalise_image_converts_a_cmyk_jpeg_to_rgb():
    result = opened(normalise_image(image_upload(photo().convert("CMYK"), "JPEG")))

    assert result.mode == "RGB"


def test_normalise_image_scales_16_bit_grey_instead_of_clipping_it():
    grey = Image.new("I;16", (100, 100), 30_000)

    result = opened(normalise_image(image_upload(grey, "PNG")))

    assert 100 < result.getpixel((50, 50))[0] < 135


def test_normalise_image_refuses_an_unreadable_file():
    with pytest.raises(ValidationError):
        normalise_image(upload(b"not a picture at all" * 10, name="photo.jpg"))


# --- make_renditions ----------------------------------------------------------------------------------------------


def test_make_renditions_fit_their_boxes_as_webp():
    renditions = make_renditions(image_upload(photo((1600, 1000)), "JPEG", name="hall.jpg"))

    assert set(renditions) == {"thumb", "large"}
    assert renditions["thumb"].name == "hall-thumb.webp"
    assert renditions["large"].name == "hall-large.webp"
    for content, size in [(renditions["thumb"], (400, 250)), (renditions["large"], (1200, 750))]:
        image = opened(content)
        assert image.format == "WEBP"
        assert image.size == (content.width, content.height) == size


def test_make_renditions_of_a_portrait_picture_are_narrower_than_their_box():
    renditions = make_renditions(image_upload(photo((1000, 2000)), "JPEG"))

    assert opened(renditions["thumb"]).size == (200, 400)
    assert renditions["thumb"].width == 200


def test_make_renditions_never_enlarge():
    renditions = make_renditions(image_upload(photo((300, 200)), "JPEG"))

    assert {name: opened(content).size for name, content in renditions.items()} == {
        "thumb": (300, 200),
        "large": (300, 200),
    }


def test_make_renditions_keep_transparency():
    logo = photo((800, 800)).convert("RGBA")
    logo.paste((0, 0, 0, 0), (0, 0, 400, 800))

    thumb = opened(make_renditions(image_upload(logo, "PNG"))["thumb"])

    assert thumb.mode == "RGBA"
    assert thumb.getpixel((10, 10))[3] == 0
    assert thumb.getpixel((390, 10))[3] == 255


def test_make_renditions_use_the_sizes_asked_for():
    renditions = make_renditions(image_upload(photo((1000, 500)), "PNG"), sizes={"small": 100})

    assert list(renditions) == ["small"]
    assert opened(renditions["small"]).size == (100, 50)


def test_make_renditions_apply_the_exif_orientation_and_carry_no_metadata():
    file = image_upload(photo((800, 400)), "JPEG", exif=exif_with_orientation_and_gps(6))

    thumb = opened(make_renditions(file)["thumb"])

    assert thumb.size == (200, 400)
    assert not thumb.getexif()


def test_make_renditions_from_a_normalised_picture_in_storage(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    stored_name = storage.save("exhibits/stand.jpg", normalise_image(image_upload(photo((1600, 1200)), "JPEG")))
    stored = FieldFile(None, models.ImageField(storage=storage), stored_name)

    renditions = make_renditions(stored)

    assert renditions["thumb"].name == "stand-thumb.webp"
    assert opened(renditions["thumb"]).size == (400, 300)


def test_rendition_srcset_lists_widths_narrowest_first():
    srcset = rendition_srcset({1200: "/media/a-large.webp", 400: "/media/a-thumb.webp"})

    assert srcset == "/media/a-thumb.webp 400w, /media/a-large.webp 1200w"


# --- delete_files -------------------------------------------------------------------------------------------------


def test_delete_files_removes_files_and_ignores_missing_and_empty_names(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    kept = storage.save("logos/kept.png", io.BytesIO(b"kept"))
    old = storage.save("logos/old.png", io.BytesIO(b"old"))
    thumb = storage.save("logos/old-thumb.webp", io.BytesIO(b"thumb"))

    delete_files(storage, [old, thumb, "logos/never-there.png", "", None])

    assert not storage.exists(old)
    assert not storage.exists(thumb)
    assert storage.exists(kept)


def test_delete_files_accepts_field_files(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("speakers/photo.jpg", io.BytesIO(b"photo"))

    delete_files(storage, [FieldFile(None, models.ImageField(storage=storage), name)])

    assert not storage.exists(name)


class ObjectStorageError(Exception):
    """As object storage's client raises (botocore's errors are not OSErrors)."""


@pytest.mark.parametrize("error", [PermissionError, ObjectStorageError])
def test_delete_files_logs_a_failure_and_carries_on(tmp_path, caplog, error):
    class StubbornStorage(FileSystemStorage):
        def delete(self, name):
            if name == "locked.png":
                raise error(name)
            super().delete(name)

    storage = StubbornStorage(location=tmp_path)
    other = storage.save("other.png", io.BytesIO(b"other"))

    with caplog.at_level(logging.WARNING, logger="agenda.images"):
        delete_files(storage, ["locked.png", other])

    assert "locked.png" in caplog.text
    assert not storage.exists(other)
