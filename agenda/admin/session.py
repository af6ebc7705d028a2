from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Case, When
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import selectors, services
from agenda.admin import run_of_show
from agenda.admin.history import HistoryAdmin
from agenda.admin.importing import SpreadsheetImportAdmin
from agenda.admin.languages import BilingualAdmin, UntranslatedFilter
from agenda.enums import SessionStatus
from agenda.models import Session, SessionOrganiser, SessionSpeaker
from agenda.resources import SessionResource
from agenda.translation import in_both_languages
from agenda.zones import zone_label
from attendees import selectors as seat_selectors
from attendees import services as seat_services
from attendees.seat_notices import seat_change_notices

from .scope import EditionChoiceFieldsMixin, EditionFilter, EditionScopedAdmin, EditionScopedFilter, listed_edition


class SessionSpeakerInline(EditionChoiceFieldsMixin, admin.TabularInline):
    model = SessionSpeaker
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]


class SessionOrganiserInline(EditionChoiceFieldsMixin, admin.TabularInline):
    model = SessionOrganiser
    extra = 1
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "position"]


class SessionItemInline(EditionChoiceFieldsMixin, run_of_show.SessionItemInline):
    pass


class DayFilter(admin.SimpleListFilter):
    title = _("day")
    parameter_name = "day"

    def lookups(self, request, model_admin):
        sessions = model_admin.get_queryset(request)
        edition = listed_edition(request, model_admin)
        if edition is not None:
            sessions = sessions.filter(edition=edition)
        days = sessions.dates("start", "day")
        return [(day.isoformat(), date_format(day, "SHORT_WEEKDAY_DATE_FORMAT")) for day in days]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(start__date=self.value())
        return queryset


class ClashFilter(admin.SimpleListFilter):
    title = _("clashes")
    parameter_name = "clash"

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("room", _("Room booked twice")), ("speaker", _("Speaker booked twice")), ("any", _("Any clash"))]

    def queryset(self, request, queryset):
        if self.value() in ("room", "speaker", "any"):
            clashes = _clashes_for(request, self.model_admin)
            return queryset.filter(pk__in=getattr(clashes, self.value()))
        return queryset


def _clashes_for(request, model_admin):
    """Clashes of the editions the list shows, found once per request."""
    if not hasattr(request, "_session_clashes"):
        sessions = Session.objects.all()
        edition = listed_edition(request, model_admin)
        if edition is not None:
            sessions = sessions.filter(edition=edition)
        request._session_clashes = selectors.clashing_sessions(sessions)
    return request._session_clashes


def _warn_once(request, text):
    """A warning, unless the same one is already waiting to be shown: "Save and continue editing" warns on
    saving, and the change page it leads to would warn again."""
    storage = messages.get_messages(request)
    used = storage.used
    waiting = {str(message) for message in storage}
    storage.used = used  # looking is not showing: the messages stay for the page
    if str(text) not in waiting:
        messages.warning(request, text)


