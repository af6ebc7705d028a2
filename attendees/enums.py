from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegateCategory(models.TextChoices):
    GOVERNMENT = "government", _("Government official")
    INTERNATIONAL = "international", _("International organisation")
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia / think tank")
    MEDIA = "media", _("Media")
    YOUTH = "youth", _("Youth leader")
    EXHIBITOR = "exhibitor", _("Exhibitor")
    SPEAKER = "speaker", _("Speaker")
    OTHER = "other", _("Other")


# Badge colours per category: printed badges are told apart at a glance at the door.
CATEGORY_COLOURS = {
    DelegateCategory.GOVERNMENT: "#b42318",
    DelegateCategory.INTERNATIONAL: "#175cd3",
    DelegateCategory.BUSINESS: "#027a48",
    DelegateCategory.ACADEMIA: "#6941c6",
    DelegateCategory.MEDIA: "#c4320a",
    DelegateCategory.YOUTH: "#0e9384",
    DelegateCategory.EXHIBITOR: "#854a0e",
    DelegateCategory.SPEAKER: "#1d2939",
    DelegateCategory.OTHER: "#475467",
}


class RegistrationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CHECKED_IN = "checked_in", _("Checked in")
    CANCELLED = "cancelled", _("Cancelled")


# Registrations that hold their seats: a seat is held from submission until rejection or cancellation.
ACTIVE_STATUSES = [RegistrationStatus.SUBMITTED, RegistrationStatus.APPROVED, RegistrationStatus.CHECKED_IN]

# Registrations whose delegate has a badge to show at the door.
BADGE_STATUSES = [RegistrationStatus.APPROVED, RegistrationStatus.CHECKED_IN]

# Which status a registration may go to from which: the one table the services obey, and pages ask.
STATUS_TRANSITIONS = {
    RegistrationStatus.SUBMITTED: frozenset(
        {RegistrationStatus.APPROVED, RegistrationStatus.REJECTED, RegistrationStatus.CANCELLED}
    ),
    RegistrationStatus.APPROVED: frozenset(
        {RegistrationStatus.CHECKED_IN, RegistrationStatus.REJECTED, RegistrationStatus.CANCELLED}
    ),
    RegistrationStatus.CHECKED_IN: frozenset(),
    RegistrationStatus.REJECTED: frozenset(),
    # The delegate registers again with the same address: the same registration, submitted anew.
    RegistrationStatus.CANCELLED: frozenset({RegistrationStatus.SUBMITTED}),
}


def may_become(old, new):
    """Whether a registration that is `old` may change to `new` (STATUS_TRANSITIONS)."""
    return new in STATUS_TRANSITIONS.get(old, frozenset())


class ChoiceStatus(models.TextChoices):
    SEAT = "seat", _("Seat held")
    WAITLIST = "waitlist", _("On the waiting list")


class RegistrationState(models.TextChoices):
    """Whether delegates can register for an edition now, and if not, why."""

    OPEN = "open", _("Open")
    NOT_YET = "not_yet", _("Not open yet")
    CLOSED = "closed", _("Closed")
    FULL = "full", _("Full")
    PAST = "past", _("The edition has taken place")
