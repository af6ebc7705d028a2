"""Dates and times as the delegate's pages and emails show them, in the active language.

Each kind of date is one of the named formats of wicplanner/formats/<language>/formats.py, so that
English keeps its order (“Wed 20 Nov, 14:00”) and Chinese reads month, day, weekday, time
(“11月20日 星期三 14:00”), in templates (`|date:"SHORT_WEEKDAY_DATETIME_FORMAT"`) and in code alike.
"""

from django.utils.formats import date_format

NAMED_FORMATS = {
    "session": "SHORT_WEEKDAY_DATETIME_FORMAT",  # a session's start, before its end time
    "day": "WEEKDAY_DAY_MONTH_FORMAT",  # a session's day, as a heading
    "moment": "MEDIUM_DATETIME_FORMAT",  # a moment on the delegate's own page
    "full_moment": "LONG_DATETIME_FORMAT",  # when something happened, in full
    "deadline": "WEEKDAY_DATETIME_FORMAT",  # a deadline
}


def format_date(value, kind):
    """A date or datetime written the way the active language writes this kind of date."""
    if value in (None, ""):
        return ""
    return date_format(value, NAMED_FORMATS[kind])
