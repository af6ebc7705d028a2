"""The imports and exports of sessions, people, organisations, exhibits and outcomes."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export import fields, widgets

from agenda import services
from agenda.enums import (
    ExhibitCategory,
    OrganisationKind,
    OutcomeKind,
    SessionKind,
    SessionLanguage,
    SessionStatus,
)
from agenda.imports import links
from agenda.imports.base import ProgrammeResource
from agenda.imports.lookups import cell_text, unknown_message
from agenda.imports.widgets import (
    ChoiceWidget,
    CountryWidget,
    DayWidget,
    EditionLocalDateTimeWidget,
    EditionScopedWidget,
    EditionWidget,
    HallWidget,
    LookupWidget,
    SlugWidget,
    WholeNumberWidget,
    YesNoWidget,
)
from agenda.models import Exhibit, Organisation, OrganisationIdentity, Outcome, Person, PersonIdentity, Session
from agenda.selectors import clashing_sessions
from attendees.seat_notices import seat_change_notices
from attendees.services import session_seats_changed


def column(name, widget, attribute=None, **kwargs):
    return fields.Field(attribute=attribute or name, column_name=name, widget=widget, **kwargs)


class TextField(fields.Field):
    """A content text in one language: the column `title` holds the English text (`title_en`), `title_zh_hans`
    the Chinese one. An empty cell and a text never given are the same, so a round trip changes nothing."""

    def __init__(self, name, attribute):
        super().__init__(
            attribute=attribute, column_name=name, widget=widgets.CharWidget(allow_blank=True, coerce_to_string=True)
        )

    def get_value(self, instance):
        return super().get_value(instance) or ""


def in_edition(name, kind, thing, things):
    return column(name, EditionScopedWidget(kind, thing, things))


def choice(name, choices, what):
    return column(name, ChoiceWidget(choices, what))


class EditionTimeField(fields.Field):
    """A session's start or end, written in its own edition's time zone."""

    def __init__(self, name):
        super().__init__(attribute=name, column_name=name, widget=EditionLocalDateTimeWidget())

    def export(self, instance, **kwargs):
        return self.widget.render(self.get_value(instance), obj=instance)


class LinksField(fields.Field):
    """A column for what a session holds in other tables: speakers, organisers or its run-of-show.

    Reading the cell only notes what the session should hold; the resource writes it once the session
    itself is saved. A file without the column leaves them as they are.
    """

    def __init__(self, name):
        super().__init__(attribute=name, column_name=name, widget=LookupWidget())

    def get_value(self, instance):
        pending = instance.__dict__.get("_import_links", {})
        if self.column_name in pending:
            return pending[self.column_name]
        return self.saved(instance)

    def export(self, instance, **kwargs):
        return self.format(self.get_value(instance), instance)

    def save(self, instance, row, is_m2m=False, **kwargs):
        edition = self.widget.row_edition(row)
        if edition is None:
            return  # the edition column reports it
        found, errors = self.parse_row(row, instance, edition)
        instance.__dict__.setdefault("_import_links", {})[self.column_name] = found
        if errors:
            raise ValidationError(errors)

    def parse_row(self, row, instance, edition):
        return self.parse(row[self.column_name], instance, edition)

    def where(self, edition):
        return _("edition %(slug)s") % {"slug": edition.slug}


class PeopleLinksField(LinksField):
    def __init__(self, name, kind):
        super().__init__(name)
        self.kind = kind

    def saved(self, instance):
        return links.saved_links(instance, self.kind)

    def format(self, value, instance):
        return links.format_links(value)

    def parse(self, text, instance, edition):
        found = self.widget.get_lookups().of_edition(self.kind.lookup, edition)
        return links.parse_links(text, kind=self.kind, found=found, where=self.where(edition))


class RunOfShowField(LinksField):
    def saved(self, instance):
        return links.saved_items(instance)

    def format(self, value, instance):
        return links.format_items(value, instance)

    def parse(self, text, instance, edition):
        people = self.widget.get_lookups().of_edition("person", edition)
        return links.parse_items(text, session=instance, people=people, where=self.where(edition))


class RunOfShowChineseField(LinksField):
    """The Chinese titles of the run-of-show items, one a line in the order of the `run_of_show` cell (or of the
    saved items, when the file has no such column)."""

    def saved(self, instance):
        return links.saved_chinese_titles(instance)

    def format(self, value, instance):
        return links.format_chinese_titles(value)

    def parse_row(self, row, instance, edition):
        # Counted from the cell's lines, so that a wrong item line is not reported twice.
        in_file = "run_of_show" in row
        count = links.item_count(row["run_of_show"]) if in_file else len(links.saved_items(instance))
        return links.parse_chinese_titles(row[self.column_name], item_count=count)


class PublishersField(LinksField):
    """An outcome's publishers: organisation slugs of the row's edition, separated by commas or semicolons."""

    SEPARATORS = re.compile(r"[,;\n]+")

    def saved(self, instance):
        return list(instance.publishers.all()) if instance.pk else []

    def format(self, value, instance):
        return ", ".join(organisation.slug for organisation in value)

    def parse(self, text, instance, edition):
        found = self.widget.get_lookups().of_edition("organisation", edition)
        publishers, errors = [], []
        for slug in (cell_text(part) for part in self.SEPARATORS.split(cell_text(text))):
            if not slug:
                continue
            organisation = found.get(slug) or {key.lower(): obj for key, obj in found.items()}.get(slug.lower())
            if organisation is None:
                errors.append(
                    unknown_message(
                        slug, found, thing=_("organisation"), things=_("organisations"), where=self.where(edition)
                    )
                )
            elif organisation not in publishers:
                publishers.append(organisation)
        return publishers, errors


class EditionField(fields.Field):
    def __init__(self):
        super().__init__(attribute="edition", column_name="edition", widget=EditionWidget())


class ExpoEditionField(EditionField):
    """An exhibit's edition is its expo's: the column is checked, and names where the expo is looked up."""

    def get_value(self, instance):
        return instance.expo.edition if instance.expo_id else None

    def save(self, instance, row, is_m2m=False, **kwargs):
        self.clean(row, **kwargs)


class IdentityField(fields.Field):
    """The slug of the person or organisation across the summit's editions. Left empty, a new row is found by its
    slug or name when saved (agenda.services.identity_match), and a saved row keeps its identity."""

    def __init__(self, identity_model):
        super().__init__(attribute="identity", column_name="identity", widget=widgets.CharWidget(allow_blank=True))
        self.identity_model = identity_model

    def get_value(self, instance):
        return instance.identity.slug if instance.identity_id else ""

    def save(self, instance, row, is_m2m=False, **kwargs):
        slug = cell_text(row.get(self.column_name))
        if not slug or instance.edition_id is None:
            return
        identity = self.identity_model.objects.filter(summit_id=instance.edition.summit_id, slug=slug).first()
        if identity is None:
            raise ValueError(
                _("No one across the summit’s editions has the slug “%(slug)s”; leave it empty to match by name.")
                % {"slug": slug}
            )
        instance.identity = identity


class AcrossEditionsMixin:
    """People and organisations are saved through their service: a new one is found at the summit's other
    editions, and what is the same everywhere is written to every edition's row. The preview says who was found."""

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._matched = []

    def do_instance_save(self, instance, is_create):
        identified = self.update(instance)
        if identified.outcome == services.IdentityOutcome.MATCHED:
            self._matched.append(instance.name)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if self._matched:
            result.notes.append(
                ngettext(
                    "Found at the summit’s other editions: %(names)s.",
                    "Found at the summit’s other editions: %(names)s.",
                    len(self._matched),
                )
                % {"names": ", ".join(self._matched)}
            )


