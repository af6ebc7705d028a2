from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from agenda.models import Organisation, Person
from agenda.resources import OrganisationResource, PersonResource


@admin.register(Organisation)
class OrganisationAdmin(ImportExportModelAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "kind", "country", "edition", "is_sample"]
    list_filter = ["edition", "kind", "is_sample"]
    search_fields = ["name", "slug"]
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(ImportExportModelAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "title", "organisation", "country", "edition", "is_sample"]
    list_filter = ["edition", "is_sample"]
    search_fields = ["name", "title", "organisation__name", "slug"]
    list_select_related = ["edition", "organisation"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
