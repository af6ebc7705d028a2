# Simplified Chinese: year, month, day, then the weekday; 24-hour clock. Django's zh_Hans module
# gives the rest (DATE_FORMAT "Y年n月j日", input formats …).
MONTH_DAY_FORMAT = "n月j日"  # 11月20日 (Django's own pads the month: 09月5日)
LONG_DATE_FORMAT = "Y年n月j日"  # 2024年11月20日
LONG_DATETIME_FORMAT = "Y年n月j日 H:i"  # 2024年11月20日 14:00
MEDIUM_DATETIME_FORMAT = "Y年n月j日 H:i"  # 2024年11月20日 14:00
DAY_MONTH_FORMAT = "n月j日"  # 11月20日
WEEKDAY_DATE_FORMAT = "Y年n月j日 l"  # 2024年11月20日 星期三
WEEKDAY_DATETIME_FORMAT = "Y年n月j日 l H:i"  # 2024年11月20日 星期三 14:00
WEEKDAY_DAY_MONTH_FORMAT = "n月j日 l"  # 11月20日 星期三
SHORT_WEEKDAY_DAY_MONTH_FORMAT = "n月j日 D"  # 11月20日 星期三
SHORT_WEEKDAY_DATETIME_FORMAT = "n月j日 D H:i"  # 11月20日 星期三 14:00
SHORT_WEEKDAY_TIME_FORMAT = "D H:i"  # 星期三 14:00
# The back office's lists and notes.
SHORT_WEEKDAY_DATE_FORMAT = "Y年n月j日 D"  # 2024年11月20日 星期三
SHORT_WEEKDAY_DATE_TIME_FORMAT = "Y年n月j日 D H:i"  # 2024年11月20日 星期三 14:00
SHORT_WEEKDAY_DAY_MONTH_TIME_FORMAT = "n月j日 D H:i"  # 11月20日 星期三 14:00
SHORT_DAY_MONTH_YEAR_TIME_FORMAT = "Y年n月j日 H:i"  # 2024年11月20日 14:00
SHORT_DAY_MONTH_TIME_FORMAT = "n月j日 H:i"  # 11月20日 14:00
# A range of days: "2024年11月19日至22日", "2024年11月30日至12月2日".
RANGE_START_SAME_MONTH_FORMAT = "Y年n月j日"
RANGE_END_SAME_MONTH_FORMAT = "j日"
RANGE_START_SAME_YEAR_FORMAT = "Y年n月j日"
RANGE_END_SAME_YEAR_FORMAT = "n月j日"
