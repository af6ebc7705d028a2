"""The edition an organiser is working on in the back office: one edition at a time.

It is the edition last chosen (remembered in the organiser's session), else the current edition,
else the latest one. Lists, new objects and the dashboard all start from it:

- `EditionScopedAdmin` opens a list on that edition (its edition filter, with an “All editions”
  choice that the list remembers), starts a new object in it, and limits every choice of a
  related object on its forms and inlines to the edition of the object being edited.
- `EditionFilter` is that list's edition filter, `EditionScopedFilter` a filter of related
  objects (rooms, topics, sub-forums …) that offers the shown edition's only.
- `edition_choices.limit_to_edition(field, edition)` limits one form field (select or
  autocomplete) to an edition, for any form or inline that builds its own fields;
  `edition_paths` says which edition an object belongs to.
"""

from urllib.parse import urlsplit

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agenda.access import SESSION_KEY, remember_edition, working_edition  # noqa: F401  (used by importers)
from agenda.models import Edition

from .edition_choices import EditionChoiceFieldsMixin, limit_form_to_edition
from .edition_paths import by_name, edition_from_param, edition_label, edition_of, edition_path, parse_id

ALL_EDITIONS_KEY = "admin_all_editions_lists"
ALL = "all"  # the edition filter's value for “All editions”


# -- lists -----------------------------------------------------------------------------------------


def listed_edition(request, model_admin):
    """The edition a list shows: the one chosen in its edition filter, None for all editions,
    else (a list without the filter, e.g. a popup) the working edition."""
    cache = request.__dict__.setdefault("_listed_editions", {})
    param = model_admin.edition_param
    if param not in cache:
        value = request.GET.get(param)
        if value is None:
            cache[param] = working_edition(request)
        else:
            cache[param] = None if value == ALL else edition_from_param(value)
    return cache[param]


def _remember_all_editions(request, key, on):
    lists = set(request.session.get(ALL_EDITIONS_KEY, []))
    if (key in lists) != on:
        request.session[ALL_EDITIONS_KEY] = sorted(lists | {key} if on else lists - {key})


class EditionFilter(admin.RelatedFieldListFilter):
    """The list's edition: each edition by name, newest first, and “All editions”."""

    def field_choices(self, field, request, model_admin):
        return [(edition.pk, edition.name) for edition in Edition.objects.order_by("-start_date")]

    @property
    def include_empty_choice(self):
        return False

    def has_output(self):
        return True

    def shows_all(self):
        return self.lookup_val == [ALL]

    def queryset(self, request, queryset):
        if self.shows_all():
            return queryset
        return super().queryset(request, queryset)

    def choices(self, changelist):
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        yield {
            "selected": self.shows_all() or self.lookup_val is None,
            "query_string": changelist.get_query_string({self.lookup_kwarg: ALL}, [self.lookup_kwarg_isnull]),
            "display": _("All editions"),
        }
        for pk, name in self.lookup_choices:
            yield {
                "selected": self.lookup_val is not None and str(pk) in self.lookup_val,
                "query_string": changelist.get_query_string({self.lookup_kwarg: pk}, [self.lookup_kwarg_isnull]),
                "display": f"{name} ({counts[f'{pk}__c']})" if counts else name,
            }


class EditionScopedFilter(admin.RelatedFieldListFilter):
    """Rooms, topics, halls, programmes … of the edition the list shows; with all editions, each says its own."""

    def field_choices(self, field, request, model_admin):
        model = field.related_model
        path = edition_path(model)
        queryset = model._default_manager.all()
        edition = listed_edition(request, model_admin)
        if edition is not None:
            return [(obj.pk, str(obj)) for obj in by_name(queryset.filter(**{path: edition}))]
        return [(obj.pk, edition_label(obj)) for obj in by_name(queryset.select_related(path))]


# -- the admin -------------------------------------------------------------------------------------


