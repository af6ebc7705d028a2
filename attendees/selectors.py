"""Every read of registrations and seats, for delegates, organisers and door staff, in fixed numbers of queries.

The services (attendees.services) write; they count seats with the functions here, under their row locks.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.enums import EditionPhase
from agenda.models import Edition, Session
from agenda.selectors.my_agenda import with_overlaps
from agenda.selectors.programme import public_sessions, visible_sessions
from attendees.enums import (
    ACTIVE_STATUSES,
    BADGE_STATUSES,
    CATEGORY_COLOURS,
    ChoiceStatus,
    DelegateCategory,
    RegistrationState,
    RegistrationStatus,
)
from attendees.models import Registration, SessionChoice, StatusChange


def editions_to_choose():
    """Every edition, the latest first, for the pickers of the door and the fill rates."""
    return list(Edition.objects.order_by("-start_date").only("pk", "name", "year"))


# -- registering --------------------------------------------------------------------------------


def registration_window_problem(*, edition, now=None):
    """Why registration is not possible right now, or None. Nobody registers for a summit that is over."""
    now = now or timezone.now()
    if edition.phase_at(now) == EditionPhase.PAST:
        return _("This edition is over: registration has closed.")
    if edition.registration_opens_at is None or now < edition.registration_opens_at:
        return _("Registration is not open yet.")
    if edition.registration_closes_at and now >= edition.registration_closes_at:
        return _("Registration has closed.")
    return None


def registrable_sessions(*, edition):
    """Sessions a delegate may choose when registering: published, and requiring registration."""
    return (
        Session.objects.taking_registrations()
        .filter(edition=edition)
        .select_related("room", "edition")
        .order_by("start", "title")
    )


def registrations_with_email(*, edition, email):
    """The edition's registrations under this address, whatever its case (at most one: a unique constraint)."""
    return Registration.objects.filter(edition=edition).annotate(e=Lower("email")).filter(e=email.strip().lower())


def active_registration_count(*, edition):
    """Registrations that count against the edition's cap on delegates."""
    return Registration.objects.filter(edition=edition, status__in=ACTIVE_STATUSES).count()


# -- seats ----------------------------------------------------------------------------------------


def _count_choices(session_ids, status):
    rows = (
        SessionChoice.objects.filter(
            session_id__in=session_ids, status=status, registration__status__in=ACTIVE_STATUSES
        )
        .values("session_id")
        .annotate(total=Count("pk"))
    )
    totals = {row["session_id"]: row["total"] for row in rows}
    return {session_id: totals.get(session_id, 0) for session_id in session_ids}


def seats_taken(session_ids):
    """Seats held per session: by delegates whose registration is still active (one query)."""
    return _count_choices(session_ids, ChoiceStatus.SEAT)


def waitlist_counts(session_ids):
    """Delegates waiting per session, counting active registrations only (one query)."""
    return _count_choices(session_ids, ChoiceStatus.WAITLIST)


def places_held(session_ids):
    """(seats held, delegates waiting) per session, counting active registrations only: both in one query."""
    rows = (
        SessionChoice.objects.filter(session_id__in=session_ids, registration__status__in=ACTIVE_STATUSES)
        .values("session_id", "status")
        .annotate(total=Count("pk"))
    )
    totals = {(row["session_id"], row["status"]): row["total"] for row in rows}
    seats = {pk: totals.get((pk, ChoiceStatus.SEAT), 0) for pk in session_ids}
    waiting = {pk: totals.get((pk, ChoiceStatus.WAITLIST), 0) for pk in session_ids}
    return seats, waiting


def delegates_holding_places(session_ids):
    """How many active delegates hold a seat or a waiting-list place in any of these sessions, each counted once."""
    return (
        SessionChoice.objects.filter(session_id__in=session_ids, registration__status__in=ACTIVE_STATUSES)
        .values("registration_id")
        .distinct()
        .count()
    )


def waiting_in_line(session):
    """The session's waiting list, next in line first: the order in which seats are given."""
    return (
        SessionChoice.objects.filter(
            session=session, status=ChoiceStatus.WAITLIST, registration__status__in=ACTIVE_STATUSES
        )
        .select_related("registration__edition", "session")
        .order_by("created_at", "pk")
    )


@dataclass
class FillRate:
    session: Session
    capacity: int | None
    seats: int
    waiting: int

    @property
    def free(self):
        return None if self.capacity is None else max(self.capacity - self.seats, 0)

    @property
    def percent(self):
        if not self.capacity:
            return None
        return round(100 * self.seats / self.capacity)

    @property
    def is_full(self):
        return self.capacity is not None and self.seats >= self.capacity


