"""Reads for the expo and the awards. Like the programme's, every list loads in a fixed number of queries:
exhibits come with their exhibitor, hall and expo, award programmes with their categories and honourees."""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from agenda.enums import ExhibitCategory
from agenda.images import rendition_srcset
from agenda.models import (
    AwardCategory,
    AwardProgramme,
    Exhibit,
    ExhibitPicture,
    Expo,
    Hall,
    Honouree,
    Organisation,
    Session,
    SessionItem,
    SessionSpeaker,
)

EXHIBIT_ORDER = ("expo__position", "expo__name", "position", "title", "pk")
SEARCH_MAX_LENGTH = 200


# Pictures


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class PictureSources:
    """What an `<img>` needs to show an exhibit picture: the renditions made at upload, and the original."""

    alt_text: str
    original: Rendition
    thumbnail: Rendition | None
    large: Rendition | None

    @property
    def srcset(self):
        # Of two renditions as wide as each other (a small original), the thumbnail is kept: the lighter file.
        return rendition_srcset({r.width: r.url for r in (self.large, self.thumbnail) if r is not None})

    @property
    def display(self):
        """The picture to show at full column width: the large rendition when there is one."""
        return self.large or self.thumbnail or self.original


def _rendition(picture, file, width):
    if not file or not width:
        return None
    # Renditions keep the original's proportions; only their width is stored.
    height = round(picture.height * width / picture.width) if picture.width else 0
    return Rendition(url=file.url, width=width, height=height)


def picture_sources(picture: ExhibitPicture) -> PictureSources:
    """Addresses and sizes of a picture's files, read from the row alone (no file is opened)."""
    return PictureSources(
        alt_text=picture.alt_text,
        original=Rendition(url=picture.image.url, width=picture.width, height=picture.height),
        thumbnail=_rendition(picture, picture.thumbnail, picture.thumbnail_width),
        large=_rendition(picture, picture.large, picture.large_width),
    )


def _pictures():
    return ExhibitPicture.objects.order_by("position", "pk")


# Exhibits


def expos_of(edition):
    return Expo.objects.filter(edition=edition).select_related("venue").order_by("position", "name", "pk")


def exhibits_of(edition):
    """The edition's exhibits, in order, each with its exhibitor, hall and expo."""
    return (
        Exhibit.objects.of_edition(edition).select_related("exhibitor", "hall", "expo__venue").order_by(*EXHIBIT_ORDER)
    )


def with_cover(exhibits):
    """Exhibits for cards: only the first picture of each is loaded (one query for a whole page)."""
    return exhibits.prefetch_related(Prefetch("pictures", queryset=_pictures()[:1], to_attr="cover_pictures"))


def with_pictures(exhibits):
    return exhibits.prefetch_related(Prefetch("pictures", queryset=_pictures()))


def attach_covers(exhibits):
    """The exhibits (loaded `with_cover`) as a list, each with `cover`: its first picture's sources, or None."""
    exhibits = list(exhibits)
    for exhibit in exhibits:
        pictures = exhibit.cover_pictures
        exhibit.cover = picture_sources(pictures[0]) if pictures else None
    return exhibits


def featured_exhibits(edition, limit=6):
    return attach_covers(with_cover(exhibits_of(edition).filter(is_featured=True))[:limit])


def exhibit_count(edition):
    return Exhibit.objects.of_edition(edition).count()


def search_exhibits(exhibits, query):
    query = (query or "").strip()[:SEARCH_MAX_LENGTH]
    if not query:
        return exhibits
    return exhibits.filter(
        Q(title__icontains=query)
        | Q(description__icontains=query)
        | Q(exhibitor__name__icontains=query)
        | Q(booth__icontains=query)
    )


def _hall_choices(edition):
    """(slug, name) of the edition's halls. Halls are named per expo, so two expos may share a slug: one choice."""
    halls = Hall.objects.filter(expo__edition=edition).select_related("expo")
    halls = halls.order_by("expo__position", "expo__name", "position", "name", "pk")
    names = {}
    for hall in halls:
        names.setdefault(hall.slug, [])
        if hall.name not in names[hall.slug]:
            names[hall.slug].append(hall.name)
    return [(slug, " / ".join(labels)) for slug, labels in names.items()]


class _LazyChoices(BaseChoiceIterator):
    """Choices read from the database the first time they are needed, then kept."""

    def __init__(self, load):
        self._load = load

    @cached_property
    def _choices(self):
        return list(self._load())

    def __iter__(self):
        return iter(self._choices)

    def __len__(self):
        return len(self._choices)


class ExhibitFilter(django_filters.FilterSet):
    """The expo directory's filters (also the API's). Choices are read only when a form is shown or checked."""

    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=ExhibitCategory.choices, empty_label=_("All categories")
    )
    hall = django_filters.ChoiceFilter(label=_("Hall"), empty_label=_("All halls"), method="filter_hall")
    exhibitor = django_filters.ModelChoiceFilter(
        label=_("Exhibitor"),
        field_name="exhibitor",
        to_field_name="slug",
        queryset=Organisation.objects.none(),
        empty_label=_("All exhibitors"),
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")

    def __init__(self, data=None, *args, edition, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.edition = edition
        self.filters["hall"].extra["choices"] = _LazyChoices(lambda: _hall_choices(edition))
        self.filters["exhibitor"].queryset = (
            Organisation.objects.filter(edition=edition)
            .filter(Exists(Exhibit.objects.filter(exhibitor=OuterRef("pk"), expo__edition=edition)))
            .order_by("name", "pk")
        )

    def filter_hall(self, queryset, name, value):
        return queryset.filter(hall__slug=value)

    def filter_search(self, queryset, name, value):
        return search_exhibits(queryset, value)


# Awards


def award_programmes(*, edition, preview=False):
    """The edition's award programmes in order, with their ceremony, categories and honourees.

    Each programme has `ceremony_is_public` (its ceremony session may be shown) and each honouree
    `person_speaks` (the person speaks in a session shown, so has a speaker page).
    """
    sessions = Session.objects.filter(edition=edition)
    if not preview:
        sessions = sessions.public()
    session_ids = sessions.values("pk")
    speaks = Exists(SessionSpeaker.objects.filter(person=OuterRef("person_id"), session__in=session_ids)) | Exists(
        SessionItem.speakers.through.objects.filter(person=OuterRef("person_id"), sessionitem__session__in=session_ids)
    )
    honourees = (
        Honouree.objects.select_related("person__organisation", "organisation", "category")
        .annotate(person_speaks=speaks)
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
