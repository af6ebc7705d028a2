# English as the summit writes it: day before month, 24-hour clock.
LONG_DATE_FORMAT = "j F Y"  # 20 November 2024
LONG_DATETIME_FORMAT = "j F Y, H:i"  # 20 November 2024, 14:00
MEDIUM_DATETIME_FORMAT = "j M Y, H:i"  # 20 Nov 2024, 14:00
DAY_MONTH_FORMAT = "j F"  # 20 November
WEEKDAY_DATE_FORMAT = "l j F Y"  # Wednesday 20 November 2024
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # Wednesday 20 November 2024, 14:00
WEEKDAY_DAY_MONTH_FORMAT = "l j F"  # Wednesday 20 November
SHORT_WEEKDAY_DAY_MONTH_FORMAT = "D j M"  # Wed 20 Nov
SHORT_WEEKDAY_DATETIME_FORMAT = "D j M, H:i"  # Wed 20 Nov, 14:00
SHORT_WEEKDAY_TIME_FORMAT = "D H:i"  # Wed 14:00
# The back office's lists and notes: compact, no comma before the time.
SHORT_WEEKDAY_DATE_FORMAT = "D j M Y"  # Wed 20 Nov 2024
SHORT_WEEKDAY_DATE_TIME_FORMAT = "D j M Y H:i"  # Wed 20 Nov 2024 14:00
SHORT_WEEKDAY_DAY_MONTH_TIME_FORMAT = "D j M H:i"  # Wed 20 Nov 14:00
SHORT_DAY_MONTH_YEAR_TIME_FORMAT = "j M Y H:i"  # 20 Nov 2024 14:00
SHORT_DAY_MONTH_TIME_FORMAT = "j M H:i"  # 20 Nov 14:00
# A range of days: "19–22 November 2024", "30 November – 2 December 2024".
RANGE_START_SAME_MONTH_FORMAT = "j"
RANGE_END_SAME_MONTH_FORMAT = "j F Y"
RANGE_START_SAME_YEAR_FORMAT = "j F"
RANGE_END_SAME_YEAR_FORMAT = "j F Y"
