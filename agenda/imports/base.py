"""What every programme import shares: rows numbered as the spreadsheet shows them, the columns checked
before any row, each bad row reported with its column and message, and "nothing to change" when the
file matches what is saved.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.results import Result, RowResult

from agenda.imports.lookups import Lookups, cell_text, nearest
from agenda.imports.widgets import LookupWidget
from agenda.spreadsheets import FormulaSafeResourceMixin

# The header is the spreadsheet's row 1, so the first data row is row 2.
HEADER_ROWS = 1


def column_letter(index):
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def normalise_header(value):
    """“Run of show ” and “Run-of-show” are the column run_of_show."""
    return re.sub(r"[\s\-]+", "_", cell_text(value).lstrip("\ufeff").strip().lower())


@dataclass(frozen=True)
class Cell:
    column: str
    value: object
    wrong: bool


class SpreadsheetResult(Result):
    """The result of an import, with every row numbered as in the spreadsheet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Worth knowing, but no reason to stop: columns that are not read, columns left as they are.
        self.notes = []

    def append_invalid_row(self, number, row, validation_error):
        super().append_invalid_row(number + HEADER_ROWS, row, validation_error)
        invalid = self.invalid_rows[-1]
        # Each cell as typed, marked when its column has a problem.
        invalid.cells = [
            Cell(header, cell_text_or_value(row.get(header)), header in invalid.error_dict)
            for header in self.diff_headers
        ]

    def append_error_row(self, number, row, errors):
        super().append_error_row(number + HEADER_ROWS, row, errors)

    def row_errors(self):
        return [(row.number, row.errors) for row in self.error_rows]

    @property
    def rows_read(self):
        """Rows with something in them (empty spreadsheet rows are passed over)."""
        return [row for row in self.rows if not getattr(row, "blank", False)]

    @property
    def change_count(self):
        return sum(self.totals[kind] for kind in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE))

    @property
    def unchanged_count(self):
        return self.totals[RowResult.IMPORT_TYPE_SKIP]

    @property
    def nothing_to_change(self):
        return not (self.has_errors() or self.has_validation_errors()) and self.change_count == 0


class ProgrammeResource(FormulaSafeResourceMixin, resources.ModelResource):
    """Rows are matched by edition and slug; every bad row is reported in the preview, all at once.

    `required_columns` must be in every file; any other column may be left out, and then what it
    would set stays as it is saved.
    """

    required_columns = ("edition", "slug")

    @classmethod
    def get_result_class(cls):
        return SpreadsheetResult

    def import_data(self, dataset, **kwargs):
        # Nothing is written unless every row is clean, also when the confirmed file meets a changed database.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._seen_keys = {}
        self._notes = []
        self._header_problem = False
        lookups = Lookups()
        for field in self.fields.values():
            if isinstance(field.widget, LookupWidget):
                field.widget.lookups = lookups
        self.check_columns(dataset)

    def check_columns(self, dataset):
        """Names the columns that are missing, repeated or not read, before any row is looked at."""
        headers = [normalise_header(header) for header in dataset.headers or []]
        if headers:
            dataset.headers = headers
        known = [field.column_name for field in self.get_import_fields()]
        present = [header for header in headers if header]
        unknown = [header for header in present if header not in known]
        missing = [column for column in self.required_columns if column not in present]
        twice = [header for header, count in Counter(present).items() if count > 1]
        problems = []
        if missing:
            problems.append(
                _("Missing columns: %(missing)s. The file has: %(present)s.")
                % {"missing": ", ".join(missing), "present": ", ".join(present) or _("no header row")}
            )
        for header in twice:
            letters = [column_letter(index) for index, name in enumerate(headers) if name == header]
            problems.append(
                _("The column “%(column)s” appears more than once (columns %(letters)s): keep one.")
                % {"column": header, "letters": ", ".join(letters)}
            )
        if unknown:
            hints = []
            for header in unknown:
                close = nearest(header, [column for column in known if column not in present])
                if close:
                    hints.append(_("“%(typed)s” may be “%(column)s”") % {"typed": header, "column": close})
            note = _("These columns are not read: %(unknown)s.") % {"unknown": ", ".join(unknown)}
            if hints:
                note += " " + "; ".join(hints) + "."
            (problems if missing else self._notes).append(note)
        if problems:
            problems.append(_("The columns of this import are: %(known)s.") % {"known": ", ".join(known)})
            self._header_problem = True
            raise ValueError(" ".join(problems))
        nameless = [
            column_letter(index)
            for index, name in enumerate(headers)
            if not name and any(cell_text(value) for value in dataset.get_col(index))
        ]
        if nameless:
            self._notes.append(
                _("Column %(letters)s has no name in row 1, so what it holds is not read.")
                % {"letters": ", ".join(nameless)}
            )
        left_out = [column for column in known if column not in present]
        if left_out:
            self._notes.append(
                _("Not in the file: %(columns)s. Saved rows keep what they hold there; new rows get the defaults.")
                % {"columns": ", ".join(left_out)}
            )

    def before_import_row(self, row, **kwargs):
        # A workbook's empty cell is None: the same as an empty CSV cell.
        for key, value in row.items():
            if value is None:
                row[key] = ""
        super().before_import_row(row, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs["row_number"] + HEADER_ROWS
        if self._header_problem or all(cell_text(value) == "" for value in row.values()):
            row_result = self.get_row_result_class()()
            row_result.blank = True
        else:
            row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.number = self._row_number
        return row_result

    def import_instance(self, instance, row, **kwargs):
        """Every column's problem at once, several messages for one cell included."""
        errors = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            try:
                self.import_field(field, instance, row, **kwargs)
            except ValueError as error:
                errors[field.attribute] = ValidationError(force_str(error), code="invalid")
            except ValidationError as error:
                errors[field.attribute] = error
        if errors:
            raise ValidationError(errors)

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # an unknown edition or a bad slug: the field check reports it on this row

    def row_key(self, instance):
        return (instance.edition_id, instance.slug)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Every row's key is noted here, unchanged rows too, so that a repeated slug is always found.
        self._first_row_with_key = None
        key = self.row_key(instance)
        if all(key):
            first = self._seen_keys.setdefault(key, self._row_number)
            if first != self._row_number:
                self._first_row_with_key = first
                return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        first = getattr(self, "_first_row_with_key", None)
        if first:
            errors.setdefault("slug", []).append(
                _("The slug “%(slug)s” is already used by row %(row)d of this file.")
                % {"slug": instance.slug, "row": first}
            )
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            # A text's English field ("title_en") is reported on its column ("title").
            columns = {field.attribute: field.column_name for field in self.get_import_fields()}
            raise ValidationError(
                {columns.get(name, name): messages for name, messages in error.message_dict.items()}
            ) from error

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.notes = list(getattr(self, "_notes", []))


def cell_text_or_value(value):
    return "" if value is None else value
