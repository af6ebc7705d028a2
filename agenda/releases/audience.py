"""Who is told about a release: delegates holding a seat or a waiting-list place in a changed session."""

from attendees.enums import ACTIVE_STATUSES
from attendees.models import SessionChoice


def changed_session_ids(changes):
    return {change["session"] for change in changes}


def affected_registration_ids(changes):
    """Active registrations with a place (seat or waiting list) in a session the changes list: one query."""
    session_ids = changed_session_ids(changes)
    if not session_ids:
        return []
    # The sessions are the edition's own; a delegate with several changed sessions is counted once.
    choices = SessionChoice.objects.filter(session_id__in=session_ids, registration__status__in=ACTIVE_STATUSES)
    return sorted(set(choices.order_by().values_list("registration_id", flat=True)))


def changes_for(registration, changes):
    """The changes of the sessions in which this delegate holds a place: one query."""
    held = set(registration.choices.values_list("session_id", flat=True))
    return [change for change in changes if change["session"] in held]
