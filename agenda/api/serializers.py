"""What the read-only API returns. Times are given in the edition's own zone, with its UTC offset.

The serializers read only what the views load in advance (see `agenda.api.views`): nothing here may
touch the database per row.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import (
    ExhibitCategory,
    OrganisationKind,
    OrganiserRole,
    SessionKind,
    SessionLanguage,
    SessionStatus,
    SpeakerRole,
)
from agenda.models import (
    AwardCategory,
    AwardProgramme,
    Edition,
    Exhibit,
    Honouree,
    Organisation,
    Person,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
)
from agenda.selectors.expo import picture_sources
from agenda.selectors.run_of_show import run_of_show


def absolute_url(context, name, *args):
    url = reverse(name, args=args)
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


# Fields


class EnumField(serializers.ChoiceField):
    """A choice given by its value; described once in the schema as a named enum (e.g. SpeakerRoleEnum)."""

    def __init__(self, enum, **kwargs):
        self.enum = enum
        kwargs.setdefault("read_only", True)
        super().__init__(choices=enum.choices, **kwargs)


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EnumField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        enum = self.target.enum
        component = ResolvedComponent(
            name=f"{enum.__name__}Enum",
            type=ResolvedComponent.SCHEMA,
            object=enum,
            schema={
                "type": "string",
                "enum": list(enum.values),
                "description": "\n".join(f"* `{value}` - {label}" for value, label in enum.choices),
            },
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


@extend_schema_field(OpenApiTypes.DATETIME)
class ZonedDateTimeField(serializers.ReadOnlyField):
    """ISO 8601 in the edition's time zone, e.g. 2024-11-20T09:00:00+08:00."""

    def to_representation(self, value):
        if value is None:
            return None
        return value.astimezone(self.context["edition"].zone).isoformat()


@extend_schema_field({"type": "string", "nullable": True, "example": "CN"})
class CountryCodeField(serializers.ReadOnlyField):
    """ISO 3166-1 alpha-2 code, or null when unknown."""

    def to_representation(self, value):
        return getattr(value, "code", value) or None


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalUrlField(serializers.ReadOnlyField):
    def to_representation(self, value):
        return value or None


class KindSerializer(serializers.Serializer):
    value = EnumField(SessionKind)
    label = serializers.CharField(read_only=True)


# Small nested objects


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name"]
        read_only_fields = fields


class PersonRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name"]
        read_only_fields = fields


class TopicRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    colour = serializers.CharField(read_only=True, help_text=_("Hexadecimal colour, e.g. #1f6feb."))


class VenueRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class RoomRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    venue = VenueRefSerializer(read_only=True)


# Editions


class EditionLinksSerializer(serializers.Serializer):
    home = serializers.URLField(read_only=True, help_text=_("The edition's public home page."))
    agenda = serializers.URLField(read_only=True, help_text=_("The public agenda."))
    schedule_ics = serializers.URLField(read_only=True, help_text=_("The whole schedule as iCalendar."))
    schedule_xml = serializers.URLField(read_only=True, help_text=_("The whole schedule as Frab/Pentabarf XML."))
    schedule_json = serializers.URLField(read_only=True, help_text=_("The whole schedule as JSON."))
    sessions = serializers.URLField(read_only=True, help_text=_("Sessions in this API."))
    speakers = serializers.URLField(read_only=True, help_text=_("Speakers in this API."))
    organisations = serializers.URLField(read_only=True, help_text=_("Organisations in this API."))


