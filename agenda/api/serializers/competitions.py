"""Competitions, their tracks and entries (finalists and winners)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import CompetitionResult
from agenda.models import Competition, CompetitionEntry, CompetitionTrack, Session
from agenda.selectors.competitions import by_result

from .fields import EnumField, ZonedDateTimeField, absolute_url


class CompetitionFinalSerializer(serializers.ModelSerializer):
    start = ZonedDateTimeField()
    end = ZonedDateTimeField()
    room = serializers.SerializerMethodField(help_text=_("The room's name, or the venue's; null if neither is set."))
    url = serializers.SerializerMethodField(help_text=_("The session's public page."))

    class Meta:
        model = Session
        fields = ["slug", "title", "start", "end", "room", "url"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "nullable": True})
    def get_room(self, session):
        place = session.room or session.venue
        return place.name if place else None

    def get_url(self, session) -> str:
        return absolute_url(self.context, "agenda:session_detail", self.context["edition"].slug, session.slug)


class CompetitionTrackSerializer(serializers.ModelSerializer):
    class Meta:
        model = CompetitionTrack
        fields = ["slug", "name", "is_sample"]
        read_only_fields = fields


class EntryOrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    url = serializers.SerializerMethodField(help_text=_("The organisation's public page; null if it has none."))

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, organisation):
        if not self.context.get("organisation_has_page"):
            return None
        return absolute_url(self.context, "agenda:organisation_detail", self.context["edition"].slug, organisation.slug)


class CompetitionEntrySerializer(serializers.ModelSerializer):
    result = EnumField(CompetitionResult)
    track = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text=_("Slug of the competition track, if any.")
    )
    organisation = serializers.SerializerMethodField()
    country = serializers.CharField(source="country.code", read_only=True, help_text=_("ISO 3166-1 alpha-2 code."))

    class Meta:
        model = CompetitionEntry
        fields = ["slug", "project_title", "team", "organisation", "country", "track", "result", "summary", "is_sample"]
        read_only_fields = fields

    @extend_schema_field(EntryOrganisationSerializer(allow_null=True))
    def get_organisation(self, entry):
        if entry.organisation_id is None:
            return None
        context = {**self.context, "organisation_has_page": entry.organisation_has_page}
        return EntryOrganisationSerializer(entry.organisation, context=context).data


class CompetitionSerializer(serializers.ModelSerializer):
    final = serializers.SerializerMethodField(help_text=_("The final's session, when it is public."))
    tracks = CompetitionTrackSerializer(many=True, read_only=True)
    entries = serializers.SerializerMethodField(help_text=_("Winners first (best result first), then finalists."))
    url = serializers.SerializerMethodField(help_text=_("The competition's public page."))

    class Meta:
        model = Competition
        fields = ["slug", "name", "description", "final", "tracks", "entries", "is_sample", "url"]
        read_only_fields = fields

    @extend_schema_field(CompetitionFinalSerializer(allow_null=True))
    def get_final(self, competition):
        if competition.final_id is None or not competition.final_is_public:
            return None
        return CompetitionFinalSerializer(competition.final, context=self.context).data

    @extend_schema_field(CompetitionEntrySerializer(many=True))
    def get_entries(self, competition):
        return CompetitionEntrySerializer(by_result(competition.entries.all()), many=True, context=self.context).data

    def get_url(self, competition) -> str:
        return absolute_url(self.context, "agenda:competition_detail", self.context["edition"].slug, competition.slug)
