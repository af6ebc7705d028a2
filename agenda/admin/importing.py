from import_export.admin import ImportExportModelAdmin

from agenda.imports.formats import SpreadsheetCSV, SpreadsheetXLSX, UnreadableFile


class SpreadsheetImportAdmin(ImportExportModelAdmin):
    """Imports of CSV in the encodings spreadsheets save, and of workbooks; an unreadable file says how to fix it."""

    import_formats = [SpreadsheetCSV, SpreadsheetXLSX]

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnreadableFile):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)
