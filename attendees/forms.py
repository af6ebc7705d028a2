"""The delegate's forms: register, change a registration, cancel it, ask for a new link.

Plain forms built from the model's fields (lengths, choices, the country list), so that nothing here
checks the database: whether an address is already registered is decided by the service alone, and
never shown on the form.
"""

import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Fieldset, Layout, Row
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from attendees import selectors
from attendees.enums import ChoiceStatus
from attendees.models import Registration
from attendees.validators import validate_no_overlapping_sessions

DETAIL_FIELDS = [
    "name",
    "name_zh",
    "email",
    "organisation",
    "position",
    "country",
    "phone",
    "category",
    "dietary_needs",
    "accessibility_needs",
]


class KeptChoices(BaseChoiceIterator):
    """Choices worked out once and shared by every form: a field given them does not copy or sort them again."""

    def __init__(self, choices):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)

    def __deepcopy__(self, memo):
        return self  # never changed, only read


@functools.cache
def country_choices(language):
    """The countries named and sorted in `language`, after the form's own blank choice: once per language.

    The 250 countries are otherwise translated, sorted and checked on every form, shown or sent.
    """
    with translation.override(language):
        field = forms.fields_for_model(Registration, fields=["country"])["country"]
        return KeptChoices([("", _("Choose a country…")), *list(field.choices)[1:]])


class SessionField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})
    default_error_messages = {
        "invalid_choice": _("One of the chosen sessions cannot be registered for. Please choose again."),
        "invalid_pk_value": _("One of the chosen sessions cannot be registered for. Please choose again."),
    }


