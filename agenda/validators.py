"""Small pure checks shared by models, forms, imports and services."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
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


# Top-level addresses that an edition slug would shadow (/<edition>/ sits at the root).
RESERVED_EDITION_SLUGS = {"admin", "api", "editions", "static", "media", "i18n", "checkin", "sitemap", "robots"}


def validate_edition_slug(value):
    if value.lower() in RESERVED_EDITION_SLUGS:
        raise ValidationError(_("“%(value)s” is reserved for the site’s own pages."), params={"value": value})
