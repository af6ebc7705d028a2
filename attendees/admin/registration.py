"""Registrations in the back office: review, approve / reject / cancel in bulk, export, fill rates.

Personal data: only staff with the registration permissions (the “Registration desk” group, and
superusers) see any of it. Status changes go through attendees.services only, never through the form.
"""

from collections import Counter, defaultdict

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter
from import_export.admin import ExportMixin

from agenda.admin.history import HistoryAdmin
from agenda.admin.scope import EditionFilter, EditionScopedAdmin, edition_from_param, working_edition
from attendees import selectors, services
from attendees.admin.actions import NAMES_SHOWN, STATUS_ACTIONS, names_listed
from attendees.admin.filters import PlaceFilter, SubForumFilter
from attendees.admin.forms import ActionMessageForm, RegistrationAdminForm
from attendees.admin.inlines import SessionChoiceInline, StatusChangeInline
from attendees.enums import ACTIVE_STATUSES, RegistrationStatus
from attendees.models import Registration, SessionChoice
from attendees.resources import RegistrationResource
from attendees.tokens import is_badge_code, normalise_badge_code


def _local(value, edition, fmt="SHORT_WEEKDAY_DATE_TIME_FORMAT"):
    if value is None:
        return ""
    return date_format(timezone.localtime(value, edition.zone), fmt)


