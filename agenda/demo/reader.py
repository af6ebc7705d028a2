"""Reads the demo data files in agenda/demo/data/ and checks their shape before anything is written.

Every record is checked against the schema below: a key the loader does not know (a typo such as `titel`) or a
missing required key stops the load with a message naming the file, the record and the key, rather than being
ignored or failing halfway through. Dates and times are read as text ("14:30" stays "14:30", not the base-60
number YAML 1.1 would make of it) and must be in ISO form.

The texts a record has in both languages (its `translated` fields) take their Chinese beside the English, under
`<field>_zh_hans` (`title_zh_hans` next to `title`), the name of their Chinese column in the database.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUES = ("venues", "topics", "organisations", "people")


class DemoDataError(Exception):
    """A data file cannot be read or does not have the expected shape."""


# -- schema ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    description: str  # as said in messages: "expected <description>"
    python_type: type
    parse: Any = None  # raises ValueError when the text is not in the expected form


@dataclass(frozen=True)
class Maybe:
    """An optional value that may also be written as null."""

    kind: Any


@dataclass(frozen=True)
class ListOf:
    item: Any


CHINESE = "_zh_hans"  # the suffix of a text's Chinese twin, in the data files and in the database


@dataclass(frozen=True)
class Record:
    name: str
    required: dict
    optional: dict = field(default_factory=dict)
    translated: tuple = ()  # the texts that also take a Chinese version, under `<field>_zh_hans`

    def keys(self) -> dict:
        """Every key the record takes, with its kind: the Chinese twin of a text is read like the text."""
        keys = self.required | self.optional
        return keys | {chinese(name): keys[name] for name in self.translated}


def chinese(name: str) -> str:
    """The key (and column) of a text's Chinese version: "title" -> "title_zh_hans"."""
    return f"{name}{CHINESE}"


TEXT = Kind("text", str)
NUMBER = Kind("a whole number", int)
FLAG = Kind("true or false", bool)
DATE = Kind('a date such as "2024-11-19"', str, dt.date.fromisoformat)
TIME = Kind('a time such as "14:30"', str, dt.time.fromisoformat)
MOMENT = Kind('a date and time such as "2024-09-01T00:00:00+08:00"', str, dt.datetime.fromisoformat)
SLUGS = ListOf(TEXT)

