from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wicplanner.i18n import path_in_language


class EditionAwareAutocompleteView(AutocompleteJsonView):
    """Rooms, people, organisations … exist per edition: offer those of the edition asked for (?edition=<id>),
    by name, each labelled with its venue (rooms) and edition so that namesakes are told apart."""

    # agenda.admin registers its models with this site: its helpers are imported when first used.
    def serialize_result(self, obj, to_field_name):
        from agenda.admin.edition_paths import edition_label

        result = super().serialize_result(obj, to_field_name)
        result["text"] = edition_label(obj)
        return result

    def get_queryset(self):
        from agenda.admin.edition_paths import by_name, edition_path, parse_id

        queryset = super().get_queryset()
        path = edition_path(queryset.model)
        if path is None:
            return queryset
        # A value that is not an edition's number is ignored; a number that is none finds nothing.
        edition = parse_id(self.request.GET.get("edition"))
        if edition is not None:
            queryset = queryset.filter(**{path: edition})
        return by_name(queryset.select_related(path))


class WicAdminSite(admin.AdminSite):
    site_header = _("WIC Planner")
    site_title = _("WIC Planner")
    index_title = _("Organisers’ back office")

    def each_context(self, request):
        # "View site" opens the public site in the language the back office speaks (/zh-hans/ for Chinese).
        context = super().each_context(request)
        context["site_url"] = path_in_language(self.site_url, translation.get_language())
        return context

    def autocomplete_view(self, request):
        return EditionAwareAutocompleteView.as_view(admin_site=self)(request)


class WicAdminConfig(AdminConfig):
    default_site = "wicplanner.admin_site.WicAdminSite"
