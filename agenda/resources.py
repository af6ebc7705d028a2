"""The programme's import and export resources; they live in the agenda.imports package."""

from agenda.imports import (
    ExhibitResource,
    OrganisationResource,
    OutcomeResource,
    PersonResource,
    SessionResource,
)

__all__ = ["ExhibitResource", "OrganisationResource", "OutcomeResource", "PersonResource", "SessionResource"]
