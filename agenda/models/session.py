import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda.enums import OrganiserRole, SessionKind, SessionLanguage, SessionStatus, SpeakerRole
from agenda.validators import validate_same_edition, validate_session_times

# Namespace for stable feed identifiers: the same edition and slug always give the same guid.
SESSION_GUID_NAMESPACE = uuid.UUID("6f0c1d1e-5a57-4f3c-9b7e-7769636e6574")


CHECKED_IN_CLEAN = {"session_ends_after_it_starts", "session_in_a_room_or_a_whole_venue"}


def without_constraints(model_constraints, names):
    return [(model, [c for c in constraints if c.name not in names]) for model, constraints in model_constraints]


def parent_session(link):
    """The session a speaker, organiser or item belongs to, also while an admin form is adding both."""
    field = type(link).session.field
    if field.is_cached(link) or link.session_id:
        return link.session
    return None


class SessionQuerySet(models.QuerySet):
    def public(self):
        """What attendees may see: published and cancelled sessions, never drafts."""
        return self.filter(status__in=[SessionStatus.PUBLISHED, SessionStatus.CANCELLED])

    def taking_registrations(self):
        """Sessions delegates may choose when they register: published, with registration required."""
        return self.filter(status=SessionStatus.PUBLISHED, registration_required=True)

    def active(self):
        """Sessions that take up a room and people's time (not cancelled)."""
        return self.exclude(status=SessionStatus.CANCELLED)

    def overlapping(self, *, start, end):
        return self.filter(start__lt=end, end__gt=start)


class Session(models.Model):
    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.SUB_FORUM)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Unique within the edition; part of the session’s address.")
    )
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        "agenda.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("topic"),
    )
    room = models.ForeignKey(
        "agenda.Room", on_delete=models.RESTRICT, null=True, blank=True, related_name="sessions", verbose_name=_("room")
    )
    venue = models.ForeignKey(
        "agenda.Venue",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="venue_wide_sessions",
        verbose_name=_("whole venue"),
        help_text=_("For a break or ceremony that spans every room of a venue. Leave the room empty then."),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    language = models.CharField(
        _("language"), max_length=8, choices=SessionLanguage.choices, default=SessionLanguage.BILINGUAL
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.DRAFT, db_index=True
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats for registered delegates; empty means no limit.")
    )
    registration_required = models.BooleanField(
        _("registration required"), default=False, help_text=_("Delegates must choose this session when they register.")
    )
    # The eve's ceremonies, a press conference in another city: the edition's, though not on its days or at its venue.
    is_around_summit = models.BooleanField(
        _("around the summit"),
        default=False,
        help_text=_(
            "An event before or after the summit’s days or away from its venue (the eve, a press conference "
            "elsewhere): it may take place outside the edition’s dates and is listed under “Around the summit”."
        ),
    )
    location = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Where it takes place when not in one of the edition’s rooms or venues, e.g. “Beijing”."),
    )
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    organisations = models.ManyToManyField(
        "agenda.Organisation", through="SessionOrganiser", related_name="sessions", verbose_name=_("organisations")
    )
    speakers = models.ManyToManyField(
        "agenda.Person", through="SessionSpeaker", related_name="sessions", verbose_name=_("speakers")
    )

    objects = SessionQuerySet.as_manager()
    # Who changed the session, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start", "room__position", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="session_ends_after_it_starts"),
            models.CheckConstraint(
                condition=Q(room__isnull=True) | Q(venue__isnull=True), name="session_in_a_room_or_a_whole_venue"
            ),
            models.UniqueConstraint(fields=["edition", "slug"], name="session_slug_unique_per_edition"),
        ]
        indexes = [models.Index(fields=["edition", "start"], name="session_edition_start")]

    def __str__(self):
        return self.title

    def get_constraints(self):
        # clean() already reports these with the field they concern; don't say it twice.
        return without_constraints(super().get_constraints(), CHECKED_IN_CLEAN)

    def clean(self):
        errors = {}
        if self.room_id and self.venue_id:
            errors["venue"] = _("Choose either a room or a whole venue, not both.")
        room = self.room if self.room_id else None
        checks = [
            {"other": self.topic if self.topic_id else None, "field": "topic", "label": _("Topic")},
            {"other": self.venue if self.venue_id else None, "field": "venue", "label": _("Venue")},
            {
                "other": room,
                "field": "room",
                "label": _("Room"),
                "other_edition_id": room.venue.edition_id if room else None,
            },
        ]
        for check in checks:
            try:
                validate_same_edition(edition_id=self.edition_id, **check)
            except ValidationError as error:
                errors.update(error.message_dict)
        if self.is_around_summit and not (self.room_id or self.venue_id or self.location.strip()):
            errors["location"] = _("Say where an event around the summit takes place: a room, a venue or a place.")
        if errors:
            raise ValidationError(errors)
        validate_session_times(
            start=self.start,
            end=self.end,
            edition=self.edition if self.edition_id else None,
            around_summit=self.is_around_summit,
        )

    @property
    def guid(self):
        return uuid.uuid5(SESSION_GUID_NAMESPACE, f"{self.edition_id}:{self.slug}")

    @property
    def duration(self):
        return self.end - self.start

    @property
    def is_cancelled(self):
        return self.status == SessionStatus.CANCELLED

    @property
    def takes_registrations(self):
        """The same rule as `Session.objects.taking_registrations()`, for a session in hand."""
        return self.status == SessionStatus.PUBLISHED and self.registration_required


class SessionSpeaker(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="speaker_links", verbose_name=_("session")
    )
    person = models.ForeignKey(
        "agenda.Person", on_delete=models.CASCADE, related_name="speaker_links", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "person", "role"], name="speaker_once_per_role")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def clean(self):
        session = parent_session(self)
        if session is not None and self.person_id:
            validate_same_edition(edition_id=session.edition_id, other=self.person, field="person", label=_("Person"))


class SessionOrganiser(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="organiser_links", verbose_name=_("session")
    )
    organisation = models.ForeignKey(
        "agenda.Organisation", on_delete=models.CASCADE, related_name="organiser_links", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=14, choices=OrganiserRole.choices, default=OrganiserRole.ORGANISER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "organisation", "role"], name="organiser_once_per_role")
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    def clean(self):
        session = parent_session(self)
        if session is not None and self.organisation_id:
            validate_same_edition(
                edition_id=session.edition_id,
                other=self.organisation,
                field="organisation",
                label=_("Organisation"),
            )


class SessionItem(models.Model):
    """One part of a session's run-of-show, e.g. “Opening remarks” or “Panel discussion”."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items", verbose_name=_("session"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    start = models.DateTimeField(
        _("start"), null=True, blank=True, help_text=_("Leave empty to follow the previous item.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    speakers = models.ManyToManyField(
        "agenda.Person", blank=True, related_name="session_items", verbose_name=_("speakers")
    )

    class Meta:
        verbose_name = _("run-of-show item")
        verbose_name_plural = _("run-of-show items")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=False) | Q(duration_minutes__isnull=False),
                name="item_has_start_or_duration",
                violation_error_message=_("Give the item a start time or a duration."),
            ),
            models.CheckConstraint(
                condition=~Q(duration_minutes=0),
                name="item_duration_not_zero",
                violation_error_message=_("A duration must be at least one minute."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        session = parent_session(self)
        if session is None or not (session.start and session.end):
            return
        if self.start and not (session.start <= self.start < session.end):
            raise ValidationError({"start": _("The item must start within its session’s time.")})
        # Whether it ends in time depends on the items before it: the admin's formset and the import check the
        # whole run-of-show (agenda.run_of_show.overruns).
