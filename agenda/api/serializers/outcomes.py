"""Outcome documents: reports, consensus statements, declarations … released at an edition."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.enums import OutcomeKind
from agenda.models import Outcome, Session

from .fields import EnumField, OptionalUrlField, OrganisationRefSerializer, absolute_file_url, absolute_url


class OutcomeSessionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The session's public page."))

    class Meta:
        model = Session
        fields = ["slug", "title", "url"]
        read_only_fields = fields

    def get_url(self, session) -> str:
        return absolute_url(self.context, "agenda:session_detail", self.context["edition"].slug, session.slug)


class OutcomePdfSerializer(serializers.Serializer):
    url = serializers.URLField(read_only=True, help_text=_("Where the PDF is downloaded."))
    size = serializers.IntegerField(read_only=True, help_text=_("Its size in bytes."))


class OutcomeSerializer(serializers.ModelSerializer):
    kind = EnumField(OutcomeKind)
    session = OutcomeSessionSerializer(
        read_only=True, allow_null=True, help_text=_("The session where it was released, if any.")
    )
    publishers = OrganisationRefSerializer(many=True, read_only=True)
    url = OptionalUrlField(help_text=_("Where the document can be read online; null when none is given."))
    pdf = serializers.SerializerMethodField(help_text=_("The document as a PDF; null when none was uploaded."))
    page = serializers.SerializerMethodField(help_text=_("The document on the edition's outcomes page."))

    class Meta:
        model = Outcome
        fields = [
            "slug",
            "title",
            "kind",
            "released_on",
            "session",
            "publishers",
            "summary",
            "url",
            "pdf",
            "is_sample",
            "page",
        ]
        read_only_fields = fields

    @extend_schema_field(OutcomePdfSerializer(allow_null=True))
    def get_pdf(self, outcome):
        if not outcome.pdf:
            return None
        return {"url": absolute_file_url(self.context, outcome.pdf.url), "size": outcome.pdf_size}

    def get_page(self, outcome) -> str:
        page = absolute_url(self.context, "agenda:outcome_list", self.context["edition"].slug)
        return f"{page}#outcome-{outcome.slug}"
