from .edition import Edition, Summit
from .people import Organisation, Person, Topic
from .session import Session, SessionItem, SessionOrganiser, SessionSpeaker
from .venue import Room, Venue

__all__ = [
    "Edition",
    "Organisation",
    "Person",
    "Room",
    "Session",
    "SessionItem",
    "SessionOrganiser",
    "SessionSpeaker",
    "Summit",
    "Topic",
    "Venue",
]
