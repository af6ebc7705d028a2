"""Choice fields of the back office limited to one edition: selects and autocompletes, refusing another edition's."""

from django import forms
from django.contrib.admin.widgets import (
    AutocompleteMixin,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .edition_paths import edition_label, edition_of, edition_path


def _from_another_edition(field, value):
    """The error naming a choice of another edition, or None when the choice is something else."""
    model = field.queryset.model
    try:
        stray = model._default_manager.filter(**{field.to_field_name or "pk": value}).first()
    except (ValueError, TypeError, ValidationError):
        return None
    if stray is None or getattr(field, "edition", None) in (None, edition_of(stray)):
        return None
    return ValidationError(
        _("%(label)s “%(name)s” belongs to another edition.")
        % {"label": capfirst(model._meta.verbose_name), "name": stray},
        code="invalid_choice",
    )


class EditionChoiceField(forms.ModelChoiceField):
    """Says which choice is of another edition, rather than “Select a valid choice”."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "invalid_choice":
                raise
            raise _from_another_edition(self, value) or error from None


class EditionMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except ValidationError as error:
            if error.code != "invalid_choice":
                raise
            raise _from_another_edition(self, error.params["value"]) or error from None


class EditionAutocompleteMixin:
    """An autocomplete that asks only for one edition's objects, and can follow the form's edition select."""

    edition = None
    follows = None

    def get_url(self):
        url = super().get_url()
        return f"{url}?{urlencode({'edition': self.edition.pk})}" if self.edition is not None else url

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs["data-edition-scoped"] = self.edition.pk if self.edition is not None else ""
        if self.follows:
            attrs["data-edition-follows"] = f"id_{self.follows}"
        return attrs

    @property
    def media(self):
        # One list, so that the script comes after the admin's autocomplete script it builds on.
        media = super().media
        return forms.Media(js=[*media._js, "js/admin-edition-scope.js"], css=media._css)


class EditionAutocompleteSelect(EditionAutocompleteMixin, AutocompleteSelect):
    pass


class EditionAutocompleteSelectMultiple(EditionAutocompleteMixin, AutocompleteSelectMultiple):
    pass


def _edition_widget(widget, edition, follows):
    wrapper = widget if isinstance(widget, RelatedFieldWidgetWrapper) else None
    inner = wrapper.widget if wrapper else widget
    if not isinstance(inner, AutocompleteMixin):
        return widget
    if not isinstance(inner, EditionAutocompleteMixin):
        kind = EditionAutocompleteSelectMultiple if inner.allow_multiple_selected else EditionAutocompleteSelect
        scoped = kind(inner.field, inner.admin_site, attrs=inner.attrs, choices=inner.choices, using=inner.db)
        scoped.is_required = inner.is_required
        inner = scoped
    inner.edition, inner.follows = edition, follows
    if wrapper is None:
        return inner
    wrapper.widget, wrapper.attrs = inner, inner.attrs
    return wrapper


def limit_to_edition(field, edition, *, follows=None):
    """Offer only `edition`'s objects in a choice field (a select or an admin autocomplete), each labelled
    so that namesakes are told apart, and refuse another edition's with a message that names it.

    `follows`: the name of the form's edition field, when the organiser may still change it (a new
    object): the autocomplete then asks for the edition chosen there.
    """
    if not isinstance(field, forms.ModelChoiceField):
        return field
    path = edition_path(field.queryset.model)
    if path is None:
        return field
    field.edition = edition
    field.widget = _edition_widget(field.widget, edition, follows)
    field.queryset = field.queryset.filter(**{path: edition}).select_related(path)
    field.label_from_instance = edition_label
    field.error_messages = {
        **field.error_messages,
        "invalid_choice": _("Choose one of this edition’s: that one belongs to another edition or no longer exists."),
    }
    return field


def limit_form_to_edition(form_class, edition, *, follows=None):
    for field in form_class.base_fields.values():
        limit_to_edition(field, edition, follows=follows)
    return form_class


class EditionChoiceFieldsMixin:
    """For a ModelAdmin or an inline: choices of edition-bound objects name the stray one when refused."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if edition_path(db_field.related_model):
            kwargs.setdefault("form_class", EditionChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if edition_path(db_field.related_model):
            kwargs.setdefault("form_class", EditionMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
