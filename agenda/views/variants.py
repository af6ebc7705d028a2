"""What a cached programme page also depends on, besides the programme: the `vary` of `programme_page`.

Each runs on every request, cached or not, so each stays within a small, fixed number of queries.
"""

from agenda.models import Session
from attendees.enums import RegistrationState
from attendees.selectors import registration_state, session_registration


def registration_variant(request, edition, **kwargs):
    """Whether registration is open, not yet, closed, full or past: at most one query."""
    return str(registration_state(edition=edition))


def session_registration_variant(request, edition, slug, **kwargs):
    """The registration state and, while registration is open, the session's seats and waiting list:
    at most one query while registration is not open, at most four while it is."""
    state = registration_state(edition=edition)
    if state != RegistrationState.OPEN:
        return str(state)
    session = (
        Session.objects.filter(edition=edition, slug=slug)
        .only("pk", "capacity", "registration_required", "status")
        .order_by("pk")
        .first()
    )
    if session is None:
        return str(state)
    return session_registration(edition=edition, session=session, state=state).variant
