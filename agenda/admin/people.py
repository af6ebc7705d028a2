from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models

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
    picture (upright, without camera data, with renditions); a replaced or cleared picture's files are removed."""

    picture_field: str

    formfield_overrides = {
        models.ImageField: {"form_class": PictureField, "widget": AdminFileWidget(attrs={"accept": ACCEPT_ATTRIBUTE})}
    }

    def save_model(self, request, obj, form, change):
        if self.picture_field not in form.changed_data:
            return super().save_model(request, obj, form, change)
        upload = form.cleaned_data[self.picture_field] or None  # False when "Clear" was ticked
        picture_store(instance=obj, upload=upload, files=PictureFiles.named(self.picture_field))


@admin.register(Organisation)
class OrganisationAdmin(PictureAdminMixin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    resource_classes = [OrganisationResource]
    picture_field = "logo"
    list_display = ["name", "kind", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), "kind", "is_sample", UntranslatedFilter]
    search_fields = [*in_both_languages("name"), "slug"]
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(PictureAdminMixin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    resource_classes = [PersonResource]
    picture_field = "photo"
    list_display = ["name", "title", "organisation", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), ("organisation", EditionScopedFilter), "is_sample", UntranslatedFilter]
    search_fields = [*in_both_languages("name", "title", "organisation__name"), "slug"]
    list_select_related = ["edition", "organisation"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