@admin.register(Session)
class SessionAdmin(HistoryAdmin, EditionScopedAdmin, BilingualAdmin, SpreadsheetImportAdmin):
    resource_classes = [SessionResource]
    list_display = ["title", "kind", "when", "place", "status", "clashes", "edition_label"]
    list_display_links = ["title"]
    list_filter = [
        ("edition", EditionFilter),
        DayFilter,
        "kind",
        ("topic", EditionScopedFilter),
        ("room", EditionScopedFilter),
        "status",
        ClashFilter,
        UntranslatedFilter,
    ]
    list_select_related = ["edition", "room", "venue", "topic"]
    search_fields = [
        "slug",
        *in_both_languages(
            "title",
            "description",
            "speaker_links__person__name",
            "organiser_links__organisation__name",
            "items__title",
            "items__speakers__name",
        ),
    ]
    date_hierarchy = "start"
    autocomplete_fields = ["topic", "room", "venue"]
    prepopulated_fields = {"slug": ["title"]}
    list_per_page = 100
    inlines = [SessionSpeakerInline, SessionOrganiserInline, SessionItemInline]
    actions = ["publish", "unpublish", "cancel", "duplicate"]
    fieldsets = [
        (None, {"fields": ["edition", "kind", "title", "slug", "status"]}),
        (
            _("When and where"),
            {"fields": [("start", "end"), ("room", "venue"), "location", "is_around_summit", "language"]},
        ),
        (_("Content"), {"fields": ["topic", "description", "is_sample"]}),
        (_("Registration"), {"fields": [("registration_required", "capacity")]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == "agenda_session_changelist":
            clashes = _clashes_for(request, self)
            queryset = queryset.annotate(
                has_room_clash=Case(When(pk__in=clashes.room, then=True), default=False),
                has_speaker_clash=Case(When(pk__in=clashes.speaker, then=True), default=False),
            )
        return queryset

    # -- columns -------------------------------------------------------------------------------
    @admin.display(description=_("when"), ordering="start")
    def when(self, obj):
        zone = obj.edition.zone
        start, end = obj.start.astimezone(zone), obj.end.astimezone(zone)
        return f"{date_format(start, 'SHORT_WEEKDAY_DAY_MONTH_TIME_FORMAT')}–{end:%H:%M}"

    @admin.display(description=_("where"), ordering="room__name")
    def place(self, obj):
        if obj.room_id:
            return obj.room.name
        if obj.venue_id:
            return _("Whole venue: %(venue)s") % {"venue": obj.venue.name}
        return "—"

    @admin.display(description=_("edition"), ordering="edition__start_date")
    def edition_label(self, obj):
        return obj.edition.slug

    @admin.display(description=_("clashes"))
    def clashes(self, obj):
        labels = []
        if getattr(obj, "has_room_clash", False):
            labels.append(_("room"))
        if getattr(obj, "has_speaker_clash", False):
            labels.append(_("speaker"))
        if not labels:
            return ""
        return format_html('<strong style="color:#b42318">⚠ {}</strong>', ", ".join(str(label) for label in labels))

    # -- clash warnings ------------------------------------------------------------------------
    def _warn_about_clashes(self, request, session):
        zone = session.edition.zone
        for other in selectors.room_clashes(session):
            _warn_once(
                request,
                _("Room clash: “%(this)s” and “%(other)s” both use %(place)s from %(start)s to %(end)s.")
                % {
                    "this": session.title,
                    "other": other.title,
                    "place": (other.room or session.room or other.venue or session.venue).name,
                    "start": date_format(
                        timezone.localtime(max(session.start, other.start), zone), "SHORT_WEEKDAY_DATETIME_FORMAT"
                    ),
                    "end": timezone.localtime(min(session.end, other.end), zone).strftime("%H:%M"),
                },
            )
        for person, other in selectors.speaker_clashes(session):
            _warn_once(
                request,
                _("Speaker clash: %(person)s is in “%(this)s” and in “%(other)s” at the same time (%(start)s–%(end)s).")
                % {
                    "person": person.name,
                    "this": session.title,
                    "other": other.title,
                    "start": date_format(
                        timezone.localtime(max(session.start, other.start), zone), "SHORT_WEEKDAY_DATETIME_FORMAT"
                    ),
                    "end": timezone.localtime(min(session.end, other.end), zone).strftime("%H:%M"),
                },
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._warn_about_clashes(request, form.instance)
        if change:
            self._settle_seats(request, form.instance)

    # -- seats ---------------------------------------------------------------------------------
    def add_success_message(self, result, request):
        super().add_success_message(result, request)
        for level, text in getattr(result, "seat_notices", []):
            messages.add_message(request, level, text)

    def _settle_seats(self, request, session):
        """Seats follow the saved capacity and status, decided by the registration service under its locks."""
        changes = seat_services.session_seats_changed(session_ids=[session.pk])
        for level, text in seat_change_notices(changes):
            messages.add_message(request, level, text)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Times are typed and shown in the session's own edition zone, for display and saving alike.
        session = self.get_object(request, object_id) if object_id else None
        edition = self.form_edition(request, session)
        if edition is not None:
            timezone.activate(edition.zone)
        if session is not None and request.method == "GET":
            self._warn_about_clashes(request, session)
        at = edition.start_date if edition is not None else None
        extra_context = {"form_zone": zone_label(timezone.get_current_timezone(), at), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    # -- bulk actions --------------------------------------------------------------------------
    def _done(self, request, message):
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Publish selected sessions"), permissions=["change"])
    def publish(self, request, queryset):
        count = services.sessions_set_status(sessions=queryset, status=SessionStatus.PUBLISHED)
        self._done(
            request, ngettext("%(count)d session published.", "%(count)d sessions published.", count) % {"count": count}
        )

    @admin.action(description=_("Unpublish selected sessions (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.sessions_set_status(sessions=queryset, status=SessionStatus.DRAFT)
        message = ngettext("%(count)d session returned to draft.", "%(count)d sessions returned to draft.", count)
        self._done(request, message % {"count": count})

    @admin.action(description=_("Cancel selected sessions…"), permissions=["change"])
    def cancel(self, request, queryset):
        """Asks first: cancelling frees every seat and waiting-list place and emails each delegate."""
        chosen = list(queryset.exclude(status=SessionStatus.CANCELLED).order_by("start", "title"))
        ids = [session.pk for session in chosen]
        seats, waiting = seat_selectors.seats_taken(ids), seat_selectors.waitlist_counts(ids)
        delegates = seat_selectors.delegates_holding_places(ids)  # each emailed once, however many places they hold
        if "apply" not in request.POST:
            return TemplateResponse(
                request,
                "admin/agenda/session/cancel_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Cancel sessions"),
                    "subtitle": None,
                    "opts": self.opts,
                    "action": "cancel",
                    "rows": [(session, seats[session.pk], waiting.get(session.pk, 0)) for session in chosen],
                    "already": queryset.filter(status=SessionStatus.CANCELLED).count(),
                    "delegates": delegates,
                    "select_across": request.POST.get("select_across") == "1",
                    "selected_ids": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "form_url": request.get_full_path(),
                },
            )
        count = services.sessions_set_status(sessions=chosen, status=SessionStatus.CANCELLED)
        message = (
            ngettext("%(count)d session cancelled.", "%(count)d sessions cancelled.", count)
            + " "
            + ngettext(
                "%(delegates)d delegate lost their place and is emailed.",
                "%(delegates)d delegates lost their places and are emailed.",
                delegates,
            )
        )
        self._done(request, message % {"count": count, "delegates": delegates})

    @admin.action(description=_("Duplicate selected sessions as drafts"), permissions=["add"])
    def duplicate(self, request, queryset):
        copies = [services.session_duplicate(session=session) for session in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d session duplicated as a draft.", "%(count)d sessions duplicated as drafts.", len(copies)
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )
