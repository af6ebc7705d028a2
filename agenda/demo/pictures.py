"""Illustrative sample pictures for demo and synthetic exhibits, drawn with Pillow.

A sample picture is a card: a gradient in the colour of the exhibit's category, a few soft shapes, the category,
the exhibit's title and exhibitor, and a "Sample picture" label, so nobody mistakes it for a photograph of the
real exhibit. The same title, category, caption, variant and size always give the same pixels, so the demo looks
the same on every machine; nothing is downloaded and no picture file ships with the code.

`add_sample_pictures` stores them like an organiser's upload, through `exhibit_picture_store` (normalised, with
renditions), and only for the picture positions an exhibit does not have yet: running it again adds nothing.
"""

import functools
import hashlib
import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

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
# Each variant of the same exhibit looks different: another direction of the gradient and other shapes. A direction
# is (weight of the vertical ramp against the horizontal one, whether the horizontal ramp runs right to left).
_VARIANT_DIRECTIONS = ((0.5, False), (0.5, True), (0.85, False), (0.25, True), (0.35, False))
_VARIANT_SHAPES = ("circles", "rings", "bars")


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


@functools.lru_cache(maxsize=64)
def _background(category: ExhibitCategory, variant: int, size: tuple[int, int]) -> Image.Image:
    """The category's gradient, turned for the variant, with a darker band at the bottom for the text."""
    first, second = (Image.new("RGB", size, _rgb(colour)) for colour in CATEGORY_COLOURS[category])
    vertical_weight, leftwards = _VARIANT_DIRECTIONS[(variant - 1) % len(_VARIANT_DIRECTIONS)]
    vertical = Image.linear_gradient("L")
    horizontal = vertical.transpose(Image.Transpose.ROTATE_270 if leftwards else Image.Transpose.ROTATE_90)
    ramp = Image.blend(horizontal, vertical, vertical_weight).resize(size, Image.Resampling.BICUBIC)
    card = Image.composite(second, first, ramp)
    scrim = Image.linear_gradient("L").resize(size).point(lambda value: max(0, value - 110))
    return Image.composite(Image.new("RGB", size, (8, 12, 20)), card, scrim)


def _shapes(draw: ImageDraw.ImageDraw, *, chance: random.Random, kind: str, width: int, height: int) -> None:
    """Soft, see-through shapes in the upper part of the card, placed by `chance`."""
    scale = width / 1200
    for _ in range(chance.randint(4, 7)):
        x = chance.uniform(0.35, 1.05) * width
        y = chance.uniform(-0.2, 0.4) * height
        alpha = chance.randint(18, 46)
        if kind == "bars":
            bar_width = chance.uniform(30, 110) * scale
            bar_height = chance.uniform(0.2, 0.5) * height
            draw.rounded_rectangle(
                (x, y, x + bar_width, y + bar_height), radius=bar_width / 2, fill=(255, 255, 255, alpha)
            )
            continue
        radius = chance.uniform(60, 260) * scale
        box = (x - radius, y - radius, x + radius, y + radius)
        if kind == "rings":
            draw.ellipse(box, outline=(255, 255, 255, alpha + 20), width=max(2, round(10 * scale)))
        else:
            draw.ellipse(box, fill=(255, 255, 255, alpha))


def _wrapped(text: str, *, font, max_width: float, draw: ImageDraw.ImageDraw) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _fitted_title(title: str, *, draw: ImageDraw.ImageDraw, width: int, max_width: float):
    """The largest font size at which the title takes at most three lines, and those lines."""
    size = round(width * 0.06)
    while True:
        font = _font(size)
        lines = _wrapped(title, font=font, max_width=max_width, draw=draw)
        if len(lines) <= 3 or size <= 18:
            return font, lines[:3]
        size = round(size * 0.88)


def draw_sample_picture(
    title: str,
    *,
    category: str = ExhibitCategory.OTHER,
    caption: str = "",
    variant: int = 1,
    size: tuple[int, int] = DEMO_SIZE,
) -> Image.Image:
    """The card for an exhibit, as an RGB image of `size`; `caption` (e.g. the exhibitor) goes under the title."""
    category = _category(category)
    width, height = size
    margin = round(width * 0.06)
    card = _background(category, variant, size).convert("RGBA")

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    shape = _VARIANT_SHAPES[(variant - 1) % len(_VARIANT_SHAPES)]
    _shapes(draw, chance=_chance(title, category, variant), kind=shape, width=width, height=height)

    # The category, top left, and the sample label, top right, in a pill.
    small = _font(max(12, round(width * 0.022)))
    if category != ExhibitCategory.OTHER:
        draw.text((margin, margin), str(category.label).upper(), font=small, fill=(255, 255, 255, 215))
    pad_x, pad_y = round(width * 0.016), round(width * 0.009)
    label_width = draw.textlength(SAMPLE_LABEL, font=small)
    left = width - margin - label_width - 2 * pad_x
    top = margin - pad_y
    ascent, descent = small.getmetrics()
    draw.rounded_rectangle(
        (left, top, width - margin, top + ascent + descent + 2 * pad_y),
        radius=(ascent + descent + 2 * pad_y) / 2,
        fill=(255, 255, 255, 230),
    )
    draw.text((left + pad_x, top + pad_y), SAMPLE_LABEL, font=small, fill=(31, 37, 44, 255))

    # The title, bottom left, with the caption under it and a short rule above it.
    font, lines = _fitted_title(title, draw=draw, width=width, max_width=width - 2 * margin)
    ascent, descent = font.getmetrics()
    line_height = round((ascent + descent) * 1.08)
    caption_font = _font(max(12, round(width * 0.028)))
    caption_height = sum(caption_font.getmetrics()) if caption else 0
    bottom = height - margin
    y = bottom - caption_height - (round(line_height * 0.4) if caption else 0) - line_height * len(lines)
    rule_y = y - round(line_height * 0.35)
    draw.rounded_rectangle(
        (margin, rule_y - round(width * 0.004), margin + round(width * 0.08), rule_y),
        radius=2,
        fill=(255, 255, 255, 230),
    )
    for line in lines:
        draw.text((margin, y), line, font=font, fill=(255, 255, 255, 255), stroke_width=1, stroke_fill=(255, 255, 255))
        y += line_height
    if caption:
        draw.text((margin, bottom - caption_height), caption, font=caption_font, fill=(255, 255, 255, 215))

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
        f"Sample illustration for “{title}”{by}: {article} {colour} card with the exhibit's name, "
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
