from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from agenda.admin.history import HistoryAdmin
from agenda.admin.importing import SpreadsheetImportAdmin
from agenda.admin.languages import BilingualAdmin, UntranslatedFilter
from agenda.images import delete_files
from agenda.models import Outcome
from agenda.resources import OutcomeResource
from agenda.translation import in_both_languages

from .scope import EditionFilter, EditionScopedAdmin


@admin.register(Outcome)
class OutcomeAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    resource_classes = [OutcomeResource]
    list_display = ["title", "kind", "released_on", "session", "document", "edition", "is_sample", "position"]
    list_filter = [("edition", EditionFilter), "kind", "is_sample", UntranslatedFilter]
    search_fields = ["slug", *in_both_languages("title", "summary")]
    autocomplete_fields = ["session", "publishers"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["edition", "session"]
    formfield_overrides = {
        models.FileField: {"widget": AdminFileWidget(attrs={"accept": "application/pdf,.pdf"})},
        models.URLField: {"assume_scheme": "https"},
    }
    fieldsets = [
        (None, {"fields": ["edition", "title", "slug", "kind", "released_on", "session", "publishers"]}),
        (_("The document"), {"fields": ["url", "pdf"]}),
        (_("Content"), {"fields": ["summary", ("position", "is_sample")]}),
    ]

    @admin.display(description=_("document"))
    def document(self, obj):
        parts = []
        if obj.pdf:
            parts.append(_("PDF, %(size)s") % {"size": filesizeformat(obj.pdf_size)})
        if obj.url:
            parts.append(_("link"))
        return " · ".join(str(part) for part in parts)

    def save_model(self, request, obj, form, change):
        # A replaced or cleared PDF leaves no file behind, once the change is committed.
        old = Outcome.objects.filter(pk=obj.pk).values_list("pdf", flat=True).first() if change else None
        super().save_model(request, obj, form, change)
        if old and old != obj.pdf.name:
            storage = obj.pdf.storage
            transaction.on_commit(lambda: delete_files(storage, [old]))
