import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from attendees.enums import ACTIVE_STATUSES, CATEGORY_COLOURS, ChoiceStatus, DelegateCategory, RegistrationStatus
from attendees.validators import validate_chinese_name, validate_no_direction_controls, validate_phone


def new_token_key():
    return secrets.token_urlsafe(16)


def new_calendar_key():
    """The secret part of a delegate's calendar address: 32 URL-safe characters, 192 random bits."""
    return secrets.token_urlsafe(24)


# Badge codes are read off a badge and typed at the door: no 0/O, 1/I/L, and no U (read as V).
BADGE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
BADGE_CODE_LENGTH = 8
BADGE_CODE_DIGITS = frozenset("23456789")
# Chinese names are short; a transliterated foreign name (约翰·菲茨杰拉德·肯尼迪) is longer, but not by much.
NAME_ZH_MAX_LENGTH = 50


def random_badge_code():
    """Eight random characters of the alphabet, at least one a digit and one a letter (so never a word)."""
    while True:
        code = "".join(secrets.choice(BADGE_CODE_ALPHABET) for _ in range(BADGE_CODE_LENGTH))
        digits = sum(character in BADGE_CODE_DIGITS for character in code)
        if 0 < digits < BADGE_CODE_LENGTH:
            return code


def new_badge_code():
    """A badge code no registration has yet (the unique constraint stays the last word)."""
    for _attempt in range(20):
        code = random_badge_code()
        if not Registration.objects.filter(badge_code=code).exists():
            return code
    raise RuntimeError("No free badge code found in 20 attempts.")


# Left out of a registration's history (see Registration.revisions).
HISTORY_EXCLUDED_FIELDS = [
    "token_key",
    "calendar_key",
    "badge_code",
    "phone",
    "dietary_needs",
    "accessibility_needs",
    "duplicate_notice_sent_at",
    "updated_at",
]


class Registration(models.Model):
    """A delegate's registration for an edition."""

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.PROTECT, related_name="registrations", verbose_name=_("edition")
    )
    name = models.CharField(_("full name"), max_length=200, validators=[validate_no_direction_controls])
    # Printed on the badge under the name in Latin letters, and found by the check-in desk's search.
    name_zh = models.CharField(
        _("name in Chinese characters"),
        max_length=NAME_ZH_MAX_LENGTH,
        blank=True,
        validators=[validate_chinese_name],
        help_text=_("Optional, e.g. 王海峰."),
    )
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=300, validators=[validate_no_direction_controls])
    position = models.CharField(_("position"), max_length=200, validators=[validate_no_direction_controls])
    country = CountryField(_("country"))
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    category = models.CharField(_("delegate category"), max_length=20, choices=DelegateCategory.choices)
    dietary_needs = models.CharField(_("dietary needs"), max_length=500, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=500, blank=True)
    consented_at = models.DateTimeField(_("privacy notice accepted"))
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.SUBMITTED
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    # Part of every self-service link: replacing it makes all earlier links stop working.
    token_key = models.CharField(max_length=40, default=new_token_key, editable=False)
    # Printed on the badge (as two groups of four) and carried by its QR code; typed or scanned at the door.
    badge_code = models.CharField(_("badge code"), max_length=BADGE_CODE_LENGTH, default=new_badge_code, editable=False)
    duplicate_notice_sent_at = models.DateTimeField(
        _("“already registered” email sent"), null=True, blank=True, editable=False
    )
    # The language the delegate registered in: every email to them is written in it, and links to it.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails the delegate receives."),
    )
    # The secret of the delegate's calendar subscription address; issuing a new one makes the old address a 404.
    calendar_key = models.CharField(max_length=40, default=new_calendar_key, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sessions = models.ManyToManyField(
        "agenda.Session", through="SessionChoice", related_name="registrations", verbose_name=_("sessions")
    )
    # Sessions the delegate follows without a place in them (saved from the stars of a browser).
    starred_sessions = models.ManyToManyField(
        "agenda.Session", blank=True, related_name="starred_by", verbose_name=_("starred sessions")
    )
    # Who changed the registration, when, and what, for the registration desk. Never a second copy of what
    # must stay secret or need not be kept: the link key, the badge code, the phone number and the needs. A
    # deleted registration takes its history with it.
    revisions = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED_FIELDS, cascade_delete_history=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "edition",
                name="one_registration_per_email_per_edition",
                violation_error_message=_("This email address is already registered for this edition."),
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status=RegistrationStatus.CHECKED_IN),
                name="checked_in_time_only_when_checked_in",
            ),
            models.UniqueConstraint(fields=["badge_code"], name="unique_badge_code"),
        ]
        permissions = [("check_in", _("Can check delegates in"))]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def colour(self):
        return CATEGORY_COLOURS.get(self.category, "#475467")

    @property
    def printed_badge_code(self):
        """The badge code as printed and typed: two groups of four, “K7QX-M4TB”."""
        half = BADGE_CODE_LENGTH // 2
        return f"{self.badge_code[:half]}-{self.badge_code[half:]}" if self.badge_code else ""

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES


class SessionChoice(models.Model):
    """A delegate's place in a session that requires registration: a seat, or a place on its waiting list."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="choices", verbose_name=_("registration")
    )
    session = models.ForeignKey(
        "agenda.Session", on_delete=models.PROTECT, related_name="choices", verbose_name=_("session")
    )
    status = models.CharField(_("status"), max_length=10, choices=ChoiceStatus.choices)
    # Waiting lists are served in this order (the order in which requests took their turn).
    created_at = models.DateTimeField(_("chosen"), auto_now_add=True)

    class Meta:
        verbose_name = _("session choice")
        verbose_name_plural = _("session choices")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="one_choice_per_session")]
        indexes = [models.Index(fields=["session", "status", "created_at"], name="choice_session_status")]

    def __str__(self):
        return f"{self.registration} → {self.session} ({self.get_status_display()})"


class StatusChange(models.Model):
    """Who changed a registration, when, and what they said."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="history", verbose_name=_("registration")
    )
    old_status = models.CharField(_("from"), max_length=12, choices=RegistrationStatus.choices, blank=True)
    new_status = models.CharField(_("to"), max_length=12, choices=RegistrationStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )
    changed_at = models.DateTimeField(_("at"), auto_now_add=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.old_status or '—'} → {self.new_status}"


class Notification(models.Model):
    """An email owed to a delegate, kept in the database until it is sent: the outbox.

    Written in the same transaction as the change it tells of, so it is never lost; sent later, out of the
    request, by attendees.outbox.drain (a worker process, or a thread started after the commit). The message
    is rendered when it is sent, from `kind` and `payload`, in the delegate's language (see attendees.emails).
    An email to an address that holds no registration has no registration: its payload names the address.
    """

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("registration"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    # Not sent before this time: set forward after each failed attempt.
    due_at = models.DateTimeField(_("due"), db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("queued email")
        verbose_name_plural = _("queued emails")
        ordering = ["due_at", "pk"]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(sent_at__isnull=True, failed_at__isnull=True), name="notification_due"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(registration__isnull=False) | Q(payload__has_key="address"),
                name="notification_has_a_recipient",
            )
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient}"

    @property
    def recipient(self):
        """The address the email goes to."""
        return self.registration.email if self.registration_id else self.payload.get("address", "")
