"""`{{ session.start|delegate_date:"session" }}`: attendees.dates for templates, in the template's time zone."""

from django import template

from attendees.dates import format_date

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def delegate_date(value, kind):
    return format_date(value, kind)
