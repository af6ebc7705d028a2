"""What organisers are told after their edits moved seats: one line per session, in the admin and after an import."""

from collections import Counter

from django.contrib import messages
from django.utils.translation import ngettext

NAMES_SHOWN = 10  # beyond this: “and 12 more”


def seat_change_notices(changes):
    """(message level, text) pairs for a `SeatChanges`, sessions in the order they were settled."""
    notices = []
    promoted = {}
    for choice in changes.promoted:
        promoted.setdefault(choice.session, []).append(choice.registration.name)
    for session, names in promoted.items():
        count = len(names)
        message = ngettext(
            "%(count)d delegate moved from the waiting list of “%(session)s” to a seat, and is emailed: %(names)s.",
            "%(count)d delegates moved from the waiting list of “%(session)s” to seats, and are emailed: %(names)s.",
            count,
        )
        notices.append((messages.SUCCESS, message % {"count": count, "session": session.title, "names": _names(names)}))
    released = Counter(session for lost in changes.released.values() for session in lost)
    for session, count in released.items():
        message = ngettext(
            "“%(session)s” is cancelled: %(count)d delegate lost their place and is emailed.",
            "“%(session)s” is cancelled: %(count)d delegates lost their places and are emailed.",
            count,
        )
        notices.append((messages.INFO, message % {"count": count, "session": session.title}))
    for overbooking in changes.overbooked:
        message = ngettext(
            "“%(session)s” holds %(seats)d seats but now has %(capacity)d: nobody was moved; "
            "the next cancellation will not promote anyone.",
            "“%(session)s” holds %(seats)d seats but now has %(capacity)d: nobody was moved; "
            "the next %(excess)d cancellations will not promote anyone.",
            overbooking.excess,
        )
        notices.append(
            (
                messages.WARNING,
                message
                % {
                    "session": overbooking.session.title,
                    "seats": overbooking.seats,
                    "capacity": overbooking.capacity,
                    "excess": overbooking.excess,
                },
            )
        )
    return notices


def _names(names):
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    if more > 0:
        shown += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {"count": more}
    return shown
