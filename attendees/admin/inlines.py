"""What a registration's page shows below its details: its places and its history, read-only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from attendees.models import SessionChoice, StatusChange


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SessionChoiceInline(ReadOnlyInline):
    model = SessionChoice
    fields = ["session", "status", "created_at"]
    readonly_fields = fields
    verbose_name_plural = _("sessions (seat or waiting list)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("session")


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["changed_at", "old_status", "new_status", "changed_by", "message"]
    readonly_fields = fields
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")
