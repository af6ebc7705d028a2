from .agenda import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    SummitFactory,
    TopicFactory,
    VenueFactory,
)

__all__ = [
    "EditionFactory",
    "OrganisationFactory",
    "PersonFactory",
    "RoomFactory",
    "SessionFactory",
    "SessionItemFactory",
    "SessionOrganiserFactory",
    "SessionSpeakerFactory",
    "SummitFactory",
    "TopicFactory",
    "VenueFactory",
]
