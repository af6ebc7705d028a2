"""What identifies a registration from outside: signed self-service links, and the short badge codes.

Links are signed with django.core.signing (keyed by SECRET_KEY). Badge codes are random, stored on the
registration, printed on the badge and carried by its QR code; the door types or scans them.
"""

import re
import unicodedata

from django.core import signing

from attendees.models import BADGE_CODE_ALPHABET, BADGE_CODE_LENGTH, Registration

LINK_SALT = "attendees.registration-link"
LINK_MAX_AGE = 400 * 24 * 3600  # a link outlives one edition, not many


class SupersededLink(Exception):
    """The link was genuine but a newer one has been sent since."""


def link_token(registration):
    return signing.dumps({"r": registration.pk, "k": registration.token_key}, salt=LINK_SALT, compress=True)


def registration_from_link(token, *, edition):
    """The registration a self-service link belongs to; None for a bad, tampered or expired link."""
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict):
        return None
    registration = (
        Registration.objects.filter(pk=payload.get("r"), edition=edition).select_related("edition__summit").first()
    )
    if registration is None:
        return None
    if registration.token_key != payload.get("k"):
        raise SupersededLink
    return registration


# What people put between or around the two groups: spaces and dashes of every kind.
BADGE_CODE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_]+")
BADGE_CODE_SHAPE = re.compile(f"[{BADGE_CODE_ALPHABET}]{{{BADGE_CODE_LENGTH}}}")


def normalise_badge_code(text):
    """“k7qx-m4tb”, “K7QX M4TB”, full-width “Ｋ７ＱＸ－Ｍ４ＴＢ” → “K7QXM4TB” (not checked against the alphabet)."""
    code = BADGE_CODE_SEPARATORS.sub("", unicodedata.normalize("NFKC", text or ""))
    return code.upper() if code.isascii() else code  # “ß”.upper() is “SS”: only ASCII is made upper case


def is_badge_code(code):
    """Whether a normalised text has the shape of a badge code: eight characters of the alphabet."""
    return bool(BADGE_CODE_SHAPE.fullmatch(code))


def registration_from_badge_code(text):
    """The registration whose badge code this is (typed in any case, with or without the dash); else None."""
    code = normalise_badge_code(text)
    if not is_badge_code(code):
        return None
    return Registration.objects.filter(badge_code=code).select_related("edition").first()
