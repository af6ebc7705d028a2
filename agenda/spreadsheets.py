"""Spreadsheet cells that cannot run: exported text never starts a formula, and import undoes it.

A delegate or speaker types what they like into a name or a title; a spreadsheet opening our CSV or
XLSX would run `=HYPERLINK(…)` or `+1+1` typed there. As OWASP advises for CSV injection, a text cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`.

The escape is undone on import, so a programme file exported and imported again is unchanged. So
that this holds for every text, a text that already starts with `'` before such a character gets
one more `'` on export, and import removes exactly one.
"""

from import_export import widgets

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_escape(text):
    return text.lstrip("'").startswith(FORMULA_TRIGGERS)


def neutralise(value):
    """`=1+1` becomes `'=1+1`; values that are not text, and harmless text, are returned as they are."""
    if isinstance(value, str) and _needs_escape(value):
        return "'" + value
    return value


def restore(value):
    """Undo `neutralise`: `'=1+1` becomes `=1+1`, `'hello` stays `'hello`."""
    if isinstance(value, str) and value.startswith("'") and _needs_escape(value[1:]):
        return value[1:]
    return value


class FormulaSafeResourceMixin:
    """For every import-export resource: neutralise text cells on export, restore them on import.

    Numbers keep their value, in CSV (“-3”) as in XLSX, and dates are never text that starts a formula.
    """

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(field.widget, widgets.NumberWidget):
            return value
        return neutralise(value)

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        for key, value in row.items():
            row[key] = restore(value)