def fill_rates(edition):
    """Per session that takes registrations: seats held by active delegates, capacity, waiting list.

    Sessions that no longer require registration but still hold choices are listed too, so that no
    delegate's seat disappears from the overview. Three queries, whatever the size of the edition.
    """
    sessions = list(
        Session.objects.filter(edition=edition)
        .filter(Q(registration_required=True) | Q(pk__in=_sessions_with_choices(edition)))
        .select_related("room", "venue")
        .order_by("start", "title", "pk")
    )
    ids = [session.pk for session in sessions]
    taken = seats_taken(ids)
    waiting = waitlist_counts(ids)
    return [
        FillRate(session=session, capacity=session.capacity, seats=taken[session.pk], waiting=waiting[session.pk])
        for session in sessions
    ]


def _sessions_with_choices(edition):
    return SessionChoice.objects.filter(session__edition=edition).values("session_id")


def registration_state(*, edition, now=None):
    """Whether delegates can register for the edition at `now` (a RegistrationState), for every page that says so.

    An edition that has taken place is past whatever its window says; otherwise the window is the service's
    rule, then the delegate cap (one query, only when the window is open and the edition has a cap).
    """
    now = now or timezone.now()
    if edition.phase_at(now) == EditionPhase.PAST:
        return RegistrationState.PAST
    if registration_window_problem(edition=edition, now=now):
        if edition.registration_opens_at is None or now < edition.registration_opens_at:
            return RegistrationState.NOT_YET
        return RegistrationState.CLOSED
    cap = edition.registration_cap
    if cap is not None and active_registration_count(edition=edition) >= cap:
        return RegistrationState.FULL
    return RegistrationState.OPEN


@dataclass
class SessionRegistration:
    """What a session's page says about registering for it."""

    state: str
    # Seats and waiting list, for a session that takes registrations while registration is open; else None.
    seats: FillRate | None

    @property
    def variant(self):
        """A short text that changes whenever what the page says about registering does."""
        if self.seats is None:
            return str(self.state)
        return f"{self.state}-{self.seats.seats}-{self.seats.waiting}"


def session_seats(*, session):
    """Seats held and delegates waiting for one session (two queries)."""
    taken = seats_taken([session.pk])
    waiting = waitlist_counts([session.pk])
    return FillRate(session=session, capacity=session.capacity, seats=taken[session.pk], waiting=waiting[session.pk])


def session_registration(*, edition, session, state=None, now=None):
    """What the session's page says about registering: the state (`state` if already known, else asked
    for), and the seats of a session that takes registrations while registration is open. At most three
    queries besides the state's."""
    if state is None:
        state = registration_state(edition=edition, now=now)
    seats = None
    if state == RegistrationState.OPEN and session.takes_registrations:
        seats = session_seats(session=session)
    return SessionRegistration(state=state, seats=seats)


def status_counts(edition):
    """Registrations of an edition per status, every status listed (one query)."""
    rows = Registration.objects.filter(edition=edition).values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    return [(status, counts.get(status.value, 0)) for status in RegistrationStatus]


@dataclass
class CategoryCount:
    category: str
    label: str
    colour: str
    checked_in: int
    expected: int


def checked_in_counts(edition):
    """Per delegate category: delegates checked in, out of those expected (approved or checked in). One query."""
    if edition is None:
        return []
    rows = (
        Registration.objects.filter(edition=edition, status__in=BADGE_STATUSES)
        .values("category")
        .annotate(
            expected=Count("pk"),
            checked_in=Count("pk", filter=Q(status=RegistrationStatus.CHECKED_IN)),
        )
    )
    by_category = {row["category"]: row for row in rows}
    result = []
    for category in DelegateCategory:
        row = by_category.get(category.value)
        if row is None:
            continue
        result.append(
            CategoryCount(
                category=category.value,
                label=str(category.label),
                colour=CATEGORY_COLOURS.get(category, "#475467"),
                checked_in=row["checked_in"],
                expected=row["expected"],
            )
        )
    return result


def counts_as_json(edition, counts):
    return {
        "edition": edition.pk if edition else None,
        "checked_in": sum(c.checked_in for c in counts),
        "expected": sum(c.expected for c in counts),
        "categories": [
            {
                "category": c.category,
                "label": c.label,
                "colour": c.colour,
                "checked_in": c.checked_in,
                "expected": c.expected,
            }
            for c in counts
        ],
    }


def search_registrations(edition, text, *, limit=20, by_email=True):
    """An edition's registrations whose name (either script) or organisation, or with `by_email` email, has the text."""
    text = (text or "").strip()
    if len(text) < 2 or edition is None:
        return []
    found = Q(name__icontains=text) | Q(name_zh__icontains=text) | Q(organisation__icontains=text)
    if by_email:
        found |= Q(email__icontains=text)
    matches = Registration.objects.filter(edition=edition).filter(found)
    return list(matches.select_related("edition").order_by("name", "pk")[:limit])


