"""Who changed a session, an exhibit, an award or a registration, when, and what: the admin's "History" page.

`HistoryAdmin` goes first among an admin class's bases (`class SessionAdmin(HistoryAdmin,
ImportExportModelAdmin)`) of a model that keeps `revisions = HistoricalRecords()`. Its History page lists
each saved change, newest first: when (in the edition's zone), by whom (nobody for a command or the public
site), created / changed / deleted, and each changed field as old → new, with the choices' labels and the
related objects' names. It is read-only: nothing is reverted from it, since statuses, seats and emails change
through their services only. Whoever may view the object may read its history (registrations: the
registration desk and superusers); others get 403 before anything is looked up.
"""

import dataclasses
import datetime as dt
import json

from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from agenda.services import BULK_STATUS_REASON
from agenda.translation import TRANSLATED_FIELDS

EMPTY = "—"


def edition_of(obj):
    """The edition an object belongs to, directly or through its expo, award programme or competition; else None."""
    for path in ("edition", "expo.edition", "programme.edition", "competition.edition"):
        value = obj
        for name in path.split("."):
            value = getattr(value, name, None)
        if value is not None:
            return value
    return None


class ReadableChanges(HistoricalRecordContextHelper):
    """Changed values as an organiser reads them: labels of choices, local times, yes / no, a dash for empty."""

    def context_for_delta_changes(self, delta):
        # A translated field's own column repeats one of its languages: its "[en]" and "[zh-hans]" changes say it.
        translated = set(TRANSLATED_FIELDS.get(self.model, ()))
        kept = [change for change in delta.changes if change.field not in translated]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=kept))

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return EMPTY
        if getattr(field, "flatchoices", None):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, dt.datetime):
            return date_format(timezone.localtime(value), "SHORT_WEEKDAY_DATE_TIME_FORMAT")
        return value


def _note_inline_changes(request, obj, entry):
    """Put the related rows the admin form added, changed or deleted on the revision that form's save wrote."""
    inline = [part for part in json.loads(entry.change_message or "[]") if "name" in next(iter(part.values()), {})]
    revision = obj.revisions.order_by("-history_date", "-history_id").first()
    if inline and revision is not None and revision.history_user_id == request.user.pk:
        type(revision).objects.filter(pk=revision.pk).update(history_change_reason=json.dumps(inline))


def readable_note(reason):
    """A revision's note: the related rows a form changed, in the reader's language; or the reason as written."""
    if not reason:
        return ""
    if reason == BULK_STATUS_REASON:
        return _("Set for several sessions at once.")
    if reason.startswith("["):
        return LogEntry(change_message=reason).get_change_message()
    return reason


class HistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/history/object_history.html"
    object_history_list_template = "admin/history/object_history_list.html"
    history_list_per_page = 50

    def get_urls(self):
        # No page per past version (it would offer a form to put the old values back): the list says it all.
        opts = self.model._meta
        version_page = f"{opts.app_label}_{opts.model_name}_simple_history"
        return [url for url in super().get_urls() if getattr(url, "name", None) != version_page]

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise PermissionDenied

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        records = list(historical_records)
        for record in records:
            record.note = readable_note(record.history_change_reason)
        # Every record but the page's oldest was compared with the one before it: say when that showed nothing
        # (a change to what the history leaves out, such as a registration's phone number or link).
        for record in records[:-1]:
            record.nothing_kept_changed = (
                record.history_type == "~" and not getattr(record, "history_delta_changes", None) and not record.note
            )

    # What the form's inlines changed (speakers, organisers, run-of-show …) is kept with the save's revision.
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _note_inline_changes(request, obj, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        _note_inline_changes(request, obj, entry)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        edition = edition_of(obj) if obj is not None else None
        if edition is None:
            return super().history_view(request, object_id, extra_context)
        # Times as the organisers read them everywhere else: in the edition's own zone, labelled once.
        context = {"history_zone": edition.zone_label, **(extra_context or {})}
        with timezone.override(edition.zone):
            return super().history_view(request, object_id, context)
