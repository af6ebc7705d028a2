"""Reads for the outcomes: the documents an edition released, with their session and publishers, in a fixed number
of queries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch

from agenda.models import Organisation, Outcome


def visible_outcomes(*, edition, preview=False):
    """The edition's outcomes a visitor may see (`Outcome.objects.public()`), or every one for a preview.
    Nothing loaded in advance: for counts and subqueries."""
    outcomes = Outcome.objects.filter(edition=edition)
    return outcomes if preview else outcomes.public()


def outcomes_of(*, edition, preview=False):
    """The outcomes as pages and the API show them: in order of release, with their session and publishers."""
    return (
        visible_outcomes(edition=edition, preview=preview)
        .select_related("session__room", "session__venue")
        .prefetch_related(Prefetch("publishers", queryset=Organisation.objects.order_by("name", "pk")))
        .order_by("released_on", "position", "title", "pk")
    )


def outcomes_released_at(session, *, preview=False):
    """The outcomes released at this session (a public one, or any for a preview), in order."""
    return outcomes_of(edition=session.edition_id, preview=preview).filter(session=session)


def with_outcome_flag(editions):
    """Editions annotated with `has_outcomes` (in the same query): whether visitors see any outcome of theirs."""
    return editions.annotate(has_outcomes=Exists(Outcome.objects.public().filter(edition=OuterRef("pk"))))


@dataclass(frozen=True)
class OutcomeDay:
    day: object
    outcomes: list


def by_day(outcomes):
    """The outcomes (in order of release) grouped by the day they were released."""
    days = []
    for outcome in outcomes:
        if not days or days[-1].day != outcome.released_on:
            days.append(OutcomeDay(outcome.released_on, []))
        days[-1].outcomes.append(outcome)
    return days
