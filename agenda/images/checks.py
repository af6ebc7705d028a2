"""Checks on an uploaded picture, before anything is stored.

Rules for an upload, enforced by `validate_image_upload` (every refusal is a `ValidationError` with a translated
message and a `code`; damaged or hostile input never raises anything else):

- Size: at most `settings.MAX_IMAGE_UPLOAD_BYTES` (5 MB by default), checked on `file.size` before a byte is read.
- Format: JPEG, PNG or WebP, recognised from the content with only those three Pillow decoders; the file name and
  the declared content type are ignored. GIF, BMP, TIFF, HEIC, SVG, PDF and anything else are refused.
- Pixels: at most `MAX_PIXELS` (40 megapixels), checked on the header before any pixel is decoded. Pillow's own
  decompression-bomb warning (above about 89 megapixels) is turned into a refusal as well.
- Integrity: the file must pass `Image.verify()` and then decode completely; truncated or damaged files are refused.
  This relies on `PIL.ImageFile.LOAD_TRUNCATED_IMAGES` keeping Pillow's default, False: nothing here changes it,
  and nothing else in the project may, or truncated JPEGs would be padded with grey and accepted.
- Dimensions: each side at least `MIN_SIDE` (50) pixels, and the longer side at most `MAX_ASPECT_RATIO` (10) times
  the shorter one.
- Animated PNG or WebP files are accepted; only their first frame is kept.
"""

import os
import struct
import warnings
import zlib
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
# For <input type="file" accept="...">: a hint to the browser's file picker, not a check.
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
MAX_PIXELS = 40_000_000
MIN_SIDE = 50
MAX_ASPECT_RATIO = 10
# The longest side of a stored picture (see `agenda.images.processing`); said in the "too many pixels" message.
MAX_SIDE = 2400

# What Pillow raises on damaged or hostile data. UnidentifiedImageError is an OSError; zlib.error comes from
# compressed PNG chunks and does not derive from OSError.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, TypeError, IndexError, KeyError, EOFError, struct.error, zlib.error)


# --- Messages ---------------------------------------------------------------------------------------------------


def _not_accepted_format() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP image (or is too damaged to tell). "
            "Upload a picture saved in one of those formats; GIF, HEIC, SVG, TIFF and other formats are not accepted."
        ),
        code="image_format",
    )


def damaged() -> ValidationError:
    return ValidationError(
        _(
            "This image could not be read: the file seems damaged or incomplete. "
            "Save or export it again as JPEG, PNG or WebP and upload it once more."
        ),
        code="image_damaged",
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels: at most %(limit)s megapixels are accepted. "
            "Reduce it, for example to %(side)s pixels on its longest side, and upload it again."
        ),
        code="image_too_many_pixels",
        params={"limit": MAX_PIXELS // 1_000_000, "side": MAX_SIDE},
    )


# --- Checks -----------------------------------------------------------------------------------------------------


@contextmanager
def rewound(file):
    """Read `file` from the start and leave it at the start, so the next reader (storage, Django) sees it whole."""
    file.seek(0)
    try:
        yield file
    finally:
        file.seek(0)


def _byte_size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def _already_stored(file) -> bool:
    # A model's full_clean() runs field validators again on files saved long ago. They were checked when uploaded;
    # reading them back from storage on every save would be slow and fail whenever storage is unreachable.
    return isinstance(file, FieldFile) and file._committed


def _check_byte_size(file) -> None:
    size, limit = _byte_size(file), settings.MAX_IMAGE_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            _("This file is %(size)s; images can be at most %(limit)s. Resize or compress it and upload it again."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )


def _check_dimensions(width: int, height: int) -> None:
    params = {"width": width, "height": height, "min": MIN_SIDE, "ratio": MAX_ASPECT_RATIO}
    if min(width, height) < MIN_SIDE:
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels, too small to show clearly. "
                "Upload one of at least %(min)s pixels on each side."
            ),
            code="image_too_small",
            params=params,
        )
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels, too long and narrow to show well. "
                "Crop it so that its longer side is at most %(ratio)s times its shorter side."
            ),
            code="image_aspect_ratio",
            params=params,
        )


def _open(file) -> Image.Image:
    """Open `file` with Pillow's JPEG, PNG and WebP decoders only; read the header, decode no pixels."""
    file.seek(0)
    try:
        # Pillow only warns between about 89 and 179 megapixels; as an error it stops at the header. Before Python
        # 3.14 catch_warnings() swaps process-wide filters for this moment; the only effect on other threads is that
        # this one warning may be an error for them too, which Django's own image check also catches.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels()
    except Image.UnidentifiedImageError:
        raise _not_accepted_format()
    except DECODE_ERRORS:
        raise damaged()
    if image.format not in ACCEPTED_FORMATS:
        raise _not_accepted_format()
    # Our own cap, well below Pillow's, checked on the header's size before a single pixel is decoded.
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    return image


def decode(file) -> Image.Image:
    """The picture in `file`, decoded completely so that truncated or damaged files are refused."""
    image = _open(file)
    try:
        # verify() checks structure and checksums (PNG chunks) without decoding, and leaves the image unusable...
        image.verify()
        # ...so open again and decode every pixel: this is what catches a JPEG cut short.
        image = _open(file)
        image.load()
    except DECODE_ERRORS:
        raise damaged()
    return image


def validate_image_upload(file) -> None:
    """Refuse anything but a sound JPEG, PNG or WebP picture of sensible size (rules in the module docstring).

    Usable as `ImageField(validators=[validate_image_upload])` and in forms; leaves the file rewound.
    """
    if not file or _already_stored(file):
        return
    _check_byte_size(file)
    with rewound(file):
        _check_dimensions(*_open(file).size)
        decode(file)
