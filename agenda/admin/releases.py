"""Programme releases in the back office: the list, each release read-only, and “Publish a release”.

Publishing goes through `agenda.services.publish_release` (numbering under a lock, the rules, the snapshot, the
changes, the emails); the form only chooses the edition and the note in both languages, above a preview of what
the release will say. The preview's edition and the release it compared with are sent back with the form, so
what is published is what the organiser checked.
"""

from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import services
from agenda.models import Release
from agenda.releases import CHANGE_KINDS, describe_all, grouped_by_kind
from agenda.releases.preview import release_preview
from agenda.releases.rules import check_basis, check_edition
from agenda.releases.selectors import last_release_published

from .languages import BilingualAdmin
from .scope import EditionFilter, EditionScopedAdmin

# How much of each note the list of releases shows.
NOTE_IN_LIST = 80


class PublishReleaseForm(forms.ModelForm):
    # What the preview the organiser saw was of: an edition, compared with its release of this number (0 before
    # the first). Written by the preview (templates/admin/agenda/release/publish_form.html), not typed.
    previewed_edition = forms.IntegerField(required=False, widget=forms.HiddenInput)
    compared_with = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    # Set by ReleaseAdmin.get_form: who publishes, and why publish_release refused a first attempt, if it did.
    publisher = None
    refusal = None

    class Meta:
        model = Release
        fields = ["edition", "note_en", "note_zh_hans"]
        widgets = {
            "note_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
            "note_zh_hans": forms.Textarea(attrs={"rows": 4, "lang": "zh-Hans"}),
        }

    def clean(self):
        cleaned_data = super().clean()
        if self.refusal is not None:
            raise self.refusal
        edition = cleaned_data.get("edition")
        if edition is None:
            return cleaned_data
        check_edition(edition)
        compared_with = cleaned_data.get("compared_with")
        if cleaned_data.get("previewed_edition") != edition.pk or compared_with is None:
            # Another edition chosen without the page following it (no JavaScript), or a form from elsewhere.
            raise ValidationError(
                _("Check the preview below of what this release of %(edition)s will say, then publish it."),
                code="not_previewed",
                params={"edition": edition.name},
            )
        check_basis(
            edition=edition,
            previous=last_release_published(edition),
            compared_with=compared_with,
            by=self.publisher,
        )
        return cleaned_data


@admin.register(Release)
class ReleaseAdmin(EditionScopedAdmin, BilingualAdmin):
    form = PublishReleaseForm
    list_display = ["number", "edition", "published_at", "published_by", "change_summary", "note_summary"]
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
        return [] if obj is None else self.replace_orig_field(self.readonly_fields)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.publisher = request.user
        form.refusal = getattr(request, "_release_refusal", None)
        return form

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

    @admin.display(description=_("note"))
    def note_summary(self, obj):
        """The start of the note in each language it is written in, one line each."""
        notes = [(lang, text) for lang, text in (("en", obj.note_en), ("zh-Hans", obj.note_zh_hans)) if text]
        if not notes:
            return None  # the list's mark for an empty value
        lines = ((lang, Truncator(text).chars(NOTE_IN_LIST)) for lang, text in notes)
        return format_html_join(mark_safe("<br>"), '<span lang="{}">{}</span>', lines)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if add:
            # Made as the page is shown, after any release a colleague has just published.
            edition = self.form_edition(request)
            context["preview"] = release_preview(edition) if edition is not None else None
            context["preview_edition"] = edition
        return super().render_change_form(request, context, add, change, form_url, obj)

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except ValidationError as refusal:
            # publish_release refused under its lock (a colleague published first, the form was sent twice,
            # nothing changed): nothing was saved; the same form again, saying why, with a fresh preview.
            if request.method != "POST" or hasattr(request, "_release_refusal"):
                raise
            request._release_refusal = refusal
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
            edition=form.cleaned_data["edition"],
            note_en=form.cleaned_data["note_en"],
            note_zh_hans=form.cleaned_data["note_zh_hans"],
            by=request.user,
            compared_with=form.cleaned_data["compared_with"],
        )
        # The admin goes on with the published release (its message, its history entry, the redirect).
        obj.pk, obj.number, obj.published_at = release.pk, release.number, release.published_at
        obj._state.adding = False
        emailed = release.notifications_queued
        if not emailed:
            messages.info(request, _("No delegate holds a place in a changed session: nobody will be emailed."))
            return
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
