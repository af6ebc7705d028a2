"""The programme as feeds: iCalendar for calendar apps, frab/c3voc XML and JSON for conference apps."""

from .frab import build_schedule, edition_schedule, render_json, render_xml
from .ical import PRODID, programme_calendar, session_uid

__all__ = [
    "PRODID",
    "build_schedule",
    "edition_schedule",
    "programme_calendar",
    "render_json",
    "render_xml",
    "session_uid",
]