class EditionSerializer(serializers.ModelSerializer):
    links = serializers.SerializerMethodField()

    class Meta:
        model = Edition
        fields = [
            "name",
            "year",
            "ordinal",
            "slug",
            "theme",
            "start_date",
            "end_date",
            "city",
            "time_zone",
            "description",
            "is_current",
            "programme_version",
            "links",
        ]
        read_only_fields = fields

    @extend_schema_field(EditionLinksSerializer)
    def get_links(self, edition):
        pages = ["edition_home", "agenda", "schedule_ics", "schedule_xml", "schedule_json"]
        home, agenda, ics, xml, json = (absolute_url(self.context, f"agenda:{name}", edition.slug) for name in pages)
        return {
            "home": home,
            "agenda": agenda,
            "schedule_ics": ics,
            "schedule_xml": xml,
            "schedule_json": json,
            "sessions": absolute_url(self.context, "api:session-list", edition.slug),
            "speakers": absolute_url(self.context, "api:speaker-list", edition.slug),
            "organisations": absolute_url(self.context, "api:organisation-list", edition.slug),
        }


# Sessions


class SessionSpeakerSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="person.slug", read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)
    role = EnumField(SpeakerRole)
    organisation = OrganisationRefSerializer(source="person.organisation", read_only=True, allow_null=True)

    class Meta:
        model = SessionSpeaker
        fields = ["slug", "name", "role", "organisation"]
        read_only_fields = fields


class SessionOrganiserSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="organisation.slug", read_only=True)
    name = serializers.CharField(source="organisation.name", read_only=True)
    role = EnumField(OrganiserRole)

    class Meta:
        model = SessionOrganiser
        fields = ["slug", "name", "role"]
        read_only_fields = fields


class SessionItemSerializer(serializers.ModelSerializer):
    start = ZonedDateTimeField(
        source="run_start", help_text=_("When the item starts; an item without its own start follows the previous one.")
    )
    end = ZonedDateTimeField(source="run_end", help_text=_("When the item ends."))
    speakers = PersonRefSerializer(many=True, read_only=True)

    class Meta:
        model = SessionItem
        fields = ["position", "title", "start", "end", "duration_minutes", "speakers"]
        read_only_fields = fields


def timed_items(session):
    """The session's run-of-show with each item's start and end worked out (prefetched items only)."""
    items = []
    for timed in run_of_show(session):
        timed.item.run_start, timed.item.run_end = timed.start, timed.end
        items.append(timed.item)
    return items