class DelegateForm(forms.Form):
    """Details and sessions: what a delegate gives when registering and may change later."""

    fields_from_model = DETAIL_FIELDS

    def __init__(self, *args, edition, registration=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.registration = registration
        model_fields = forms.fields_for_model(Registration, fields=self.fields_from_model)
        sessions = SessionField(
            queryset=selectors.registrable_sessions(edition=edition),
            required=False,
            label=_("Sessions that need registration"),
        )
        # Model fields first, in the model's order, then the sessions: the layout below places them.
        self.fields = {**model_fields, "sessions": sessions, **self.fields}
        # The model's own checks (the phone's format, the Chinese name's script) are answered with the form's
        # other errors, at the first submit: a plain form does not run a model field's validators itself.
        for name in self.fields_from_model:
            form_field = self.fields[name]
            missing = [v for v in Registration._meta.get_field(name).validators if v not in form_field.validators]
            form_field.validators = [*form_field.validators, *missing]
        # Two names, one per script: each label says which script it takes, in either language.
        self.fields["name"].label = _("Full name in Latin letters")
        self.fields["name"].help_text = _("As it should appear on your badge, e.g. Wang Haifeng.")
        self.fields["name_zh"].label = _("Name in Chinese characters")
        self.fields["name_zh"].help_text = _("Optional, e.g. 王海峰: printed on your badge under your name.")
        self.fields["name_zh"].widget.attrs.update({"lang": "zh-Hans", "autocomplete": "off"})
        if "email" in self.fields:
            self.fields["email"].help_text = _("We send your personal registration link here.")
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["position"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["phone"].widget = forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "maxlength": 40}
        )
        self.fields["phone"].help_text = _("Optional, with the country code.")
        self.fields["country"].choices = country_choices(get_language())
        self.fields["category"].choices = [("", _("Choose a category…")), *list(self.fields["category"].choices)[1:]]
        for name in ("dietary_needs", "accessibility_needs"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 2, "maxlength": 500})
        self.fields["dietary_needs"].help_text = _("Optional, e.g. vegetarian, halal, allergies.")
        self.fields["accessibility_needs"].help_text = _("Optional, e.g. wheelchair access, sign language.")

    @cached_property
    def helper(self):
        """The layout, built when the form is rendered: a form sent and saved never needs it."""
        return self.build_helper()

    def build_helper(self, sessions_template="attendees/includes/session_choices.html"):
        helper = FormHelper()
        helper.form_tag = False  # the page writes its own <form>, CSRF token and buttons
        helper.template = "attendees/includes/crispy_form.html"

        def pair(first, second=None):
            columns = [Column(first, css_class="col-md-6")]
            if second:
                columns.append(Column(second, css_class="col-md-6"))
            return Row(*columns)

        if "email" in self.fields:
            about = [
                pair("name", "name_zh"),
                pair("email", "phone"),
                pair("organisation", "position"),
                pair("country", "category"),
            ]
        else:
            about = [
                pair("name", "name_zh"),
                pair("organisation", "position"),
                pair("country", "category"),
                pair("phone"),
            ]
        layout = [Fieldset(_("About you"), *about)]
        if self.fields["sessions"].queryset.exists():
            layout.append(Fieldset(_("Sessions"), Field("sessions", template=sessions_template)))
        layout.append(
            Fieldset(
                _("Your needs"),
                Row(Column("dietary_needs", css_class="col-md-6"), Column("accessibility_needs", css_class="col-md-6")),
            )
        )
        if "consent" in self.fields:
            layout.append(Fieldset(_("Privacy"), "consent"))
        helper.layout = Layout(*layout)
        return helper

    def fields_in_page_order(self):
        """The visible fields in the order the page shows them (its layout's, not the model's): the error summary."""
        order = {pointer.name: index for index, pointer in enumerate(self.helper.layout.get_field_names())}
        return sorted(self.visible_fields(), key=lambda bound: order.get(bound.name, len(order)))

    def session_rows(self):
        """Each session checkbox with what the delegate needs to decide: seats left, waiting list, own place."""
        if hasattr(self, "_session_rows"):
            return self._session_rows
        widgets = list(self["sessions"])
        sessions = [widget.data["value"].instance for widget in widgets]
        ids = [session.pk for session in sessions]
        taken, waiting = selectors.places_held(ids)
        mine = {}
        if self.registration is not None and self.registration.is_active:
            mine = {choice.session_id: choice for choice in self.registration.choices.all()}
        rows = []
        for widget, session in zip(widgets, sessions, strict=True):
            own = mine.get(session.pk)
            left = None if session.capacity is None else max(session.capacity - taken[session.pk], 0)
            rows.append(
                {
                    "widget": widget,
                    "session": session,
                    "seats_left": left,
                    "full": left == 0,
                    "waiting": waiting[session.pk],
                    "holds_seat": own is not None and own.status == ChoiceStatus.SEAT,
                    "waitlisted": own is not None and own.status == ChoiceStatus.WAITLIST,
                }
            )
        self._session_rows = rows
        return rows

    def clean_sessions(self):
        sessions = self.cleaned_data["sessions"]
        validate_no_overlapping_sessions(sessions)
        return sessions

    def registration_data(self):
        return {name: self.cleaned_data[name] for name in self.fields_from_model}

    def session_ids(self):
        return [session.pk for session in self.cleaned_data.get("sessions", [])]

    def add_service_error(self, error):
        """A ValidationError from the model's own checks, placed on the matching field when there is one."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error)


class RegisterForm(DelegateForm):
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Please accept the privacy notice: we cannot register you without it.")},
    )

    def __init__(self, *args, edition, initial_session_slugs=(), **kwargs):
        super().__init__(*args, edition=edition, **kwargs)
        # The sessions a visitor came to register for, named at the top of the form.
        self.preselected = []
        if initial_session_slugs:
            slugs = [slug[:120] for slug in initial_session_slugs[:10]]
            self.preselected = list(self.fields["sessions"].queryset.filter(slug__in=slugs))
            self.initial["sessions"] = [session.pk for session in self.preselected]
        url = reverse("attendees:privacy", args=[edition.slug])
        self.fields["consent"].label = format_html(
            gettext(
                'I have read the <a href="{url}" target="_blank" rel="noopener">privacy notice</a> and agree '
                "that the organisers use my details to handle my registration."
            ),
            url=url,
        )


class UpdateForm(DelegateForm):
    """The self-service form: the address stays as registered (it identifies the registration)."""

    fields_from_model = [name for name in DETAIL_FIELDS if name != "email"]

    def __init__(self, *args, registration, **kwargs):
        initial = {name: getattr(registration, name) for name in self.fields_from_model}
        initial["country"] = registration.country.code
        initial["sessions"] = [choice.session_id for choice in registration.choices.all()]
        super().__init__(*args, edition=registration.edition, registration=registration, initial=initial, **kwargs)


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        required=True,
        label=_("Yes, cancel my registration and give up my seats."),
        error_messages={"required": _("Tick the box to confirm that you want to cancel.")},
    )


class ResendForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("The address you registered with."),
    )
