"""Which content is written in both languages: each field listed here gets an `_en` and a `_zh_hans` column.

Reading the plain name (`session.title`) gives the active language's text and falls back to English when the
Chinese one is empty (settings MODELTRANSLATION_*). Imports, exports and search use the two columns directly.
"""

from django.db.models import Q
from django.utils.module_loading import import_string
from modeltranslation import settings as mt_settings
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from agenda.models import (
    AwardCategory,
    AwardProgramme,
    Competition,
    CompetitionEntry,
    CompetitionTrack,
    Edition,
    EditionSource,
    Exhibit,
    ExhibitPicture,
    Expo,
    Hall,
    Honouree,
    Organisation,
    OrganisationIdentity,
    Outcome,
    Person,
    PersonIdentity,
    Release,
    Room,
    Session,
    SessionItem,
    Summit,
    Topic,
    Venue,
)

# The fields each model carries in both languages; agenda.translated reads this to find untranslated rows.
TRANSLATED_FIELDS = {
    Summit: ("name", "compact_name"),
    Edition: ("name", "theme", "description", "city"),
    EditionSource: ("covers",),
    Venue: ("name", "address"),
    Room: ("name", "building"),
    Topic: ("name",),
    Organisation: ("name",),
    Person: ("name", "title", "bio"),
    OrganisationIdentity: ("name",),
    PersonIdentity: ("name",),
    Session: ("title", "description", "location"),
    SessionItem: ("title", "description"),
    Expo: ("name", "description"),
    Hall: ("name",),
    Exhibit: ("title", "description"),
    ExhibitPicture: ("alt_text",),
    AwardProgramme: ("name", "description"),
    AwardCategory: ("name",),
    Honouree: ("case_title", "citation"),
    Competition: ("name", "description"),
    CompetitionTrack: ("name",),
    CompetitionEntry: ("project_title", "team", "summary"),
    Release: ("note",),
    Outcome: ("title", "summary"),
}

for model, model_fields in TRANSLATED_FIELDS.items():
    register(model)(type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": model_fields}))


def add_history_columns(model, field_names):
    """Give the model's change history the language columns too, so each revision keeps both texts.

    django-simple-history copied the model's fields when the model was defined, before these columns existed.
    """
    history_manager = getattr(model._meta, "simple_history_manager_attribute", None)
    if history_manager is None:
        return
    history_model = getattr(model, history_manager).model
    for field_name in field_names:
        for column in translated_columns(field_name):
            field = model._meta.get_field(column)
            name, path, args, kwargs = field.deconstruct()
            kwargs.update(null=True, blank=True, verbose_name=field.verbose_name)
            kwargs.pop("unique", None)
            history_model.add_to_class(name, import_string(path)(*args, **kwargs))
            history_model.tracked_fields.append(field)  # compared between revisions on the History page
    history_model._meta._expire_cache()


def translated_columns(field_name):
    """The database columns of one translated field, e.g. ["title_en", "title_zh_hans"]."""
    return [build_localized_fieldname(field_name, language) for language in mt_settings.AVAILABLE_LANGUAGES]


for model, model_fields in TRANSLATED_FIELDS.items():
    add_history_columns(model, model_fields)


def contains_in_either_language(query, *paths):
    """A condition: one of the translated fields at `paths` (e.g. "title", "speaker_links__person__name")
    contains `query`, in English or in Chinese, whichever language the page is in."""
    condition = Q()
    for path in paths:
        for column in translated_columns(path):
            condition |= Q(**{f"{column}__icontains": query})
    return condition


def in_both_languages(*paths):
    """Admin `search_fields` that find a row by either language's text."""
    return [column for path in paths for column in translated_columns(path)]


def missing_chinese(field_name):
    """A condition: the Chinese text of the translated field is empty (the page shows the English one)."""
    chinese = build_localized_fieldname(field_name, "zh-hans")
    return Q(**{f"{chinese}__isnull": True}) | Q(**{chinese: ""})


def texts_missing_chinese(obj):
    """The names (verbose names) of the row's texts given in English but not in Chinese."""
    return [
        obj._meta.get_field(name).verbose_name
        for name in TRANSLATED_FIELDS[type(obj)]
        if getattr(obj, build_localized_fieldname(name, "en"))
        and not getattr(obj, build_localized_fieldname(name, "zh-hans"))
    ]


def any_text_missing_chinese(model):
    """A condition: some text of the row is given in English but not in Chinese (a title, a description …)."""
    condition = Q(pk__in=[])
    for field_name in TRANSLATED_FIELDS[model]:
        english = build_localized_fieldname(field_name, "en")
        given = ~Q(**{f"{english}__isnull": True}) & ~Q(**{english: ""})
        condition |= given & missing_chinese(field_name)
    return condition
