"""The programme's import and export resources; they live in the agenda.imports package."""

from agenda.imports import (
    CompetitionEntryResource,
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