class SessionSerializer(serializers.ModelSerializer):
    guid = serializers.UUIDField(read_only=True, help_text=_("Stable identifier, the same as in the schedule feeds."))
    kind = serializers.SerializerMethodField()
    status = EnumField(SessionStatus)
    language = EnumField(SessionLanguage)
    start = ZonedDateTimeField()
    end = ZonedDateTimeField()
    duration_minutes = serializers.SerializerMethodField()
    topic = TopicRefSerializer(read_only=True, allow_null=True)
    room = RoomRefSerializer(read_only=True, allow_null=True)
    venue = VenueRefSerializer(
        read_only=True, allow_null=True, help_text=_("For a session that spans every room of a venue.")
    )
    speakers = SessionSpeakerSerializer(source="speaker_links", many=True, read_only=True)
    organisers = SessionOrganiserSerializer(source="organiser_links", many=True, read_only=True)
    items = serializers.SerializerMethodField(help_text=_("The run-of-show, in order."))
    url = serializers.SerializerMethodField(help_text=_("The session's public page."))

    class Meta:
        model = Session
        fields = [
            "id",
            "slug",
            "guid",
            "title",
            "kind",
            "status",
            "description",
            "start",
            "end",
            "duration_minutes",
            "language",
            "topic",
            "room",
            "venue",
            "capacity",
            "registration_required",
            "speakers",
            "organisers",
            "items",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(KindSerializer)
    def get_kind(self, session):
        return {"value": session.kind, "label": str(session.get_kind_display())}

    def get_duration_minutes(self, session) -> int:
        return int(session.duration.total_seconds() // 60)

    @extend_schema_field(SessionItemSerializer(many=True))
    def get_items(self, session):
        return SessionItemSerializer(timed_items(session), many=True, context=self.context).data

    def get_url(self, session) -> str:
        return absolute_url(self.context, "agenda:session_detail", self.context["edition"].slug, session.slug)


# Speakers


class SpeakerSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    country = CountryCodeField()
    photo = serializers.ImageField(read_only=True, allow_null=True, use_url=True)
    sessions = serializers.SerializerMethodField(help_text=_("Slugs of the sessions the person speaks in, by time."))
    url = serializers.SerializerMethodField(help_text=_("The speaker's public page."))

    class Meta:
        model = Person
        fields = ["slug", "name", "title", "organisation", "country", "bio", "photo", "sessions", "url"]
        read_only_fields = fields

    def get_sessions(self, person) -> list[str]:
        sessions = {link.session.slug: link.session for link in person.public_speaker_links}
        sessions.update((item.session.slug, item.session) for item in person.public_items)
        return [session.slug for session in sorted(sessions.values(), key=lambda s: (s.start, s.slug))]

    def get_url(self, person) -> str:
        return absolute_url(self.context, "agenda:speaker_detail", self.context["edition"].slug, person.slug)


# Organisations


class OrganisationSessionSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="session.slug", read_only=True)
    title = serializers.CharField(source="session.title", read_only=True)
    role = EnumField(OrganiserRole)

    class Meta:
        model = SessionOrganiser
        fields = ["slug", "title", "role"]
        read_only_fields = fields


class OrganisationSerializer(serializers.ModelSerializer):
    kind = EnumField(OrganisationKind)
    country = CountryCodeField()
    website = OptionalUrlField()
    logo = serializers.ImageField(read_only=True, allow_null=True, use_url=True)
    sessions = OrganisationSessionSerializer(
        source="public_organiser_links",
        many=True,
        read_only=True,
        help_text=_("Sessions the organisation takes part in, by time, with its role."),
    )
    url = serializers.SerializerMethodField(help_text=_("The organisation's public page."))

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "country", "website", "logo", "sessions", "url"]
        read_only_fields = fields

    def get_url(self, organisation) -> str:
        return absolute_url(self.context, "agenda:organisation_detail", self.context["edition"].slug, organisation.slug)


# Exhibits


def absolute_file_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


class ExhibitCategorySerializer(serializers.Serializer):
    value = EnumField(ExhibitCategory)
    label = serializers.CharField(read_only=True)


class ExpoRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class HallRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField(read_only=True)
    width = serializers.IntegerField(read_only=True, help_text=_("Width in pixels, for srcset."))


class ExhibitPictureSerializer(serializers.Serializer):
    """Reads `agenda.selectors.expo.PictureSources`: nothing but the row's own fields."""

    alt_text = serializers.CharField(read_only=True)
    width = serializers.IntegerField(source="original.width", read_only=True, help_text=_("Of the original."))
    height = serializers.IntegerField(source="original.height", read_only=True, help_text=_("Of the original."))
    thumbnail = serializers.SerializerMethodField(help_text=_("WebP, at most 400 pixels on its longer side."))
    large = serializers.SerializerMethodField(help_text=_("WebP, at most 1200 pixels on its longer side."))
    original = serializers.SerializerMethodField(help_text=_("The full-size picture, cleaned of camera data."))

    def _rendition(self, rendition):
        if rendition is None:
            return None
        return {"url": absolute_file_url(self.context, rendition.url), "width": rendition.width}

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_thumbnail(self, sources):
        return self._rendition(sources.thumbnail)

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_large(self, sources):
        return self._rendition(sources.large)

    @extend_schema_field(OpenApiTypes.URI)
    def get_original(self, sources):
        return absolute_file_url(self.context, sources.original.url)


class ExhibitSerializer(serializers.ModelSerializer):
    exhibitor = OrganisationRefSerializer(read_only=True)
    category = serializers.SerializerMethodField()
    expo = ExpoRefSerializer(read_only=True)
    hall = HallRefSerializer(read_only=True, allow_null=True)
    pictures = serializers.SerializerMethodField(help_text=_("In order; the first is the exhibit's cover."))
    url = serializers.SerializerMethodField(help_text=_("The exhibit's public page."))

    class Meta:
        model = Exhibit
        fields = [
            "slug",
            "title",
            "exhibitor",
            "category",
            "expo",
            "hall",
            "booth",
            "description",
            "is_featured",
            "pictures",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(ExhibitCategorySerializer)
    def get_category(self, exhibit):
        return {"value": exhibit.category, "label": str(exhibit.get_category_display())}

    @extend_schema_field(ExhibitPictureSerializer(many=True))
    def get_pictures(self, exhibit):
        sources = [picture_sources(picture) for picture in exhibit.pictures.all()]
        return ExhibitPictureSerializer(sources, many=True, context=self.context).data

    def get_url(self, exhibit) -> str:
        return absolute_url(self.context, "agenda:exhibit_detail", self.context["edition"].slug, exhibit.slug)


# Awards


class HonoureeKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class AwardCeremonySerializer(serializers.ModelSerializer):
    start = ZonedDateTimeField()
    end = ZonedDateTimeField()
    url = serializers.SerializerMethodField(help_text=_("The session's public page."))

    class Meta:
        model = Session
        fields = ["slug", "title", "start", "end", "url"]
        read_only_fields = fields

    def get_url(self, session) -> str:
        return absolute_url(self.context, "agenda:session_detail", self.context["edition"].slug, session.slug)


class AwardCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = AwardCategory
        fields = ["slug", "name"]
        read_only_fields = fields


class HonoureeSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()
    slug = serializers.SerializerMethodField(help_text=_("The person's or organisation's slug."))
    category = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text=_("Slug of the award category, if any.")
    )
    url = serializers.SerializerMethodField(
        help_text=_(
            "The organisation's public page, or the person's speaker page; null for a person who does not "
            "speak in a public session."
        )
    )

    class Meta:
        model = Honouree
        fields = ["kind", "name", "slug", "case_title", "citation", "category", "url"]
        read_only_fields = fields

    @extend_schema_field(EnumField(HonoureeKind))
    def get_kind(self, honouree):
        return HonoureeKind.PERSON if honouree.person_id else HonoureeKind.ORGANISATION

    def get_name(self, honouree) -> str:
        return honouree.honoured.name

    def get_slug(self, honouree) -> str:
        return honouree.honoured.slug

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, honouree):
        edition = self.context["edition"].slug
        if honouree.person_id:
            if not honouree.person_speaks:
                return None
            return absolute_url(self.context, "agenda:speaker_detail", edition, honouree.person.slug)
        return absolute_url(self.context, "agenda:organisation_detail", edition, honouree.organisation.slug)


class AwardProgrammeSerializer(serializers.ModelSerializer):
    ceremony = serializers.SerializerMethodField(help_text=_("The session where it is presented."))
    categories = AwardCategorySerializer(many=True, read_only=True)
    honourees = HonoureeSerializer(many=True, read_only=True, help_text=_("In order, whatever their category."))
    url = serializers.SerializerMethodField(help_text=_("The award's public page."))

    class Meta:
        model = AwardProgramme
        fields = ["slug", "name", "description", "ceremony", "categories", "honourees", "url"]
        read_only_fields = fields

    @extend_schema_field(AwardCeremonySerializer(allow_null=True))
    def get_ceremony(self, programme):
        if programme.ceremony_id is None or not programme.ceremony_is_public:
            return None
        return AwardCeremonySerializer(programme.ceremony, context=self.context).data

    def get_url(self, programme) -> str:
        return absolute_url(self.context, "agenda:award_detail", self.context["edition"].slug, programme.slug)


# The index


class ApiRootSerializer(serializers.Serializer):
    editions = serializers.URLField(read_only=True)
    current_edition = serializers.URLField(read_only=True, allow_null=True)
    schema = serializers.URLField(read_only=True)
