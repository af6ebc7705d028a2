"""Illustrative sample pictures for demo and synthetic exhibits, drawn with Pillow.

A sample picture is an illustration: a gradient in the colours of the exhibit's category, an icon-like motif for
the category (a robot's head, an atom, a skyline…), a faint pattern, the category's name and a "Sample picture"
label, so nobody mistakes it for a photograph of the real exhibit. Each view of an exhibit is composed differently
(where the motif stands, its size, the hue, the pattern), so a gallery never shows near-identical slides. The same
title, category, caption, variant and size always give the same pixels, so the demo looks the same on every machine;
nothing is downloaded and no picture file ships with the code.

`add_sample_pictures` stores them like an organiser's upload, through `exhibit_picture_store` (normalised, with
renditions), and only for the picture positions an exhibit does not have yet: running it again adds nothing.
"""

import colorsys
import functools
import hashlib
import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from agenda.demo.motifs import MOTIF_NAMES, MOTIFS
from agenda.enums import ExhibitCategory
from agenda.models import ExhibitPicture
from agenda.services import exhibit_picture_store

DEMO_SIZE = (1200, 800)
SAMPLE_LABEL = "Sample picture"

# Two colours per category, from the first to the second across the card; dark enough for white text.
CATEGORY_COLOURS = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: ("#6639ba", "#1f3f8f"),
    ExhibitCategory.ROBOTICS: ("#0a6e8f", "#16474f"),
    ExhibitCategory.QUANTUM: ("#4b2a99", "#101b4d"),
    ExhibitCategory.NETWORKS: ("#1a5fc8", "#0a2b5c"),
    ExhibitCategory.DIGITAL_CULTURE: ("#a8326e", "#7a4a10"),
    ExhibitCategory.SMART_CITY: ("#1f7f4a", "#0b5566"),
    ExhibitCategory.CYBERSECURITY: ("#b01e2a", "#4d0f1a"),
    ExhibitCategory.DIGITAL_ECONOMY: ("#b8540a", "#7a3d00"),
    ExhibitCategory.MOBILITY: ("#1a7f37", "#0d4a2a"),
    ExhibitCategory.OTHER: ("#4f5863", "#1f252c"),
}
# Said in alt texts: what the picture looks like, for people who cannot see it.
COLOUR_NAMES = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: "purple and blue",
    ExhibitCategory.ROBOTICS: "teal",
    ExhibitCategory.QUANTUM: "deep violet",
    ExhibitCategory.NETWORKS: "blue",
    ExhibitCategory.DIGITAL_CULTURE: "magenta and amber",
    ExhibitCategory.SMART_CITY: "green and teal",
    ExhibitCategory.CYBERSECURITY: "red",
    ExhibitCategory.DIGITAL_ECONOMY: "orange",
    ExhibitCategory.MOBILITY: "green",
    ExhibitCategory.OTHER: "grey",
}
# Each view of the same exhibit is composed differently: where the motif stands and how large, the gradient's
# direction, a turn of the hue and the pattern behind. A direction is (weight of the vertical ramp against the
# horizontal one, whether the horizontal ramp runs right to left).
_VARIANT_DIRECTIONS = ((0.35, False), (0.8, True), (0.2, True), (0.6, False), (0.5, True))
_VARIANT_HUE_TURNS = (0.0, 0.06, -0.06, 0.1, -0.1)
# (centre x, centre y, radius) as shares of the width, height and height; and the pattern behind.
_VARIANT_LAYOUTS = (
    ((0.66, 0.46, 0.3), "dots"),
    ((0.5, 0.45, 0.24), "rings"),
    ((0.3, 0.48, 0.2), "stripes"),
    ((0.72, 0.5, 0.22), "scatter"),
    ((0.5, 0.42, 0.32), "dots"),
)


def _category(value) -> ExhibitCategory:
    try:
        return ExhibitCategory(value)
    except ValueError:
        return ExhibitCategory.OTHER


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _chance(*parts) -> random.Random:
    seed = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).digest()
    return random.Random(int.from_bytes(seed[:8], "big"))


@functools.lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _turned(hex_colour: str, turn: float) -> tuple[int, int, int]:
    red, green, blue = (value / 255 for value in _rgb(hex_colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    return tuple(round(value * 255) for value in colorsys.hls_to_rgb((hue + turn) % 1, lightness, saturation))


def _variant(items, variant: int):
    return items[(variant - 1) % len(items)]


@functools.lru_cache(maxsize=64)
def _background(category: ExhibitCategory, variant: int, size: tuple[int, int]) -> Image.Image:
    """The category's gradient, turned for the variant, with a darker band at the bottom for the label."""
    turn = _variant(_VARIANT_HUE_TURNS, variant)
    first, second = (Image.new("RGB", size, _turned(colour, turn)) for colour in CATEGORY_COLOURS[category])
    vertical_weight, leftwards = _variant(_VARIANT_DIRECTIONS, variant)
    vertical = Image.linear_gradient("L")
    horizontal = vertical.transpose(Image.Transpose.ROTATE_270 if leftwards else Image.Transpose.ROTATE_90)
    ramp = Image.blend(horizontal, vertical, vertical_weight).resize(size, Image.Resampling.BICUBIC)
    card = Image.composite(second, first, ramp)
    scrim = Image.linear_gradient("L").resize(size).point(lambda value: max(0, value - 170))
    return Image.composite(Image.new("RGB", size, (8, 12, 20)), card, scrim)


def _pattern(draw: ImageDraw.ImageDraw, *, chance: random.Random, kind: str, width: int, height: int) -> None:
    """A faint pattern behind the motif, placed by `chance` so two exhibits of a category differ too."""
    scale = width / 1200
    if kind == "dots":
        step = round(48 * scale)
        offset = chance.randint(0, step)
        for row in range(offset, height, step):
            for column in range(offset, width, step):
                alpha = max(0, 40 - round(40 * abs(column / width - 0.5) * 1.6)) + chance.randint(0, 14)
                dot = 3 * scale
                draw.ellipse((column - dot, row - dot, column + dot, row + dot), fill=(255, 255, 255, alpha))
    elif kind == "rings":
        x, y = width * chance.uniform(0.4, 0.6), height * chance.uniform(0.35, 0.5)
        for ring in range(1, 9):
            radius = ring * 70 * scale
            draw.ellipse(
                (x - radius, y - radius, x + radius, y + radius), outline=(255, 255, 255, 34 - 3 * ring), width=2
            )
    elif kind == "stripes":
        gap = round(chance.uniform(36, 60) * scale)
        for start in range(-height, width, gap):
            draw.line((start, height, start + height, 0), fill=(255, 255, 255, 18), width=max(2, round(8 * scale)))
    else:
        for _ in range(chance.randint(10, 16)):
            x, y = chance.uniform(0, width), chance.uniform(0, height * 0.8)
            radius = chance.uniform(8, 60) * scale
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, chance.randint(14, 40)))


