"""Lists by name in the order a reader of the page expects: the one rule for every list sorted by name.

English pages keep the database's order by name. A Chinese page lists names by their pinyin, syllable by
syllable as a Chinese index does, with Latin names among them by their letters: 李彦宏 (li yan hong),
Moksh Jawa, 王海峰 (wang hai feng). The database cannot sort so, so the rows are sorted here, after the
one query that loads them.
"""

import re
import unicodedata

from django.utils import translation
from pypinyin import Style, lazy_pinyin

# Surnames whose reading differs from the character's usual one (曾 zēng, not céng; 单 shàn, not dān).
SURNAME_READINGS = {"曾": "zeng1", "单": "shan4", "区": "ou1", "仇": "qiu2", "解": "xie4", "查": "zha1", "朴": "piao2"}
WORD = re.compile(r"[^\W_]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
HAN_OR_OTHER = re.compile(rf"{HAN.pattern}+|(?:(?!{HAN.pattern}).)+")


def sorts_by_pinyin():
    return (translation.get_language() or "").startswith("zh")


def _latin_words(text):
    """Lower-case words without accents: "Émile Zola" → ["emile", "zola"]."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return WORD.findall(plain.casefold())


def collation_key(text):
    """The key a Chinese index sorts `text` by: its syllables (pinyin for Chinese characters, the words of
    Latin text), then the tones, then the text itself so that homophones keep one order."""
    text = (text or "").strip()
    syllables = []
    for run in HAN_OR_OTHER.findall(text):
        if not HAN.match(run):
            syllables.extend(_latin_words(run))
            continue
        readings = lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True)
        if not syllables and run[0] in SURNAME_READINGS:
            readings[0] = SURNAME_READINGS[run[0]]
        syllables.extend(readings)
    letters = tuple(syllable.rstrip("12345") for syllable in syllables)
    return letters, tuple(syllables), text


def by_name(objects, attr="name"):
    """`objects` (a query ordered by `attr`, or a list) in the active language's order of their `attr`:
    unchanged in English, by `collation_key` in Chinese (then a list)."""
    if not sorts_by_pinyin():
        return objects
    return sorted(objects, key=lambda obj: collation_key(getattr(obj, attr)))
