"""A synthetic edition of any size, for tests and benchmarks (`manage.py generate_summit`).

Rooms, topics, organisations, people and sessions (with speakers, organisers and a run-of-show) follow fixed rules
and a seeded random choice of names, so the same options give the same edition. With `exhibits` the edition also
gets an expo with halls and that many exhibits by its synthetic organisations, each with `pictures_per_exhibit`
sample pictures drawn by agenda/demo/pictures.py and stored through `exhibit_picture_store`, like an upload
(normalised, with renditions). The pictures are smaller than the demo's (800 × 600), so that a few hundred of
them take seconds.
"""

import datetime as dt
import random
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from agenda.demo.pictures import add_sample_pictures
from agenda.enums import ExhibitCategory, OrganisationKind, OrganiserRole, SessionKind, SessionStatus, SpeakerRole
from agenda.models import (
    Edition,
    Exhibit,
    Expo,
    Hall,
    Organisation,
    Person,
    Room,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
    Summit,
    Topic,
    Venue,
)

TOPICS = [
    ("Artificial intelligence", "#1f6feb"),
    ("Digital economy", "#2da44e"),
    ("Cybersecurity", "#cf222e"),
    ("Data governance", "#8250df"),
    ("Computing network", "#bf8700"),
    ("Youth and digital future", "#0a7ea4"),
    ("Green digital transformation", "#1a7f37"),
    ("Internet governance", "#953800"),
    ("Digital culture", "#a40e26"),
    ("Smart cities", "#116329"),
    ("Quantum and frontier technology", "#6639ba"),
    ("Digital inclusion", "#9a6700"),
]
ITEM_TITLES = ["Opening remarks", "Keynote speech", "Panel discussion", "Release of the report", "Closing remarks"]
FIRST = [
    "Li",
    "Wang",
    "Zhang",
    "Liu",
    "Chen",
    "Anna",
    "Marco",
    "Priya",
    "Kwame",
    "Sofia",
    "Omar",
    "Yuki",
    "Lena",
    "Ivan",
]
LAST = [
    "Ming",
    "Hua",
    "Jun",
    "Fang",
    "Smith",
    "Rossi",
    "Sharma",
    "Mensah",
    "Garcia",
    "Haddad",
    "Sato",
    "Berg",
    "Petrov",
]
COUNTRIES = ["CN", "US", "GB", "DE", "FR", "IN", "BR", "ZA", "JP", "KR", "RU", "EG", "SG", "KE", "IT"]
EXHIBIT_SUBJECTS = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: ["Large language model", "AI assistant", "Computer vision platform"],
    ExhibitCategory.ROBOTICS: ["Robotic dog", "Service robot", "Humanoid robot"],
    ExhibitCategory.QUANTUM: ["Quantum communication device", "Quantum key distribution link"],
    ExhibitCategory.NETWORKS: ["5G-Advanced base station", "Computing power network", "Satellite internet terminal"],
    ExhibitCategory.DIGITAL_CULTURE: ["Digital murals", "Glasses-free 3D display", "Virtual museum"],
    ExhibitCategory.SMART_CITY: ["City Brain", "Digital twin of a city", "Smart streetlight"],
    ExhibitCategory.CYBERSECURITY: ["Security large model", "Zero-trust gateway", "Threat intelligence platform"],
    ExhibitCategory.DIGITAL_ECONOMY: ["Unmanned supermarket", "Smile to Pay", "Cross-border e-commerce platform"],
    ExhibitCategory.MOBILITY: ["Delivery drone", "Driverless vehicle", "Robotaxi"],
    ExhibitCategory.OTHER: ["Smart home", "Wearable health monitor"],
}
HALL_NAMES = ["Artificial intelligence", "Robotics", "Digital economy", "Networks and security"]
PICTURE_SIZE = (800, 600)


@dataclass(frozen=True)
class GeneratedEdition:
    edition: Edition
    pictures: int
    programme_seconds: float
    expo_seconds: float


