"""What a shared link shows (Open Graph and Twitter card tags): `{% load sharing %}`.

- `{% block_text "title" %}` renders a block of the page again, so `og:title` says what `<title>` says without each
  page writing it twice;
- `{{ path|absolute }}` makes an address absolute on `SITE_URL`: link previews are fetched by other sites.
"""

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

# og:locale wants a territory; these are the languages the site is written in.
OG_LOCALES = {"en": "en_GB", "zh-hans": "zh_CN"}


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """The text of the page's block `name` (the most derived one), without tags and surrounding spaces."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    with context.push():
        # Already escaped by the block's own rendering; stripping tags leaves it so.
        return mark_safe(" ".join(strip_tags(block.nodelist.render(context)).split()))  # noqa: S308


@register.filter
def absolute(address):
    address = str(address or "")
    if address.startswith(("http://", "https://")):
        return address
    return settings.SITE_URL + address


@register.simple_tag
def og_locale(language_code):
    return OG_LOCALES.get(language_code, "en_GB")
