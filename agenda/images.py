"""Uploaded pictures (exhibit pictures, organisation logos, speaker photos): check, clean, resize, tidy up.

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

What gets stored, made by `normalise_image`:

- The EXIF orientation is applied to the pixels, so the picture is upright without metadata.
- Colours are converted to sRGB with the embedded ICC profile, if any, and the profile is dropped: browsers assume
  sRGB, and a wide-gamut phone photo shown without its profile would have the wrong colours.
- All metadata is removed: EXIF (including GPS position, camera, dates), XMP, IPTC, ICC, PNG text chunks, comments.
- The longest side is at most `MAX_SIDE` (2400) pixels; pictures are never enlarged.
- It is re-encoded: JPEG (quality 85, progressive, optimised) for photos; a PNG stays PNG when it has transparent
  pixels or is a flat graphic (at most `GRAPHIC_MAX_COLOURS` colours, like most logos), otherwise it becomes JPEG;
  a WebP stays WebP (quality 85). Transparency is kept in PNG and WebP.

Renditions, made by `make_renditions`: WebP copies (quality 80) that fit in a `size` × `size` box, never enlarged,
named `<stem>-<name>.webp`. Every current browser shows WebP, so no JPEG fallback is made.
"""

import io
import logging
import os
import struct
import warnings
import zlib
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import PurePath
from types import MappingProxyType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
# For <input type="file" accept="...">: a hint to the browser's file picker, not a check.
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
MAX_PIXELS = 40_000_000
MIN_SIDE = 50
MAX_ASPECT_RATIO = 10
MAX_SIDE = 2400
GRAPHIC_MAX_COLOURS = 1024
RENDITION_SIZES = MappingProxyType({"thumb": 400, "large": 1200})

_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
_ENCODER_OPTIONS = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {},
    "WEBP": {"quality": 85, "method": 4},
}
_RENDITION_OPTIONS = {"quality": 80, "method": 4}

# What Pillow raises on damaged or hostile data. UnidentifiedImageError is an OSError; zlib.error comes from
# compressed PNG chunks and does not derive from OSError.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, TypeError, IndexError, KeyError, EOFError, struct.error, zlib.error)

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ImageContent(ContentFile):
    """Encoded picture ready for `storage.save()` or `FieldFile.save()`; knows its pixel size and format."""

    def __init__(self, content: bytes, *, name: str, width: int, height: int, image_format: str):
        super().__init__(content, name=name)
        self.width = width
        self.height = height
        self.image_format = image_format


# --- Messages ---------------------------------------------------------------------------------------------------


def _not_accepted_format() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP image (or is too damaged to tell). "
            "Upload a picture saved in one of those formats; GIF, HEIC, SVG, TIFF and other formats are not accepted."
        ),
        code="image_format",
    )


def _damaged() -> ValidationError:
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
def _rewound(file):
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
    except _DECODE_ERRORS:
        raise _damaged()
    if image.format not in ACCEPTED_FORMATS:
        raise _not_accepted_format()
    # Our own cap, well below Pillow's, checked on the header's size before a single pixel is decoded.
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    return image


def _decode(file) -> Image.Image:
    """The picture in `file`, decoded completely so that truncated or damaged files are refused."""
    image = _open(file)
    try:
        # verify() checks structure and checksums (PNG chunks) without decoding, and leaves the image unusable...
        image.verify()
        # ...so open again and decode every pixel: this is what catches a JPEG cut short.
        image = _open(file)
        image.load()
    except _DECODE_ERRORS:
        raise _damaged()
    return image


def validate_image_upload(file) -> None:
    """Refuse anything but a sound JPEG, PNG or WebP picture of sensible size (rules in the module docstring).

    Usable as `ImageField(validators=[validate_image_upload])` and in forms; leaves the file rewound.
    """
    if not file or _already_stored(file):
        return
    _check_byte_size(file)
    with _rewound(file):
        _check_dimensions(*_open(file).size)
        _decode(file)


# --- Cleaning and resizing --------------------------------------------------------------------------------------


def _has_transparency(image: Image.Image) -> bool:
    # Many PNGs carry an alpha channel that is opaque everywhere; only real see-through pixels count.
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        low, _high = image.convert("RGBA").getchannel("A").getextrema()
        return low < 255
    return False


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    icc = image.info.get("icc_profile")
    if icc:
        try:
            return ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, *_DECODE_ERRORS):
            pass  # a profile lcms cannot use: keep the pixel values as they are, as browsers do
    return image.convert(mode)


