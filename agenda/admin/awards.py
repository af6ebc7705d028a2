from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from agenda.admin.history import HistoryAdmin
from agenda.admin.languages import BilingualAdmin, BilingualStackedInline, BilingualTabularInline, UntranslatedFilter
from agenda.models import AwardCategory, AwardProgramme, Honouree
from agenda.translation import in_both_languages

from .scope import EditionChoiceFieldsMixin, EditionFilter, EditionScopedAdmin, EditionScopedFilter


class CategoryInline(BilingualTabularInline):
    model = AwardCategory
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


class HonoureeInline(EditionChoiceFieldsMixin, BilingualStackedInline):
    model = Honouree
    extra = 1
    autocomplete_fields = ["person", "organisation"]
    fields = [("person", "organisation"), ("category", "position"), "case_title", "citation", "is_sample"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this programme's categories make sense for its honourees.
        categories = formset.form.base_fields["category"]
        categories.queryset = AwardCategory.objects.filter(programme=obj) if obj else AwardCategory.objects.none()
        return formset


@admin.register(AwardProgramme)
class AwardProgrammeAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin):
    list_display = ["name", "edition", "ceremony", "honouree_count", "position"]
    list_filter = [("edition", EditionFilter), UntranslatedFilter]
    search_fields = in_both_languages("name", "description")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["ceremony"]
    inlines = [CategoryInline, HonoureeInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("edition", "ceremony")
        return queryset.annotate(honouree_total=Count("honourees"))

    @admin.display(description=_("honourees"), ordering="honouree_total")
    def honouree_count(self, obj):
        return obj.honouree_total


@admin.register(Honouree)
class HonoureeAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin):
    edition_lookup = "programme__edition"
    edition_source = "programme"
    list_display = ["__str__", "programme", "category", "person", "organisation", "position"]
    list_filter = [("programme__edition", EditionFilter), ("programme", EditionScopedFilter), UntranslatedFilter]
    search_fields = in_both_languages("case_title", "citation", "person__name", "organisation__name")
    autocomplete_fields = ["person", "organisation"]
    list_select_related = ["programme", "category", "person", "organisation"]
