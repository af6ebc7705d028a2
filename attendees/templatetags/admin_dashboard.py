"""The dashboard on the admin home: ``{% admin_dashboard %}`` shows the working edition at a glance.

``?edition=<id>`` on the admin home switches the edition the organiser works on (and remembers it).
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from agenda.access import is_previewer
from agenda.admin.scope import edition_from_param, remember_edition, working_edition
from agenda.models import Edition
from attendees.dashboard import edition_dashboard

register = template.Library()

# (app label, model, label) of the programme's import pages, shown to staff who may change that model.
IMPORTS = [
    ("agenda", "session", _("Import sessions")),
    ("agenda", "person", _("Import people")),
    ("agenda", "organisation", _("Import organisations")),
    ("agenda", "exhibit", _("Import exhibits")),
]


def _switch(request):
    """Switch to the edition named by ``?edition=``; an unknown one is reported and changes nothing."""
    value = request.GET.get("edition", "").strip()
    if not value:
        return None
    edition = edition_from_param(value)
    if edition is None:
        return _("There is no such edition: the dashboard shows the edition you were working on.")
    remember_edition(request, edition)
    return None


def _with_query(url, **params):
    return f"{url}?{urlencode(params)}"


def _shortcuts(request, edition):
    """Links to the places organisers go from the home page, for what this user may do."""
    user = request.user
    links = []
    if user.has_perm("attendees.check_in"):
        links.append((_("Check-in desk"), _with_query(reverse("attendees:checkin"), edition=edition.pk)))
    public_home = reverse("agenda:edition_home", args=[edition.slug])
    if edition.is_published:
        links.append((_("Public site"), public_home))
    elif is_previewer(request):
        links.append((_("Public site (preview: not published)"), public_home))
    if user.has_perm("attendees.view_registration"):
        links.append(
            (_("Fill rates"), _with_query(reverse("admin:attendees_registration_fill_rates"), edition=edition.pk))
        )
        links.append(
            (
                _("Export registrations"),
                _with_query(reverse("admin:attendees_registration_export"), edition__id__exact=edition.pk),
            )
        )
    for app_label, model_name, label in IMPORTS:
        if user.has_perm(f"{app_label}.change_{model_name}"):
            links.append((label, reverse(f"admin:{app_label}_{model_name}_import")))
    return [{"label": label, "url": url} for label, url in links]


@register.inclusion_tag("admin/dashboard/dashboard.html", takes_context=True)
def admin_dashboard(context):
    request = context["request"]
    problem = _switch(request)
    edition = working_edition(request)
    if edition is None:
        return {"dashboard": None, "problem": problem, "may_add_edition": request.user.has_perm("agenda.add_edition")}
    dashboard = edition_dashboard(edition=edition, user=request.user)
    registrations = reverse("admin:attendees_registration_changelist")
    return {
        "dashboard": dashboard,
        "edition": edition,
        "problem": problem,
        "editions": Edition.objects.order_by("-start_date").only("pk", "name"),
        "shortcuts": _shortcuts(request, edition),
        "registrations_url": _with_query(registrations, edition__id__exact=edition.pk),
        "sessions_url": _with_query(reverse("admin:agenda_session_changelist"), edition__id__exact=edition.pk),
    }
