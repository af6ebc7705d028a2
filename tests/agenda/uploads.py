"""Picture uploads as people send them (a phone photo with GPS, a text file named .jpg, a decompression bomb…), and
how to look at what was stored. Shared by the tests of every picture upload: exhibit pictures, photos and logos."""

import io
import struct
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def files_in(root) -> set[str]:
    root = Path(root)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def opened(root, name) -> Image.Image:
    image = Image.open(Path(root) / name)
    image.load()
    return image


# --- Uploads ----------------------------------------------------------------------------------------------------


def picture(size=(1600, 1200)) -> Image.Image:
    """A smooth colour picture, like a photo of a stand, with a mark in the top-left corner."""
    width, height = size
    ramp = Image.linear_gradient("L")
    channels = [
        ramp.resize(size),
        ramp.transpose(Image.Transpose.ROTATE_90).resize(size),
        Image.new("L", size, 140),
    ]
    image = Image.merge("RGB", channels)
    image.paste((255, 0, 0), (0, 0, width // 8, height // 8))
    return image


def camera_exif(orientation=6):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Camera maker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 44.0, 45.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (120.0, 29.0, 24.0)
    return exif


def jpeg_bytes(image=None, **options) -> bytes:
    buffer = io.BytesIO()
    (image or picture()).save(buffer, format="JPEG", quality=90, **options)
    return buffer.getvalue()


def camera_jpeg(name="stand.jpg") -> SimpleUploadedFile:
    """A phone photo held upright: stored sideways (1600 × 1200) with orientation 6 and a GPS position."""
    data = jpeg_bytes(exif=camera_exif(6))
    image = Image.open(io.BytesIO(data))
    assert image.size == (1600, 1200)
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb() -> SimpleUploadedFile:
    """A tiny PNG whose header claims 20000 × 20000 pixels: 400 megapixels if it were ever decoded."""
    side = 20_000
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * (side + 1) * 4)
    data = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")
    return SimpleUploadedFile("bomb.png", data, content_type="image/png")


def truncated_jpeg() -> SimpleUploadedFile:
    data = jpeg_bytes(picture((800, 600)))
    return SimpleUploadedFile("cut-short.jpg", data[: len(data) // 2], content_type="image/jpeg")


def text_named_jpg() -> SimpleUploadedFile:
    return SimpleUploadedFile("logo.jpg", b"Dear organisers,\nplease find our picture attached.\n" * 40, "image/jpeg")


def oversized_jpeg() -> SimpleUploadedFile:
    return SimpleUploadedFile("huge.jpg", jpeg_bytes(), content_type="image/jpeg")
