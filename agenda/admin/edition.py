import zoneinfo

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import Edition, EditionSource, Room, Summit, Topic, Venue
from agenda.translation import in_both_languages
from agenda.zones import zone_label
from attendees.selectors import registration_state

from .languages import BilingualAdmin, BilingualStackedInline, BilingualTabularInline
from .people import PictureAdminMixin
from .scope import EditionFilter, EditionScopedAdmin, EditionScopedFilter


@admin.register(Summit)
class SummitAdmin(PictureAdminMixin, BilingualAdmin):
    picture_field = "logo"
    list_display = ["name", "short_name", "slug"]
    search_fields = in_both_languages("name")
    prepopulated_fields = {"slug": ["short_name"]}


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        # The admin's fieldsets add the other fields.
        fields = ["registration_opens_at", "registration_closes_at", "registration_cap"]
        help_texts = {
            "registration_opens_at": _(
                "From this moment delegates can register on the public site. Empty: registration stays closed."
            ),
            "registration_closes_at": _("After this moment nobody can register. Empty: open until the summit is over."),
            "registration_cap": _(
                "Most delegates the edition accepts (submitted, approved and checked in count); empty for no limit. "
                "When it is reached, the register page says the edition is full."
            ),
        }


class EditionSourceInline(BilingualStackedInline):
    model = EditionSource
    extra = 0
    fields = [("title", "position"), ("publisher", "author", "published_on"), "url", "covers"]


@admin.register(Edition)
class EditionAdmin(BilingualAdmin):
    form = EditionForm
    inlines = [EditionSourceInline]
    list_display = [
        "name",
        "year",
        "slug",
        "dates",
        "zone",
        "registration",
        "is_published",
        "is_current",
    ]
    list_filter = ["summit", "is_published", "is_current"]
    search_fields = [*in_both_languages("name", "theme"), "slug"]
    prepopulated_fields = {"slug": ["year"]}
    list_select_related = ["summit"]
    fieldsets = [
        (None, {"fields": ["summit", "name", "year", "ordinal", "slug", "theme"]}),
        (_("When and where"), {"fields": ["start_date", "end_date", "city", "time_zone"]}),
        (_("Public"), {"fields": ["description", "is_published", "is_current"]}),
        (
            _("Delegate registration"),
            {
                "fields": ["registration_opens_at", "registration_closes_at", "registration_cap"],
                "description": _(
                    "Delegates can register between these two moments, until the cap is reached. "
                    "The times are read in the zone of the “time zone” field above."
                ),
            },
        ),
    ]

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return obj.dates_label

    @admin.display(description=_("time zone"), ordering="time_zone")
    def zone(self, obj):
        return zone_label(obj.time_zone, obj.start_date)

    @admin.display(description=_("registration"))
    def registration(self, obj):
        return registration_state(edition=obj).label

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Registration times are typed and shown in the edition's own zone: the one posted with the form,
        # else the saved one (a new edition's default before it is saved).
        zone = request.POST.get("time_zone")
        if zone not in zoneinfo.available_timezones():
            edition = self.get_object(request, object_id) if object_id else None
            zone = edition.time_zone if edition is not None else Edition._meta.get_field("time_zone").default
        timezone.activate(zone)
        extra_context = {"form_zone": zone_label(zone), **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)


class RoomInline(BilingualTabularInline):
    model = Room
    extra = 1
    fields = ["name", "slug", "building", "floor", "capacity", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Venue)
class VenueAdmin(EditionScopedAdmin, BilingualAdmin):
    list_display = ["name", "edition", "room_count"]
    list_filter = [("edition", EditionFilter)]
    search_fields = in_both_languages("name")
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoomInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("edition").annotate(room_total=Count("rooms"))

    @admin.display(description=_("rooms"), ordering="room_total")
    def room_count(self, obj):
        return obj.room_total


@admin.register(Room)
class RoomAdmin(EditionScopedAdmin, BilingualAdmin):
    edition_lookup = "venue__edition"
    edition_source = "venue"
    list_display = ["name", "venue", "edition", "building", "floor", "capacity", "position"]
    list_filter = [("venue__edition", EditionFilter), ("venue", EditionScopedFilter)]
    list_editable = ["position"]
    search_fields = in_both_languages("name", "venue__name", "building")
    list_select_related = ["venue__edition"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description=_("edition"), ordering="venue__edition")
    def edition(self, obj):
        return obj.venue.edition


@admin.register(Topic)
class TopicAdmin(EditionScopedAdmin, BilingualAdmin):
    list_display = ["name", "edition", "colour"]
    list_filter = [("edition", EditionFilter)]
    search_fields = in_both_languages("name")
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}
