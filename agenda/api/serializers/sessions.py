"""Sessions with their speakers, organisers and run-of-show."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import OrganiserRole, SessionKind, SessionLanguage, SessionStatus, SpeakerRole
from agenda.models import Session, SessionItem, SessionOrganiser, SessionSpeaker
from agenda.selectors.run_of_show import run_of_show

from .fields import (
    EnumField,
    OrganisationRefSerializer,
    PersonRefSerializer,
    RoomRefSerializer,
    TopicRefSerializer,
    VenueRefSerializer,
    ZonedDateTimeField,
    absolute_url,
)


class KindSerializer(serializers.Serializer):
    value = EnumField(SessionKind)
    label = serializers.CharField(read_only=True)


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
            "is_around_summit",
            "location",
            "is_sample",
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
