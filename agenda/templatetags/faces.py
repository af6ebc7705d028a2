"""Faces and marks on the public pages: `{% load faces %}`.

- `{% person_face person "sm" %}`: the speaker's photo (WebP renditions with `srcset`), or, without one, an
  initials avatar whose colour comes from the name, so the same person always looks the same;
- `{% organisation_mark organisation "sm" %}`: the organisation's logo, or a neutral mark with its first letter.

The name is always written next to the face, so the picture itself is decorative (`alt=""`, `aria-hidden`).
"""

import unicodedata
import zlib

from django import template

from agenda.images import rendition_srcset

register = template.Library()

# Displayed sizes in CSS pixels; the 400 px rendition covers them all at 3× but the large one.
SIZES = {"xs": 28, "sm": 40, "md": 64, "lg": 120}

# Dark enough for white text at AA contrast (at least 4.5:1), far enough apart to tell faces apart.
AVATAR_COLOURS = (
    "#1f5fbf",
    "#0b7a5b",
    "#8a4baf",
    "#b23a48",
    "#996200",
    "#2f6f8f",
    "#6b5b1e",
    "#5a4fcf",
    "#a3365f",
    "#3d6b2e",
)


def _is_cjk(character: str) -> bool:
    return unicodedata.name(character, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY"))


def initials(name: str) -> str:
    """One or two letters for an avatar.

    "Ada Lovelace" gives "AL", "Cher" "C"; a Chinese name gives its last two characters, as Chinese apps do
    ("李彦宏" → "彦宏", "王明" → "王明", "马" → "马"); a foreign name written in Chinese ("埃隆·马斯克") its first.
    """
    name = " ".join(name.split())
    if not name:
        return "?"
    han = [character for character in name if _is_cjk(character)]
    if han and len(han) == len(name.replace(" ", "").replace("·", "")):
        # A transliterated foreign name ("埃隆·马斯克") has no given name of two characters: its first one.
        return han[0] if "·" in name else "".join(han[-2:])
    words = [word for word in name.replace("-", " ").split() if word[0].isalnum()]
    if not words:
        return name[0]
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_colour(name: str) -> str:
    """The same colour for the same name, in every process (`hash()` is salted per process)."""
    return AVATAR_COLOURS[zlib.crc32(" ".join(name.split()).encode()) % len(AVATAR_COLOURS)]


def _picture(thumbnail, thumbnail_width, large, large_width):
    if not thumbnail:
        return None
    widths = {thumbnail_width or 400: thumbnail.url}
    if large:
        widths[large_width or 1200] = large.url
    return {"src": thumbnail.url, "srcset": rendition_srcset(widths)}


@register.inclusion_tag("includes/_face.html")
def person_face(person, size="sm"):
    picture = _picture(
        person.photo_thumbnail, person.photo_thumbnail_width, person.photo_large, person.photo_large_width
    )
    return {
        "picture": picture,
        "kind": "person",
        "size": size,
        "pixels": SIZES[size],
        "letters": initials(person.name),
        "colour": avatar_colour(person.name),
    }


@register.inclusion_tag("includes/_face.html")
def organisation_mark(organisation, size="sm"):
    picture = _picture(
        organisation.logo_thumbnail,
        organisation.logo_thumbnail_width,
        organisation.logo_large,
        organisation.logo_large_width,
    )
    name = " ".join(organisation.name.split())
    return {
        "picture": picture,
        "kind": "organisation",
        "size": size,
        "pixels": SIZES[size],
        "letters": name[:1].upper() or "?",
        "colour": "",
    }
