"""Country names in the order a reader of the page expects: alphabetical in English, by pinyin in Chinese.

django-countries sorts its choices with one module-level key (Unicode order, which puts Chinese names in no order
a reader knows); `use_reading_order` swaps in a key that reads a Chinese name as its pinyin, tones included, as a
Chinese dictionary does. The corrected Chinese names are COUNTRIES_OVERRIDE in the settings.
"""

import django_countries
from django.utils.translation import get_language
from pypinyin import Style, lazy_pinyin

_library_sort_key = django_countries.sort_key


def reading_order_key(item):
    """The sort key of a (code, name) pair in the active language."""
    if (get_language() or "").startswith("zh"):
        return lazy_pinyin(item[1].strip(), style=Style.TONE3, neutral_tone_with_five=True)
    return _library_sort_key(item)


def use_reading_order():
    django_countries.sort_key = reading_order_key