def draw_sample_picture(
    title: str,
    *,
    category: str = ExhibitCategory.OTHER,
    caption: str = "",
    variant: int = 1,
    size: tuple[int, int] = DEMO_SIZE,
) -> Image.Image:
    """An illustration for an exhibit, as an RGB image of `size`: the category's colours and motif, composed
    differently for each `variant`, and a "Sample picture" label. The title and `caption` only vary the pattern
    (the page says them in words; the picture does not repeat them)."""
    category = _category(category)
    width, height = size
    margin = round(width * 0.05)
    card = _background(category, variant, size).convert("RGBA")
    chance = _chance(title, category, caption, variant)

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    (x_share, y_share, r_share), pattern = _variant(_VARIANT_LAYOUTS, variant)
    _pattern(draw, chance=chance, kind=pattern, width=width, height=height)

    # The motif: a soft disc behind it, then the drawing itself, nudged a little per exhibit.
    x = width * x_share + chance.uniform(-0.03, 0.03) * width
    y = height * y_share + chance.uniform(-0.03, 0.03) * height
    radius = height * r_share
    halo = radius * 1.45
    draw.ellipse((x - halo, y - halo, x + halo, y + halo), fill=(255, 255, 255, 26))
    MOTIFS[category](draw, x, y, radius, (255, 255, 255, 235))

    # The category, bottom left, and the sample label, bottom right, in a pill.
    small = _font(max(12, round(width * 0.022)))
    ascent, descent = small.getmetrics()
    pad_x, pad_y = round(width * 0.016), round(width * 0.009)
    pill_height = ascent + descent + 2 * pad_y
    bottom = height - margin
    if category != ExhibitCategory.OTHER:
        draw.text(
            (margin, bottom - pill_height + pad_y), str(category.label).upper(), font=small, fill=(255, 255, 255, 225)
        )
    label_width = draw.textlength(SAMPLE_LABEL, font=small)
    left = width - margin - label_width - 2 * pad_x
    draw.rounded_rectangle(
        (left, bottom - pill_height, width - margin, bottom), radius=pill_height / 2, fill=(255, 255, 255, 230)
    )
    draw.text((left + pad_x, bottom - pill_height + pad_y), SAMPLE_LABEL, font=small, fill=(31, 37, 44, 255))

    return Image.alpha_composite(card, overlay).convert("RGB")


def sample_picture_bytes(title: str, **options) -> bytes:
    """`draw_sample_picture` encoded as JPEG (quality 90): what an organiser would upload."""
    buffer = io.BytesIO()
    draw_sample_picture(title, **options).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def sample_alt_text(title: str, *, category: str = ExhibitCategory.OTHER, caption: str = "", variant: int = 1) -> str:
    category = _category(category)
    by = f" by {caption}" if caption else ""
    colour = COLOUR_NAMES[category]
    article = "an" if colour[0] in "aeiou" else "a"
    text = (
        f"Sample illustration for “{title}”{by}: {MOTIF_NAMES[category]} drawn on {article} {colour} background, "
        f"labelled “{SAMPLE_LABEL}”"
    )
    if variant > 1:
        text += f" (view {variant})"
    return text[:250]


def add_sample_pictures(exhibit, *, count: int, size: tuple[int, int] = DEMO_SIZE) -> int:
    """Give `exhibit` sample pictures at positions 1 to `count` where it has none yet; returns how many were added.

    Each goes through `exhibit_picture_store`, like an upload in the admin: normalised, with its renditions.
    """
    taken = set(exhibit.pictures.values_list("position", flat=True))
    caption = exhibit.exhibitor.name if exhibit.exhibitor_id else ""
    added = 0
    for position in range(1, count + 1):
        if position in taken:
            continue
        options = {"category": exhibit.category, "caption": caption, "variant": position}
        upload = ContentFile(
            sample_picture_bytes(exhibit.title, size=size, **options),
            name=f"{exhibit.slug or 'exhibit'}-{position}.jpg",
        )
        picture = ExhibitPicture(exhibit=exhibit, alt_text=sample_alt_text(exhibit.title, **options), position=position)
        exhibit_picture_store(picture=picture, upload=upload)
        added += 1
    return added
