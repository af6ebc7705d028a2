"""Programme releases in the back office: the list, each release read-only, and “Publish a release”.

Publishing goes through `agenda.services.publish_release` (numbering under a lock, the snapshot, the changes,
the emails); the form only chooses the edition and the note, above a preview of what the release will say.
"""

from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import services
from agenda.models import Release
from agenda.releases import CHANGE_KINDS, describe_all, grouped_by_kind
from agenda.releases.preview import release_preview

from .scope import EditionFilter, EditionScopedAdmin


class PublishReleaseForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["edition", "note"]


@admin.register(Release)
class ReleaseAdmin(EditionScopedAdmin, admin.ModelAdmin):
    form = PublishReleaseForm
    list_display = ["number", "edition", "published_at", "published_by", "change_summary"]
    list_display_links = ["number"]
    list_filter = [("edition", EditionFilter)]
    add_form_template = "admin/agenda/release/publish_form.html"
    change_form_template = "admin/agenda/release/change_form.html"
    readonly_fields = ["edition", "number", "published_at", "published_by", "note"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("snapshot").select_related("edition", "published_by")

    def get_fields(self, request, obj=None):
        return ["edition", "note"] if obj is None else self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    # A release is history: it is published once, never edited or deleted.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changes"))
    def change_summary(self, obj):
        if obj.number == 1:
            return _("first published programme")
        counts = Counter(kind for change in obj.changes for kind in change["kinds"])
        parts = [
            f"{counts[kind]} {str(label).lower()}" for kind, (label, _line) in CHANGE_KINDS.items() if counts[kind]
        ]
        return ", ".join(parts) or _("no change")

    def add_view(self, request, form_url="", extra_context=None):
        edition = self.form_edition(request)
        preview = release_preview(edition) if edition is not None else None
        extra_context = {"preview": preview, "preview_edition": edition, **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        release = self.get_object(request, object_id)
        groups = []
        if release is not None:
            groups = grouped_by_kind(describe_all(release.changes, zone=release.edition.zone))
        extra_context = {"release_groups": groups, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        release = services.publish_release(
            edition=form.cleaned_data["edition"], note=form.cleaned_data["note"], by=request.user
        )
        # The admin goes on with the published release (its message, its history entry, the redirect).
        obj.pk, obj.number, obj.published_at = release.pk, release.number, release.published_at
        obj._state.adding = False
        emailed = release.notifications_queued
        messages.info(
            request,
            ngettext(
                "%(count)d delegate with a place in a changed session will be emailed.",
                "%(count)d delegates with a place in a changed session will be emailed.",
                emailed,
            )
            % {"count": emailed},
        )

    def save_related(self, request, form, formsets, change):
        pass  # nothing but the release itself, saved by the service
