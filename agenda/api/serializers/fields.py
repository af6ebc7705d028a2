"""Fields and small nested objects shared by every part of the API."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.models import Organisation, Person


def absolute_url(context, name, *args):
    url = reverse(name, args=args)
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def api_url(context, name, *args):
    """An address of the API itself, in the language of the answer (`?lang=` unless it is the default)."""
    url = absolute_url(context, name, *args)
    language = translation.get_language()
    if language and language != settings.LANGUAGE_CODE:
        url += "?" + urlencode({"lang": language})
    return url


def absolute_file_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


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
