"""Registrations in the back office: review, approve / reject / cancel in bulk, export, fill rates.

Personal data: only staff with the registration permissions (the “Registration desk” group, and
superusers) see any of it. Status changes go through attendees.services only, never through the form.
"""

from collections import Counter, defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from import_export.admin import ExportMixin

from agenda.admin.history import HistoryAdmin
from agenda.admin.scope import EditionFilter, EditionScopedAdmin, edition_from_param, listed_edition, working_edition
from agenda.models import Edition, Session
from attendees import selectors, services
from attendees.enums import ACTIVE_STATUSES, RegistrationStatus
from attendees.models import Registration, SessionChoice, StatusChange
from attendees.resources import RegistrationResource
from attendees.tokens import is_badge_code, normalise_badge_code

NAMES_SHOWN = 10  # in messages and on the confirmation page, beyond this: “and 12 more”


def _local(value, edition, fmt="D j M Y H:i"):
    if value is None:
        return ""
    return date_format(timezone.localtime(value, edition.zone), fmt)


def _is_id(value):
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19


# -- filters ---------------------------------------------------------------------------------------


class SubForumFilter(admin.SimpleListFilter):
    """Delegates holding a seat, or waiting, in one session that takes registrations."""

    title = _("sub-forum")
    parameter_name = "session"

    def lookups(self, request, model_admin):
        sessions = Session.objects.filter(registration_required=True)
        edition = listed_edition(request, model_admin)
        if edition is not None:
            return [(s.pk, s.title) for s in sessions.filter(edition=edition).order_by("start", "title")]
        sessions = sessions.select_related("edition").order_by("-edition__start_date", "start", "title")
        return [(s.pk, f"{s.title} · {s.edition.slug}") for s in sessions]

    def queryset(self, request, queryset):
        value = self.value()
        if _is_id(value):
            return queryset.filter(pk__in=SessionChoice.objects.filter(session_id=value).values("registration_id"))
        return queryset


class PlaceFilter(admin.SimpleListFilter):
    """With a sub-forum chosen: those with a seat, or those on its waiting list."""

    title = _("place in the sub-forum")
    parameter_name = "place"

    def lookups(self, request, model_admin):
        return SessionChoice._meta.get_field("status").choices

    def queryset(self, request, queryset):
        value = self.value()
        if value not in dict(self.lookup_choices):
            return queryset
        choices = SessionChoice.objects.filter(status=value)
        session = request.GET.get("session", "")
        if _is_id(session):
            choices = choices.filter(session_id=session)
        return queryset.filter(pk__in=choices.values("registration_id"))


# -- inlines (read-only) ---------------------------------------------------------------------------


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


# -- forms -----------------------------------------------------------------------------------------


class RegistrationAdminForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "phone",
            "organisation",
            "position",
            "country",
            "category",
            "dietary_needs",
            "accessibility_needs",
        ]

    def clean_email(self):
        # The unique constraint covers the edition, which is not on this form: check it here.
        email = self.cleaned_data["email"].strip()
        others = (
            Registration.objects.filter(edition_id=self.instance.edition_id)
            .exclude(pk=self.instance.pk)
            .annotate(e=Lower("email"))
            .filter(e=email.lower())
        )
        if others.exists():
            raise forms.ValidationError(_("This email address is already registered for this edition."))
        return email


class ActionMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the delegates (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
    )


# -- the admin -------------------------------------------------------------------------------------

STATUS_ACTIONS = {
    "approve": {
        "service": services.registration_approve,
        "title": _("Approve registrations"),
        "button": _("Approve"),
        "done": lambda n: ngettext("%(count)d registration approved.", "%(count)d registrations approved.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not approved:", "%(count)d registrations were not approved:", n
        ),
        "message_help": _("Added to the approval email each delegate receives, and kept in the history."),
    },
    "reject": {
        "service": services.registration_reject,
        "title": _("Reject registrations"),
        "button": _("Reject"),
        "done": lambda n: ngettext("%(count)d registration rejected.", "%(count)d registrations rejected.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not rejected:", "%(count)d registrations were not rejected:", n
        ),
        "message_help": _(
            "Added to the email each delegate receives, and kept in the history. "
            "Their seats go to the next delegates on the waiting lists."
        ),
    },
    "cancel": {
        "service": services.registration_cancel,
        "title": _("Cancel registrations"),
        "button": _("Cancel the registrations"),
        "done": lambda n: ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", n),
        "not_done": lambda n: ngettext(
            "%(count)d registration was not cancelled:", "%(count)d registrations were not cancelled:", n
        ),
        "message_help": _(
            "Kept in the history; the cancellation email does not include it. "
            "Their seats go to the next delegates on the waiting lists."
        ),
    },
}


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
        ("country", CountryFilter),
        SubForumFilter,
        PlaceFilter,
    ]
    list_select_related = ["edition"]
    search_fields = ["name", "email", "organisation", "badge_code"]
    search_help_text = _("Name, email, organisation or badge code.")
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
        (_("Delegate"), {"fields": ["name", "email", "phone", ("organisation", "position"), "country", "category"]}),
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
        return _local(obj.created_at, obj.edition, "j M Y H:i")

    @admin.display(description=_("checked in"), ordering="checked_in_at")
    def checked_in(self, obj):
        return _local(obj.checked_in_at, obj.edition, "j M H:i") or "—"

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
                reasons = " ".join(f"{reason} ({_names(names)})" for reason, names in refused.items())
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
                "A new self-service link was sent to %(count)d delegate; earlier links no longer work.",
                "A new self-service link was sent to %(count)d delegates; earlier links no longer work.",
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
            "editions": Edition.objects.order_by("-start_date").only("pk", "name", "year"),
            "rows": [
                {
                    "rate": row,
                    "when": _local(row.session.start, edition, "D j M H:i"),
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


def _names(names):
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    if rest > 0:
        shown += " " + gettext("and %(count)d more") % {"count": rest}
    return shown
