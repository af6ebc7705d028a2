"""Every write to registrations: capacity, waiting lists, the status workflow and its emails.

Seats are decided under row locks taken in a stable order (the sessions by primary key, after the
edition when it has an overall cap), so concurrent registrations can never overfill a session. Which
status may follow which is attendees.enums.STATUS_TRANSITIONS; the reads are attendees.selectors.

Emails are queued in the outbox (attendees.outbox) in the transaction of the change they tell of, and
sent after it, out of the request: a slow or absent mail server never slows or fails a change.

Whether an address is registered shows neither in the answer nor in the time taken: registering an address
that is already registered, or asking a new link for one that is not, does the same database work as the
other case (see registration_create and registration_send_link).
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agenda.enums import SessionStatus
from agenda.models import Edition, Session
from attendees import emails, outbox, selectors
from attendees.enums import ChoiceStatus, RegistrationStatus, may_become
from attendees.models import (
    Registration,
    SessionChoice,
    StatusChange,
    new_badge_code,
    new_calendar_key,
    new_token_key,
)
from attendees.validators import validate_no_overlapping_sessions


class RegistrationError(Exception):
    """A rule stops the change; the message is for the person who asked."""


class AlreadyRegistered(RegistrationError):
    def __init__(self, registration):
        super().__init__(_("This email address is already registered."))
        self.registration = registration


class AlreadyCheckedIn(RegistrationError):
    def __init__(self, registration):
        super().__init__(_("Already checked in."))
        self.registration = registration


@dataclass
class Placement:
    session: Session
    status: str


@dataclass
class Overbooking:
    """A session holding more seats than its capacity: nobody is moved, cancellations promote nobody until it fits."""

    session: Session
    seats: int

    @property
    def capacity(self):
        return self.session.capacity

    @property
    def excess(self):
        return self.seats - self.session.capacity


@dataclass
class SeatChanges:
    promoted: list  # SessionChoice rows moved from a waiting list to a seat
    overbooked: list  # Overbooking, one per session above its capacity
    released: dict  # Registration → the cancelled sessions it lost a seat or waiting-list place in


def _validate_choices(sessions):
    """The model's own ValidationError, placed on the sessions field of whichever form asked."""
    try:
        validate_no_overlapping_sessions(sessions)
    except ValidationError as error:
        raise ValidationError({"sessions": error.error_list})


def _lock_sessions(session_ids):
    # A stable order (by primary key) means two registrations never wait on each other's locks.
    return list(Session.objects.select_for_update().filter(pk__in=sorted(set(session_ids))).order_by("pk"))


def _place(registration, sessions):
    taken = selectors.seats_taken([s.pk for s in sessions])
    placements = []
    for session in sessions:
        has_room = session.capacity is None or taken[session.pk] < session.capacity
        status = ChoiceStatus.SEAT if has_room else ChoiceStatus.WAITLIST
        SessionChoice.objects.create(registration=registration, session=session, status=status)
        placements.append(Placement(session=session, status=status))
    return placements


def _record(registration, *, old, new, by=None, message=""):
    StatusChange.objects.create(
        registration=registration, old_status=old, new_status=new, changed_by=by, message=message
    )


@transaction.atomic(savepoint=False)
def waitlists_fill(*, session_ids):
    """Give the free seats of these sessions to their waiting lists, in order; each promoted delegate is emailed.

    Every path that frees or adds seats ends here (a cancellation, a rejection, a dropped session, a
    raised or cleared capacity), under the sessions' row locks. Returns the promoted SessionChoice rows.
    """
    sessions = _lock_sessions(session_ids)
    taken = selectors.seats_taken([s.pk for s in sessions])
    promoted = []
    for session in sessions:
        free = None if session.capacity is None else session.capacity - taken[session.pk]
        waiting = selectors.waiting_in_line(session)
        if free is not None:
            waiting = waiting[: max(free, 0)]
        for choice in waiting:
            choice.status = ChoiceStatus.SEAT
            choice.save(update_fields=["status"])
            promoted.append(choice)
        outbox.enqueue_many(
            kind=emails.PROMOTED,
            registration_ids=[choice.registration_id for choice in waiting],
            payload={"session": session.pk},
        )
    return promoted


