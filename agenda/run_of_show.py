"""When each run-of-show item runs, and which run past their session: one rule for pages, the admin and imports."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _


def item_times(items, *, start, end):
    """(start, end) of each (start, minutes) pair in order: an item without a start follows the previous one; one
    without a length lasts until the next timed item, or the session's end."""
    times, cursor = [], start
    for index, (item_start, minutes) in enumerate(items):
        begins = item_start or cursor
        if minutes:
            ends = begins + timedelta(minutes=minutes)
        else:
            following = next((later for later, _minutes in items[index + 1 :] if later), None)
            ends = following or end
        times.append((begins, ends))
        cursor = ends
    return times


def overruns(items, *, session):
    """{index: message} for the items that would end after their session ends."""
    if not (session.start and session.end):
        return {}
    zone = session.edition.zone if session.edition_id else timezone.get_current_timezone()
    message = _("The item would run past the end of its session (%(end)s).") % {
        "end": timezone.localtime(session.end, zone).strftime("%H:%M")
    }
    return {
        index: message
        for index, (begins, ends) in enumerate(item_times(items, start=session.start, end=session.end))
        if ends is not None and begins is not None and ends > session.end
    }
