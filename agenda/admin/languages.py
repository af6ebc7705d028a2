"""Content in two languages in the back office: each translated field is edited as an English and a Chinese
field side by side ("Title [en]" | "Title [zh-hans]"; in an inline's compact rows, one above the other in one
column), and lists can be narrowed to what still lacks Chinese.

`BilingualAdmin` is a model admin: it goes after the mixins among an admin's bases (`HistoryAdmin`,
`EditionScopedAdmin`) and before `SpreadsheetImportAdmin`; inlines use
`BilingualTabularInline` / `BilingualStackedInline`. Neither loads anything from outside the site.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from agenda.translation import any_text_missing_chinese, texts_missing_chinese

from .scope import listed_edition


def side_by_side(fieldsets):
    """The fieldsets with each English field and its Chinese twin on one row."""
    return [(title, {**options, "fields": pair_languages(options["fields"])}) for title, options in fieldsets]


def pair_languages(fields):
    rows = []
    for name in fields:
        previous = rows[-1] if rows else None
        if isinstance(previous, str) and previous.endswith("_en") and name == f"{previous[:-3]}_zh_hans":
            rows[-1] = (previous, name)
        else:
            rows.append(name)
    return rows


BILINGUAL_CSS = {"all": ["css/admin-languages.css"]}


class BilingualAdmin(TranslationAdmin):
    class Media:
        css = BILINGUAL_CSS

    def get_form(self, request, obj=None, change=False, **kwargs):
        # TranslationAdmin takes no positional `change`, which the mixins before it pass on.
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        return side_by_side(super().get_fieldsets(request, obj))

    def get_list_display(self, request):
        # Narrowed to what lacks Chinese, the list says which texts: “opening ceremony” may lack only its description.
        columns = super().get_list_display(request)
        if request.GET.get(UntranslatedFilter.parameter_name) == UntranslatedFilter.MISSING:
            return [*columns, "chinese_missing"]
        return columns

    @admin.display(description=_("Chinese missing for"))
    def chinese_missing(self, obj):
        return ", ".join(str(label) for label in texts_missing_chinese(obj)) or "—"


class BilingualTabularInline(TranslationTabularInline):
    template = "admin/edit_inline/bilingual_tabular.html"

    class Media:
        css = BILINGUAL_CSS


class BilingualStackedInline(TranslationStackedInline):
    class Media:
        css = BILINGUAL_CSS

    def get_fieldsets(self, request, obj=None):
        return side_by_side(super().get_fieldsets(request, obj))


class UntranslatedFilter(admin.SimpleListFilter):
    """Rows with a text given in English but not in Chinese (title, name, description …), counted for the edition
    the list shows."""

    title = _("translation")
    parameter_name = "untranslated"
    MISSING, DONE = "missing", "done"

    def lookups(self, request, model_admin):
        rows = model_admin.model._default_manager.all()
        edition = listed_edition(request, model_admin)
        if edition is not None:
            rows = rows.filter(**{model_admin.edition_lookup: edition})
        missing = rows.filter(any_text_missing_chinese(rows.model)).count()
        return [
            (self.MISSING, _("Chinese missing (%(count)d)") % {"count": missing}),
            (self.DONE, _("Chinese given")),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.MISSING:
            return queryset.filter(any_text_missing_chinese(queryset.model))
        if self.value() == self.DONE:
            return queryset.exclude(any_text_missing_chinese(queryset.model))
        return queryset
