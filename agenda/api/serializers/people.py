"""Speakers and organisations."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import OrganisationKind, OrganiserRole
from agenda.models import Organisation, Person, SessionOrganiser

from .fields import CountryCodeField, EnumField, OptionalUrlField, OrganisationRefSerializer, absolute_url, api_url

# Across editions


class OtherEditionSerializer(serializers.Serializer):
    edition = serializers.SlugField(source="edition.slug", read_only=True)
    year = serializers.IntegerField(source="edition.year", read_only=True)
    slug = serializers.SlugField(read_only=True, help_text=_("The slug in that edition."))
    url = serializers.SerializerMethodField(help_text=_("The public page in that edition."))
    api = serializers.SerializerMethodField(help_text=_("This API's answer for that edition."))

    def get_url(self, row) -> str:
        return absolute_url(self.context, self.context["page_name"], row.edition.slug, row.slug)

    def get_api(self, row) -> str:
        return api_url(self.context, self.context["api_name"], row.edition.slug, row.slug)


class IdentitySerializer(serializers.Serializer):
    """The same person or organisation across the summit's editions."""

    page_name = api_name = ""

    id = serializers.IntegerField(read_only=True)
    slug = serializers.SlugField(read_only=True)
    other_editions = serializers.SerializerMethodField(
        help_text=_("The other published editions where it has a public page, latest first.")
    )

    @extend_schema_field(OtherEditionSerializer(many=True))
    def get_other_editions(self, identity):
        edition = self.context["edition"]
        others = [row for row in identity.rows_with_pages if row.edition_id != edition.pk]
        context = {**self.context, "page_name": self.page_name, "api_name": self.api_name}
        return OtherEditionSerializer(others, many=True, context=context).data


class SpeakerIdentitySerializer(IdentitySerializer):
    page_name, api_name = "agenda:speaker_detail", "api:speaker-detail"


class OrganisationIdentitySerializer(IdentitySerializer):
    page_name, api_name = "agenda:organisation_detail", "api:organisation-detail"


# Speakers


class SpeakerSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    country = CountryCodeField()
    photo = serializers.ImageField(read_only=True, allow_null=True, use_url=True)
    sessions = serializers.SerializerMethodField(help_text=_("Slugs of the sessions the person speaks in, by time."))
    url = serializers.SerializerMethodField(help_text=_("The speaker's public page."))
    identity = SpeakerIdentitySerializer(
        read_only=True, allow_null=True, help_text=_("The same person at the summit's other editions.")
    )

    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "title",
            "organisation",
            "country",
            "bio",
            "photo",
            "sessions",
            "is_sample",
            "url",
            "identity",
        ]
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
    is_sample = serializers.BooleanField(
        source="session.is_sample", read_only=True, help_text=_("The session is sample data, and so is this role.")
    )

    class Meta:
        model = SessionOrganiser
        fields = ["slug", "title", "role", "is_sample"]
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
    identity = OrganisationIdentitySerializer(
        read_only=True, allow_null=True, help_text=_("The same organisation at the summit's other editions.")
    )

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "country", "website", "logo", "sessions", "is_sample", "url", "identity"]
        read_only_fields = fields

    def get_url(self, organisation) -> str:
        return absolute_url(self.context, "agenda:organisation_detail", self.context["edition"].slug, organisation.slug)
