"""The outbox in the back office: which emails are queued, sent or given up, and why; "try again now"."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees import outbox
from attendees.enums import ACTIVE_STATUSES
from attendees.models import Notification


class DeliveryFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [("pending", _("Pending")), ("sent", _("Sent")), ("given_up", _("Given up"))]

    def queryset(self, request, queryset):
        match self.value():
            case "pending":
                return queryset.filter(sent_at__isnull=True, failed_at__isnull=True)
            case "sent":
                return queryset.filter(sent_at__isnull=False)
            case "given_up":
                return queryset.filter(failed_at__isnull=False)
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: emails are queued by the services and sent by the outbox, never written by hand."""

    list_display = ["kind", "registration", "to", "due_at", "attempts", "sent_at", "failed_at", "short_error"]
    list_filter = [DeliveryFilter, "kind"]
    list_select_related = ["registration"]
    search_fields = ["registration__email", "registration__name"]
    readonly_fields = [
        "kind",
        "registration",
        "payload",
        "created_at",
        "due_at",
        "attempts",
        "sent_at",
        "failed_at",
        "last_error",
    ]
    fields = readonly_fields
    date_hierarchy = "due_at"
    actions = ["try_again_now"]

    @admin.display(description=_("recipient"))
    def to(self, notification):
        return notification.recipient

    @admin.display(description=_("last error"))
    def short_error(self, notification):
        return notification.last_error[:120]

    @admin.action(description=_("Try again now"), permissions=["retry"])
    def try_again_now(self, request, queryset):
        count = outbox.retry_now(notification_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d unsent email will be tried again now.",
                "%(count)d unsent emails will be tried again now.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_retry_permission(self, request):
        # Sending is no change to the rows' content, but it is an act: for those who may change queued emails.
        return request.user.has_perm("attendees.change_notification")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Never on their own; a registration that may be deleted takes its queued emails with it.
        return (
            obj is not None
            and obj.registration is not None
            and obj.registration.status not in ACTIVE_STATUSES
            and request.user.has_perm("attendees.delete_registration")
        )
