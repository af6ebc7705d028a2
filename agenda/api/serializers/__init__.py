"""What the read-only API returns. Times are given in the edition's own zone, with its UTC offset.

The serializers read only what the views load in advance (see `agenda.api.views`): nothing here may
touch the database per row. One module per part of the programme; the views import them from here.
"""

from .awards import AwardCategorySerializer, AwardCeremonySerializer, AwardProgrammeSerializer, HonoureeSerializer
from .competitions import (
    CompetitionEntrySerializer,
    CompetitionFinalSerializer,
    CompetitionSerializer,
    CompetitionTrackSerializer,
)
from .editions import ApiRootSerializer, EditionLinksSerializer, EditionSerializer
from .expo import ExhibitPictureSerializer, ExhibitSerializer
from .fields import EnumField, absolute_url
from .outcomes import OutcomePdfSerializer, OutcomeSerializer, OutcomeSessionSerializer
from .people import OrganisationSerializer, SpeakerSerializer
from .sessions import SessionItemSerializer, SessionSerializer, timed_items

__all__ = [
    "ApiRootSerializer",
    "AwardCategorySerializer",
    "AwardCeremonySerializer",
    "AwardProgrammeSerializer",
    "CompetitionEntrySerializer",
    "CompetitionFinalSerializer",
    "CompetitionSerializer",
    "CompetitionTrackSerializer",
    "EditionLinksSerializer",
    "EditionSerializer",
    "EnumField",
    "ExhibitPictureSerializer",
    "ExhibitSerializer",
    "HonoureeSerializer",
    "OrganisationSerializer",
    "OutcomePdfSerializer",
    "OutcomeSerializer",
    "OutcomeSessionSerializer",
    "SessionItemSerializer",
    "SessionSerializer",
    "SpeakerSerializer",
    "absolute_url",
    "timed_items",
]
