"""The delegate's private calendar: their seats, waiting-list places and starred sessions, as an iCalendar feed.

Built by the programme's own calendar (agenda.feeds.ical), so an event is the same as in the public feed
(same UID, so a calendar app that has both does not show it twice, and a moved session moves); waiting-list
places are then labelled as such, in the active language (the delegate's).
"""

import icalendar
from django.utils.translation import gettext as _

from agenda.feeds import programme_calendar, session_uid
from agenda.feeds.common import clean_text
from attendees import selectors


def delegate_calendar(*, registration, absolute_uri):
    """The VCALENDAR of the delegate's agenda, serialised to bytes (a fixed number of queries)."""
    entries = selectors.delegate_agenda(registration=registration, with_details=True)
    edition = registration.edition
    content = programme_calendar(
        edition=edition,
        sessions=[entry.session for entry in entries],
        absolute_uri=absolute_uri,
        name=_("%(edition)s: my agenda") % {"edition": clean_text(edition.name)},
    )
    waiting = {session_uid(entry.session): entry for entry in entries if entry.waiting}
    if not waiting:
        return content
    calendar = icalendar.Calendar.from_ical(content)
    for event in calendar.walk("VEVENT"):
        entry = waiting.get(str(event["uid"]))
        if entry is not None:
            _label_waiting(event, entry)
    return calendar.to_ical()


def _label_waiting(event, entry):
    summary = _("Waiting list: %(title)s") % {"title": str(event["summary"])}
    note = _("You are on the waiting list (number %(position)s in line): you have no seat yet.") % {
        "position": entry.position
    }
    event["summary"] = icalendar.vText(summary)
    event["description"] = icalendar.vText(f"{note}\n\n{event.get('description', '')}".strip())
    # Not busy yet: the delegate may not get a seat.
    event["transp"] = icalendar.vText("TRANSPARENT")
