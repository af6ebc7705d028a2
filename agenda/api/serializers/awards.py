"""Award programmes, their categories and honourees."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.models import AwardCategory, AwardProgramme, Honouree, Session

from .fields import EnumField, ZonedDateTimeField, absolute_url


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
        fields = ["kind", "name", "slug", "case_title", "citation", "category", "is_sample", "url"]
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
