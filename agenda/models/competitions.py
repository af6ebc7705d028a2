from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from agenda.enums import CompetitionResult
from agenda.validators import validate_same_edition

SAMPLE_HELP = _("Invented for demonstration; not taken from a source.")


class Competition(models.Model):
    """A competition held at an edition, e.g. the “Straight to Wuzhen” Global Internet Competition, with its final."""

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="competitions", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    final = models.ForeignKey(
        "agenda.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="competitions_decided",
        verbose_name=_("final"),
        help_text=_("The session where the finalists compete; a session of the same edition."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)
    # Who changed the competition, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords()

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="competition_slug_unique_per_edition")]

    def __str__(self):
        return self.name

    def clean(self):
        validate_same_edition(
            edition_id=self.edition_id,
            other=self.final if self.final_id else None,
            field="final",
            label=_("Final"),
        )


class CompetitionTrack(models.Model):
    """A track (category) of a competition; its entries compete within it."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="tracks", verbose_name=_("competition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)

    class Meta:
        verbose_name = _("competition track")
        verbose_name_plural = _("competition tracks")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["competition", "slug"], name="competition_track_slug_unique")]

    def __str__(self):
        return self.name


class CompetitionEntry(models.Model):
    """A project that reached the final of a competition: its team or organisation, and how far it went."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="entries", verbose_name=_("competition")
    )
    track = models.ForeignKey(
        CompetitionTrack,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("track"),
        help_text=_("A track of the same competition."),
    )
    slug = models.SlugField(_("slug"), max_length=120)
    project_title = models.CharField(_("project title"), max_length=300)
    team = models.CharField(
        _("team"), max_length=200, blank=True, help_text=_("The team's name, when it is not an organisation listed.")
    )
    organisation = models.ForeignKey(
        "agenda.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="competition_entries",
        verbose_name=_("organisation"),
        help_text=_("An organisation of the same edition."),
    )
    country = CountryField(_("country"), blank=True)
    result = models.CharField(
        _("result"), max_length=24, choices=CompetitionResult.choices, default=CompetitionResult.FINALIST
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("The project in a few lines, or the citation."))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=SAMPLE_HELP)
    # Who changed the entry, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords()

    class Meta:
        verbose_name = _("competition entry")
        verbose_name_plural = _("competition entries")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "slug"], name="competition_entry_slug_unique"),
            models.CheckConstraint(
                condition=~Q(team="") | Q(organisation__isnull=False),
                name="competition_entry_has_a_team_or_an_organisation",
                violation_error_message=_("Name the team or choose an organisation."),
            ),
        ]

    def __str__(self):
        return self.project_title

    @property
    def is_prize(self):
        return self.result != CompetitionResult.FINALIST

    @property
    def entrant(self):
        """Who entered: the team's name, else the organisation's."""
        return self.team or (self.organisation.name if self.organisation_id else "")

    def clean(self):
        competition = self.competition if self.competition_id else None
        if competition is None:
            return
        errors = {}
        if self.track_id and self.track.competition_id != competition.pk:
            errors["track"] = _("The track “%(track)s” belongs to another competition (%(competition)s).") % {
                "track": self.track,
                "competition": self.track.competition,
            }
        try:
            validate_same_edition(
                edition_id=competition.edition_id,
                other=self.organisation if self.organisation_id else None,
                field="organisation",
                label=_("Organisation"),
            )
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
