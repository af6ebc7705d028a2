from django.utils import timezone
from django.utils.text import slugify
from import_export.admin import ImportExportModelAdmin

from agenda.imports.formats import SpreadsheetCSV, SpreadsheetXLSX, UnreadableFile

from .edition_paths import edition_path


class SpreadsheetImportAdmin(ImportExportModelAdmin):
    """Imports of CSV in the encodings spreadsheets save, and of workbooks; an unreadable file says how to fix it.
    Exported files are named after what they hold: `sessions-2024-2026-12-06.xlsx`."""

    import_formats = [SpreadsheetCSV, SpreadsheetXLSX]

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnreadableFile):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_export_filename(self, request, queryset, file_format):
        parts = [slugify(str(self.opts.verbose_name_plural))]
        path = edition_path(self.model)
        if path:
            editions = list(queryset.order_by().values_list(f"{path}__slug", flat=True).distinct()[:2])
            parts.append(editions[0] if len(editions) == 1 else "all-editions")
        parts.append(timezone.localdate().isoformat())
        return f"{'-'.join(parts)}.{file_format.get_extension()}"
