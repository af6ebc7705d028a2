from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils.translation import gettext_lazy as _


class EditionAwareAutocompleteView(AutocompleteJsonView):
    """People and organisations exist per edition: show which edition each result belongs to."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        edition = getattr(obj, "edition", None)
        if edition is not None:
            result["text"] = f"{result['text']} · {edition.slug}"
        return result

    def get_queryset(self):
        queryset = super().get_queryset()
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
