"""The registration list's own filters: who holds a seat, or waits, in which sub-forum."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from agenda.admin.scope import listed_edition
from agenda.models import Session
from attendees.models import SessionChoice


def _is_id(value):
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19


class SubForumFilter(admin.SimpleListFilter):
    """Delegates holding a seat, or waiting, in one session that takes registrations."""

    title = _("sub-forum")
    parameter_name = "session"

    def lookups(self, request, model_admin):
        sessions = Session.objects.filter(registration_required=True)
        edition = listed_edition(request, model_admin)
        if edition is not None:
            return [(s.pk, s.title) for s in sessions.filter(edition=edition).order_by("start", "title")]
        sessions = sessions.select_related("edition").order_by("-edition__start_date", "start", "title")
        return [(s.pk, f"{s.title} · {s.edition.slug}") for s in sessions]

    def queryset(self, request, queryset):
        value = self.value()
        if _is_id(value):
            return queryset.filter(pk__in=SessionChoice.objects.filter(session_id=value).values("registration_id"))
        return queryset


class PlaceFilter(admin.SimpleListFilter):
    """With a sub-forum chosen: those with a seat, or those on its waiting list."""

    title = _("place in the sub-forum")
    parameter_name = "place"

    def lookups(self, request, model_admin):
        return SessionChoice._meta.get_field("status").choices

    def queryset(self, request, queryset):
        value = self.value()
        if value not in dict(self.lookup_choices):
            return queryset
        choices = SessionChoice.objects.filter(status=value)
        session = request.GET.get("session", "")
        if _is_id(session):
            choices = choices.filter(session_id=session)
        return queryset.filter(pk__in=choices.values("registration_id"))
