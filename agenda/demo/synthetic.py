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

# Each name with its Chinese twin, so that the edition reads in both languages.
TOPICS = [
    ("Artificial intelligence", "人工智能", "#1f6feb"),
    ("Digital economy", "数字经济", "#2da44e"),
    ("Cybersecurity", "网络安全", "#cf222e"),
    ("Data governance", "数据治理", "#8250df"),
    ("Computing network", "算力网络", "#bf8700"),
    ("Youth and digital future", "青年与数字未来", "#0a7ea4"),
    ("Green digital transformation", "数字化绿色化转型", "#1a7f37"),
    ("Internet governance", "互联网治理", "#953800"),
    ("Digital culture", "数字文化", "#a40e26"),
    ("Smart cities", "智慧城市", "#116329"),
    ("Quantum and frontier technology", "量子与前沿技术", "#6639ba"),
    ("Digital inclusion", "数字包容", "#9a6700"),
]
ITEM_TITLES = [
    ("Opening remarks", "开幕致辞"),
    ("Keynote speech", "主旨演讲"),
    ("Panel discussion", "圆桌讨论"),
    ("Release of the report", "报告发布"),
    ("Closing remarks", "闭幕致辞"),
]
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
# A person whose two names are both Chinese has a name in Chinese script too (Wang Hua, 王华); others have none.
CHINESE_SURNAMES = {"Li": "李", "Wang": "王", "Zhang": "张", "Liu": "刘", "Chen": "陈"}
CHINESE_GIVEN_NAMES = {"Ming": "明", "Hua": "华", "Jun": "军", "Fang": "芳"}
PERSON_TITLES = {
    "CEO": "首席执行官",
    "Professor": "教授",
    "Director": "主任",
    "Minister": "部长",
    "Researcher": "研究员",
    "Founder": "创始人",
}
COUNTRIES = ["CN", "US", "GB", "DE", "FR", "IN", "BR", "ZA", "JP", "KR", "RU", "EG", "SG", "KE", "IT"]
EXHIBIT_SUBJECTS = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: [
        ("Large language model", "大语言模型"),
        ("AI assistant", "人工智能助手"),
        ("Computer vision platform", "计算机视觉平台"),
    ],
    ExhibitCategory.ROBOTICS: [
        ("Robotic dog", "机器狗"),
        ("Service robot", "服务机器人"),
        ("Humanoid robot", "人形机器人"),
    ],
    ExhibitCategory.QUANTUM: [
        ("Quantum communication device", "量子通信设备"),
        ("Quantum key distribution link", "量子密钥分发链路"),
    ],
    ExhibitCategory.NETWORKS: [
        ("5G-Advanced base station", "5G-A基站"),
        ("Computing power network", "算力网络"),
        ("Satellite internet terminal", "卫星互联网终端"),
    ],
    ExhibitCategory.DIGITAL_CULTURE: [
        ("Digital murals", "数字壁画"),
        ("Glasses-free 3D display", "裸眼3D显示屏"),
        ("Virtual museum", "虚拟博物馆"),
    ],
    ExhibitCategory.SMART_CITY: [
        ("City Brain", "城市大脑"),
        ("Digital twin of a city", "数字孪生城市"),
        ("Smart streetlight", "智慧路灯"),
    ],
    ExhibitCategory.CYBERSECURITY: [
        ("Security large model", "安全大模型"),
        ("Zero-trust gateway", "零信任网关"),
        ("Threat intelligence platform", "威胁情报平台"),
    ],
    ExhibitCategory.DIGITAL_ECONOMY: [
        ("Unmanned supermarket", "无人超市"),
        ("Smile to Pay", "刷脸支付"),
        ("Cross-border e-commerce platform", "跨境电商平台"),
    ],
    ExhibitCategory.MOBILITY: [
        ("Delivery drone", "物流无人机"),
        ("Driverless vehicle", "无人驾驶汽车"),
        ("Robotaxi", "自动驾驶出租车"),
    ],
    ExhibitCategory.OTHER: [("Smart home", "智能家居"), ("Wearable health monitor", "可穿戴健康监测仪")],
}
HALL_NAMES = [
    ("Artificial intelligence", "人工智能"),
    ("Robotics", "机器人"),
    ("Digital economy", "数字经济"),
    ("Networks and security", "网络与安全"),
]
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
        slug="wic",
        defaults={
            "name": "World Internet Conference Wuzhen Summit",
            "name_zh_hans": "世界互联网大会乌镇峰会",
            "short_name": "wic",
            "compact_name": "Wuzhen Summit",
            "compact_name_zh_hans": "乌镇峰会",
        },
    )
    edition = Edition(
        summit=summit,
        name=f"Synthetic edition {slug}",
        name_zh_hans=f"合成届次 {slug}",
        year=first_day.year,
        slug=slug,
        theme="Synthetic programme for tests and benchmarks",
        theme_zh_hans="用于测试和性能基准的合成议程",
        city_zh_hans="乌镇",
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=days - 1),
        is_published=published,
    )
    edition.full_clean()
    edition.save()
    zone = edition.zone

    venue = Venue.objects.create(
        edition=edition, name="Synthetic Convention Center", name_zh_hans="合成会展中心", slug="convention-center"
    )
    room_objs = Room.objects.bulk_create(
        Room(
            venue=venue,
            name=f"Room {n:02d}",
            name_zh_hans=f"{n:02d}号会议室",
            building="Synthetic Convention Center",
            building_zh_hans="合成会展中心",
            slug=f"room-{n:02d}",
            capacity=100 + 10 * n,
            position=n,
        )
        for n in range(1, rooms + 1)
    )
    topic_objs = Topic.objects.bulk_create(
        Topic(edition=edition, name=name, name_zh_hans=chinese, slug=f"topic-{n}", colour=colour)
        for n, (name, chinese, colour) in enumerate(TOPICS, start=1)
    )
    org_count = max(1, speakers // 4)
    org_objs = Organisation.objects.bulk_create(
        Organisation(
            edition=edition,
            name=f"Organisation {n:04d}",
            name_zh_hans=f"机构 {n:04d}",
            slug=f"organisation-{n:04d}",
            kind=rng.choice(OrganisationKind.values),
            country=rng.choice(COUNTRIES),
            is_sample=True,
        )
        for n in range(1, org_count + 1)
    )
    people = Person.objects.bulk_create(
        synthetic_person(edition, n, rng, org_objs[n % org_count]) for n in range(1, speakers + 1)
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
                title_zh_hans=f"{TOPICS[index % len(TOPICS)][1]}论坛 {index + 1:04d}",
                slug=f"session-{index + 1:04d}",
                description="A synthetic session with a run-of-show, speakers and organisers.",
                description_zh_hans="一场合成会议，含议程、嘉宾和主办方。",
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
        for position, (title, chinese) in enumerate(ITEM_TITLES[:3]):
            items.append(
                SessionItem(session=session, position=position, title=title, title_zh_hans=chinese, duration_minutes=15)
            )
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


def synthetic_person(edition, n, rng, organisation):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    title = rng.choice(list(PERSON_TITLES))
    chinese_name = ""
    if first in CHINESE_SURNAMES and last in CHINESE_GIVEN_NAMES:
        chinese_name = f"{CHINESE_SURNAMES[first]}{CHINESE_GIVEN_NAMES[last]} {n:04d}"
    return Person(
        edition=edition,
        name=f"{first} {last} {n:04d}",
        name_zh_hans=chinese_name,
        slug=f"person-{n:04d}",
        title=title,
        title_zh_hans=PERSON_TITLES[title],
        organisation=organisation,
        country=rng.choice(COUNTRIES),
        bio="Synthetic speaker for tests and benchmarks.",
        bio_zh_hans="用于测试和性能基准的合成嘉宾。",
        is_sample=True,
    )


def generate_expo(*, edition, exhibits, rng):
    """An expo with halls and `exhibits` exhibits by the edition's organisations; returns the exhibits."""
    expo = Expo(
        edition=edition,
        name="Synthetic Light of the Internet Expo",
        name_zh_hans="合成“互联网之光”博览会",
        slug="expo",
        description="A synthetic expo for tests and benchmarks.",
        description_zh_hans="用于测试和性能基准的合成博览会。",
        venue=edition.venues.first(),
        start_date=edition.start_date - dt.timedelta(days=1),
        end_date=edition.end_date,
    )
    expo.full_clean()
    expo.save()
    halls = Hall.objects.bulk_create(
        Hall(expo=expo, name=f"Hall {n}: {name}", name_zh_hans=f"{n}号馆：{chinese}", slug=f"hall-{n}", position=n)
        for n, (name, chinese) in enumerate(HALL_NAMES, start=1)
    )
    organisations = list(edition.organisations.order_by("slug"))
    categories = list(EXHIBIT_SUBJECTS)
    objs = []
    for n in range(1, exhibits + 1):
        category = categories[(n - 1) % len(categories)]
        hall = halls[(n - 1) % len(halls)]
        subject, chinese_subject = rng.choice(EXHIBIT_SUBJECTS[category])
        objs.append(
            Exhibit(
                expo=expo,
                exhibitor=organisations[(n - 1) % len(organisations)],
                title=f"{subject} {n:04d}",
                title_zh_hans=f"{chinese_subject} {n:04d}",
                slug=f"exhibit-{n:04d}",
                category=category,
                hall=hall,
                booth=f"{chr(ord('A') + hall.position - 1)}-{n:03d}",
                description="A synthetic exhibit for tests and benchmarks.",
                description_zh_hans="用于测试和性能基准的合成展品。",
                is_featured=n % 10 == 1,
                position=n,
                is_sample=True,
            )
        )
    return Exhibit.objects.bulk_create(objs)
