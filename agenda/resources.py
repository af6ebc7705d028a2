"""CSV/XLSX import and export of sessions, people and organisations (django-import-export).

Rows name their edition by slug and refer to rooms, topics and organisations by slug within that
edition. Every row is validated with the model's own `full_clean()`, so the preview shows each bad
row with its message and nothing is written until the whole file is clean. Exported text never opens
as a formula, and importing that file again gives back the same text (agenda.spreadsheets).
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from agenda.models import Edition, Exhibit, Expo, Hall, Organisation, Person, Room, Session, Topic
from agenda.spreadsheets import FormulaSafeResourceMixin


def _edition_for(row):
    slug = (row or {}).get("edition")
    edition = Edition.objects.filter(slug=slug).first() if slug else None
    if edition is None:
        raise ValueError(_("Unknown edition “%(slug)s”.") % {"slug": slug or ""})
    return edition


class EditionScopedForeignKeyWidget(widgets.ForeignKeyWidget):
    """Finds a row's room, topic or organisation by slug inside the row's own edition."""

    def __init__(self, model, edition_path="edition__slug"):
        super().__init__(model, field="slug")
        self.edition_path = edition_path

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        edition = _edition_for(row)
        found = self.model.objects.filter(**{self.edition_path: edition.slug, "slug": value}).first()
        if found is None:
            raise ValueError(
                _("No %(model)s “%(slug)s” in edition %(edition)s.")
                % {"model": self.model._meta.verbose_name, "slug": value, "edition": edition.slug}
            )
        return found


class EditionLocalDateTimeWidget(widgets.Widget):
    """ISO 8601 date-times; a time without an offset is read in the edition's own time zone."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if hasattr(value, "tzinfo"):
            parsed = value
        else:
            parsed = parse_datetime(str(value).strip().replace("/", "-"))
            if parsed is None:
                raise ValueError(_("“%(value)s” is not a date and time like 2024-11-20 09:30.") % {"value": value})
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed, _edition_for(row).zone)
        return parsed

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        zone = obj.edition.zone if obj is not None else timezone.get_current_timezone()
        return value.astimezone(zone).isoformat(timespec="minutes")


class EditionWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Edition, field="slug")

    def clean(self, value, row=None, **kwargs):
        return _edition_for(row)


class WholeNumberWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except Exception:  # decimal and type errors alike: report them as a plain message
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})


class EditionField(fields.Field):
    def __init__(self):
        super().__init__(attribute="edition", column_name="edition", widget=EditionWidget())


class ProgrammeResource(FormulaSafeResourceMixin, resources.ModelResource):
    """Rows are matched by edition and slug; every bad row is reported in the preview, all at once."""

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._seen_keys = {}

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # an unknown edition: the field check reports it on this row

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        key = (instance.edition_id, instance.slug)
        if instance.edition_id and instance.slug:
            first = self._seen_keys.setdefault(key, self._row_number)
            if first != self._row_number:
                errors.setdefault("slug", []).append(
                    _("The slug “%(slug)s” is already used by row %(row)d of this file.")
                    % {"slug": instance.slug, "row": first}
                )
        super().validate_instance(instance, errors, validate_unique)

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs.get("row_number") or getattr(self, "_row_number", 0) + 1
        return super().import_row(row, instance_loader, **kwargs)


class OrganisationResource(ProgrammeResource):
    edition = EditionField()

    class Meta:
        model = Organisation
        fields = ("edition", "slug", "name", "kind", "country", "website")
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False


class PersonResource(ProgrammeResource):
    edition = EditionField()
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=EditionScopedForeignKeyWidget(Organisation)
    )

    class Meta:
        model = Person
        fields = ("edition", "slug", "name", "title", "organisation", "country", "bio")
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().select_related("edition", "organisation")


class SessionResource(ProgrammeResource):
    edition = EditionField()
    start = fields.Field(attribute="start", column_name="start", widget=EditionLocalDateTimeWidget())
    end = fields.Field(attribute="end", column_name="end", widget=EditionLocalDateTimeWidget())
    room = fields.Field(
        attribute="room", column_name="room", widget=EditionScopedForeignKeyWidget(Room, "venue__edition__slug")
    )
    topic = fields.Field(attribute="topic", column_name="topic", widget=EditionScopedForeignKeyWidget(Topic))
    capacity = fields.Field(attribute="capacity", column_name="capacity", widget=WholeNumberWidget())

    class Meta:
        model = Session
        fields = (
            "edition",
            "slug",
            "title",
            "kind",
            "status",
            "start",
            "end",
            "room",
            "topic",
            "language",
            "capacity",
            "registration_required",
            "description",
        )
        import_id_fields = ("edition", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().select_related("edition", "room", "topic")


class ExhibitResource(FormulaSafeResourceMixin, resources.ModelResource):
    """Exhibits by edition and slug; the expo, exhibitor and hall are named by slug within the edition."""

    edition = fields.Field(column_name="edition", attribute="expo__edition__slug", readonly=True)
    expo = fields.Field(attribute="expo", column_name="expo", widget=EditionScopedForeignKeyWidget(Expo))
    exhibitor = fields.Field(
        attribute="exhibitor", column_name="exhibitor", widget=EditionScopedForeignKeyWidget(Organisation)
    )
    hall = fields.Field(
        attribute="hall", column_name="hall", widget=EditionScopedForeignKeyWidget(Hall, "expo__edition__slug")
    )

    class Meta:
        model = Exhibit
        fields = (
            "edition",
            "expo",
            "slug",
            "title",
            "exhibitor",
            "category",
            "hall",
            "booth",
            "is_featured",
            "description",
        )
        import_id_fields = ("expo", "slug")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().select_related("expo__edition", "exhibitor", "hall")
