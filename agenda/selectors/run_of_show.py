from dataclasses import dataclass
from datetime import datetime

from agenda.run_of_show import item_times


@dataclass
class TimedItem:
    item: object
    start: datetime
    end: datetime | None


def run_of_show(session):
    """The session's items with their times (see `agenda.run_of_show.item_times`)."""
    items = list(session.items.all())
    times = item_times([(item.start, item.duration_minutes) for item in items], start=session.start, end=session.end)
    return [TimedItem(item=item, start=start, end=end) for item, (start, end) in zip(items, times, strict=True)]