@admin.register(Registration)
class RegistrationAdmin(HistoryAdmin, EditionScopedAdmin, ExportMixin, admin.ModelAdmin):
    edition_source = None  # a registration stays in the edition it was made for
    form = RegistrationAdminForm
    resource_classes = [RegistrationResource]
    import_export_change_list_template = "admin/attendees/registration/change_list.html"
    list_display = [
        "name",
        "email",
        "organisation",
        "country",
        "category_badge",
        "status",
        "registered",
        "checked_in",
    ]
    list_filter = [
        ("edition", EditionFilter),
        "status",
        "category",
        "language",
        ("country", CountryFilter),
        SubForumFilter,
        PlaceFilter,
    ]
    list_select_related = ["edition"]
    search_fields = ["name", "name_zh", "email", "organisation", "badge_code"]
    search_help_text = _("Name (in Latin letters or Chinese characters), email, organisation or badge code.")
    date_hierarchy = "created_at"
    list_per_page = 100
    inlines = [SessionChoiceInline, StatusChangeInline]
    actions = ["approve", "reject", "cancel", "resend_link"]
    readonly_fields = [
        "edition",
        "status",
        "checked_in",
        "printed_badge_code",
        "consented_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["edition", "status", "checked_in", "printed_badge_code"]}),
        (
            _("Delegate"),
            {
                "fields": [
                    ("name", "name_zh"),
                    "email",
                    "phone",
                    ("organisation", "position"),
                    "country",
                    "category",
                    "language",
                ]
            },
        ),
        (_("Needs"), {"fields": ["dietary_needs", "accessibility_needs"]}),
        (_("Record"), {"fields": ["consented_at", "created_at", "updated_at"]}),
    ]

    # Registrations are made through the public form, which holds seats and sends the emails.
    def has_add_permission(self, request):
        return False

    # Deleting a registration that holds seats would not hand them to the waiting lists: cancel it first.
    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in ACTIVE_STATUSES:
            return False
        return super().has_delete_permission(request, obj)

    # -- columns -------------------------------------------------------------------------------
    @admin.display(description=_("category"), ordering="category")
    def category_badge(self, obj):
        return format_html(
            '<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
            'background:{};vertical-align:middle;margin-right:.35em"></span>{}',
            obj.colour,
            obj.get_category_display(),
        )

    @admin.display(description=_("registered"), ordering="created_at")
    def registered(self, obj):
        return _local(obj.created_at, obj.edition, "SHORT_DAY_MONTH_YEAR_TIME_FORMAT")

    @admin.display(description=_("checked in"), ordering="checked_in_at")
    def checked_in(self, obj):
        return _local(obj.checked_in_at, obj.edition, "SHORT_DAY_MONTH_TIME_FORMAT") or "—"

    @admin.display(description=_("badge code"))
    def printed_badge_code(self, obj):
        return obj.printed_badge_code

    # -- search -----------------------------------------------------------------------------------
    def get_search_results(self, request, queryset, search_term):
        """A badge code is found as printed (“K7QX-M4TB”), in any case, as well as run together."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        code = normalise_badge_code(search_term)
        if is_badge_code(code) and code != search_term.strip():
            results |= queryset.filter(badge_code=code)
        return results, may_have_duplicates

    # -- saving details (never the status) ----------------------------------------------------
    def save_model(self, request, obj, form, change):
        if not change:
            raise PermissionDenied
        if form.changed_data:
            # Only the edited fields: a status changed meanwhile by an action or a scan stays as it is.
            obj.save(update_fields=[*form.changed_data, "updated_at"])

    # -- export ---------------------------------------------------------------------------------
    def get_export_queryset(self, request):
        choices = SessionChoice.objects.select_related("session").order_by("session__start", "session__title")
        return (
            super()
            .get_export_queryset(request)
            .select_related("edition")
            .prefetch_related(Prefetch("choices", queryset=choices))
        )

    def get_export_filename(self, request, queryset, file_format):
        stamp = timezone.localdate().isoformat()
        return f"registrations-{stamp}.{file_format.get_extension()}"

    # -- bulk status changes ---------------------------------------------------------------------
    def _change_statuses(self, request, queryset, key):
        spec = STATUS_ACTIONS[key]
        form = ActionMessageForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            message = form.cleaned_data["message"].strip()
            done, refused = 0, defaultdict(list)
            for registration in queryset.order_by("pk"):
                try:
                    spec["service"](registration=registration, by=request.user, message=message)
                except services.RegistrationError as error:
                    refused[str(error)].append(registration.name)
                else:
                    done += 1
            if done:
                self.message_user(request, spec["done"](done) % {"count": done}, messages.SUCCESS)
            if refused:
                count = sum(len(names) for names in refused.values())
                reasons = " ".join(f"{reason} ({names_listed(names)})" for reason, names in refused.items())
                self.message_user(request, f"{spec['not_done'](count) % {'count': count}} {reasons}", messages.WARNING)
            return None
        return self._confirmation_page(request, queryset, key, spec, form)

    def _confirmation_page(self, request, queryset, key, spec, form):
        select_across = request.POST.get("select_across") == "1"
        chosen = queryset.order_by("name", "pk")
        total = chosen.count()
        statuses = Counter(dict(chosen.order_by().values_list("status").annotate(n=Count("pk"))))
        context = {
            **self.admin_site.each_context(request),
            "title": spec["title"],
            "subtitle": None,
            "opts": self.opts,
            "action": key,
            "spec": spec,
            "form": form,
            "shown": list(chosen[:NAMES_SHOWN]),
            "total": total,
            "more": max(total - NAMES_SHOWN, 0),
            "status_counts": [
                (status.label, statuses[status.value]) for status in RegistrationStatus if statuses[status.value]
            ],
            "select_across": select_across,
            # The changelist only runs an action when some boxes are ticked, even with “select all” (select_across).
            "selected_ids": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "form_url": request.get_full_path(),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/attendees/registration/action_message.html", context)

    @admin.action(description=_("Approve selected registrations…"), permissions=["change"])
    def approve(self, request, queryset):
        return self._change_statuses(request, queryset, "approve")

    @admin.action(description=_("Reject selected registrations…"), permissions=["change"])
    def reject(self, request, queryset):
        return self._change_statuses(request, queryset, "reject")

    @admin.action(description=_("Cancel selected registrations…"), permissions=["change"])
    def cancel(self, request, queryset):
        return self._change_statuses(request, queryset, "cancel")

    @admin.action(description=_("Resend the self-service link"), permissions=["change"])
    def resend_link(self, request, queryset):
        sent = 0
        for registration in queryset.select_related("edition").order_by("pk"):
            if services.registration_send_link(edition=registration.edition, email=registration.email):
                sent += 1
        self.message_user(
            request,
            ngettext(
                "A new self-service link will be emailed to %(count)d delegate; an earlier link stops working "
                "when the email leaves.",
                "A new self-service link will be emailed to %(count)d delegates; an earlier link stops working "
                "when the email leaves.",
                sent,
            )
            % {"count": sent},
            messages.SUCCESS,
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Deleting would bypass the services: seats would not go to the waiting lists.
        actions.pop("delete_selected", None)
        return actions

    # -- fill rates -----------------------------------------------------------------------------
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_fill_rates"
        urls = [path("fill-rates/", self.admin_site.admin_view(self.fill_rates_view), name=name)]
        return urls + super().get_urls()

    def fill_rates_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        edition = edition_from_param(request.GET.get("edition")) or working_edition(request)
        rows = selectors.fill_rates(edition) if edition else []
        changelist = reverse("admin:attendees_registration_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Fill rates"),
            "subtitle": edition.name if edition else None,
            "opts": self.opts,
            "edition": edition,
            "editions": selectors.editions_to_choose(),
            "rows": [
                {
                    "rate": row,
                    "when": _local(row.session.start, edition, "SHORT_WEEKDAY_DAY_MONTH_TIME_FORMAT"),
                    "place": row.session.room.name if row.session.room_id else "",
                    "list_url": f"{changelist}?edition__id__exact={edition.pk}&session={row.session.pk}",
                    "waiting_url": f"{changelist}?edition__id__exact={edition.pk}&session={row.session.pk}"
                    "&place=waitlist",
                }
                for row in rows
            ],
            "totals": {
                "seats": sum(r.seats for r in rows),
                "waiting": sum(r.waiting for r in rows),
            },
            "status_counts": selectors.status_counts(edition) if edition else [],
            "changelist_url": changelist,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/attendees/registration/fill_rates.html", context)
