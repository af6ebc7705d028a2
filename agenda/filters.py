"""The agenda's and the expo's filters; they live in the query string so a filtered view can be shared.

Pages drop a value that makes no sense (`without_bad_values`) and say so; the API answers 400 instead.
"""

import datetime as dt
from functools import cached_property

import django_filters
import django_filters.fields
from django import forms
from django.db.models import Q
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agenda.enums import ExhibitCategory, SessionKind, SessionLanguage
from agenda.models import Organisation, Room, Topic
from agenda.selectors import search_sessions
from agenda.selectors.expo import exhibitors_of, hall_choices, search_exhibits


def without_bad_values(filterset_class, data, **kwargs):
    """The filter set over `data`, less the values it cannot understand (an unknown room, a day of another
    edition, a category that does not exist), and the errors of those dropped, by field name."""
    data = data.copy()
    probe = filterset_class(data, **kwargs)
    if probe.is_valid():
        return probe, {}
    ignored = dict(probe.errors)
    for name in ignored:
        data.pop(name, None)
    valid = filterset_class(data, **kwargs)
    valid.is_valid()
    return valid, ignored


class _ChoicesReadOnce(django_filters.fields.ModelChoiceIterator):
    """A model's choices, counted from the rows read rather than by a query of its own (a template's loop
    over the choices asks for their number first)."""

    @cached_property
    def _read(self):
        return list(super().__iter__())

    def __iter__(self):
        return iter(self._read)

    def __len__(self):
        return len(self._read)


class _ModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _ChoicesReadOnce


class _ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _ModelChoiceField


# The agenda's tab (`?day=around`) for the events before, after or away from the summit.
AROUND_SUMMIT = "around"


class AgendaFilter(django_filters.FilterSet):
    day = django_filters.ChoiceFilter(label=_("Day"), method="filter_day", empty_label=_("All days"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SessionKind.choices, empty_label=_("All kinds"))
    topic = _ModelChoiceFilter(
        label=_("Topic"),
        field_name="topic",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("All topics"),
    )
    room = _ModelChoiceFilter(
        label=_("Room"),
        to_field_name="slug",
        queryset=Room.objects.none(),
        empty_label=_("All rooms"),
        method="filter_room",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=SessionLanguage.choices, empty_label=_("All languages"), method="filter_language"
    )
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Title, speaker, organisation…")}),
    )

    def __init__(self, data=None, *args, edition, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.edition = edition
        self.filters["day"].extra["choices"] = [
            *((day.isoformat(), date_format(day, "SHORT_WEEKDAY_DAY_MONTH_FORMAT")) for day in edition.days),
            (AROUND_SUMMIT, _("Around the summit")),
        ]
        self.filters["topic"].queryset = Topic.objects.filter(edition=edition)
        self.filters["room"].queryset = Room.objects.filter(venue__edition=edition).order_by("position", "name")

    def filter_day(self, queryset, name, value):
        if value == AROUND_SUMMIT:
            return queryset.filter(is_around_summit=True)
        day = dt.date.fromisoformat(value)
        start = dt.datetime.combine(day, dt.time.min, tzinfo=self.edition.zone)
        return queryset.filter(start__gte=start, start__lt=start + dt.timedelta(days=1))

    def filter_room(self, queryset, name, room):
        # A break or ceremony over the whole venue is on in this room too.
        return queryset.filter(Q(room=room) | Q(venue_id=room.venue_id))

    def filter_language(self, queryset, name, value):
        # Bilingual sessions (with interpretation) suit speakers of either language.
        if value in (SessionLanguage.ENGLISH, SessionLanguage.CHINESE):
            return queryset.filter(language__in=[value, SessionLanguage.BILINGUAL])
        return queryset.filter(language=value)

    def filter_search(self, queryset, name, value):
        return search_sessions(queryset, value.strip()[:200])


class _LazyChoices(BaseChoiceIterator):
    """Choices read from the database the first time they are needed, then kept."""

    def __init__(self, load):
        self._load = load

    @cached_property
    def _choices(self):
        return list(self._load())

    def __iter__(self):
        return iter(self._choices)

    def __len__(self):
        return len(self._choices)


class ExhibitFilter(django_filters.FilterSet):
    """The expo directory's filters (also the API's). Choices are read only when a form is shown or checked."""

    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=ExhibitCategory.choices, empty_label=_("All categories")
    )
    hall = django_filters.ChoiceFilter(label=_("Hall"), empty_label=_("All halls"), method="filter_hall")
    exhibitor = django_filters.ModelChoiceFilter(
        label=_("Exhibitor"),
        field_name="exhibitor",
        to_field_name="slug",
        queryset=Organisation.objects.none(),
        empty_label=_("All exhibitors"),
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")

    def __init__(self, data=None, *args, edition, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.edition = edition
        self.filters["hall"].extra["choices"] = _LazyChoices(lambda: hall_choices(edition))
        self.filters["exhibitor"].queryset = exhibitors_of(edition)

    def filter_hall(self, queryset, name, value):
        return queryset.filter(hall__slug=value)

    def filter_search(self, queryset, name, value):
        return search_exhibits(queryset, value)