class EditionScopedAdmin(EditionChoiceFieldsMixin):
    """A ModelAdmin of objects that belong to an edition: one edition at a time.

    `edition_lookup`: the path from the model to its edition, as in `list_filter`, whose entry is
    `(edition_lookup, EditionFilter)`. `edition_source`: the form field that decides the edition of
    the object edited (“edition”, “expo”, “programme” …), None when the form has none.
    """

    edition_lookup = "edition"
    edition_source = "edition"

    @property
    def edition_param(self):
        return f"{self.edition_lookup}__id__exact"

    # -- the list ------------------------------------------------------------------------------
    def get_list_display(self, request):
        # A list of one edition does not repeat that edition on every row: its title names it once.
        columns = super().get_list_display(request)
        if listed_edition(request, self) is not None:
            columns = [column for column in columns if column not in ("edition", "edition_label")]
        return columns

    def changelist_view(self, request, extra_context=None):
        lists_editions = request.method == "GET" and IS_POPUP_VAR not in request.GET and TO_FIELD_VAR not in request.GET
        if lists_editions and self.has_view_or_change_permission(request):
            redirect = self._edition_redirect(request)
            if redirect is not None:
                return redirect
        edition = listed_edition(request, self)
        subtitle = gettext("%(things)s · %(edition)s") % {
            "things": capfirst(self.opts.verbose_name_plural),
            "edition": edition.name if edition else gettext("all editions"),
        }
        return super().changelist_view(request, {"subtitle": subtitle, **(extra_context or {})})

    def _edition_redirect(self, request):
        """Open the list on the working edition, or on all editions if this list was last left so."""
        param, key = self.edition_param, self.opts.label_lower
        value = request.GET.get(param)
        if value == ALL:
            _remember_all_editions(request, key, True)
            return None
        edition = edition_from_param(value) if value is not None else None
        if edition is not None:
            _remember_all_editions(request, key, False)
            if edition != working_edition(request):
                remember_edition(request, edition)
            return None
        query = request.GET.copy()
        if value is None and key in request.session.get(ALL_EDITIONS_KEY, []):
            query[param] = ALL
        else:
            target = working_edition(request)
            if target is None:  # no edition at all yet
                if value is None:
                    return None
                del query[param]
            else:
                if value is not None:
                    messages.warning(
                        request, _("There is no such edition: the list shows %(edition)s.") % {"edition": target.name}
                    )
                query[param] = target.pk
        return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")

    # After saving, the list shows the saved object's edition (unless it shows all of them).
    def response_post_save_add(self, request, obj):
        return self._to_edition_of(super().response_post_save_add(request, obj), obj)

    def response_post_save_change(self, request, obj):
        return self._to_edition_of(super().response_post_save_change(request, obj), obj)

    def _to_edition_of(self, response, obj):
        edition = edition_of(obj)
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        address = urlsplit(response.get("Location", ""))
        if edition is None or address.path != changelist:
            return response
        query = QueryDict(address.query, mutable=True)
        if query.get(self.edition_param) != ALL:
            query[self.edition_param] = edition.pk
        response["Location"] = f"{changelist}?{query.urlencode()}"
        return response

    # -- the form ------------------------------------------------------------------------------
    def _edition_named_by(self, value):
        field = self.model._meta.get_field(self.edition_source)
        number = parse_id(value)
        if number is None:
            return None
        if field.related_model is Edition:
            return Edition.objects.filter(pk=number).first()
        path = edition_path(field.related_model)
        source = field.related_model._default_manager.select_related(path).filter(pk=number).first()
        return edition_of(source) if source is not None else None

    def form_edition(self, request, obj=None):
        """The edition of the object on the form: the one posted, else the saved one, else the one the address
        asks for (?edition=…), else the working edition."""
        if self.edition_source is None:
            return edition_of(obj) if obj is not None and obj.pk else None
        if not hasattr(request, "_form_edition"):
            edition = None
            if request.method == "POST":
                edition = self._edition_named_by(request.POST.get(self.edition_source))
            if edition is None and obj is not None and obj.pk:
                edition = edition_of(obj)
            if edition is None:
                edition = self._edition_named_by(request.GET.get(self.edition_source))
            request._form_edition = edition or working_edition(request)
        return request._form_edition

    def _follows(self, obj):
        """A new object's edition select may still change: its autocompletes follow it."""
        return self.edition_source if self.edition_source == "edition" and (obj is None or not obj.pk) else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        edition = self.form_edition(request, obj)
        if edition is not None:
            limit_form_to_edition(form, edition, follows=self._follows(obj))
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        edition = self.form_edition(request, obj)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if edition is not None:
                limit_form_to_edition(formset.form, edition, follows=self._follows(obj))
            yield formset, inline

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        source = self.edition_source
        edition = working_edition(request) if source and source not in initial else None
        if edition is None:
            return initial
        related = self.model._meta.get_field(source).related_model
        if related is Edition:
            initial[source] = edition.pk
        else:
            # An expo, a programme …: preselected when the edition has just one.
            candidates = list(related._default_manager.filter(**{edition_path(related): edition})[:2])
            if len(candidates) == 1:
                initial[source] = candidates[0].pk
        return initial
