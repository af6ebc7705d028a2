from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from agenda.models import Edition, Room, Summit, Topic, Venue


@admin.register(Summit)
class SummitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "slug", "start_date", "end_date", "time_zone", "is_published", "is_current"]
    list_filter = ["summit", "is_published", "is_current"]
    search_fields = ["name", "theme", "slug"]
    prepopulated_fields = {"slug": ["year"]}
    list_select_related = ["summit"]
    fieldsets = [
        (None, {"fields": ["summit", "name", "year", "ordinal", "slug", "theme"]}),
        (_("When and where"), {"fields": ["start_date", "end_date", "city", "time_zone"]}),
        (_("Public"), {"fields": ["description", "is_published", "is_current"]}),
    ]


class RoomInline(admin.TabularInline):
    model = Room
    extra = 1
    fields = ["name", "slug", "building", "floor", "capacity", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "room_count"]
    list_filter = ["edition"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoomInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("edition").annotate(room_total=Count("rooms"))

    @admin.display(description=_("rooms"), ordering="room_total")
    def room_count(self, obj):
        return obj.room_total


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "venue", "edition", "building", "floor", "capacity", "position"]
    list_filter = ["venue__edition", "venue"]
    list_editable = ["position"]
    search_fields = ["name", "building", "venue__name"]
    list_select_related = ["venue__edition"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description=_("edition"), ordering="venue__edition")
    def edition(self, obj):
        return obj.venue.edition


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "colour"]
    list_filter = ["edition"]
    search_fields = ["name"]
    list_select_related = ["edition"]
    prepopulated_fields = {"slug": ["name"]}
