"""Create a synthetic edition of any size, for tests and benchmarks."""

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agenda.enums import OrganisationKind, OrganiserRole, SessionKind, SessionStatus, SpeakerRole
from agenda.models import (
    Edition,
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


class Command(BaseCommand):
    help = "Generate a synthetic edition (rooms, topics, organisations, people, sessions) for tests and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default="bench")
        parser.add_argument("--days", type=int, default=4)
        parser.add_argument("--rooms", type=int, default=30)
        parser.add_argument("--sessions", type=int, default=600)
        parser.add_argument("--speakers", type=int, default=1200)
        parser.add_argument("--start", default="2030-11-19", help="First day, YYYY-MM-DD.")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--replace", action="store_true", help="Delete an existing edition with this slug first.")

    def handle(self, *args, **options):
        began = time.monotonic()
        for name in ("days", "rooms", "sessions", "speakers"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        if -(-options["sessions"] // (options["rooms"] * options["days"])) * 20 > 15 * 60:
            raise CommandError("Too many sessions for the rooms and days (a day runs 08:30–23:30): add rooms or days.")
        slug = options["slug"]
        existing = Edition.objects.filter(slug=slug)
        if existing.exists():
            if not options["replace"]:
                raise CommandError(f"Edition “{slug}” exists; add --replace to recreate it.")
            with transaction.atomic():
                for edition in existing:
                    edition.delete()
        with transaction.atomic():
            edition = generate_edition(
                slug=slug,
                days=options["days"],
                rooms=options["rooms"],
                sessions=options["sessions"],
                speakers=options["speakers"],
                first_day=dt.date.fromisoformat(options["start"]),
                rng=random.Random(options["seed"]),
            )
        self.stdout.write(
            f"Edition “{edition.slug}”: {edition.sessions.count()} sessions, {options['rooms']} rooms, "
            f"{edition.people.count()} people over {options['days']} days in {time.monotonic() - began:.1f}s."
        )


def generate_edition(*, slug, days, rooms, sessions, speakers, first_day, rng):
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
        is_published=True,
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
