"""Reads for the awards: programmes with their ceremony, categories and honourees, in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch

from agenda.models import AwardCategory, AwardProgramme, Honouree
from agenda.selectors.people import speaks_in
from agenda.selectors.programme import visible_sessions


def award_programmes(*, edition, preview=False):
    """The edition's award programmes in order, with their ceremony, categories and honourees.

    Each programme has `ceremony_is_public` (its ceremony session may be shown) and each honouree
    `person_speaks` (the person speaks in a session shown, so has a speaker page).
    """
    sessions = visible_sessions(edition=edition, preview=preview)
    honourees = (
        Honouree.objects.select_related("person__organisation", "organisation", "category")
        .annotate(person_speaks=speaks_in(sessions, person=OuterRef("person_id")))
        .order_by("position", "pk")
    )
    return (
        AwardProgramme.objects.filter(edition=edition)
        .select_related("ceremony__room__venue", "ceremony__venue")
        .annotate(ceremony_is_public=Exists(sessions.filter(pk=OuterRef("ceremony_id"))))
        .prefetch_related(
            Prefetch("categories", queryset=AwardCategory.objects.order_by("position", "name", "pk")),
            Prefetch("honourees", queryset=honourees),
        )
        .order_by("position", "name", "pk")
    )


@dataclass(frozen=True)
class HonoureeGroup:
    category: AwardCategory | None
    honourees: list


def honouree_groups(programme):
    """A programme's honourees by category, in the categories' order; those without a category come last."""
    honourees = list(programme.honourees.all())
    groups = [
        HonoureeGroup(category, [h for h in honourees if h.category_id == category.pk])
        for category in programme.categories.all()
    ]
    known = {category.pk for category in programme.categories.all()}
    rest = [h for h in honourees if h.category_id not in known]
    if rest:
        groups.append(HonoureeGroup(None, rest))
    return groups


def attach_groups(programmes):
    """The programmes (loaded by `award_programmes`) as a list, each with `groups` of honourees."""
    programmes = list(programmes)
    for programme in programmes:
        programme.groups = honouree_groups(programme)
    return programmes


def programmes_presented_at(session):
    return AwardProgramme.objects.filter(edition_id=session.edition_id, ceremony=session).order_by(
        "position", "name", "pk"
    )
