"""The admin home's dashboard: one edition at a glance, in a fixed number of queries whatever its size.

Each block is read only for staff who may see it: registration figures need the registration view
permission, check-in figures that or the check-in permission, clashes the session view permission, and
recent changes list only the kinds of object the user may view.
"""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.admin.scope import edition_path
from agenda.enums import SessionStatus
from agenda.models import Edition, Session
from agenda.selectors import clashing_sessions
from agenda.services import BULK_STATUS_REASON
from attendees import selectors
from attendees.enums import RegistrationStatus
from attendees.models import Registration, StatusChange

FILL_RATES_SHOWN = 8
CHECK_INS_SHOWN = 5
CHANGES_SHOWN = 10
# A sub-forum at least this full is listed among those that need an organiser's eye.
NEARLY_FULL_PERCENT = 90

ACTION_LABELS = {ADDITION: _("Added"), CHANGE: _("Changed"), DELETION: _("Deleted")}


@dataclass(frozen=True)
class RegistrationFigures:
    counts: list  # (RegistrationStatus, count), every status
    awaiting: int
    expected: int  # approved or checked in: those who may come through the door
    checked_in: int

    @property
    def total(self):
        return sum(count for _status, count in self.counts)


@dataclass(frozen=True)
class FillRow:
    rate: object  # attendees.selectors.FillRate
    level: str  # "full", "nearly-full" or ""

    @property
    def bar_percent(self):
        return min(self.rate.percent or 0, 100)


@dataclass(frozen=True)
class FillFigures:
    rows: list  # FillRow, the fullest first, at most FILL_RATES_SHOWN
    sessions: int  # sessions that take registrations
    full: int  # of which full
    waiting: int  # delegates waiting, all sessions together
    seats: int

    @property
    def more(self):
        return self.sessions - len(self.rows)


@dataclass(frozen=True)
class CheckInFigures:
    today: int
    latest: list  # Registration, the latest first; empty for staff who may not see delegates' names
    day: dt.date


@dataclass(frozen=True)
class ClashFigures:
    room: int  # sessions in a room (or whole venue) booked twice
    speaker: int  # sessions with a speaker booked twice
    any: int


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    who: str
    action: str
    kind: str
    label: str
    url: str | None
    detail: str = ""


@dataclass(frozen=True)
class EditionDashboard:
    edition: Edition
    now: dt.datetime
    registration_state: str
    registrations: RegistrationFigures | None = None
    fill: FillFigures | None = None
    check_ins: CheckInFigures | None = None
    clashes: ClashFigures | None = None
    changes: list | None = None  # None for staff who may view none of the edition's objects


def edition_dashboard(*, edition, user, now=None):
    """What the admin home shows `user` about `edition` at `now`."""
    now = now or timezone.now()
    may_see_registrations = user.has_perm("attendees.view_registration")
    return EditionDashboard(
        edition=edition,
        now=now,
        registration_state=selectors.registration_state(edition=edition, now=now),
        registrations=_registration_figures(edition) if may_see_registrations else None,
        fill=_fill_figures(edition) if may_see_registrations else None,
        check_ins=(
            _check_in_figures(edition, now=now, with_names=may_see_registrations)
            if may_see_registrations or user.has_perm("attendees.check_in")
            else None
        ),
        clashes=_clash_figures(edition) if user.has_perm("agenda.view_session") else None,
        changes=recent_changes(edition=edition, user=user) if _may_view_any(user) else None,
    )


def _registration_figures(edition):
    counts = selectors.status_counts(edition)
    by_status = dict(counts)
    return RegistrationFigures(
        counts=counts,
        awaiting=by_status[RegistrationStatus.SUBMITTED],
        expected=by_status[RegistrationStatus.APPROVED] + by_status[RegistrationStatus.CHECKED_IN],
        checked_in=by_status[RegistrationStatus.CHECKED_IN],
    )


def _urgency(rate):
    """Sort key: sessions with a waiting list first, then full ones, then by how full, then by time."""
    percent = rate.percent if rate.percent is not None else -1
    return (not rate.waiting, not rate.is_full, -percent, -rate.waiting, rate.session.start, rate.session.pk)


def _level(rate):
    if rate.is_full:
        return "full"
    if rate.percent is not None and rate.percent >= NEARLY_FULL_PERCENT:
        return "nearly-full"
    return ""


