"""The read-only JSON API: editions, and each edition's sessions, speakers, organisations, exhibits, awards and
outcomes.

Anyone may read what the public pages show; those who may preview the programme also see drafts and
unpublished editions. Every list page takes the same number of SQL queries whatever the size of the edition.
"""

from django.conf import settings
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from agenda.access import get_edition, is_previewer
from agenda.api import serializers
from agenda.api.serializers.fields import api_url
from agenda.caching import cached_answer
from agenda.enums import ExhibitCategory, SessionKind, SessionLanguage
from agenda.filters import AgendaFilter, ExhibitFilter
from agenda.models import (
    AwardProgramme,
    Competition,
    Edition,
    Exhibit,
    Organisation,
    Outcome,
    Person,
    Session,
)
from agenda.selectors import public_sessions
from agenda.selectors.awards import award_programmes
from agenda.selectors.competitions import competitions
from agenda.selectors.expo import exhibits_of, with_pictures
from agenda.selectors.outcomes import outcomes_of
from agenda.selectors.people import organisations_taking_part, speakers_with_sessions


class ApiPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CorsMixin:
    # Pages on any site may read the API: it is public and read-only.

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class ApiViewSet(CorsMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = ApiPagination
    lookup_field = "slug"

    @property
    def preview(self):
        return is_previewer(self.request)


class EditionScopedViewSet(ApiViewSet):
    """A viewset under /api/editions/<edition>/: the edition must be published (or the user may preview it)."""

    @cached_property
    def edition(self):
        return get_edition(self.request, self.kwargs["edition"])

    @property
    def schema_only(self):
        return getattr(self, "swagger_fake_view", False)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not self.schema_only:
            context["edition"] = self.edition
        return context

    def list(self, request, *args, **kwargs):
        return self._cached(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._cached(super().retrieve, request, *args, **kwargs)

    def _cached(self, action, request, *args, **kwargs):
        """Public JSON answers are kept like the pages and feeds: rendered and compressed once per programme
        version, address and language, with ETags and 304s. The browsable API (HTML) is rendered each time."""
        if self.preview or self.schema_only or not isinstance(request.accepted_renderer, JSONRenderer):
            return action(request, *args, **kwargs)

        def render():
            response = action(request, *args, **kwargs)
            # Rendered here rather than by finalize_response, so that the bytes are what is kept.
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            return response.render()

        return cached_answer(request, self.edition, render)


EDITION_PATH = OpenApiParameter(
    "edition", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("The edition's slug, e.g. 2024.")
)
SLUG_PATH = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("Slug."))
AGENDA_FILTERS = [
    OpenApiParameter(
        "day",
        OpenApiTypes.DATE,
        description=_("Only sessions starting on this day, counted in the edition's time zone (YYYY-MM-DD)."),
    ),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=SessionKind.values, description=_("Kind of session.")),
    OpenApiParameter("topic", OpenApiTypes.STR, description=_("Topic slug.")),
    OpenApiParameter("room", OpenApiTypes.STR, description=_("Room slug.")),
    OpenApiParameter("language", OpenApiTypes.STR, enum=SessionLanguage.values, description=_("Language.")),
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=_("Search in titles, descriptions, speakers, organisations and run-of-show items."),
    ),
]
EXHIBIT_FILTERS = [
    OpenApiParameter("category", OpenApiTypes.STR, enum=ExhibitCategory.values, description=_("Category.")),
    OpenApiParameter("hall", OpenApiTypes.STR, description=_("Hall slug.")),
    OpenApiParameter("exhibitor", OpenApiTypes.STR, description=_("Slug of the exhibiting organisation.")),
    OpenApiParameter("q", OpenApiTypes.STR, description=_("Search in titles, descriptions, exhibitors and booths.")),
]
NOT_FOUND = {404: OpenApiTypes.OBJECT}


@extend_schema_view(
    list=extend_schema(
        summary=_("Editions"),
        description=_("Published editions of the summit, the latest first."),
        tags=["editions"],
    ),
    retrieve=extend_schema(
        summary=_("An edition"),
        description=_("A published edition, with links to its public pages and schedule feeds."),
        parameters=[OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("e.g. 2024."))],
        responses={200: serializers.EditionSerializer, **NOT_FOUND},
        tags=["editions"],
    ),
)
class EditionViewSet(ApiViewSet):
    serializer_class = serializers.EditionSerializer

    def get_queryset(self):
        editions = Edition.objects.all() if self.preview else Edition.objects.published()
        return editions.prefetch_related("sources").order_by("-start_date", "pk")


