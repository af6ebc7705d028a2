"""Which day of an edition a visitor most likely wants to see first."""

from django.db.models import Count
from django.db.models.functions import TruncDate

from agenda.enums import SessionKind


def agenda_start_day(*, edition, sessions, today):
    """Today while the summit is on; otherwise the day of the opening ceremony, or else the busiest day.

    A summit often starts with a pre-day of two sessions (registration, a press briefing): opening on it
    would hide the programme. `sessions` are the sessions the visitor may see; `today` is in the edition's
    zone. At most two queries.
    """
    if today in edition.days:
        return today
    days = set(edition.days)
    sessions = sessions.active().prefetch_related(None)
    opening = sessions.filter(kind=SessionKind.OPENING_CEREMONY).order_by("start").values_list("start", flat=True)
    opening = opening.first()
    if opening is not None:
        day = opening.astimezone(edition.zone).date()
        if day in days:
            return day
    busiest = (
        sessions.exclude(kind=SessionKind.BREAK)
        .annotate(day=TruncDate("start", tzinfo=edition.zone))
        .values("day")
        .annotate(total=Count("pk"))
        .order_by("-total", "day")
    )
    for row in busiest:
        if row["day"] in days:
            return row["day"]
    return edition.start_date
