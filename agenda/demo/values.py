"""Small helpers of the demo writer: Chinese columns, comparisons, references by slug."""

from django.core.exceptions import FieldDoesNotExist

from agenda.demo.reader import DemoDataError, chinese


def chinese_values(model, data, record):
    """The record's texts in Chinese, by column, for the texts the model has a Chinese column for ("" if not given)."""
    columns = [chinese(name) for name in record.translated]
    return {column: data.get(column, "") for column in columns if has_field(model, column)}


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def same_value(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation:
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return field.value_from_object(obj) == value


def pick(mapping, slug, what, edition):
    try:
        return mapping[slug]
    except KeyError:
        raise DemoDataError(f"Demo data for edition {edition.slug} refers to an unknown {what} “{slug}”.")
