from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from agenda.enums import OrganisationKind
from agenda.images import FreshName, validate_image_upload
from agenda.validators import validate_hex_colour, validate_same_edition, validate_same_summit


class Topic(models.Model):
    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="topics", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    colour = models.CharField(_("colour"), max_length=7, default="#1f6feb", validators=[validate_hex_colour])

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="topic_slug_unique_per_edition")]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="organisations", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)
    identity = models.ForeignKey(
        "agenda.OrganisationIdentity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("across editions"),
        help_text=_(
            "The same organisation at the summit’s other editions. Left empty, it is found by slug or name when saved."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.COMPANY
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Stored through agenda.images.picture_store: normalised, with renditions like an exhibit picture's.
    logo = models.ImageField(
        _("logo"),
        upload_to=FreshName("organisations"),
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Stripped of camera data when saved."),
    )
    logo_width = models.PositiveIntegerField(_("logo width"), editable=False, default=0)
    logo_height = models.PositiveIntegerField(_("logo height"), editable=False, default=0)
    logo_thumbnail = models.ImageField(
        _("logo thumbnail"), upload_to="organisations/renditions/", blank=True, editable=False
    )
    logo_thumbnail_width = models.PositiveIntegerField(_("logo thumbnail width"), editable=False, default=0)
    logo_large = models.ImageField(_("large logo"), upload_to="organisations/renditions/", blank=True, editable=False)
    logo_large_width = models.PositiveIntegerField(_("large logo width"), editable=False, default=0)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="organisation_slug_unique_per_edition"),
            models.UniqueConstraint(
                fields=["edition", "identity"],
                name="one_organisation_per_identity_per_edition",
                violation_error_message=_("This organisation already has a row in this edition."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        validate_same_summit(summit_id=self.edition.summit_id if self.edition_id else None, identity=self.identity)


class Person(models.Model):
    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="people", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    identity = models.ForeignKey(
        "agenda.PersonIdentity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("across editions"),
        help_text=_(
            "The same person at the summit’s other editions. Left empty, it is found by slug or name when saved."
        ),
    )
    title = models.CharField(_("title"), max_length=300, blank=True, help_text=_("Position, e.g. “CTO”."))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    country = CountryField(_("country"), blank=True)
    bio = models.TextField(_("biography"), blank=True)
    # Stored through agenda.images.picture_store: upright, normalised, with renditions like an exhibit picture's.
    photo = models.ImageField(
        _("photo"),
        upload_to=FreshName("people"),
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Rotated upright and stripped of camera data when saved."),
    )
    photo_width = models.PositiveIntegerField(_("photo width"), editable=False, default=0)
    photo_height = models.PositiveIntegerField(_("photo height"), editable=False, default=0)
    photo_thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to="people/renditions/", blank=True, editable=False
    )
    photo_thumbnail_width = models.PositiveIntegerField(_("photo thumbnail width"), editable=False, default=0)
    photo_large = models.ImageField(_("large photo"), upload_to="people/renditions/", blank=True, editable=False)
    photo_large_width = models.PositiveIntegerField(_("large photo width"), editable=False, default=0)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="person_slug_unique_per_edition"),
            models.UniqueConstraint(
                fields=["edition", "identity"],
                name="one_person_per_identity_per_edition",
                violation_error_message=_("This person already has a row in this edition."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        validate_same_edition(
            edition_id=self.edition_id, other=self.organisation, field="organisation", label=_("Organisation")
        )
        validate_same_summit(summit_id=self.edition.summit_id if self.edition_id else None, identity=self.identity)