class OrganisationResource(AcrossEditionsMixin, ProgrammeResource):
    edition = EditionField()
    slug = column("slug", SlugWidget())
    identity = IdentityField(OrganisationIdentity)
    kind = choice("kind", OrganisationKind.choices, gettext_lazy("organisation kind"))
    country = column("country", CountryWidget())
    name = TextField("name", "name_en")
    name_zh_hans = TextField("name_zh_hans", "name_zh_hans")

    required_columns = ("edition", "slug", "name")

    class Meta:
        model = Organisation
        fields = ("edition", "slug", "name", "name_zh_hans", "kind", "country", "website", "identity")
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("edition", "identity")

    def update(self, organisation):
        return services.organisation_update(organisation=organisation)


class PersonResource(AcrossEditionsMixin, ProgrammeResource):
    edition = EditionField()
    slug = column("slug", SlugWidget())
    identity = IdentityField(PersonIdentity)
    organisation = in_edition(
        "organisation", "organisation", gettext_lazy("organisation"), gettext_lazy("organisations")
    )
    country = column("country", CountryWidget())
    name = TextField("name", "name_en")
    name_zh_hans = TextField("name_zh_hans", "name_zh_hans")
    title = TextField("title", "title_en")
    title_zh_hans = TextField("title_zh_hans", "title_zh_hans")
    bio = TextField("bio", "bio_en")
    bio_zh_hans = TextField("bio_zh_hans", "bio_zh_hans")

    required_columns = ("edition", "slug", "name")

    class Meta:
        model = Person
        fields = (
            "edition",
            "slug",
            "name",
            "name_zh_hans",
            "title",
            "title_zh_hans",
            "organisation",
            "country",
            "bio",
            "bio_zh_hans",
            "identity",
        )
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("edition", "organisation", "identity")

    def update(self, person):
        return services.person_update(person=person)


