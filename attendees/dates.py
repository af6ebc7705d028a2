"""Dates and times as the delegate's pages and emails show them, in the active language.

English keeps the order it always had (“Wed 20 Nov, 14:00”); Chinese reads month, day, weekday, time
(“11月20日 星期三 14:00”). The names of months and weekdays are Django's own, for the active language.
"""

from django.utils import translation
from django.utils.formats import date_format

DATE_FORMATS = {
    # A session's start, before its end time: “Wed 20 Nov, 14:00” / “11月20日 星期三 14:00”.
    "session": {"en": "D j M, H:i", "zh-hans": "n月j日 D H:i"},
    # A session's day, as a heading: “Wednesday 20 November” / “11月20日 星期三”.
    "day": {"en": "l j F", "zh-hans": "n月j日 l"},
    # A moment on the delegate's own page: “20 Nov 2024, 09:12” / “2024年11月20日 09:12”.
    "moment": {"en": "j M Y, H:i", "zh-hans": "Y年n月j日 H:i"},
    # When something happened, in full: “20 November 2024, 09:12” / “2024年11月20日 09:12”.
    "full_moment": {"en": "j F Y, H:i", "zh-hans": "Y年n月j日 H:i"},
    # A deadline: “Wednesday 20 November 2024, 09:00” / “2024年11月20日 星期三 09:00”.
    "deadline": {"en": "l j F Y, H:i", "zh-hans": "Y年n月j日 l H:i"},
}


def date_pattern(kind, language=None):
    """The format string of a kind of date in a language (the active one by default); English otherwise."""
    patterns = DATE_FORMATS[kind]
    language = language or translation.get_language() or "en"
    return patterns.get(language.lower(), patterns["en"])


def format_date(value, kind):
    """A date or datetime written the way the active language writes this kind of date."""
    if value in (None, ""):
        return ""
    return date_format(value, date_pattern(kind))