def _fill_figures(edition):
    rates = selectors.fill_rates(edition)
    ordered = sorted(rates, key=_urgency)
    return FillFigures(
        rows=[FillRow(rate=rate, level=_level(rate)) for rate in ordered[:FILL_RATES_SHOWN]],
        sessions=len(rates),
        full=sum(rate.is_full for rate in rates),
        waiting=sum(rate.waiting for rate in rates),
        seats=sum(rate.seats for rate in rates),
    )


def _check_in_figures(edition, *, now, with_names):
    day = now.astimezone(edition.zone).date()
    start = dt.datetime.combine(day, dt.time(0), tzinfo=edition.zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=edition.zone)
    today = Registration.objects.filter(
        edition=edition, status=RegistrationStatus.CHECKED_IN, checked_in_at__gte=start, checked_in_at__lt=end
    )
    latest = list(today.order_by("-checked_in_at", "-pk")[:CHECK_INS_SHOWN]) if with_names else []
    return CheckInFigures(today=today.count(), latest=latest, day=day)


def _clash_figures(edition):
    clashes = clashing_sessions(Session.objects.filter(edition=edition))
    return ClashFigures(room=len(clashes.room), speaker=len(clashes.speaker), any=len(clashes.any))


def _edition_models():
    """The kinds of object edited in the admin that belong to an edition, with the lookup to its id."""
    models = {Edition: "pk"}
    for model in apps.get_models():
        path = edition_path(model)
        if path and admin.site.is_registered(model):
            models[model] = f"{path}_id"
    return models


def _viewable(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def _may_view_any(user):
    return any(_viewable(user, model) for model in _edition_models())


def _log_entries(edition, user):
    """The latest admin log entries about the edition's objects that still exist, of kinds the user may view."""
    about_edition = Q()
    for model, lookup in _edition_models().items():
        if not _viewable(user, model):
            continue
        ids = model.objects.filter(**{lookup: edition.pk}).annotate(key=Cast("pk", CharField())).values("key")
        about_edition |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id__in=ids,
        )
    if not about_edition:
        return []
    entries = (
        LogEntry.objects.filter(about_edition)
        .exclude(action_flag=CHANGE, change_message__in=["", "[]"])  # saved with nothing changed
        .select_related("user", "content_type")
        .order_by("-action_time", "-pk")[:CHANGES_SHOWN]
    )
    return [
        Change(
            at=entry.action_time,
            who=entry.user.get_username(),
            action=ACTION_LABELS.get(entry.action_flag, ""),
            kind=entry.content_type.name if entry.content_type_id else "",
            label=entry.object_repr,
            url=None if entry.is_deletion() else entry.get_admin_url() or None,
            detail=entry.get_change_message() if entry.is_change() else "",
        )
        for entry in entries
    ]


def _status_changes(edition, user):
    """The latest changes of registration status (submitted, approved, checked in …), made anywhere."""
    if not user.has_perm("attendees.view_registration"):
        return []
    changes = (
        StatusChange.objects.filter(registration__edition=edition)
        .select_related("registration", "changed_by")
        .order_by("-changed_at", "-pk")[:CHANGES_SHOWN]
    )
    return [
        Change(
            at=change.changed_at,
            who=change.changed_by.get_username() if change.changed_by else "",
            action=_status_label(change.new_status),
            kind=str(Registration._meta.verbose_name),
            label=change.registration.name,
            url=reverse("admin:attendees_registration_change", args=[change.registration_id]),
            detail=change.message,
        )
        for change in changes
    ]


def _bulk_status_changes(edition, user):
    """Statuses set on many sessions at once (publish, cancel …): kept in the sessions' history, not the admin log."""
    if not _viewable(user, Session):
        return []
    rows = (
        Session.revisions.filter(edition=edition, history_change_reason=BULK_STATUS_REASON)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:CHANGES_SHOWN]
    )
    return [
        Change(
            at=row.history_date,
            who=row.history_user.get_username() if row.history_user else "",
            action=SessionStatus(row.status).label if row.status in SessionStatus.values else row.status,
            kind=str(Session._meta.verbose_name),
            label=row.title,
            url=reverse("admin:agenda_session_change", args=[row.id]),
            detail=_("Set for several sessions at once."),
        )
        for row in rows
    ]


def _status_label(value):
    return RegistrationStatus(value).label if value in RegistrationStatus.values else value


def recent_changes(*, edition, user):
    """Admin edits, bulk status changes and registration status changes, the latest first (three queries)."""
    changes = _log_entries(edition, user) + _bulk_status_changes(edition, user) + _status_changes(edition, user)
    return sorted(changes, key=lambda change: change.at, reverse=True)[:CHANGES_SHOWN]
