"""How a cell becomes a value, and what a wrong cell is told.

Every message names what was typed and how to write it instead: the valid codes, the nearest slug of
the row's edition, the date and time format with the time zone it is read in.
"""

import datetime as dt
import re

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import widgets

from agenda.imports.lookups import Lookups, cell_text, codes_message, match_choice, nearest
from agenda.zones import zone_label

TIME_FORMAT_HINT = "2024-11-20 09:30"


class LookupWidget(widgets.Widget):
    """A widget that finds things by slug; the resource gives all its widgets one `Lookups` per import."""

    lookups = None

    def get_lookups(self):
        if self.lookups is None:
            self.lookups = Lookups()
        return self.lookups

    def row_edition(self, row):
        """The row's edition, or None when it is unknown (the edition column reports that once)."""
        try:
            return self.get_lookups().edition((row or {}).get("edition"))
        except ValueError:
            return None


class EditionWidget(LookupWidget):
    def clean(self, value, row=None, **kwargs):
        return self.get_lookups().edition(value)

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class EditionScopedWidget(LookupWidget):
    """Finds a row's room, venue, topic, organisation or expo by slug inside the row's own edition."""

    def __init__(self, kind, thing, things):
        super().__init__()
        self.kind, self.thing, self.things = kind, thing, things

    def clean(self, value, row=None, **kwargs):
        if not cell_text(value):
            return None
        edition = self.row_edition(row)
        if edition is None:
            return None
        lookups = self.get_lookups()
        where = _("edition %(slug)s") % {"slug": edition.slug}
        return lookups.find(
            lookups.of_edition(self.kind, edition), value, thing=self.thing, things=self.things, where=where
        )

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class HallWidget(LookupWidget):
    """A hall of the row's expo (halls are named per expo)."""

    def clean(self, value, row=None, **kwargs):
        if not cell_text(value):
            return None
        edition = self.row_edition(row)
        lookups = self.get_lookups()
        expo = lookups.of_edition("expo", edition).get(cell_text((row or {}).get("expo"))) if edition else None
        if expo is None:
            return None  # the expo column says what is wrong
        where = _("expo %(slug)s") % {"slug": expo.slug}
        return lookups.find(lookups.halls(expo), value, thing=_("hall"), things=_("halls"), where=where)

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class TrackWidget(LookupWidget):
    """A track of the row's competition (tracks are named per competition)."""

    def clean(self, value, row=None, **kwargs):
        if not cell_text(value):
            return None
        edition = self.row_edition(row)
        lookups = self.get_lookups()
        found = lookups.of_edition("competition", edition) if edition else {}
        competition = found.get(cell_text((row or {}).get("competition")))
        if competition is None:
            return None  # the competition column says what is wrong
        where = _("competition %(slug)s") % {"slug": competition.slug}
        return lookups.find(lookups.tracks(competition), value, thing=_("track"), things=_("tracks"), where=where)

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class EditionLocalDateTimeWidget(LookupWidget):
    """Date and time; a time without an offset is read in the edition's own time zone."""

    def clean(self, value, row=None, **kwargs):
        if value is None or cell_text(value) == "":
            return None
        edition = self.row_edition(row)
        zone = edition.zone if edition else dt.UTC
        if isinstance(value, dt.datetime):
            parsed = value
        else:
            parsed = parse_datetime(cell_text(value).replace("/", "-"))
            if parsed is None:
                raise ValueError(time_format_message(value, edition))
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed, zone)
        return parsed

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        zone = obj.edition.zone if obj is not None and obj.edition_id else timezone.get_current_timezone()
        return value.astimezone(zone).isoformat(timespec="minutes")


def time_format_message(value, edition):
    message = _("“%(value)s” is not a date and time: write it like %(example)s (year-month-day, 24-hour clock).") % {
        "value": cell_text(value),
        "example": TIME_FORMAT_HINT,
    }
    if edition is not None:
        message += " " + _("Times are read in the edition’s time zone, %(zone)s.") % {
            "zone": zone_label(edition.zone, edition.start_date)
        }
    return message


class DayWidget(widgets.Widget):
    """A day written year-month-day (2024-11-20); a workbook's date cell is taken as it is."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        typed = cell_text(value)
        if not typed:
            return None
        try:
            return dt.date.fromisoformat(typed.replace("/", "-"))
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a day: write it like 2024-11-20 (year-month-day).") % {"value": typed}
            )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class WholeNumberWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except Exception:  # decimal and type errors alike: report them as a plain message
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": cell_text(value)})


class ChoiceWidget(widgets.Widget):
    """A code from a fixed list (kind, status, language …); its label is understood too, in any case."""

    def __init__(self, choices, what):
        super().__init__()
        self.choices, self.what = choices, what

    def clean(self, value, row=None, **kwargs):
        typed = cell_text(value)
        code = match_choice(typed, self.choices)
        if code is not None and typed:
            return code
        if not typed:
            raise ValueError(
                _("The %(what)s is missing. Use one of: %(codes)s.")
                % {"what": self.what, "codes": ", ".join(code for code, _label in self.choices)}
            )
        raise ValueError(codes_message(typed, self.choices, self.what))


YES = {"1", "yes", "y", "true", "x"}
NO = {"", "0", "no", "n", "false"}


class YesNoWidget(widgets.BooleanWidget):
    """yes or no (1 or 0, true or false); an empty cell is no."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        typed = cell_text(value).lower()
        if typed in YES:
            return True
        if typed in NO:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": cell_text(value)})

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return bool(value)
        return "yes" if value else "no"


class CountryWidget(widgets.Widget):
    """A country by its two-letter code (CN) or its English name (China)."""

    def clean(self, value, row=None, **kwargs):
        typed = cell_text(value)
        if not typed:
            return ""
        if countries.alpha2(typed):
            return countries.alpha2(typed)
        by_name = countries.by_name(typed)
        if by_name:
            return by_name
        message = _("“%(value)s” is not a country: write its two-letter code, e.g. CN, US or GB.") % {"value": typed}
        close = nearest(typed, [], dict(countries))
        if close:
            message += " " + _("Did you mean %(code)s (%(name)s)?") % {"code": close, "name": countries.name(close)}
        raise ValueError(message)

    def render(self, value, obj=None, **kwargs):
        return str(value.code if hasattr(value, "code") else value or "")


SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")


class SlugWidget(widgets.CharWidget):
    """A slug; one typed as a name (“AI Governance”) is refused with the slug it would be."""

    def clean(self, value, row=None, **kwargs):
        typed = cell_text(value)
        if typed and not SLUG_RE.match(typed):
            suggestion = slugify(typed)
            message = _("“%(value)s” is not a slug: use lowercase letters, digits and hyphens only.") % {"value": typed}
            if suggestion:
                message += " " + _("For example “%(slug)s”.") % {"slug": suggestion}
            raise ValueError(message)
        return typed