def _release(sessions):
    """Cancelled sessions hold nobody: their places are removed, and each active delegate is told once."""
    released = selectors.places_by_delegate(sessions=sessions)
    _keep_on_agendas(released)
    SessionChoice.objects.filter(session__in=sessions).delete()
    # One email per delegate, naming the sessions they lost: those who lost the same ones are queued at once.
    lost_by = {}
    for registration, lost in released.items():
        lost_by.setdefault(tuple(session.pk for session in lost), []).append(registration.pk)
    for session_ids, registration_ids in lost_by.items():
        outbox.enqueue_many(
            kind=emails.SESSION_CANCELLED, registration_ids=registration_ids, payload={"sessions": list(session_ids)}
        )
    return released


def _keep_on_agendas(released):
    """A cancelled session stays starred on the agendas of those who held a place in it, so that their page
    and calendar show it cancelled rather than lose it."""
    Starred = Registration.starred_sessions.through
    rows = [
        Starred(registration_id=registration.pk, session_id=session.pk)
        for registration, sessions in released.items()
        for session in sessions
    ]
    Starred.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)


@transaction.atomic
def session_seats_changed(*, session_ids):
    """Settle seats after organisers changed sessions (capacity, status), under the registration locks.

    A cancelled session frees its seats and waiting-list places and tells its delegates. Elsewhere a
    raised or cleared capacity serves the waiting list in order; a lowered one keeps every seat held
    and is reported as an overbooking, for the organiser to see.
    """
    sessions = _lock_sessions(session_ids)
    cancelled = [s for s in sessions if s.status == SessionStatus.CANCELLED]
    running = [s for s in sessions if s.status != SessionStatus.CANCELLED]
    released = _release(cancelled) if cancelled else {}
    promoted = waitlists_fill(session_ids=[s.pk for s in running])
    taken = selectors.seats_taken([s.pk for s in running])
    overbooked = [
        Overbooking(session=s, seats=taken[s.pk])
        for s in running
        if s.capacity is not None and taken[s.pk] > s.capacity
    ]
    return SeatChanges(promoted=promoted, overbooked=overbooked, released=released)


