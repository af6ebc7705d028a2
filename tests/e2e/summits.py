"""Editions the browser tests build their summits on, and times within them."""

import datetime as dt

from tests.factories import EditionFactory
from tests.factories.attendees import open_registration


def at(edition, day, hour, minute=0):
    """A moment on the edition's `day` (0 is its first), in its own time zone."""
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


def edition_2031(**fields):
    """The current edition, 18–21 November 2031, at /2031/ (registration not open)."""
    defaults = {
        "slug": "2031",
        "year": 2031,
        "name": "2031 World Internet Conference Wuzhen Summit",
        "start_date": dt.date(2031, 11, 18),
        "end_date": dt.date(2031, 11, 21),
        "is_current": True,
    }
    return EditionFactory(**(defaults | fields))


def upcoming_edition(**fields):
    """The current edition, three days starting a month from today, at /summit/, open for registration."""
    start = dt.date.today() + dt.timedelta(days=30)
    defaults = {
        "year": start.year,
        "slug": "summit",
        "start_date": start,
        "end_date": start + dt.timedelta(days=2),
        "is_current": True,
    }
    return open_registration(EditionFactory(**(defaults | fields)))
