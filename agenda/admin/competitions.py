from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from agenda.admin.history import HistoryAdmin
from agenda.admin.languages import BilingualAdmin, BilingualStackedInline, BilingualTabularInline, UntranslatedFilter
from agenda.models import Competition, CompetitionEntry, CompetitionTrack
from agenda.resources import CompetitionEntryResource
from agenda.translation import in_both_languages

from .importing import SpreadsheetImportAdmin
from .scope import EditionChoiceFieldsMixin, EditionFilter, EditionScopedAdmin, EditionScopedFilter


class TrackInline(BilingualTabularInline):
    model = CompetitionTrack
    extra = 0
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position", "is_sample"]


class EntryInline(EditionChoiceFieldsMixin, BilingualStackedInline):
    model = CompetitionEntry
    extra = 1
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["project_title"]}
    fields = [
        ("project_title", "slug"),
        ("team", "organisation", "country"),
        ("track", "result", "position"),
        "summary",
        "is_sample",
    ]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this competition's tracks make sense for its entries.
        tracks = formset.form.base_fields["track"]
        tracks.queryset = CompetitionTrack.objects.filter(competition=obj) if obj else CompetitionTrack.objects.none()
        return formset


@admin.register(Competition)
class CompetitionAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin):
    list_display = ["name", "edition", "final", "entry_count", "position", "is_sample"]
    list_filter = [("edition", EditionFilter), "is_sample", UntranslatedFilter]
    search_fields = in_both_languages("name", "description")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["final"]
    inlines = [TrackInline, EntryInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("edition", "final")
        return queryset.annotate(entry_total=Count("entries"))

    @admin.display(description=_("entries"), ordering="entry_total")
    def entry_count(self, obj):
        return obj.entry_total


@admin.register(CompetitionEntry)
class CompetitionEntryAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    edition_lookup = "competition__edition"
    edition_source = "competition"
    resource_classes = [CompetitionEntryResource]
    list_display = ["project_title", "competition", "track", "result", "team", "organisation", "position"]
    list_filter = [
        ("competition__edition", EditionFilter),
        ("competition", EditionScopedFilter),
        "result",
        "is_sample",
        UntranslatedFilter,
    ]
    search_fields = ["slug", *in_both_languages("project_title", "team", "summary", "organisation__name")]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["project_title"]}
    list_select_related = ["competition", "track", "organisation"]
