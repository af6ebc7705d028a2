from django.contrib import admin

from agenda.admin.importing import SpreadsheetImportAdmin
from agenda.models import Organisation, Person
from agenda.resources import OrganisationResource, PersonResource

from .scope import EditionFilter, EditionScopedAdmin, EditionScopedFilter


@admin.register(Organisation)
class OrganisationAdmin(EditionScopedAdmin, SpreadsheetImportAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), "kind", "is_sample"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(EditionScopedAdmin, SpreadsheetImportAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "title", "organisation", "country", "edition", "is_sample"]
    list_filter = [("edition", EditionFilter), ("organisation", EditionScopedFilter), "is_sample"]
    search_fields = ["name", "title", "organisation__name", "slug"]
    list_select_related = ["edition", "organisation"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
