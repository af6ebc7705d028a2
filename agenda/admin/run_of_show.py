"""A session's run-of-show in the admin: one compact row per item, its start typed as a time of day.

The date is the session's: a time is read in the edition's zone on the day the session starts, and a
time earlier than the session's start falls on the next day (a session that runs past midnight). An
item that keeps its shown time keeps its moment, unless the session has moved away from it: then the
item follows the session to its new day.
"""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.admin.languages import BilingualTabularInline
from agenda.models import SessionItem
from agenda.models.session import parent_session
from agenda.run_of_show import overruns

TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H%M"]


class SessionItemForm(forms.ModelForm):
    start = forms.TimeField(
        label=_("time"),
        required=False,
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"size": 5, "placeholder": "HH:MM", "autocomplete": "off"}),
        help_text=_(
            "HH:MM at the venue, on the session’s day; a time before the session starts is on the next day "
            "(a session past midnight). Leave empty to follow the previous item."
        ),
        error_messages={"invalid": _("Enter a time as HH:MM, e.g. 14:30.")},
    )

    class Meta:
        model = SessionItem
        fields = [
            "position",
            "start",
            "duration_minutes",
            "title_en",
            "title_zh_hans",
            "speakers",
            "description_en",
            "description_zh_hans",
        ]
        widgets = {
            "title_en": forms.TextInput(attrs={"size": 24}),
            "title_zh_hans": forms.TextInput(attrs={"size": 24}),
            "description_en": forms.Textarea(attrs={"rows": 2, "cols": 24}),
            "description_zh_hans": forms.Textarea(attrs={"rows": 2, "cols": 24}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._typed_start = None  # the moment a typed time became, for the hint when it is refused
        self._follows_session = False  # the stored start moved with the session, without a new time typed

    # -- the parent session and its zone -------------------------------------------------------
    def _session(self):
        # The inline's hidden parent field holds the session as posted (saved or not yet); else the stored one.
        parent = getattr(self.fields.get("session"), "parent_instance", None)
        return parent if parent is not None else parent_session(self.instance)

    @staticmethod
    def _zone(session):
        if session is not None and session.edition_id:
            return session.edition.zone
        return timezone.get_current_timezone()

    def get_initial_for_field(self, field, field_name):
        value = super().get_initial_for_field(field, field_name)
        if field_name == "start" and isinstance(value, dt.datetime):
            local = timezone.localtime(value, self._zone(self._session()))
            return local.time().replace(second=0, microsecond=0)
        return value

    # -- validation ----------------------------------------------------------------------------
    def clean(self):
        cleaned = super().clean()
        session = cleaned.get("session") or parent_session(self.instance)
        # Speakers of another edition are refused by the field itself (agenda.admin.edition_choices).
        if cleaned.get("start") is not None:
            self._place_on_session_day(cleaned, session)
        return cleaned

    def _place_on_session_day(self, cleaned, session):
        """Turn the typed time into a moment on the session's day (the next day when before the session starts)."""
        if session is None or session.start is None:
            self.add_error("start", _("Give the session a valid start first: an item’s time is on the session’s day."))
            return
        stored = self.instance.start
        if (
            stored is not None
            and "start" not in self.changed_data
            and session.start <= stored
            and (session.end is None or stored < session.end)
        ):
            cleaned["start"] = stored  # shown and sent back unchanged: the same moment (to the second)
            return
        zone = self._zone(session)
        first = timezone.localtime(session.start, zone)
        day = first.date()
        typed = cleaned["start"]
        past_midnight = session.end is not None and timezone.localtime(session.end, zone).date() > day
        if past_midnight and typed < first.time().replace(second=0, microsecond=0):
            day += dt.timedelta(days=1)
        moment = dt.datetime.combine(day, typed, tzinfo=zone)
        cleaned["start"] = moment
        self._typed_start = moment
        self._follows_session = stored is not None and stored != moment

    def _post_clean(self):
        super()._post_clean()
        # The model's check says the item must start within the session; say instead when the session runs.
        if self._typed_start is not None and self.has_error("start"):
            hint = self._span_hint()
            if hint:
                self._errors["start"] = self.error_class([hint])  # instead of the model's vaguer words

    def _span_hint(self):
        session = self._session()
        if session is None or not (session.start and session.end):
            return ""
        zone = self._zone(session)
        start, end = timezone.localtime(session.start, zone), timezone.localtime(session.end, zone)
        label = session.edition.zone_label if session.edition_id else str(zone)
        values = {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}", "zone": label}
        if end.date() > start.date():
            return (
                _("The session runs from %(start)s to %(end)s the next day (%(zone)s): type a time within it.") % values
            )
        return _("The session runs from %(start)s to %(end)s (%(zone)s): type a time within it.") % values

    def has_changed(self):
        # An item that follows its session to another day is saved although its shown time is the same.
        return super().has_changed() or self._follows_session


class RunOfShowFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return  # times are only known once every row reads
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]
        kept.sort(key=lambda form: (form.cleaned_data.get("position") or 0, form.instance.pk or float("inf")))
        items = [(form.cleaned_data.get("start"), form.cleaned_data.get("duration_minutes")) for form in kept]
        for index, message in overruns(items, session=self.instance).items():
            kept[index].add_error("duration_minutes", message)


class SessionItemInline(BilingualTabularInline):
    model = SessionItem
    form = SessionItemForm
    formset = RunOfShowFormSet
    extra = 0
    autocomplete_fields = ["speakers"]
    fields = SessionItemForm.Meta.fields
    verbose_name_plural = _("run-of-show (items inside the session, in order)")
