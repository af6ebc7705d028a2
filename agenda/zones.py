"""A time zone as an organiser reads it: its name in the active language, then its IANA name.

“China Standard Time (Asia/Shanghai)”, “中国标准时间 (Asia/Shanghai)”; a zone without a name here is
written with its offset from UTC instead (“UTC+05:30 (Asia/Kolkata)”). The admin and the imports show a
zone through `zone_label` only.
"""

import datetime as dt
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext_lazy

# Zones a summit is likely to be held in. Names without "standard" or "summer": they hold all year round.
ZONE_NAMES = {
    "Asia/Shanghai": gettext_lazy("China Standard Time"),
    "Asia/Hong_Kong": gettext_lazy("Hong Kong Time"),
    "Asia/Macau": gettext_lazy("Macau Time"),
    "Asia/Taipei": gettext_lazy("Taipei Time"),
    "Asia/Singapore": gettext_lazy("Singapore Time"),
    "Asia/Tokyo": gettext_lazy("Japan Standard Time"),
    "Asia/Seoul": gettext_lazy("Korean Standard Time"),
    "Europe/London": gettext_lazy("UK Time"),
    "Europe/Berlin": gettext_lazy("Central European Time"),
    "Europe/Paris": gettext_lazy("Central European Time"),
    "Europe/Geneva": gettext_lazy("Central European Time"),
    "Europe/Zurich": gettext_lazy("Central European Time"),
    "America/New_York": gettext_lazy("US Eastern Time"),
    "UTC": gettext_lazy("Coordinated Universal Time"),
}


def utc_offset(zone, at=None):
    """“UTC+08:00”, “UTC−03:30”, “UTC+00:00”: the zone's offset at `at` (a date or datetime; default now)."""
    if isinstance(at, dt.datetime):
        moment = at
    elif isinstance(at, dt.date):
        moment = dt.datetime.combine(at, dt.time(12), tzinfo=dt.UTC)
    else:
        moment = timezone.now()
    offset = moment.astimezone(zone).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'−' if minutes < 0 else '+'}{hours:02d}:{rest:02d}"


def zone_label(zone, at=None):
    """The zone (a name such as "Asia/Shanghai" or a tzinfo) for a reader: its name, or its offset at `at`."""
    key = getattr(zone, "key", None) or str(zone)
    name = ZONE_NAMES.get(key)
    if name is None:
        try:
            tz = zone if isinstance(zone, dt.tzinfo) else zoneinfo.ZoneInfo(key)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return key
        name = utc_offset(tz, at)
    return f"{name} ({key})"
