"""Small pure checks shared by models, forms, imports and services."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

validate_hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits, e.g. #1f6feb.")
)


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def validate_edition_dates(*, start_date, end_date):
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": _("The last day cannot be before the first day.")})


def validate_registration_window(*, opens_at, closes_at):
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"registration_closes_at": _("Registration must close after it opens.")})


# An event around the summit is near it in time: further away is most likely a mistyped year.
AROUND_SUMMIT_DAYS = 180


def validate_session_times(*, start, end, edition, around_summit=False):
    """End after start, and both inside the edition's days in the edition's own time zone (an event around the
    summit: within AROUND_SUMMIT_DAYS of them)."""
    if not (start and end):
        return
    if end <= start:
        raise ValidationError({"end": _("The session must end after it starts.")})
    if edition is None or not (edition.start_date and edition.end_date):
        return
    tz = edition.zone
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    if around_summit:
        earliest = edition.start_date - dt.timedelta(days=AROUND_SUMMIT_DAYS)
        latest = edition.end_date + dt.timedelta(days=AROUND_SUMMIT_DAYS)
        if first < earliest or last > latest:
            raise ValidationError(
                _("An event around the summit must take place within %(days)s days of it (%(first)s to %(last)s)."),
                params={"days": AROUND_SUMMIT_DAYS, "first": earliest, "last": latest},
            )
        return
    if first < edition.start_date or last > edition.end_date:
        raise ValidationError(
            _(
                "The session must take place within the edition’s dates, %(first)s to %(last)s (%(zone)s time). "
                "An event on the eve or in another city can be marked “around the summit”."
            ),
            params={"first": edition.start_date, "last": edition.end_date, "zone": edition.time_zone},
        )


def validate_same_edition(*, edition_id, other, field, label, other_edition_id=None):
    """An object may only refer to rooms, topics, people, organisations and sessions of its own edition.

    `other_edition_id` is the other object's edition when it has none of its own (a room's is its venue's).
    """
    if other_edition_id is None and other is not None:
        other_edition_id = other.edition_id
    if other is not None and edition_id is not None and other_edition_id != edition_id:
        raise ValidationError(
            {field: _("%(label)s “%(name)s” belongs to another edition.") % {"label": label, "name": other}}
        )


def validate_same_summit(*, summit_id, identity):
    """A person or organisation of an edition may only be one of its own summit's identities (across editions)."""
    if identity is not None and summit_id is not None and identity.summit_id != summit_id:
        raise ValidationError({"identity": _("“%(name)s” belongs to another summit.") % {"name": identity}})


# Top-level addresses that an edition slug would shadow (/<edition>/ sits at the root).
RESERVED_EDITION_SLUGS = {"admin", "api", "editions", "static", "media", "i18n", "checkin", "sitemap", "robots"}


def validate_edition_slug(value):
    if value.lower() in RESERVED_EDITION_SLUGS:
        raise ValidationError(_("“%(value)s” is reserved for the site’s own pages."), params={"value": value})


# Every PDF file starts with this marker (ISO 32000, 7.5.2), whatever its version.
PDF_MAGIC = b"%PDF-"


def pdf_size_limit():
    """The largest PDF accepted for an outcome document, in bytes (settings.OUTCOME_PDF_MAX_MB)."""
    return settings.OUTCOME_PDF_MAX_MB * 1024 * 1024


def validate_pdf_upload(file):
    """Refuse an upload that is larger than the limit or is not a PDF (judged by its first bytes, not its name).

    A file stored earlier is not read again: it was checked when it was uploaded.
    """
    if not file or (isinstance(file, FieldFile) and file._committed):
        return
    size, limit = file.size, pdf_size_limit()
    if size > limit:
        raise ValidationError(
            _("This file is %(size)s; a PDF can be at most %(limit)s. Compress it, or give a link to it instead."),
            code="pdf_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    try:
        start = file.read(len(PDF_MAGIC))
        # A PDF also ends with its end-of-file marker (a cut-off download or a forged header does not).
        file.seek(max(0, size - 1024))
        tail = file.read()
    finally:
        file.seek(0)
    if start != PDF_MAGIC or b"%%EOF" not in tail:
        raise ValidationError(
            _(
                "This file is not a PDF (whatever its name says). Save or export the document as PDF and upload "
                "that file, or give a link to the document instead."
            ),
            code="pdf_format",
        )


def validate_outcome_source(*, url, pdf):
    """An outcome document can be read somewhere: a link to it, an uploaded PDF, or both."""
    if not url and not pdf:
        raise ValidationError(
            {"url": _("Give a link to the document or upload it as a PDF (or both).")}, code="outcome_source"
        )