@extend_schema_view(
    list=extend_schema(
        summary=_("Sessions"),
        description=_(
            "The edition's published and cancelled sessions in time order, with the agenda's filters. "
            "An invalid filter value gives a 400 response naming the field."
        ),
        parameters=[EDITION_PATH, *AGENDA_FILTERS],
        responses={200: serializers.SessionSerializer(many=True), 400: OpenApiTypes.OBJECT, **NOT_FOUND},
        tags=["sessions"],
    ),
    retrieve=extend_schema(
        summary=_("A session"),
        description=_("A published or cancelled session of the edition."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.SessionSerializer, **NOT_FOUND},
        tags=["sessions"],
    ),
)
class SessionViewSet(EditionScopedViewSet):
    serializer_class = serializers.SessionSerializer

    def get_queryset(self):
        if self.schema_only:
            return Session.objects.none()
        sessions = public_sessions(edition=self.edition, preview=self.preview)
        return sessions.order_by("start", "room__position", "title", "pk")

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        agenda_filter = AgendaFilter(self.request.query_params, queryset=queryset, edition=self.edition)
        if not agenda_filter.is_valid():
            raise ValidationError(agenda_filter.errors)
        return agenda_filter.qs


@extend_schema_view(
    list=extend_schema(
        summary=_("Speakers"),
        description=_("People who speak in at least one of the edition's public sessions, by name."),
        parameters=[EDITION_PATH],
        responses={200: serializers.SpeakerSerializer(many=True), **NOT_FOUND},
        tags=["speakers"],
    ),
    retrieve=extend_schema(
        summary=_("A speaker"),
        description=_("A person who speaks in at least one of the edition's public sessions."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.SpeakerSerializer, **NOT_FOUND},
        tags=["speakers"],
    ),
)
class SpeakerViewSet(EditionScopedViewSet):
    serializer_class = serializers.SpeakerSerializer

    def get_queryset(self):
        if self.schema_only:
            return Person.objects.none()
        return speakers_with_sessions(edition=self.edition, preview=self.preview)


@extend_schema_view(
    list=extend_schema(
        summary=_("Organisations"),
        description=_(
            "Organisations that take part in at least one of the edition's public sessions, or whose people "
            "speak in one, by name."
        ),
        parameters=[EDITION_PATH],
        responses={200: serializers.OrganisationSerializer(many=True), **NOT_FOUND},
        tags=["organisations"],
    ),
    retrieve=extend_schema(
        summary=_("An organisation"),
        description=_("An organisation that takes part in, or has people speaking in, a public session."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.OrganisationSerializer, **NOT_FOUND},
        tags=["organisations"],
    ),
)
class OrganisationViewSet(EditionScopedViewSet):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        if self.schema_only:
            return Organisation.objects.none()
        return organisations_taking_part(edition=self.edition, preview=self.preview)


@extend_schema_view(
    list=extend_schema(
        summary=_("Exhibits"),
        description=_(
            "The exhibits of all the edition's expos, in the expo's order, with their pictures' renditions. "
            "An invalid filter value gives a 400 response naming the field."
        ),
        parameters=[EDITION_PATH, *EXHIBIT_FILTERS],
        responses={200: serializers.ExhibitSerializer(many=True), 400: OpenApiTypes.OBJECT, **NOT_FOUND},
        tags=["expo"],
    ),
    retrieve=extend_schema(
        summary=_("An exhibit"),
        description=_("An exhibit of one of the edition's expos."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.ExhibitSerializer, **NOT_FOUND},
        tags=["expo"],
    ),
)
class ExhibitViewSet(EditionScopedViewSet):
    serializer_class = serializers.ExhibitSerializer

    def get_queryset(self):
        if self.schema_only:
            return Exhibit.objects.none()
        return with_pictures(exhibits_of(self.edition))

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        exhibit_filter = ExhibitFilter(self.request.query_params, queryset=queryset, edition=self.edition)
        if not exhibit_filter.is_valid():
            raise ValidationError(exhibit_filter.errors)
        return exhibit_filter.qs

    def get_object(self):
        # Slugs are unique within an edition; should two expos ever share one, the first expo's exhibit wins.
        exhibit = self.get_queryset().filter(slug=self.kwargs["slug"]).first()
        if exhibit is None:
            raise Http404
        self.check_object_permissions(self.request, exhibit)
        return exhibit