def _upright_srgb(image: Image.Image) -> Image.Image:
    """Upright, in sRGB, as RGB, or RGBA when some pixel is see-through."""
    image = ImageOps.exif_transpose(image)
    mode = "RGBA" if _has_transparency(image) else "RGB"
    if image.mode.startswith("I"):
        # 16-bit grey PNG: plain conversion would clip every value above 255 to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("P", "PA", "LA") or "transparency" in image.info:
        image = image.convert(mode)  # palette and grey+alpha to plain channels before any colour transform
    image = _to_srgb(image, mode)
    return image if image.mode == mode else image.convert(mode)


def _prepared(file) -> tuple[Image.Image, str]:
    """The picture in `file`, upright and in sRGB, with the format it was uploaded in."""
    with _rewound(file):
        image = _decode(file)
        try:
            return _upright_srgb(image), image.format
        except _DECODE_ERRORS:  # broken EXIF or colour data
            raise _damaged()


def _fitted(image: Image.Image, box: int) -> Image.Image:
    """`image` scaled down to fit in a `box` × `box` square, keeping its proportions; never enlarged."""
    scale = box / max(image.size)
    if scale >= 1:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _without_metadata(image: Image.Image) -> Image.Image:
    # A fresh image has no info, EXIF, XMP, ICC or text chunks at all, whatever an earlier step carried over.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _is_flat_graphic(image: Image.Image) -> bool:
    return image.getcolors(maxcolors=GRAPHIC_MAX_COLOURS) is not None


def _stored_format(source_format: str, image: Image.Image) -> str:
    if source_format == "WEBP":
        return "WEBP"
    if source_format == "PNG" and (image.mode == "RGBA" or _is_flat_graphic(image)):
        return "PNG"  # JPEG has no transparency and smears the sharp edges of logos and diagrams
    return "JPEG"


def _encode(image: Image.Image, *, image_format: str, stem: str, options: Mapping) -> ImageContent:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return ImageContent(
        buffer.getvalue(),
        name=f"{stem}{_EXTENSIONS[image_format]}",
        width=image.width,
        height=image.height,
        image_format=image_format,
    )


def _stem(file) -> str:
    return PurePath(getattr(file, "name", None) or "image").stem or "image"


def normalise_image(file) -> ImageContent:
    """The picture to store instead of the upload: upright, sRGB, no metadata, at most MAX_SIDE, re-encoded.

    The result's name is the upload's stem with the extension of the format chosen (.jpg, .png or .webp). Raises
    ValidationError, like `validate_image_upload`, if `file` cannot be read safely.
    """
    image, source_format = _prepared(file)
    image = _without_metadata(_fitted(image, MAX_SIDE))
    image_format = _stored_format(source_format, image)
    return _encode(image, image_format=image_format, stem=_stem(file), options=_ENCODER_OPTIONS[image_format])


def make_renditions(source, *, sizes: Mapping[str, int] = RENDITION_SIZES) -> dict[str, ImageContent]:
    """WebP copies of `source` fitting in a size × size box each, never enlarged: {name: `<stem>-<name>.webp`}.

    `source` is normally the stored, normalised picture (a FieldFile); an upload works as well. Each result's
    `width` is what `rendition_srcset` needs: a portrait picture's rendition is narrower than its box.
    """
    image, _source_format = _prepared(source)
    stem = _stem(source)
    return {
        name: _encode(
            _without_metadata(_fitted(image, size)),
            image_format="WEBP",
            stem=f"{stem}-{name}",
            options=_RENDITION_OPTIONS,
        )
        for name, size in sizes.items()
    }


def rendition_srcset(urls_by_width: Mapping[int, str]) -> str:
    """The value of an `<img srcset>`: {400: url_a, 1200: url_b} gives "url_a 400w, url_b 1200w", narrowest first."""
    return ", ".join(f"{url} {width}w" for width, url in sorted(urls_by_width.items()))


# --- Storage ----------------------------------------------------------------------------------------------------


def delete_files(storage, names: Iterable) -> None:
    """Delete these files (names or FieldFiles) from `storage`, skipping empty names and files already gone.

    When replacing or deleting a picture, call it from `transaction.on_commit()`: if the transaction rolls back, the
    row still points at the old files, so they must still be there. A file that cannot be deleted is logged, not
    raised, since a leftover file must not undo the change the user just saved.
    """
    for name in dict.fromkeys(str(getattr(item, "name", item) or "") for item in names):
        if not name:
            continue
        try:
            storage.delete(name)
        except FileNotFoundError:
            continue
        except OSError:
            logger.warning("Could not delete %s from storage.", name, exc_info=True)
