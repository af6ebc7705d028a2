"""Cleaning and resizing: what is stored instead of the upload, and the renditions made from it.

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
from collections.abc import Mapping
from pathlib import PurePath
from types import MappingProxyType

from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps

from .checks import DECODE_ERRORS, MAX_SIDE, damaged, decode, rewound

GRAPHIC_MAX_COLOURS = 1024
RENDITION_SIZES = MappingProxyType({"thumb": 400, "large": 1200})

_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
_ENCODER_OPTIONS = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {},
    "WEBP": {"quality": 85, "method": 4},
}
_RENDITION_OPTIONS = {"quality": 80, "method": 4}

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ImageContent(ContentFile):
    """Encoded picture ready for `storage.save()` or `FieldFile.save()`; knows its pixel size and format."""

    def __init__(self, content: bytes, *, name: str, width: int, height: int, image_format: str):
        super().__init__(content, name=name)
        self.width = width
        self.height = height
        self.image_format = image_format


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
        except (ImageCms.PyCMSError, *DECODE_ERRORS):
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
    with rewound(file):
        image = decode(file)
        try:
            return _upright_srgb(image), image.format
        except DECODE_ERRORS:  # broken EXIF or colour data
            raise damaged()


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
