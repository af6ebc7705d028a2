"""What organisers are told after their edits moved seats: one line per session, in the admin and after an import."""

from collections import Counter

from django.contrib import messages
from django.utils.translation import ngettext


def seat_change_notices(changes):
    """(message level, text) pairs for a `SeatChanges`, sessions in the order they were settled."""
    notices = []
    promoted = Counter(choice.session for choice in changes.promoted)
    for session, count in promoted.items():
        message = ngettext(
            "%(count)d delegate moved from the waiting list of “%(session)s” to a seat, and is emailed.",
            "%(count)d delegates moved from the waiting list of “%(session)s” to seats, and are emailed.",
            count,
        )
        notices.append((messages.SUCCESS, message % {"count": count, "session": session.title}))
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