def edition_remove(*, slug: str) -> None:
    """Delete the edition with this slug, with its expos and their picture files."""
    with transaction.atomic():
        for edition in Edition.objects.filter(slug=slug):
            # Exhibits protect their exhibitors: remove the expos (and so the exhibits and their picture
            # files) before the edition's organisations go with the edition.
            for expo in Expo.objects.filter(edition=edition):
                expo.delete()
            edition.delete()


def summit_generate(
    *,
    slug: str,
    days: int,
    rooms: int,
    sessions: int,
    speakers: int,
    first_day: dt.date,
    seed: int,
    exhibits: int = 0,
    pictures_per_exhibit: int = 1,
    published: bool = True,
    open_registration: bool = False,
) -> GeneratedEdition:
    """Create the synthetic edition `slug` in one transaction; `open_registration` opens it now until its first day."""
    began = time.monotonic()
    with transaction.atomic():
        edition = generate_edition(
            slug=slug,
            days=days,
            rooms=rooms,
            sessions=sessions,
            speakers=speakers,
            first_day=first_day,
            rng=random.Random(seed),
            published=published,
        )
        if open_registration:
            edition.registration_opens_at = timezone.now()
            first_day_start = dt.datetime.combine(edition.start_date, dt.time.min, tzinfo=edition.zone)
            edition.registration_closes_at = first_day_start
            edition.save(update_fields=["registration_opens_at", "registration_closes_at"])
        programme_done = time.monotonic()
        pictures = 0
        if exhibits:
            for exhibit in generate_expo(edition=edition, exhibits=exhibits, rng=random.Random(seed)):
                pictures += add_sample_pictures(exhibit, count=pictures_per_exhibit, size=PICTURE_SIZE)
    return GeneratedEdition(
        edition=edition,
        pictures=pictures,
        programme_seconds=programme_done - began,
        expo_seconds=time.monotonic() - programme_done,
    )


