"""Signed, unguessable codes for self-service links and badges (django.core.signing, keyed by SECRET_KEY)."""

from django.core import signing

from attendees.models import Registration

LINK_SALT = "attendees.registration-link"
BADGE_SALT = "attendees.badge"
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
    registration = Registration.objects.filter(pk=payload.get("r"), edition=edition).select_related("edition").first()
    if registration is None:
        return None
    if registration.token_key != payload.get("k"):
        raise SupersededLink
    return registration


def badge_code(registration):
    return signing.dumps(registration.pk, salt=BADGE_SALT)


def registration_from_badge(code):
    try:
        pk = signing.loads(code.strip(), salt=BADGE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Registration.objects.filter(pk=pk).select_related("edition").first() if isinstance(pk, int) else None
