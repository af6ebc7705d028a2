from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models

from agenda import services
from agenda.admin.identities import LinkAcrossEditionsMixin, identity_linked
from agenda.admin.importing import SpreadsheetImportAdmin
from agenda.admin.languages import BilingualAdmin, UntranslatedFilter
from agenda.images import ACCEPT_ATTRIBUTE, PictureFiles, picture_store
from agenda.images.forms import PictureField
from agenda.models import Organisation, Person
from agenda.resources import OrganisationResource, PersonResource
from agenda.translation import in_both_languages

from .scope import EditionFilter, EditionScopedAdmin, EditionScopedFilter


class PictureAdminMixin:
    """For a model with one picture: the upload is checked, then stored through the image service like an exhibit
    picture (upright, without camera data, with renditions); a replaced or cleared picture's files are removed.

    People and organisations are saved through their service (`update_service`), which also finds them at the
    summit's other editions and writes what is the same everywhere to each edition's row."""

    picture_field: str
    update_service = None

    formfield_overrides = {
        models.ImageField: {"form_class": PictureField, "widget": AdminFileWidget(attrs={"accept": ACCEPT_ATTRIBUTE})}
    }

    def save_model(self, request, obj, form, change):
        if self.update_service is not None:
            picture = services.KEEP_PICTURE
            if self.picture_field in form.changed_data:
                picture = form.cleaned_data[self.picture_field] or None  # False when "Clear" was ticked
            identified = self.update_service(obj, picture)
            identity_linked(request, identified, model_admin=self)
            return
        if self.picture_field not in form.changed_data:
            return super().save_model(request, obj, form, change)
        upload = form.cleaned_data[self.picture_field] or None  # False when "Clear" was ticked
        picture_store(instance=obj, upload=upload, files=PictureFiles.named(self.picture_field))


@admin.register(Organisation)
class OrganisationAdmin(
    LinkAcrossEditionsMixin, PictureAdminMixin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin
):
    resource_classes = [OrganisationResource]
    picture_field = "logo"
    list_display = ["name", "kind", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), "kind", "is_sample", UntranslatedFilter]
    search_fields = [*in_both_languages("name"), "slug"]
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["identity"]
    actions = ["link_across_editions"]

    @staticmethod
    def update_service(organisation, logo):
        return services.organisation_update(organisation=organisation, logo=logo)


@admin.register(Person)
class PersonAdmin(
    LinkAcrossEditionsMixin, PictureAdminMixin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin
):
    resource_classes = [PersonResource]
    picture_field = "photo"
    list_display = ["name", "title", "organisation", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), ("organisation", EditionScopedFilter), "is_sample", UntranslatedFilter]
    search_fields = [*in_both_languages("name", "title", "organisation__name"), "slug"]
    list_select_related = ["edition", "organisation"]
    autocomplete_fields = ["organisation", "identity"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["link_across_editions"]

    @staticmethod
    def update_service(person, photo):
        return services.person_update(person=person, photo=photo)