def registration_at_door(pk):
    """The registration with this primary key, with its edition, or None."""
    return Registration.objects.filter(pk=pk).select_related("edition").first()


# -- the delegate's own page ----------------------------------------------------------------------


@dataclass
class ChosenSession:
    choice: SessionChoice
    session: Session
    # 1 for the next delegate in line; None for a seat, or once the registration no longer holds places.
    position: int | None


def chosen_sessions(*, registration):
    """The delegate's sessions in time order, each with its place in its waiting list: one query, however many.

    A waiting list is served by time of request, then by row (as attendees.services fills it).
    """
    ahead = (
        SessionChoice.objects.filter(
            session_id=OuterRef("session_id"),
            status=ChoiceStatus.WAITLIST,
            registration__status__in=ACTIVE_STATUSES,
        )
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("session_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    choices = (
        SessionChoice.objects.filter(registration=registration)
        .select_related("session__room")
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .order_by("session__start", "session__title")
    )
    return [
        ChosenSession(
            choice=choice,
            session=choice.session,
            position=choice.ahead + 1 if registration.is_active and choice.status == ChoiceStatus.WAITLIST else None,
        )
        for choice in choices
    ]


def status_history(*, registration):
    """The registration's status changes, the first first (one query)."""
    return list(StatusChange.objects.filter(registration=registration).order_by("changed_at", "pk"))


def places_by_delegate(*, sessions):
    """Active registration → the sessions among `sessions` it holds a seat or a waiting-list place in, in time order."""
    choices = (
        SessionChoice.objects.filter(session__in=sessions, registration__status__in=ACTIVE_STATUSES)
        .select_related("registration__edition", "session")
        .order_by("registration_id", "session__start", "session__pk")
    )
    places = {}
    for choice in choices:
        places.setdefault(choice.registration, []).append(choice.session)
    return places


# -- the delegate's agenda and calendar ------------------------------------------------------------


def registration_by_calendar_key(*, edition_slug, key):
    """The active registration whose calendar address this is, with its edition; None for an unknown, old
    (replaced) key, another edition's address, an unpublished edition, or a registration no longer active."""
    return (
        Registration.objects.filter(
            calendar_key=key,
            edition__slug=edition_slug,
            edition__is_published=True,
            status__in=ACTIVE_STATUSES,
        )
        .select_related("edition__summit")
        .first()
    )


@dataclass
class AgendaEntry:
    """One session on the delegate's agenda: a seat, a waiting-list place (with its position), or a star."""

    session: Session
    # ChoiceStatus.SEAT, ChoiceStatus.WAITLIST, or None for a session only starred (released places of a
    # registration no longer active keep their status: the page says they are released).
    place: str | None
    # 1 for the next in line; None for a seat, a star, or a registration no longer active.
    position: int | None
    starred: bool
    # The other sessions of the agenda at the same time, as My agenda marks them (cancelled ones clash with none).
    overlaps: list = field(default_factory=list)

    @property
    def waiting(self):
        return self.place == ChoiceStatus.WAITLIST

    @property
    def seat(self):
        return self.place == ChoiceStatus.SEAT


def delegate_agenda(*, registration, with_details=False):
    """The delegate's public sessions (seats, waiting-list places, stars) in time order, as the programme
    stands now: a moved session at its new time, a cancelled one cancelled; each with the others it overlaps.
    Three queries, however many; `with_details` loads what a calendar event says too (speakers, organisers,
    run-of-show: three more)."""
    chosen = {row.session.pk: row for row in chosen_sessions(registration=registration)}
    starred = set(registration.starred_sessions.values_list("pk", flat=True))
    if with_details:
        sessions = public_sessions(edition=registration.edition)
    else:
        sessions = visible_sessions(edition=registration.edition).select_related("room")
    sessions = sessions.filter(pk__in=set(chosen) | starred).order_by("start", "end", "title", "pk")
    entries = []
    for item in with_overlaps(sessions):
        session = item.session
        row = chosen.get(session.pk)
        entries.append(
            AgendaEntry(
                session=session,
                place=row.choice.status if row else None,
                position=row.position if row else None,
                starred=session.pk in starred,
                overlaps=item.overlaps,
            )
        )
    return entries


def starrable_session_ids(*, edition):
    """The ids of the sessions a delegate may save as starred: the edition's public ones, cancelled included,
    as attendees.services.registration_save_stars keeps them (one query)."""
    return list(Session.objects.public().filter(edition=edition).order_by("pk").values_list("pk", flat=True))
