"""Editions and the API's index."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.models import Edition, EditionSource

from .fields import absolute_url, api_url


class EditionLinksSerializer(serializers.Serializer):
    home = serializers.URLField(read_only=True, help_text=_("The edition's public home page."))
    agenda = serializers.URLField(read_only=True, help_text=_("The public agenda."))
    schedule_ics = serializers.URLField(read_only=True, help_text=_("The whole schedule as iCalendar."))
    schedule_xml = serializers.URLField(read_only=True, help_text=_("The whole schedule as Frab/Pentabarf XML."))
    schedule_json = serializers.URLField(read_only=True, help_text=_("The whole schedule as JSON."))
    sessions = serializers.URLField(read_only=True, help_text=_("Sessions in this API."))
    speakers = serializers.URLField(read_only=True, help_text=_("Speakers in this API."))
    organisations = serializers.URLField(read_only=True, help_text=_("Organisations in this API."))


class EditionSourceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = EditionSource
        fields = ["title", "publisher", "author", "published_on", "url", "covers"]
        read_only_fields = fields

    def get_url(self, source) -> str | None:
        return source.url or None


class EditionSerializer(serializers.ModelSerializer):
    links = serializers.SerializerMethodField()
    sources = EditionSourceSerializer(
        many=True,
        read_only=True,
        help_text=_("The reports the edition's facts are taken from; what none gives is marked `is_sample`."),
    )

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
            "sources",
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
            "sessions": api_url(self.context, "api:session-list", edition.slug),
            "speakers": api_url(self.context, "api:speaker-list", edition.slug),
            "organisations": api_url(self.context, "api:organisation-list", edition.slug),
        }


# The index


class ApiRootSerializer(serializers.Serializer):
    editions = serializers.URLField(read_only=True)
    current_edition = serializers.URLField(read_only=True, allow_null=True)
    schema = serializers.URLField(read_only=True)