def generate_edition(*, slug, days, rooms, sessions, speakers, first_day, rng, published=True):
    summit, _ = Summit.objects.get_or_create(
        slug="wic", defaults={"name": "World Internet Conference Wuzhen Summit", "short_name": "wic"}
    )
    edition = Edition(
        summit=summit,
        name=f"Synthetic edition {slug}",
        year=first_day.year,
        slug=slug,
        theme="Synthetic programme for tests and benchmarks",
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=days - 1),
        is_published=published,
    )
    edition.full_clean()
    edition.save()
    zone = edition.zone

    venue = Venue.objects.create(edition=edition, name="Synthetic Convention Center", slug="convention-center")
    room_objs = Room.objects.bulk_create(
        Room(venue=venue, name=f"Room {n:02d}", slug=f"room-{n:02d}", capacity=100 + 10 * n, position=n)
        for n in range(1, rooms + 1)
    )
    topic_objs = Topic.objects.bulk_create(
        Topic(edition=edition, name=name, slug=f"topic-{n}", colour=colour)
        for n, (name, colour) in enumerate(TOPICS, start=1)
    )
    org_count = max(1, speakers // 4)
    org_objs = Organisation.objects.bulk_create(
        Organisation(
            edition=edition,
            name=f"Organisation {n:04d}",
            slug=f"organisation-{n:04d}",
            kind=rng.choice(OrganisationKind.values),
            country=rng.choice(COUNTRIES),
            is_sample=True,
        )
        for n in range(1, org_count + 1)
    )
    people = Person.objects.bulk_create(
        Person(
            edition=edition,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n:04d}",
            slug=f"person-{n:04d}",
            title=rng.choice(["CEO", "Professor", "Director", "Minister", "Researcher", "Founder"]),
            organisation=org_objs[n % org_count],
            country=rng.choice(COUNTRIES),
            bio="Synthetic speaker for tests and benchmarks.",
            is_sample=True,
        )
        for n in range(1, speakers + 1)
    )

    # Fill each room's day with back-to-back slots: no room is ever booked twice.
    slots_per_room_day = -(-sessions // (rooms * days))
    slot_minutes = max(20, min(105, (10 * 60) // slots_per_room_day))
    session_objs = []
    for index in range(sessions):
        day, rest = divmod(index, rooms * slots_per_room_day)
        slot, room_index = divmod(rest, rooms)
        start = dt.datetime.combine(first_day + dt.timedelta(days=day % days), dt.time(8, 30), tzinfo=zone)
        start += dt.timedelta(minutes=slot * slot_minutes)
        kind = SessionKind.PLENARY if index % 50 == 0 else SessionKind.SUB_FORUM
        session_objs.append(
            Session(
                edition=edition,
                kind=kind,
                title=f"{topic_objs[index % len(topic_objs)].name} forum {index + 1:04d}",
                slug=f"session-{index + 1:04d}",
                description="A synthetic session with a run-of-show, speakers and organisers.",
                topic=topic_objs[index % len(topic_objs)],
                room=room_objs[room_index],
                start=start,
                end=start + dt.timedelta(minutes=slot_minutes - 10),
                language=rng.choice(["en", "zh", "en-zh"]),
                status=SessionStatus.CANCELLED if index % 97 == 5 else SessionStatus.PUBLISHED,
                capacity=room_objs[room_index].capacity,
                registration_required=kind == SessionKind.SUB_FORUM,
                is_sample=True,
            )
        )
    session_objs = Session.objects.bulk_create(session_objs)

    # Speakers are dealt out in turn, so nobody speaks in two places at once while there are enough people.
    links, item_links, items, organisers = [], [], [], []
    cursor = 0
    for index, session in enumerate(session_objs):
        count = 2 + index % 3
        for position in range(count):
            person = people[cursor % speakers]
            cursor += 1
            role = SpeakerRole.MODERATOR if position == 0 else SpeakerRole.SPEAKER
            links.append(SessionSpeaker(session=session, person=person, role=role, position=position))
        organisers.append(
            SessionOrganiser(session=session, organisation=org_objs[index % org_count], role=OrganiserRole.ORGANISER)
        )
        for position, title in enumerate(ITEM_TITLES[:3]):
            items.append(SessionItem(session=session, position=position, title=title, duration_minutes=15))
    SessionSpeaker.objects.bulk_create(links)
    SessionOrganiser.objects.bulk_create(organisers)
    items = SessionItem.objects.bulk_create(items)
    speakers_by_session = {}
    for link in links:
        speakers_by_session.setdefault(link.session_id, []).append(link.person_id)
    through = SessionItem.speakers.through
    for item in items:
        if item.position == 1:
            for person_id in speakers_by_session[item.session_id][1:2]:
                item_links.append(through(sessionitem_id=item.pk, person_id=person_id))
    through.objects.bulk_create(item_links)
    return edition


def generate_expo(*, edition, exhibits, rng):
    """An expo with halls and `exhibits` exhibits by the edition's organisations; returns the exhibits."""
    expo = Expo(
        edition=edition,
        name="Synthetic Light of the Internet Expo",
        slug="expo",
        description="A synthetic expo for tests and benchmarks.",
        venue=edition.venues.first(),
        start_date=edition.start_date - dt.timedelta(days=1),
        end_date=edition.end_date,
    )
    expo.full_clean()
    expo.save()
    halls = Hall.objects.bulk_create(
        Hall(expo=expo, name=f"Hall {n}: {name}", slug=f"hall-{n}", position=n)
        for n, name in enumerate(HALL_NAMES, start=1)
    )
    organisations = list(edition.organisations.order_by("slug"))
    categories = list(EXHIBIT_SUBJECTS)
    objs = []
    for n in range(1, exhibits + 1):
        category = categories[(n - 1) % len(categories)]
        hall = halls[(n - 1) % len(halls)]
        objs.append(
            Exhibit(
                expo=expo,
                exhibitor=organisations[(n - 1) % len(organisations)],
                title=f"{rng.choice(EXHIBIT_SUBJECTS[category])} {n:04d}",
                slug=f"exhibit-{n:04d}",
                category=category,
                hall=hall,
                booth=f"{chr(ord('A') + hall.position - 1)}-{n:03d}",
                description="A synthetic exhibit for tests and benchmarks.",
                is_featured=n % 10 == 1,
                position=n,
                is_sample=True,
            )
        )
    return Exhibit.objects.bulk_create(objs)
