"""Reads for the expo. Like the programme's, every list loads in a fixed number of queries: exhibits come
with their exhibitor, hall and expo."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q

from agenda.images import rendition_srcset
from agenda.models import Exhibit, ExhibitPicture, Expo, Hall, Organisation
from agenda.translation import contains_in_either_language

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
        contains_in_either_language(query, "title", "description", "exhibitor__name") | Q(booth__icontains=query)
    )


def hall_choices(edition):
    """(slug, name) of the edition's halls. Halls are named per expo, so two expos may share a slug: one choice."""
    halls = Hall.objects.filter(expo__edition=edition).select_related("expo")
    halls = halls.order_by("expo__position", "expo__name", "position", "name", "pk")
    names = {}
    for hall in halls:
        names.setdefault(hall.slug, [])
        if hall.name not in names[hall.slug]:
            names[hall.slug].append(hall.name)
    return [(slug, " / ".join(labels)) for slug, labels in names.items()]


def exhibitors_of(edition):
    """The edition's organisations that show at least one exhibit, by name."""
    return (
        Organisation.objects.filter(edition=edition)
        .filter(Exists(Exhibit.objects.filter(exhibitor=OuterRef("pk"), expo__edition=edition)))
        .order_by("name", "pk")
    )