@extend_schema_view(
    list=extend_schema(
        summary=_("Awards"),
        description=_(
            "The edition's award programmes in order, each with its ceremony (when that session is public), "
            "its categories and its honourees."
        ),
        parameters=[EDITION_PATH],
        responses={200: serializers.AwardProgrammeSerializer(many=True), **NOT_FOUND},
        tags=["awards"],
    ),
    retrieve=extend_schema(
        summary=_("An award"),
        description=_("An award programme of the edition, with its categories and honourees."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.AwardProgrammeSerializer, **NOT_FOUND},
        tags=["awards"],
    ),
)
class AwardViewSet(EditionScopedViewSet):
    serializer_class = serializers.AwardProgrammeSerializer

    def get_queryset(self):
        if self.schema_only:
            return AwardProgramme.objects.none()
        return award_programmes(edition=self.edition, preview=self.preview)


@extend_schema_view(
    list=extend_schema(
        summary=_("Outcomes"),
        description=_(
            "The documents released at the edition (reports, consensus statements, declarations, lists of "
            "achievements), in order of release, each with its session (when public), publishers, link and PDF."
        ),
        parameters=[EDITION_PATH],
        responses={200: serializers.OutcomeSerializer(many=True), **NOT_FOUND},
        tags=["outcomes"],
    ),
    retrieve=extend_schema(
        summary=_("An outcome"),
        description=_("A document released at the edition."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.OutcomeSerializer, **NOT_FOUND},
        tags=["outcomes"],
    ),
)
class OutcomeViewSet(EditionScopedViewSet):
    serializer_class = serializers.OutcomeSerializer

    def get_queryset(self):
        if self.schema_only:
            return Outcome.objects.none()
        return outcomes_of(edition=self.edition, preview=self.preview)


@extend_schema_view(
    list=extend_schema(
        summary=_("Competitions"),
        description=_(
            "The edition's competitions in order, each with its final (when that session is public), its tracks "
            "and its entries: winners first, then finalists."
        ),
        parameters=[EDITION_PATH],
        responses={200: serializers.CompetitionSerializer(many=True), **NOT_FOUND},
        tags=["awards"],
    ),
    retrieve=extend_schema(
        summary=_("A competition"),
        description=_("A competition of the edition, with its final, tracks, finalists and winners."),
        parameters=[EDITION_PATH, SLUG_PATH],
        responses={200: serializers.CompetitionSerializer, **NOT_FOUND},
        tags=["awards"],
    ),
)
class CompetitionViewSet(EditionScopedViewSet):
    serializer_class = serializers.CompetitionSerializer

    def get_queryset(self):
        if self.schema_only:
            return Competition.objects.none()
        return competitions(edition=self.edition, preview=self.preview)


class ApiRootView(CorsMixin, APIView):
    @extend_schema(
        summary=_("Index"), description=_("Links to the API's parts."), responses=serializers.ApiRootSerializer
    )
    def get(self, request):
        edition = Edition.objects.published().current()
        context = {"request": request}
        return Response(
            {
                "editions": api_url(context, "api:edition-list"),
                "current_edition": api_url(context, "api:edition-detail", edition.slug) if edition else None,
                "schema": api_url(context, "api:schema"),
            }
        )


class SchemaView(CorsMixin, SpectacularAPIView):
    """The OpenAPI schema, in one of the site's languages with `lang`."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        # Any other code would be activated as a language of its own, and kept by Django for good.
        lang = request.query_params.get("lang")
        if lang and lang not in dict(settings.LANGUAGES):
            codes = ", ".join(dict(settings.LANGUAGES))
            message = _("Unknown language; the schema is available in: %(codes)s.") % {"codes": codes}
            raise ValidationError({"lang": [message]})
        return super().get(request, *args, **kwargs)

    def _get_version_parameter(self, request):
        # The API has one version. A `version` from the query string would be copied into the schema, where a
        # long one takes the YAML renderer minutes.
        return None
