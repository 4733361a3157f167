"""The site search forgives plurals and singulars, on SQLite and PostgreSQL.

Run against PostgreSQL with ``DATABASE_URL=postgres://...``: the same tests,
the same expectations.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.content.demo_text import demo_strings
from tests.public.conftest import soup
from treatments_cms.stemming import (
    WORD,
    forgiving_query,
    search_language,
    stem_text,
    stems,
)

# A query, and the title of the page it must find (demo content).
EXPECTED = [
    ("thread vein", "Spider veins"),
    ("thread veins", "Spider veins"),
    ("spider vein", "Spider veins"),
    ("scar", "Scars and acne scars"),
    ("acne scar", "Scars and acne scars"),
    ("stretch mark", "Stretch marks"),
    ("wrinkle", "Fine to medium wrinkles"),
    ("Wrinkles", "Fine to medium wrinkles"),
    ("sun damaged", "Sun damage"),
    ("chemical peels", "Chemical peel"),
]


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [
        link.get_text(strip=True)
        for link in soup(response).select("main .search-group li a")
    ]


@pytest.fixture
def demo(demo_content):
    return demo_content


def test_singulars_and_plurals_find_the_page(client, demo):
    missing = [
        (query, title)
        for query, title in EXPECTED
        if title not in result_titles(client, query)
    ]
    assert missing == []


def test_unrelated_words_still_find_nothing(client, demo):
    assert result_titles(client, "zebedee quixotic") == []


def test_stems_are_the_same_for_singular_and_plural():
    assert search_language() == "english"
    for singular, plural in [
        ("vein", "veins"),
        ("scar", "scars"),
        ("mark", "marks"),
        ("wrinkle", "wrinkles"),
    ]:
        assert stems(singular) == stems(plural)


def test_indexed_stems_drop_markup_and_repeats():
    assert stem_text("<p>Thread veins</p>", "thread VEIN") == "thread vein"


def test_query_keeps_the_words_as_typed_and_adds_their_stems():
    query = forgiving_query("wrinkles")
    assert [sub.query_string for sub in query.subqueries] == ["wrinkles", "wrinkl"]
    # Nothing to add when the stems are the words.
    assert forgiving_query("scar").query_string == "scar"


def test_a_language_snowball_does_not_know_leaves_words_alone(settings):
    settings.TREATMENTS_CMS_SEARCH_LANGUAGE = "klingon"
    assert stems("veins") == ["veins"]
    settings.TREATMENTS_CMS_SEARCH_LANGUAGE = ""
    assert stems("Veins") == ["veins"]


def demo_words():
    text = " ".join(demo_strings())
    return sorted({word.lower() for word in WORD.findall(text)})


def test_the_c_stemmer_gives_the_pure_python_stems():
    """PyStemmer (``speedups``) and snowballstemmer's own code agree on every demo word."""
    Stemmer = pytest.importorskip("Stemmer")
    from snowballstemmer.english_stemmer import EnglishStemmer

    words = demo_words()
    assert len(words) > 500
    assert Stemmer.Stemmer("english").stemWords(words) == EnglishStemmer().stemWords(
        words
    )


@pytest.mark.parametrize("implementation", ["pure Python", "installed"])
def test_threads_stemming_at_once_get_their_own_stems(monkeypatch, implementation):
    """A stemmer keeps state while it works: shared between threads, it breaks."""
    if implementation == "pure Python":
        from snowballstemmer.english_stemmer import EnglishStemmer

        monkeypatch.setattr(
            "treatments_cms.stemming.snowballstemmer.stemmer",
            lambda language: EnglishStemmer(),
        )
    words = " ".join(demo_words())
    expected = stems(words)
    # New threads, so each makes its stemmer with the implementation above.
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: stems(words), range(32)))
    assert all(result == expected for result in results)
