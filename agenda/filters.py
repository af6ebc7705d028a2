"""The agenda's filters; they live in the query string so a filtered view can be shared."""

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agenda.enums import SessionKind, SessionLanguage
from agenda.models import Room, Topic
from agenda.selectors import search_sessions


class AgendaFilter(django_filters.FilterSet):
    day = django_filters.ChoiceFilter(label=_("Day"), method="filter_day", empty_label=_("All days"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SessionKind.choices, empty_label=_("All kinds"))
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topic",
        to_field_name="slug",
        queryset=Topic.objects.none(),
        empty_label=_("All topics"),
    )
    room = django_filters.ModelChoiceFilter(
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
        self.filters["day"].extra["choices"] = [(day.isoformat(), day.strftime("%a %d %b")) for day in edition.days]
        self.filters["topic"].queryset = Topic.objects.filter(edition=edition)
        self.filters["room"].queryset = Room.objects.filter(venue__edition=edition).order_by("position", "name")

    def filter_day(self, queryset, name, value):
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
