from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils.translation import gettext_lazy as _


class EditionAwareAutocompleteView(AutocompleteJsonView):
    """People and organisations exist per edition: show which edition each result belongs to."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        venue = getattr(obj, "venue", None) if obj._meta.model_name == "room" else None
        edition = venue.edition if venue is not None else getattr(obj, "edition", None)
        parts = [result["text"], venue.name if venue is not None else None, edition.slug if edition else None]
        result["text"] = " · ".join(part for part in parts if part)
        return result

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model._meta.model_name == "room":
            return queryset.select_related("venue__edition")
        if hasattr(queryset.model, "edition"):
            queryset = queryset.select_related("edition")
        return queryset


class WicAdminSite(admin.AdminSite):
    site_header = _("WIC Planner")
    site_title = _("WIC Planner")
    index_title = _("Organisers’ back office")

    def autocomplete_view(self, request):
        return EditionAwareAutocompleteView.as_view(admin_site=self)(request)


class WicAdminConfig(AdminConfig):
    default_site = "wicplanner.admin_site.WicAdminSite"
