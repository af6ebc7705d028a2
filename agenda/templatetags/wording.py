"""Punctuation and dates that differ between the languages, for the public pages: `{% load wording %}`.

- `{{ names|join_names }}` or `{% list_separator %}` between names: "Ada Chen, Li Wei" / "王海峰、李彦宏";
- `{% detail_separator %}` between a person's position and organisation: "CTO, Baidu" / "首席技术官，百度";
- `{% label_colon %}` after a label: "Speakers: " / "嘉宾：" (a full-width colon needs no space after it);
- `aside(text)` in Python, brackets after a word: "Ada Chen (CTO, Baidu)" / "王海峰（首席技术官，百度）";
- `{% open_bracket %}…{% close_bracket %}` around an aside: "(UTC+8)" / "（UTC+8）";
- `{% sentence_gap %}` between two sentences, or after a colon that ends a translated piece: a space in English,
  nothing in Chinese ("…举行。浏览全部议程。", "已选择 2 条注册：已提交…");
- `{{ moment|day_date:"SHORT_WEEKDAY_DATETIME_FORMAT" }}`: a named format with the short weekday each
  language writes, "Wed 20 Nov, 14:00" / "11月20日 周三 14:00" (Django's Chinese says 星期三 for both).
"""

from django import template
from django.utils.dateformat import DateFormat
from django.utils.formats import get_format
from django.utils.html import format_html_join
from django.utils.translation import get_language, pgettext_lazy

register = template.Library()

LIST_SEPARATOR = pgettext_lazy("between the names of a list", ", ")
DETAIL_SEPARATOR = pgettext_lazy("between a person's position and organisation", ", ")
LABEL_COLON = pgettext_lazy("after a label, before what it labels", ": ")
ENTRY_SEPARATOR = pgettext_lazy("between the entries of a list that contain commas", "; ")
ASIDE = pgettext_lazy("an aside in brackets after what it is about", " (%(aside)s)")
OPEN_BRACKET = pgettext_lazy("opening bracket of an aside", "(")
CLOSE_BRACKET = pgettext_lazy("closing bracket of an aside", ")")
# Languages whose sentences follow each other without a space (an empty translation would mean "untranslated").
CLOSED_UP_LANGUAGES = ("zh",)

SHORT_WEEKDAYS = [
    pgettext_lazy("short weekday", "Mon"),
    pgettext_lazy("short weekday", "Tue"),
    pgettext_lazy("short weekday", "Wed"),
    pgettext_lazy("short weekday", "Thu"),
    pgettext_lazy("short weekday", "Fri"),
    pgettext_lazy("short weekday", "Sat"),
    pgettext_lazy("short weekday", "Sun"),
]


@register.filter(is_safe=True)
def join_names(values):
    """The items joined as the active language lists names (each escaped)."""
    return format_html_join(LIST_SEPARATOR, "{}", ((value,) for value in values if value))


def aside(text):
    """The text in brackets, to follow what it is about: " (text)" / "（text）"."""
    return str(ASIDE) % {"aside": text}


def sentence_gap():
    """What separates two sentences in the active language."""
    language = get_language() or ""
    return "" if language.startswith(CLOSED_UP_LANGUAGES) else " "


register.simple_tag(sentence_gap, name="sentence_gap")


@register.simple_tag
def open_bracket():
    return str(OPEN_BRACKET)


@register.simple_tag
def close_bracket():
    return str(CLOSE_BRACKET)


@register.simple_tag
def entry_separator():
    return str(ENTRY_SEPARATOR)


@register.simple_tag
def list_separator():
    return str(LIST_SEPARATOR)  # a plain string: in an unescaped template a lazy one is not joined


@register.simple_tag
def detail_separator():
    return str(DETAIL_SEPARATOR)


@register.simple_tag
def label_colon():
    return str(LABEL_COLON)


class _DayDateFormat(DateFormat):
    def D(self):  # noqa: N802 (the format character it answers)
        return str(SHORT_WEEKDAYS[self.data.weekday()])


@register.filter(expects_localtime=True, is_safe=False)
def day_date(value, format_name):
    """`value|date:format_name`, with the active language's short weekday ("Wed", "周三") for D."""
    if value in (None, ""):
        return ""
    try:
        return _DayDateFormat(value).format(get_format(format_name))
    except AttributeError:
        return ""
