"""Exhibits and their pictures."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import ExhibitCategory
from agenda.models import Exhibit
from agenda.selectors.expo import picture_sources

from .fields import EnumField, OrganisationRefSerializer, absolute_file_url, absolute_url


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
            "is_sample",
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
