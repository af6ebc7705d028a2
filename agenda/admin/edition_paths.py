"""Which edition an object of the back office belongs to, and how it is told apart from its namesakes."""

from django.core.exceptions import FieldDoesNotExist

from agenda.models import AwardCategory, CompetitionEntry, CompetitionTrack, Edition, Exhibit, Hall, Honouree, Room

# How a model that holds no edition of its own reaches one.
EDITION_PATHS = {
    Room: "venue__edition",
    Hall: "expo__edition",
    Exhibit: "expo__edition",
    AwardCategory: "programme__edition",
    Honouree: "programme__edition",
    CompetitionTrack: "competition__edition",
    CompetitionEntry: "competition__edition",
}


def edition_path(model):
    """The lookup from `model` to its edition (“edition”, “venue__edition” …), or None if it has none."""
    if model in EDITION_PATHS:
        return EDITION_PATHS[model]
    try:
        field = model._meta.get_field("edition")
    except FieldDoesNotExist:
        return None
    return "edition" if field.is_relation and field.related_model is Edition else None


def edition_of(obj):
    path = edition_path(type(obj))
    for name in path.split("__") if path else ():
        obj = getattr(obj, name, None)
    return obj if path else None


def edition_label(obj):
    """How an object is told apart from its namesakes: “Forum Hall A · Wuzhen Convention Center · 2024”."""
    parts = [str(obj)]
    if isinstance(obj, Room):
        parts.append(obj.venue.name)
    edition = edition_of(obj)
    if edition is not None:
        parts.append(edition.slug)
    return " · ".join(parts)


def by_name(queryset):
    """Alphabetical, namesakes of the latest edition first."""
    model = queryset.model
    names = [f.name for f in model._meta.fields]
    name = "name" if "name" in names else "title" if "title" in names else "pk"
    path = edition_path(model)
    return queryset.order_by(name, *([f"-{path}__start_date"] if path else []), "pk")


def parse_id(value):
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def edition_from_param(value):
    """The edition a query parameter names by its number, or None."""
    number = parse_id(value)
    return Edition.objects.filter(pk=number).first() if number is not None else None
