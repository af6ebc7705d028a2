from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass
class TimedItem:
    item: object
    start: datetime
    end: datetime | None


def run_of_show(session):
    """The session's items with their times: an item without a start follows the previous one."""
    items = list(session.items.all())
    timed, cursor = [], session.start
    for index, item in enumerate(items):
        start = item.start or cursor
        if item.duration_minutes:
            end = start + timedelta(minutes=item.duration_minutes)
        else:
            following = next((later.start for later in items[index + 1 :] if later.start), None)
            end = following or session.end
        timed.append(TimedItem(item=item, start=start, end=end))
        cursor = end
    return timed
