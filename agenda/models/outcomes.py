"""Documents an edition released: reports, consensus statements, declarations, lists of achievements."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda.enums import OutcomeKind
from agenda.validators import validate_outcome_source, validate_pdf_upload, validate_same_edition

from .session import Session


def outcome_pdf_path(outcome, filename):
    # A fresh name per upload (as for pictures): a replaced document never reuses an address a cache may keep.
    # The slug after it names the file a visitor downloads.
    return f"outcomes/{outcome.edition.slug}/{uuid.uuid4().hex}-{outcome.slug[:60]}.pdf"


class OutcomeQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: outcomes of published editions, released at a public session or at none."""
        return self.filter(edition__is_published=True).filter(
            Q(session__isnull=True) | Q(session__in=Session.objects.public())
        )


class Outcome(models.Model):
    """A document released at an edition, e.g. the Consensus on Developing Responsible Generative AI."""

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Unique within the edition."))
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices, default=OutcomeKind.REPORT)
    released_on = models.DateField(_("released on"))
    session = models.ForeignKey(
        "agenda.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("session"),
        help_text=_("The session where it was released; shown there too."),
    )
    publishers = models.ManyToManyField(
        "agenda.Organisation",
        blank=True,
        related_name="outcomes",
        verbose_name=_("publishers"),
        help_text=_("The organisations that publish the document."),
    )
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True, help_text=_("Where the document can be read online."))
    pdf = models.FileField(
        _("PDF"),
        upload_to=outcome_pdf_path,
        max_length=255,
        blank=True,
        validators=[validate_pdf_upload],
        help_text=_("The document itself, as a PDF file."),
    )
    pdf_size = models.PositiveIntegerField(_("PDF size in bytes"), default=0, editable=False)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Among those of the same day."))

    objects = OutcomeQuerySet.as_manager()
    # Who changed the outcome, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["released_on", "position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="outcome_slug_unique_per_edition"),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(pdf=""),
                name="outcome_has_a_link_or_a_pdf",
                violation_error_message=_("Give a link to the document or upload it as a PDF (or both)."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        validate_same_edition(
            edition_id=self.edition_id,
            other=self.session if self.session_id else None,
            field="session",
            label=_("Session"),
        )
        validate_outcome_source(url=self.url, pdf=self.pdf)
        if self.session_id and self.released_on and self.session.start:
            day = self.session.start.astimezone(self.session.edition.zone).date()
            if self.released_on != day:
                raise ValidationError(
                    {
                        "released_on": _("Released at “%(session)s”: the date is that session’s, %(day)s.")
                        % {"session": self.session.title, "day": day.isoformat()}
                    }
                )
        # The size shown beside the link, read once from the upload rather than from storage on every page.
        if not self.pdf:
            self.pdf_size = 0
        elif not self.pdf._committed:
            self.pdf_size = self.pdf.size
