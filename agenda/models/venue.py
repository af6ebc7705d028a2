from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Venue(models.Model):
    edition = models.ForeignKey(
        "agenda.Edition", on_delete=models.CASCADE, related_name="venues", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="venue_slug_unique_per_edition")]

    def __str__(self):
        return self.name


class Room(models.Model):
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("venue"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Unique within the edition; used in /<edition>/rooms/<slug>/.")
    )
    building = models.CharField(_("building"), max_length=200, blank=True)
    floor = models.CharField(_("floor"), max_length=20, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats; leave empty if unknown.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order of rooms in the grid."))

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["venue", "slug"], name="room_slug_unique_per_venue")]

    def __str__(self):
        return self.name

    def clean(self):
        # Room addresses are per edition, and an edition can have several venues.
        if self.venue_id and self.slug:
            taken = Room.objects.filter(venue__edition_id=self.venue.edition_id, slug=self.slug).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError({"slug": _("Another room of this edition already uses this slug.")})
