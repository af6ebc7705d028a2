import factory

from agenda import models

from .agenda import EditionFactory, OrganisationFactory


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Competition

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Competition {n}")
    slug = factory.Sequence(lambda n: f"competition-{n}")


class CompetitionTrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CompetitionTrack

    competition = factory.SubFactory(CompetitionFactory)
    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")


class CompetitionEntryFactory(factory.django.DjangoModelFactory):
    """A finalist with a team name; `for_organisation=True` (with `organisation__name=...`) for an organisation."""

    class Meta:
        model = models.CompetitionEntry

    class Params:
        for_organisation = factory.Trait(
            team="",
            organisation=factory.SubFactory(
                OrganisationFactory, edition=factory.SelfAttribute("..competition.edition")
            ),
        )

    competition = factory.SubFactory(CompetitionFactory)
    slug = factory.Sequence(lambda n: f"entry-{n}")
    project_title = factory.Sequence(lambda n: f"Project {n}")
    team = factory.Sequence(lambda n: f"Team {n}")
