"""The file formats organisers import: CSV as spreadsheets save it, and Excel workbooks."""

import csv
import io

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats

# Excel on Chinese Windows saves "CSV" in GB18030 (GBK); elsewhere in UTF-8, with or without a byte order mark.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


class UnreadableFile(ValueError):
    """A file that is not what its format says; the message tells the organiser how to save it."""


def decode_csv(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode text" from Excel
        return data.decode("utf-16")
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        _(
            "This file's text could not be read: it is in neither UTF-8 nor GB18030. "
            "Save it again from your spreadsheet as “CSV UTF-8”, or as an Excel workbook."
        )
    )


class SpreadsheetCSV(base_formats.CSV):
    """CSV read from bytes in the encodings spreadsheets use; blank lines are kept so row numbers match the file."""

    def is_binary(self):
        return True  # the bytes reach `create_dataset`, which finds the encoding

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        text = decode_csv(in_stream) if isinstance(in_stream, bytes) else in_stream
        rows = list(csv.reader(io.StringIO(text, newline="")))
        dataset = tablib.Dataset()
        if not rows:
            return dataset
        width = max(len(row) for row in rows)
        dataset.headers = rows[0] + [""] * (width - len(rows[0]))
        for row in rows[1:]:
            dataset.append(row + [""] * (width - len(row)))
        return dataset


class SpreadsheetXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream):
        try:
            return super().create_dataset(in_stream)
        except Exception as error:
            raise UnreadableFile(
                _("This file could not be read as an Excel workbook (.xlsx). Choose CSV if it is a CSV file.")
            ) from error