def delegate_language(code=None):
    """One of settings.LANGUAGES for a language code (“zh-cn” → “zh-hans”); the active language by default."""
    try:
        return translation.get_supported_language_variant(code or translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def registration_create(*, edition, data, session_ids=(), now=None, language=None):
    """Register a delegate; seats are held at once, beyond capacity the delegate is waitlisted in order.

    The registration keeps the language it was made in (the active one unless `language` is given): the
    delegate's emails are written in it. A delegate who cancelled may register again with the same address:
    the same registration is submitted anew, in the new language.

    An address already registered (and not cancelled) raises AlreadyRegistered, once the owner of the address
    has been emailed (queued, in the committed transaction). Until then it went through the same steps as a
    new registration, checks, locks and writes included, and the writes were rolled back: the same errors
    for the same form, and the same time taken, so that neither tells whether the address is known.
    """
    registration, created = _register(edition=edition, data=data, session_ids=session_ids, now=now, language=language)
    if not created:
        raise AlreadyRegistered(registration)
    return registration


# The stand-in for an address already registered takes an address that can never exist (RFC 2606).
STAND_IN_DOMAIN = "registered-elsewhere.invalid"


@transaction.atomic
def _register(*, edition, data, session_ids, now, language):
    """(registration, True) when registered or registered again; (the existing registration, False) when the
    address is already registered, after doing the work of a new registration on a stand-in and undoing it."""
    problem = selectors.registration_window_problem(edition=edition, now=now)
    if problem:
        raise RegistrationError(problem)
    email = data["email"].strip()
    data = {**data, "email": email, "language": delegate_language(language)}
    # Locked, so that a reopening decides on the status it read.
    existing = selectors.registrations_with_email(edition=edition, email=email).select_for_update().first()
    if edition.registration_cap is not None:
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        if selectors.active_registration_count(edition=edition) >= edition.registration_cap:
            raise RegistrationError(_("Registration is full: the edition has reached its number of delegates."))
    chosen = list(selectors.registrable_sessions(edition=edition).filter(pk__in=session_ids))
    if set(session_ids) - {session.pk for session in chosen}:
        raise RegistrationError(_("One of the chosen sessions cannot be registered for."))
    _validate_choices(chosen)

    if existing is None:
        registration, old_status = Registration(edition=edition, **data), ""
    elif may_become(existing.status, RegistrationStatus.SUBMITTED):
        registration, old_status = _reopened(existing, data=data), existing.status
    else:  # already registered: the same work on a stand-in, undone (see registration_create)
        stand_in = {**data, "email": f"{secrets.token_hex(8)}@{STAND_IN_DOMAIN}"}
        registration, old_status = Registration(edition=edition, **stand_in), ""
    registration.status = RegistrationStatus.SUBMITTED
    registration.consented_at = timezone.now()
    # The fields' own checks; not the edition (just read) nor the unique keys (random): the database's
    # constraints are the last word on those, and _write draws a new badge code when one was taken meanwhile.
    registration.full_clean(exclude=["edition"], validate_unique=False, validate_constraints=False)
    keep = existing is None or registration is existing
    if not _write(registration, [session.pk for session in chosen], old_status=old_status, keep=keep):
        keep = False  # the same address, registered by a concurrent request a moment ago
        existing = selectors.registrations_with_email(edition=edition, email=email).get()
    if keep:
        outbox.enqueue(kind=emails.RECEIVED, registration_id=registration.pk)
        return registration, True
    registration_notify_duplicate(registration=existing)
    return existing, False


def _reopened(registration, *, data):
    """A delegate who cancelled registers again: the same registration, with the new details and places.

    Links and the badge code sent before stop working: they were for the cancelled registration.
    """
    for field, value in data.items():
        setattr(registration, field, value)
    registration.token_key = new_token_key()
    registration.badge_code = new_badge_code()
    return registration


def _write(registration, session_ids, *, old_status, keep, attempts=3):
    """Save a submitted registration with its places and the record of its status.

    `keep=False` rolls it all back (a stand-in). The writes are between a savepoint and its release or its
    rollback, so both do the same statements. False when another request registered the address meanwhile:
    the unique constraint is the last word.

    Every registration for a sub-forum passes its row lock in turn, so the lock is taken last, once the
    registration and its record are written: only the old places' removal, the seat count and the new places
    wait for it (held until the commit).
    """
    for _attempt in range(attempts):
        savepoint = transaction.savepoint()
        try:
            registration.save()
            _record(
                registration,
                old=old_status,
                new=RegistrationStatus.SUBMITTED,
                message=_("Registered again.") if old_status else "",
            )
            sessions = _lock_sessions(session_ids)
            # The places become those chosen now: a registration opened again drops its cancelled past's.
            # Under the locks, as every other change of places (a session cancelled removes them too).
            SessionChoice.objects.filter(registration=registration).delete()
            _place(registration, sessions)
        except IntegrityError:
            transaction.set_rollback(False)  # sound again once back at the savepoint, just below
            transaction.savepoint_rollback(savepoint)
            if selectors.registrations_with_email(edition=registration.edition, email=registration.email).exists():
                return False
            registration.badge_code = new_badge_code()  # the same badge code drawn at the same moment
            continue
        if keep:
            transaction.savepoint_commit(savepoint)
        else:
            transaction.savepoint_rollback(savepoint)
        return True
    raise RegistrationError(_("Your registration could not be saved. Please send the form again."))


@transaction.atomic
def registration_update(*, registration, data, session_ids):
    """A delegate edits details or changes sessions: dropped seats go to the waiting list's next in line.

    Only sessions on the form can be dropped: a place in a session no longer offered (registration
    switched off, or unpublished) is kept as it is.
    """
    registration = Registration.objects.select_for_update().select_related("edition").get(pk=registration.pk)
    if not registration.is_active:
        raise RegistrationError(_("This registration can no longer be changed."))
    offered = selectors.registrable_sessions(edition=registration.edition)
    wanted_sessions = list(offered.filter(pk__in=session_ids))
    _validate_choices(wanted_sessions)
    for field, value in data.items():
        setattr(registration, field, value)
    registration.full_clean(exclude=["consented_at"], validate_constraints=False)
    registration.save()
    current = {choice.session_id: choice for choice in registration.choices.all()}
    wanted = {session.pk for session in wanted_sessions}
    on_form = set(offered.filter(pk__in=current).values_list("pk", flat=True))
    dropped = (set(current) & on_form) - wanted
    added = wanted - set(current)
    sessions = _lock_sessions(dropped | added)
    SessionChoice.objects.filter(registration=registration, session_id__in=dropped).delete()
    _place(registration, [s for s in sessions if s.pk in added])
    waitlists_fill(session_ids=dropped)
    outbox.enqueue(kind=emails.UPDATED, registration_id=registration.pk)
    return registration


def _change_status(registration, *, new, by, message):
    """Move the registration to `new` if the table of transitions allows it from its current status."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    old = registration.status
    if not may_become(old, new):
        raise RegistrationError(
            _("A registration that is “%(status)s” cannot become “%(new)s”.")
            % {"status": registration.get_status_display(), "new": RegistrationStatus(new).label}
        )
    registration.status = new
    registration.save(update_fields=["status", "updated_at"])
    _record(registration, old=old, new=new, by=by, message=message)
    return registration


@transaction.atomic
def registration_approve(*, registration, by=None, message=""):
    registration = _change_status(
        registration,
        new=RegistrationStatus.APPROVED,
        by=by,
        message=message,
    )
    outbox.enqueue(kind=emails.APPROVED, registration_id=registration.pk, payload={"message": str(message)})
    return registration


@transaction.atomic
def registration_reject(*, registration, by=None, message=""):
    registration = _change_status(
        registration,
        new=RegistrationStatus.REJECTED,
        by=by,
        message=message,
    )
    waitlists_fill(session_ids=registration.choices.values_list("session_id", flat=True))
    outbox.enqueue(kind=emails.REJECTED, registration_id=registration.pk, payload={"message": str(message)})
    return registration


@transaction.atomic
def registration_cancel(*, registration, by=None, message=""):
    registration = _change_status(
        registration,
        new=RegistrationStatus.CANCELLED,
        by=by,
        message=message,
    )
    waitlists_fill(session_ids=registration.choices.values_list("session_id", flat=True))
    outbox.enqueue(kind=emails.CANCELLED, registration_id=registration.pk)
    return registration


@transaction.atomic
def registration_check_in(*, registration, by=None, edition=None):
    """Mark an approved delegate as arrived; a second scan says when they were checked in.

    At a door of `edition`, a badge of another edition is refused.
    """
    registration = Registration.objects.select_for_update().select_related("edition").get(pk=registration.pk)
    if edition is not None and registration.edition_id != edition.pk:
        raise RegistrationError(
            _("Not checked in: this badge is for %(other)s, not for %(edition)s.")
            % {"other": registration.edition.name, "edition": edition.name}
        )
    if registration.status == RegistrationStatus.CHECKED_IN:
        raise AlreadyCheckedIn(registration)
    if not may_become(registration.status, RegistrationStatus.CHECKED_IN):
        raise RegistrationError(
            _("Not checked in: this registration is “%(status)s”.") % {"status": registration.get_status_display()}
        )
    old = registration.status
    registration.status = RegistrationStatus.CHECKED_IN
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["status", "checked_in_at", "updated_at"])
    _record(registration, old=old, new=RegistrationStatus.CHECKED_IN, by=by)
    return registration


# However often an address is submitted again, its owner hears about it at most this often.
DUPLICATE_NOTICE_INTERVAL = timedelta(hours=1)


def registration_notify_duplicate(*, registration):
    """Queue the email that tells the owner of an address that someone tried to register it again.

    Every attempt queues one (the same work whoever asks); the email itself goes at most once an interval
    (registration_claim_duplicate_notice, when it is sent).
    """
    outbox.enqueue(kind=emails.ALREADY_REGISTERED, registration_id=registration.pk)


def registration_claim_duplicate_notice(*, registration, now=None):
    """The claim (its time) when the “already registered” email may go now, else None: at most once an interval.

    The conditional UPDATE lets exactly one of many simultaneous senders through, in every process.
    """
    now = now or timezone.now()
    due = Q(duplicate_notice_sent_at__isnull=True) | Q(duplicate_notice_sent_at__lte=now - DUPLICATE_NOTICE_INTERVAL)
    claimed = Registration.objects.filter(due, pk=registration.pk).update(duplicate_notice_sent_at=now)
    return now if claimed else None


def registration_return_duplicate_notice(*, registration, claim):
    """A claimed “already registered” email that could not be sent: the interval is given back for its retry."""
    Registration.objects.filter(pk=registration.pk, duplicate_notice_sent_at=claim).update(
        duplicate_notice_sent_at=registration.duplicate_notice_sent_at
    )


@transaction.atomic
def registration_send_link(*, edition, email):
    """Queue a fresh self-service link for a registered address; returns the registration's id, else None.

    The new key is made when the email is sent, and saved once it has left (attendees.emails.send_link,
    registration_renew_link): until then every earlier link keeps working, so a new-link request during a
    mail outage never leaves the delegate without a working link. An address with no registration is sent
    an email that says so, queued the same way: the request does the same work either way, and only the
    owner of the address learns whether it is registered.
    """
    # Only the id: nothing is built from the row that the other case would not build.
    found = selectors.registrations_with_email(edition=edition, email=email).values_list("pk", flat=True)
    registration_id = found.first()
    if registration_id is None:
        payload = {"address": email.strip(), "edition": edition.pk, "language": delegate_language()}
        outbox.enqueue(kind=emails.NOT_REGISTERED, payload=payload)
    else:
        outbox.enqueue(kind=emails.LINK, registration_id=registration_id)
    return registration_id


@transaction.atomic
def registration_renew_link(*, registration):
    """Save the registration's new link key (set on it, and just sent): every link sent before stops working (410)."""
    registration._change_reason = _("New self-service link sent")  # the history keeps no key, only the event
    registration.save(update_fields=["token_key", "updated_at"])
    return registration


# -- the delegate's agenda -------------------------------------------------------------------------


@transaction.atomic
def registration_save_stars(*, registration, session_ids):
    """Add the sessions starred in a browser to the delegate's starred sessions; returns how many were new.

    Only the edition's public sessions are kept: ids of drafts, of other editions' sessions or of nothing
    at all (the list comes from the browser) are ignored.
    """
    wanted = Session.objects.public().filter(edition=registration.edition, pk__in=set(session_ids))
    known = set(registration.starred_sessions.values_list("pk", flat=True))
    new = [pk for pk in wanted.values_list("pk", flat=True) if pk not in known]
    registration.starred_sessions.add(*new)
    return len(new)


@transaction.atomic
def registration_unstar(*, registration, session_id):
    registration.starred_sessions.remove(session_id)


@transaction.atomic
def registration_new_calendar_key(*, registration):
    """A new calendar address for the delegate: the old one answers 404 from now on."""
    registration.calendar_key = new_calendar_key()
    # An update, not a save: the key is no part of the registration's history, so no empty revision is written.
    Registration.objects.filter(pk=registration.pk).update(calendar_key=registration.calendar_key)
    return registration.calendar_key
