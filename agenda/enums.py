from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government")
    INTERNATIONAL = "international", _("International organisation")
    ACADEMIA = "academia", _("Academia")
    THINK_TANK = "think_tank", _("Think tank")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class SessionKind(models.TextChoices):
    OPENING_CEREMONY = "opening_ceremony", _("Opening ceremony")
    PLENARY = "plenary", _("Plenary / main forum")
    SUB_FORUM = "sub_forum", _("Sub-forum")
    AWARD_CEREMONY = "award_ceremony", _("Award ceremony")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    COMPETITION = "competition", _("Competition")
    EXPO_EVENT = "expo_event", _("Expo event")
    SIDE_EVENT = "side_event", _("Side event")
    BREAK = "break", _("Break")


class EditionPhase(models.TextChoices):
    """Where an edition stands on a given day, in its own time zone."""

    AHEAD = "ahead", _("Ahead")
    ON = "on", _("On")
    PAST = "past", _("Past")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class SessionLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    BILINGUAL = "en-zh", _("English and Chinese (interpretation)")


class OrganiserRole(models.TextChoices):
    HOST = "host", pgettext_lazy("an organisation's role in a session", "Host")
    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co_organiser", _("Co-organiser")
    SPONSOR = "sponsor", _("Sponsor")
    SUPPORTER = "supporter", _("Supporter")


class SpeakerRole(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    SPEAKER = "speaker", _("Speaker")
    PANELIST = "panelist", _("Panelist")
    MODERATOR = "moderator", _("Moderator")
    HOST = "host", pgettext_lazy("a person's role in a session", "Host")


class ExhibitCategory(models.TextChoices):
    ARTIFICIAL_INTELLIGENCE = "ai", _("Artificial intelligence")
    ROBOTICS = "robotics", _("Robotics")
    QUANTUM = "quantum", _("Quantum technology")
    NETWORKS = "networks", _("Networks and 5G")
    DIGITAL_CULTURE = "digital_culture", _("Digital culture")
    SMART_CITY = "smart_city", _("Smart city")
    CYBERSECURITY = "cybersecurity", _("Cybersecurity")
    DIGITAL_ECONOMY = "digital_economy", _("Digital economy and e-commerce")
    MOBILITY = "mobility", _("Smart mobility and logistics")
    OTHER = "other", _("Other")


class OutcomeKind(models.TextChoices):
    """What kind of document an edition released: a report, a consensus, a declaration …"""

    REPORT = "report", _("Report")
    CONSENSUS = "consensus", _("Consensus statement")
    DECLARATION = "declaration", _("Declaration")
    ACHIEVEMENTS = "achievements", _("List of achievements")
    OTHER = "other", pgettext_lazy("a kind of outcome document", "Other")


class CompetitionResult(models.TextChoices):
    """How far a competition entry went, best first: the order the competition pages list entries in."""

    WINNER = "winner", _("Winner")
    FIRST_PRIZE = "first_prize", _("First prize")
    SECOND_PRIZE = "second_prize", _("Second prize")
    THIRD_PRIZE = "third_prize", _("Third prize")
    HONOURABLE_MENTION = "honourable_mention", _("Honourable mention")
    FINALIST = "finalist", _("Finalist")

    @classmethod
    def rank(cls, value):
        """0 for a winner … the last for a finalist, for sorting."""
        return list(cls.values).index(value) if value in cls.values else len(cls.values)
