import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agenda.enums import ExhibitCategory
from agenda.images import validate_image_upload
from agenda.validators import validate_same_edition

from .edition import days_label


class Expo(models.Model):
    """An exhibition held with an edition, e.g. the Light of the Internet Expo."""

    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="expos", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    venue = models.ForeignKey(
        "agenda.Venue", on_delete=models.SET_NULL, null=True, blank=True, related_name="expos", verbose_name=_("venue")
    )
    start_date = models.DateField(_("opens"), null=True, blank=True)
    end_date = models.DateField(_("closes"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("expo")
        verbose_name_plural = _("expos")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="expo_slug_unique_per_edition"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="expo_closes_after_it_opens",
                violation_error_message=_("The expo cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def dates_label(self):
        """When the expo is open, for a sentence ("" if its days are not set)."""
        if self.start_date and self.end_date:
            return days_label(self.start_date, self.end_date)
        return ""

    def clean(self):
        if self.venue_id:
            validate_same_edition(edition_id=self.edition_id, other=self.venue, field="venue", label=_("Venue"))


class Hall(models.Model):
    expo = models.ForeignKey(Expo, on_delete=models.CASCADE, related_name="halls", verbose_name=_("expo"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["expo", "slug"], name="hall_slug_unique_per_expo")]

    def __str__(self):
        return self.name


class ExhibitQuerySet(models.QuerySet):
    def of_edition(self, edition):
        return self.filter(expo__edition=edition)


class Exhibit(models.Model):
    expo = models.ForeignKey(Expo, on_delete=models.CASCADE, related_name="exhibits", verbose_name=_("expo"))
    exhibitor = models.ForeignKey(
        "agenda.Organisation", on_delete=models.RESTRICT, related_name="exhibits", verbose_name=_("exhibitor")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Unique within the edition; part of the exhibit’s address.")
    )
    category = models.CharField(
        _("category"), max_length=20, choices=ExhibitCategory.choices, default=ExhibitCategory.OTHER
    )
    hall = models.ForeignKey(
        Hall, on_delete=models.SET_NULL, null=True, blank=True, related_name="exhibits", verbose_name=_("hall")
    )
    booth = models.CharField(_("booth"), max_length=20, blank=True, help_text=_("e.g. “A-12”."))
    description = models.TextField(_("description"), blank=True)
    is_featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown on the edition’s home page."))
    position = models.PositiveIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Invented for demonstration; not taken from a source.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExhibitQuerySet.as_manager()
    # Who changed the exhibit, when, and what: read on its admin "History" page.
    revisions = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")
        ordering = ["position", "title"]
        constraints = [models.UniqueConstraint(fields=["expo", "slug"], name="exhibit_slug_unique_per_expo")]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.expo_id:
            return
        errors = {}
        try:
            validate_same_edition(
                edition_id=self.expo.edition_id,
                other=self.exhibitor if self.exhibitor_id else None,
                field="exhibitor",
                label=_("Exhibitor"),
            )
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.hall_id and self.hall.expo_id != self.expo_id:
            errors["hall"] = _("Hall “%(name)s” belongs to another expo.") % {"name": self.hall.name}
        if self.slug:
            taken = Exhibit.objects.filter(expo__edition_id=self.expo.edition_id, slug=self.slug).exclude(pk=self.pk)
            if taken.exists():
                errors["slug"] = _("Another exhibit of this edition already uses this slug.")
        if errors:
            raise ValidationError(errors)


def picture_path(picture, filename):
    # A fresh name per upload: a replaced picture never reuses a cached address.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"expo/{picture.exhibit.expo.edition.slug}/{uuid.uuid4().hex}.{extension}"


class ExhibitPicture(models.Model):
    """A picture of an exhibit: the normalised original plus renditions made once at upload."""

    exhibit = models.ForeignKey(Exhibit, on_delete=models.CASCADE, related_name="pictures", verbose_name=_("exhibit"))
    image = models.ImageField(
        _("picture"),
        upload_to=picture_path,
        width_field="width",
        height_field="height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Rotated upright and stripped of camera data when saved."),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    thumbnail = models.ImageField(_("thumbnail"), upload_to="expo/renditions/", blank=True, editable=False)
    thumbnail_width = models.PositiveIntegerField(editable=False, default=0)
    large = models.ImageField(_("large rendition"), upload_to="expo/renditions/", blank=True, editable=False)
    large_width = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"), max_length=250, help_text=_("What the picture shows, for people who cannot see it.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.alt_text

    @property
    def file_names(self):
        return [f.name for f in (self.image, self.thumbnail, self.large) if f]
