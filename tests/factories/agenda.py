import datetime as dt
import zoneinfo

import factory

from agenda import models
from agenda.enums import SessionStatus

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Summit
        django_get_or_create = ["slug"]

    name = "World Internet Conference Wuzhen Summit"
    short_name = "wic"
    slug = "wic"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Edition

    summit = factory.SubFactory(SummitFactory)
    year = factory.Sequence(lambda n: 2030 + n)
    name = factory.LazyAttribute(lambda o: f"{o.year} Wuzhen Summit")
    slug = factory.LazyAttribute(lambda o: str(o.year))
    start_date = factory.LazyAttribute(lambda o: dt.date(o.year, 11, 19))
    end_date = factory.LazyAttribute(lambda o: dt.date(o.year, 11, 22))
    time_zone = "Asia/Shanghai"
    is_published = True


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Venue

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Convention Center {n}")
    slug = factory.Sequence(lambda n: f"venue-{n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Hall {n}")
    slug = factory.Sequence(lambda n: f"hall-{n}")
    capacity = 200


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class PersonIdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PersonIdentity

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")


class OrganisationIdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OrganisationIdentity

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Session

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Sub-forum {n}")
    slug = factory.Sequence(lambda n: f"sub-forum-{n}")
    room = factory.SubFactory(RoomFactory, venue__edition=factory.SelfAttribute("...edition"))
    start = factory.LazyAttribute(
        lambda o: dt.datetime.combine(o.edition.start_date, dt.time(9, 0), tzinfo=o.edition.zone)
    )
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    status = SessionStatus.PUBLISHED


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory, edition=factory.SelfAttribute("..session.edition"))


class SessionOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SessionOrganiser

    session = factory.SubFactory(SessionFactory)
    organisation = factory.SubFactory(OrganisationFactory, edition=factory.SelfAttribute("..session.edition"))


class SessionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SessionItem

    session = factory.SubFactory(SessionFactory)
    title = factory.Sequence(lambda n: f"Item {n}")
    duration_minutes = 15
