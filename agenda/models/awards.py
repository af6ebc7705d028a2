from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda.validators import validate_same_edition


class AwardProgramme(models.Model):
    """An award or honour given at an edition, e.g. the WIC Distinguished Contribution Award."""

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="award_programmes", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    ceremony = models.ForeignKey(
        "agenda.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="award_programmes",
        verbose_name=_("ceremony"),
        help_text=_("The session where it is presented."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Who changed the programme, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords()

    class Meta:
        verbose_name = _("award programme")
        verbose_name_plural = _("award programmes")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="award_slug_unique_per_edition")]

    def __str__(self):
        return self.name

    def clean(self):
        validate_same_edition(
            edition_id=self.edition_id,
            other=self.ceremony if self.ceremony_id else None,
            field="ceremony",
            label=_("Ceremony"),
        )


class AwardCategory(models.Model):
    programme = models.ForeignKey(
        AwardProgramme, on_delete=models.CASCADE, related_name="categories", verbose_name=_("award programme")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("award category")
        verbose_name_plural = _("award categories")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "slug"], name="award_category_slug_unique")]

    def __str__(self):
        return self.name


class Honouree(models.Model):
    """A person or an organisation honoured by a programme, with a citation or, for cases, the case title."""

    programme = models.ForeignKey(
        AwardProgramme, on_delete=models.CASCADE, related_name="honourees", verbose_name=_("award programme")
    )
    category = models.ForeignKey(
        AwardCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="honourees",
        verbose_name=_("category"),
    )
    person = models.ForeignKey(
        "agenda.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="honours",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "agenda.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="honours",
        verbose_name=_("organisation"),
    )
    case_title = models.CharField(_("case title"), max_length=400, blank=True, help_text=_("For outstanding cases."))
    citation = models.TextField(_("citation"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )
    # Who changed the honouree, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords()

    class Meta:
        verbose_name = _("honouree")
        verbose_name_plural = _("honourees")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(organisation__isnull=True))
                | (Q(person__isnull=True) & Q(organisation__isnull=False)),
                name="honouree_is_a_person_or_an_organisation",
                violation_error_message=_("Choose either a person or an organisation, not both and not neither."),
            ),
        ]

    def __str__(self):
        return self.case_title or str(self.person or self.organisation or "")

    @property
    def honoured(self):
        return self.person or self.organisation

    def clean(self):
        programme = self.programme if self.programme_id else None
        if programme is None:
            return
        errors = {}
        if self.category_id and self.category.programme_id != programme.pk:
            errors["category"] = _("This category belongs to another award programme.")
        for field, label in (("person", _("Person")), ("organisation", _("Organisation"))):
            other = getattr(self, field) if getattr(self, f"{field}_id") else None
            try:
                validate_same_edition(edition_id=programme.edition_id, other=other, field=field, label=label)
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