SUMMIT = Record(
    "summit",
    {"slug": TEXT, "name": TEXT, "short_name": TEXT},
    {"compact_name": TEXT},
    translated=("name", "compact_name"),
)
ROOM = Record(
    "room",
    {"slug": TEXT, "name": TEXT},
    {"floor": TEXT, "capacity": Maybe(NUMBER), "position": NUMBER},
    translated=("name",),
)
VENUE = Record(
    "venue", {"slug": TEXT, "name": TEXT, "rooms": ListOf(ROOM)}, {"address": TEXT}, translated=("name", "address")
)
TOPIC = Record("topic", {"slug": TEXT, "name": TEXT, "colour": TEXT}, translated=("name",))
ORGANISATION = Record(
    "organisation",
    {"slug": TEXT, "name": TEXT, "kind": TEXT},
    {"country": TEXT, "website": TEXT},
    translated=("name",),
)
PERSON = Record(
    "person",
    {"slug": TEXT, "name": TEXT},
    {"title": TEXT, "organisation": Maybe(TEXT), "country": TEXT, "bio": TEXT},
    translated=("name", "title", "bio"),
)
SPEAKER = Record("speaker", {"person": TEXT, "role": TEXT})
ORGANISER = Record("organiser", {"organisation": TEXT, "role": TEXT})
ITEM = Record(
    "run-of-show item",
    {"title": TEXT},
    {"start": Maybe(TIME), "minutes": Maybe(NUMBER), "description": TEXT, "speakers": SLUGS},
    translated=("title", "description"),
)
SESSION = Record(
    "session",
    {"slug": TEXT, "kind": TEXT, "title": TEXT, "day": DATE, "start": TIME, "end": TIME},
    {
        "description": TEXT,
        "topic": Maybe(TEXT),
        "room": Maybe(TEXT),
        "venue": Maybe(TEXT),
        "language": TEXT,
        "capacity": Maybe(NUMBER),
        "registration_required": FLAG,
        "is_sample": FLAG,
        "around_summit": FLAG,
        "location": TEXT,
        "speakers": ListOf(SPEAKER),
        "organisers": ListOf(ORGANISER),
        "items": ListOf(ITEM),
    },
    translated=("title", "description", "location"),
)
HALL = Record("hall", {"slug": TEXT, "name": TEXT}, translated=("name",))
EXHIBIT = Record(
    "exhibit",
    {"slug": TEXT, "title": TEXT, "exhibitor": TEXT, "category": TEXT},
    {
        "hall": Maybe(TEXT),
        "booth": TEXT,
        "description": TEXT,
        "featured": FLAG,
        "is_sample": FLAG,
        "pictures": NUMBER,
    },
    translated=("title", "description"),
)
EXPO = Record(
    "expo",
    {"slug": TEXT, "name": TEXT},
    {
        "description": TEXT,
        "venue": Maybe(TEXT),
        "start_date": Maybe(DATE),
        "end_date": Maybe(DATE),
        "halls": ListOf(HALL),
        "exhibits": ListOf(EXHIBIT),
    },
    translated=("name", "description"),
)
AWARD_CATEGORY = Record("award category", {"slug": TEXT, "name": TEXT}, translated=("name",))
HONOUREE = Record(
    "honouree",
    {},
    {
        "category": Maybe(TEXT),
        "person": Maybe(TEXT),
        "organisation": Maybe(TEXT),
        "case_title": TEXT,
        "citation": TEXT,
        "is_sample": FLAG,
    },
    translated=("case_title", "citation"),
)
AWARD = Record(
    "award programme",
    {"slug": TEXT, "name": TEXT},
    {
        "description": TEXT,
        "ceremony": Maybe(TEXT),
        "categories": ListOf(AWARD_CATEGORY),
        "honourees": ListOf(HONOUREE),
    },
    translated=("name", "description"),
)
COMPETITION_TRACK = Record("competition track", {"slug": TEXT, "name": TEXT}, {"is_sample": FLAG}, translated=("name",))
COMPETITION_ENTRY = Record(
    "competition entry",
    {"slug": TEXT, "project_title": TEXT},
    {
        "track": Maybe(TEXT),
        "team": TEXT,
        "organisation": Maybe(TEXT),
        "country": TEXT,
        "result": TEXT,
        "summary": TEXT,
        "is_sample": FLAG,
    },
    translated=("project_title", "team", "summary"),
)
COMPETITION = Record(
    "competition",
    {"slug": TEXT, "name": TEXT},
    {
        "description": TEXT,
        "final": Maybe(TEXT),
        "is_sample": FLAG,
        "tracks": ListOf(COMPETITION_TRACK),
        "entries": ListOf(COMPETITION_ENTRY),
    },
    translated=("name", "description"),
)
SOURCE = Record(
    "source",
    {"title": TEXT},
    {"publisher": TEXT, "author": TEXT, "published_on": Maybe(DATE), "url": TEXT, "covers": TEXT},
    translated=("covers",),
)
OUTCOME = Record(
    "outcome",
    {"slug": TEXT, "title": TEXT, "kind": TEXT, "released_on": DATE},
    {
        "session": Maybe(TEXT),
        "publishers": SLUGS,
        "summary": TEXT,
        "url": TEXT,
        "is_sample": FLAG,
    },
    translated=("title", "summary"),
)
EDITION = Record(
    "edition",
    {
        "slug": TEXT,
        "year": NUMBER,
        "ordinal": TEXT,
        "name": TEXT,
        "theme": TEXT,
        "start_date": DATE,
        "end_date": DATE,
        "is_current": FLAG,
        "description": TEXT,
        "venues": SLUGS,
        "topics": SLUGS,
        "organisations": SLUGS,
        "sample_organisations": SLUGS,
        "people": SLUGS,
        "sample_people": SLUGS,
        "sessions": ListOf(SESSION),
    },
    {
        "registration_opens": Maybe(MOMENT),
        "expos": ListOf(EXPO),
        "awards": ListOf(AWARD),
        "competitions": ListOf(COMPETITION),
        "sources": ListOf(SOURCE),
        "outcomes": ListOf(OUTCOME),
    },
    translated=("name", "theme", "description"),
)
FILES = {
    "summit.yaml": SUMMIT,
    "venues.yaml": ListOf(VENUE),
    "topics.yaml": ListOf(TOPIC),
    "organisations.yaml": ListOf(ORGANISATION),
    "people.yaml": ListOf(PERSON),
}


