"""CSV and XLSX imports and exports of the programme, made for organisers to fix a file on their own.

A row names its edition by slug and everything else (rooms, venues, topics, people, organisations,
expos, halls) by slug within that edition. Times without an offset are read in the edition's own time
zone. Rows are numbered as the spreadsheet shows them (the header is row 1), each bad row is reported
with its column and a message that says how to fix it, and nothing is written until the whole file is
clean. Exported text never opens as a formula, and importing that file again changes nothing.
"""

from agenda.imports.competitions import CompetitionEntryResource
from agenda.imports.programme import (
    ExhibitResource,
    OrganisationResource,
    OutcomeResource,
    PersonResource,
    SessionResource,
)

__all__ = [
    "CompetitionEntryResource",
    "ExhibitResource",
    "OrganisationResource",
    "OutcomeResource",
    "PersonResource",
    "SessionResource",
]
