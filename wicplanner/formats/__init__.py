"""Date and time formats per language (FORMAT_MODULE_PATH), on top of Django's own.

Templates and code name a format (`{{ day|date:"WEEKDAY_DAY_MONTH_FORMAT" }}`) rather than spell one
out, so that each language puts the parts in its own order: "Wed 20 Nov, 14:00" and
"11月20日 星期三 14:00". Every name is defined in each language's module; weekday and month names
come from Django's own translations.
"""