# -- reading ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoData:
    """The summit, the catalogues (each thing described once) and the editions, in the order of their files."""

    summit: dict
    venues: list
    topics: list
    organisations: list
    people: list
    editions: list


class _YamlLoader(yaml.SafeLoader):
    """`yaml.safe_load`, except that dates, times and base-60 numbers stay text and numbers are decimal."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith((":int", ":float", ":timestamp"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))


def edition_slugs(data_dir: Path = DATA_DIR) -> list[str]:
    """The editions the data describes: one file per edition, named after its slug, loaded in name order."""
    return sorted(path.stem for path in (data_dir / "editions").glob("*.yaml"))


def read_demo_data(data_dir: Path = DATA_DIR) -> DemoData:
    """Every data file, read and checked; raises DemoDataError naming the file and key of the first problem."""
    values = {name.removesuffix(".yaml"): _read(data_dir / name, schema) for name, schema in FILES.items()}
    editions = []
    for slug in edition_slugs(data_dir):
        path = data_dir / "editions" / f"{slug}.yaml"
        edition = _read(path, EDITION)
        if edition["slug"] != slug:
            raise DemoDataError(f"{_shown(path)}: the edition's slug “{edition['slug']}” must be the file's name.")
        editions.append(edition)
    return DemoData(editions=editions, **values)


def _read(path: Path, schema) -> Any:
    try:
        with path.open(encoding="utf-8") as file:
            value = yaml.load(file, Loader=_YamlLoader)  # noqa: S506 (a SafeLoader)
    except OSError as error:
        raise DemoDataError(f"{_shown(path)}: cannot be read ({error.strerror}).")
    except yaml.YAMLError as error:
        raise DemoDataError(f"{_shown(path)}: is not valid YAML: {error}")
    _check(value, schema, where=_shown(path))
    return value


def _shown(path: Path) -> str:
    project = DATA_DIR.parents[2]
    return str(path.relative_to(project)) if path.is_relative_to(project) else str(path)


def _check(value, schema, *, where: str) -> None:
    if isinstance(schema, Maybe):
        if value is not None:
            _check(value, schema.kind, where=where)
    elif isinstance(schema, ListOf):
        if not isinstance(value, list):
            raise DemoDataError(f"{where}: expected a list, got {value!r}.")
        for index, item in enumerate(value, start=1):
            label = f" “{item['slug']}”" if isinstance(item, dict) and isinstance(item.get("slug"), str) else ""
            _check(item, schema.item, where=f"{where}, item {index}{label}")
    elif isinstance(schema, Record):
        _check_record(value, schema, where=where)
    elif not isinstance(value, schema.python_type) or (schema is NUMBER and isinstance(value, bool)):
        hint = " (put it in quotes)" if schema.python_type is str and value is not None else ""
        raise DemoDataError(f"{where}: expected {schema.description}, got {value!r}{hint}.")
    elif schema.parse:
        try:
            schema.parse(value)
        except ValueError:
            raise DemoDataError(f"{where}: expected {schema.description}, got {value!r}.")


def _check_record(value, record: Record, *, where: str) -> None:
    if not isinstance(value, dict):
        raise DemoDataError(f"{where}: expected a {record.name} (keys and values), got {value!r}.")
    allowed = record.keys()
    for key in value:
        if key not in allowed:
            known = ", ".join(allowed)
            raise DemoDataError(f"{where}: unknown key “{key}” in a {record.name} (known keys: {known}).")
    for key in record.required:
        if key not in value:
            raise DemoDataError(f"{where}: missing required key “{key}” in a {record.name}.")
    for key, kind in allowed.items():
        if key in value:
            _check(value[key], kind, where=f"{where}, {key}")
