"""Admin forms as a browser posts them: a translated field is posted as its English field ("title_en")."""

TRANSLATED_NAMES = {
    "title",
    "name",
    "description",
    "bio",
    "alt_text",
    "case_title",
    "citation",
    "theme",
    "address",
    "city",
}


def in_english(data):
    """`data` with each translated field (also inside an inline, e.g. "items-0-title") named as its English field."""
    renamed = {}
    for key, value in data.items():
        prefix, _dash, name = key.rpartition("-")
        renamed[f"{prefix}{_dash}{name}_en" if name in TRANSLATED_NAMES else key] = value
    return renamed
