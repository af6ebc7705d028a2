from .awards import AwardCategory, AwardProgramme, Honouree
from .competitions import Competition, CompetitionEntry, CompetitionTrack
from .edition import Edition, Summit
from .expo import Exhibit, ExhibitPicture, Expo, Hall
from .identities import OrganisationIdentity, PersonIdentity
from .outcomes import Outcome
from .people import Organisation, Person, Topic
from .release import Release
from .session import Session, SessionItem, SessionOrganiser, SessionSpeaker
from .sources import EditionSource
from .venue import Room, Venue

__all__ = [
    "AwardCategory",
    "AwardProgramme",
    "Competition",
    "CompetitionEntry",
    "CompetitionTrack",
    "Exhibit",
    "ExhibitPicture",
    "Expo",
    "Hall",
    "Honouree",
    "Edition",
    "EditionSource",
    "Organisation",
    "OrganisationIdentity",
    "Outcome",
    "Person",
    "PersonIdentity",
    "Release",
    "Room",
    "Session",
    "SessionItem",
    "SessionOrganiser",
    "SessionSpeaker",
    "Summit",
    "Topic",
    "Venue",
]
