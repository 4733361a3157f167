"""Search that forgives plurals: "thread vein" finds "thread veins".

Wagtail's database search backend does no stemming on SQLite, and on
PostgreSQL only with a language search configuration. So each page indexes
one extra field, ``search_stems``: the Snowball stems of its title, summary
and main text ("veins" and "vein" both become "vein", "wrinkles" and
"wrinkle" both "wrinkl"). The site search looks for the stems of the words
typed as well as the words themselves, the same way on every database.

The language is ``TREATMENTS_CMS_SEARCH_LANGUAGE`` (a Snowball algorithm
name such as "english" or "german"), by default the one of ``LANGUAGE_CODE``;
a language Snowball does not know leaves words as they are.

``snowballstemmer`` runs the same algorithms in C when PyStemmer is
installed (``pip install treatments-cms[speedups]``), several times faster
when pages are published or re-indexed. A stemmer keeps state while it works,
so each thread has its own.
"""

import re
import threading

import snowballstemmer
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.search.query import Or, PlainText

from .conf import app_settings

# Snowball algorithm names by ISO 639-1 language code.
SNOWBALL_LANGUAGES = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}

WORD = re.compile(r"\w+")


def search_language():
    """The Snowball algorithm name in use, or "" for no stemming."""
    language = app_settings.SEARCH_LANGUAGE
    if language is None:
        code = settings.LANGUAGE_CODE.split("-")[0].lower()
        language = SNOWBALL_LANGUAGES.get(code, "")
    return language if language in snowballstemmer.algorithms() else ""


_local = threading.local()


def _stemmer(language):
    """This thread's stemmer for ``language`` (made on first use)."""
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


def stems(text):
    """The stems of the words of ``text`` (HTML tags dropped), lower case, in order."""
    words = [word.lower() for word in WORD.findall(strip_tags(str(text or "")))]
    language = search_language()
    if not language:
        return words
    return _stemmer(language).stemWords(words)


def stem_text(*texts):
    """One string of the stems of ``texts``, each stem once, for the search index."""
    return " ".join(dict.fromkeys(stem for text in texts for stem in stems(text)))


def forgiving_query(terms):
    """A search query for ``terms`` that also matches other forms of each word.

    The words as typed (so an exact title still ranks first) or their stems,
    which the pages' ``search_stems`` field holds.
    """
    stemmed = " ".join(stems(terms))
    if not stemmed or stemmed == terms.lower():
        return PlainText(stemmed or terms)
    return Or([PlainText(terms), PlainText(stemmed)])
