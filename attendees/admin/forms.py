"""The back office's forms: a registration's details (never its status), and the message of a bulk change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from attendees import selectors
from attendees.models import Registration


class RegistrationAdminForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "name",
            "name_zh",
            "email",
            "phone",
            "organisation",
            "position",
            "country",
            "category",
            "dietary_needs",
            "accessibility_needs",
            "language",
        ]

    def clean_email(self):
        # The unique constraint covers the edition, which is not on this form: check it here.
        email = self.cleaned_data["email"].strip()
        others = selectors.registrations_with_email(edition=self.instance.edition_id, email=email).exclude(
            pk=self.instance.pk
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