class SessionResource(ProgrammeResource):
    """Sessions with their place (a room, or a whole venue), speakers, organisers and run-of-show."""

    edition = EditionField()
    slug = column("slug", SlugWidget())
    kind = choice("kind", SessionKind.choices, gettext_lazy("session kind"))
    status = choice("status", SessionStatus.choices, gettext_lazy("status"))
    start = EditionTimeField("start")
    end = EditionTimeField("end")
    room = in_edition("room", "room", gettext_lazy("room"), gettext_lazy("rooms"))
    venue = in_edition("venue", "venue", gettext_lazy("venue"), gettext_lazy("venues"))
    topic = in_edition("topic", "topic", gettext_lazy("topic"), gettext_lazy("topics"))
    language = choice("language", SessionLanguage.choices, gettext_lazy("language"))
    capacity = column("capacity", WholeNumberWidget())
    registration_required = column("registration_required", YesNoWidget())
    is_around_summit = column("around_summit", YesNoWidget(), attribute="is_around_summit")
    location = TextField("location", "location_en")
    location_zh_hans = TextField("location_zh_hans", "location_zh_hans")
    speakers = PeopleLinksField("speakers", links.SPEAKERS)
    organisers = PeopleLinksField("organisers", links.ORGANISERS)
    run_of_show = RunOfShowField("run_of_show")
    run_of_show_zh_hans = RunOfShowChineseField("run_of_show_zh_hans")
    title = TextField("title", "title_en")
    title_zh_hans = TextField("title_zh_hans", "title_zh_hans")
    description = TextField("description", "description_en")
    description_zh_hans = TextField("description_zh_hans", "description_zh_hans")

    required_columns = ("edition", "slug", "title", "start", "end")

    class Meta:
        model = Session
        fields = (
            "edition",
            "slug",
            "title",
            "title_zh_hans",
            "kind",
            "status",
            "start",
            "end",
            "room",
            "venue",
            "topic",
            "language",
            "capacity",
            "registration_required",
            "description",
            "description_zh_hans",
            "speakers",
            "organisers",
            "run_of_show",
            "run_of_show_zh_hans",
            "is_around_summit",
            "location",
            "location_zh_hans",
        )
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return self.with_links(super().get_queryset())

    def import_data(self, dataset, **kwargs):
        self._dry_run = kwargs.get("dry_run", False)
        return super().import_data(dataset, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        """Seats follow imported capacities and statuses at once, under the registration locks.

        The preview settles them too, inside the transaction it rolls back, to say what confirming will do.
        """
        super().after_import(dataset, result, **kwargs)
        result.seat_notices = []
        if result.has_errors() or result.has_validation_errors():
            return
        updated = [row.object_id for row in result.rows if row.is_update() and row.object_id]
        if updated:
            result.seat_notices = seat_change_notices(session_seats_changed(session_ids=updated))
        imported = [row.object_id for row in result.rows if (row.is_update() or row.is_new()) and row.object_id]
        clash = self.clash_notice(imported)
        if clash:
            result.seat_notices.append((messages.WARNING, clash))
        if self._dry_run:
            for _level, text in result.seat_notices:
                result.notes.append(_("On confirming: %(notice)s") % {"notice": text})

    @staticmethod
    def clash_notice(session_ids):
        """Which of these sessions share a room or a speaker with another at the same time, as the form would warn."""
        if not session_ids:
            return None
        editions = Session.objects.filter(pk__in=session_ids).values("edition_id")
        clashes = clashing_sessions(Session.objects.filter(edition_id__in=editions))
        titles = list(
            Session.objects.filter(pk__in=clashes.any & set(session_ids))
            .order_by("start")
            .values_list("title_en", flat=True)
        )
        if not titles:
            return None
        return ngettext(
            "%(count)d session of this file shares a room or a speaker with another at the same time: %(titles)s. "
            "The session list's “Clashes” filter shows them.",
            "%(count)d sessions of this file share a room or a speaker with another at the same time: %(titles)s. "
            "The session list's “Clashes” filter shows them.",
            len(titles),
        ) % {"count": len(titles), "titles": ", ".join(f"“{title}”" for title in titles)}

    def filter_export(self, queryset, **kwargs):
        return self.with_links(super().filter_export(queryset, **kwargs))

    @staticmethod
    def with_links(queryset):
        return queryset.select_related("edition", "room", "venue", "topic").prefetch_related(
            "speaker_links__person", "organiser_links__organisation", "items__speakers"
        )

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if kwargs.get("dry_run") and not kwargs.get("using_transactions"):
            return
        pending = instance.__dict__.get("_import_links", {})
        if "speakers" in pending:
            links.replace_links(instance, links.SPEAKERS, pending["speakers"])
        if "organisers" in pending:
            links.replace_links(instance, links.ORGANISERS, pending["organisers"])
        if "run_of_show" in pending:
            links.replace_items(instance, pending["run_of_show"])
        if "run_of_show_zh_hans" in pending:
            links.set_chinese_titles(instance, pending["run_of_show_zh_hans"])
        instance.__dict__.pop("_prefetched_objects_cache", None)


class ExhibitResource(ProgrammeResource):
    """Exhibits by expo and slug; the expo, exhibitor and hall are named by slug within the edition."""

    edition = ExpoEditionField()
    expo = in_edition("expo", "expo", gettext_lazy("expo"), gettext_lazy("expos"))
    slug = column("slug", SlugWidget())
    exhibitor = in_edition("exhibitor", "organisation", gettext_lazy("organisation"), gettext_lazy("organisations"))
    category = choice("category", ExhibitCategory.choices, gettext_lazy("exhibit category"))
    hall = column("hall", HallWidget())
    is_featured = column("is_featured", YesNoWidget())
    title = TextField("title", "title_en")
    title_zh_hans = TextField("title_zh_hans", "title_zh_hans")
    description = TextField("description", "description_en")
    description_zh_hans = TextField("description_zh_hans", "description_zh_hans")

    required_columns = ("edition", "expo", "slug", "title", "exhibitor")

    class Meta:
        model = Exhibit
        fields = (
            "edition",
            "expo",
            "slug",
            "title",
            "title_zh_hans",
            "exhibitor",
            "category",
            "hall",
            "booth",
            "is_featured",
            "description",
            "description_zh_hans",
        )
        import_id_fields = ("expo", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("expo__edition", "exhibitor", "hall")

    def row_key(self, instance):
        return (instance.expo_id, instance.slug)


class OutcomeResource(ProgrammeResource):
    """Outcome documents by edition and slug; the session and the publishers are named by slug within the edition.
    An uploaded PDF is not part of the file: it is added in the back office."""

    edition = EditionField()
    slug = column("slug", SlugWidget())
    kind = choice("kind", OutcomeKind.choices, gettext_lazy("outcome kind"))
    released_on = column("released_on", DayWidget())
    session = in_edition("session", "session", gettext_lazy("session"), gettext_lazy("sessions"))
    publishers = PublishersField("publishers")
    is_sample = column("is_sample", YesNoWidget())
    title = TextField("title", "title_en")
    title_zh_hans = TextField("title_zh_hans", "title_zh_hans")
    summary = TextField("summary", "summary_en")
    summary_zh_hans = TextField("summary_zh_hans", "summary_zh_hans")

    required_columns = ("edition", "slug", "title", "released_on")

    class Meta:
        model = Outcome
        fields = (
            "edition",
            "slug",
            "title",
            "title_zh_hans",
            "kind",
            "released_on",
            "session",
            "publishers",
            "url",
            "summary",
            "summary_zh_hans",
            "is_sample",
            "position",
        )
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return self.with_publishers(super().get_queryset())

    def filter_export(self, queryset, **kwargs):
        return self.with_publishers(super().filter_export(queryset, **kwargs))

    @staticmethod
    def with_publishers(queryset):
        return queryset.select_related("edition", "session").prefetch_related("publishers")

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if kwargs.get("dry_run") and not kwargs.get("using_transactions"):
            return
        pending = instance.__dict__.get("_import_links", {})
        if "publishers" in pending:
            instance.publishers.set(pending["publishers"])
