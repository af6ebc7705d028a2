"""One person or organisation across a summit's editions.

People and organisations are rows of an edition (each edition's speakers, with their title and organisation that
year). The same person at several editions is one identity: each edition's row points to it, at most one row per
edition. What is the same everywhere (a person's name, biography, photo and country; an organisation's name, logo,
website, country and kind) is kept equal in every row of the identity by `agenda.services.person_update` and
`organisation_update`, so that pages, feeds and the API read one edition's rows as they always have.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonIdentity(models.Model):
    summit = models.ForeignKey(
        "agenda.Summit", on_delete=models.CASCADE, related_name="person_identities", verbose_name=_("summit")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)

    class Meta:
        verbose_name = _("person across editions")
        verbose_name_plural = _("people across editions")
        ordering = ["name", "slug"]
        constraints = [models.UniqueConstraint(fields=["summit", "slug"], name="person_identity_slug_unique")]

    def __str__(self):
        return self.name


class OrganisationIdentity(models.Model):
    summit = models.ForeignKey(
        "agenda.Summit", on_delete=models.CASCADE, related_name="organisation_identities", verbose_name=_("summit")
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)

    class Meta:
        verbose_name = _("organisation across editions")
        verbose_name_plural = _("organisations across editions")
        ordering = ["name", "slug"]
        constraints = [models.UniqueConstraint(fields=["summit", "slug"], name="organisation_identity_slug_unique")]

    def __str__(self):
        return self.name
