"""The fonts of the share cards: the first of settings.SHARE_CARD_FONTS (or SHARE_CARD_BOLD_FONTS) that opens.

Chinese needs a CJK font (Debian's fonts-noto-cjk); a collection (.ttc) gives its Simplified Chinese face, whose
glyphs are drawn as readers in mainland China write them. Without one, DejaVu (no Chinese), and without that
Pillow's own scalable font: a missing font makes a plainer card, never an error.
"""

import functools
import logging
import threading

from django.conf import settings
from PIL import ImageFont

logger = logging.getLogger(__name__)

FALLBACKS = {
    "regular": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",),
    "bold": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",),
}
# The face of a collection to use, by the end of its family name (Noto Sans CJK SC).
PREFERRED_FACE = " SC"
MAX_FACES = 32


def _candidates(weight):
    chosen = settings.SHARE_CARD_BOLD_FONTS if weight == "bold" else settings.SHARE_CARD_FONTS
    return (*chosen, *FALLBACKS[weight])


@functools.lru_cache(maxsize=16)
def font_file(candidates):
    """(path, face index) of the first candidate that opens, or None."""
    for path in candidates:
        try:
            first = ImageFont.truetype(path, 12)
        except OSError:
            continue
        index = 0
        if str(path).lower().endswith((".ttc", ".otc")):
            index = _preferred_face(path, first)
        return path, index
    logger.warning("No share card font opens among %s: Pillow's own font is used.", ", ".join(candidates))
    return None


def _preferred_face(path, first):
    for index in range(MAX_FACES):
        try:
            face = first if index == 0 else ImageFont.truetype(path, 12, index=index)
        except OSError:
            break
        if face.getname()[0].endswith(PREFERRED_FACE):
            return index
    return 0


# Opened fonts, kept per thread: a FreeType face is not to be used by two threads at once.
_opened = threading.local()


def _open(candidates, size):
    found = font_file(candidates)
    if found is None:
        return ImageFont.load_default(size=size)
    path, index = found
    return ImageFont.truetype(path, size, index=index)


def font(weight, size):
    """The card's font of `weight` ("regular" or "bold") at `size` pixels."""
    key = (_candidates(weight), size)
    opened = _opened.__dict__.setdefault("fonts", {})
    if key not in opened:
        opened[key] = _open(*key)
    return opened[key]


def fonts_in_use():
    """What the fonts drawn with are, for the cards' cache key: another font makes other cards."""
    return repr([font_file(_candidates(weight)) for weight in ("regular", "bold")])
