"""The site speaks the language LANGUAGE_CODE names, from committed catalogues.

The plugin's catalogue (``treatments_cms/locale``) translates its templates and
messages; the demo site's (``locale/``) translates the site chrome. German is
the proof: every page's own words stay as the editor wrote them, and the words
around them change with the setting.
"""

import datetime
import gettext
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation

from tests import factories
from tests.enquiries.pipeline_helpers import ENQUIRY_URL, valid_data
from tests.public.conftest import headings, soup, text
from treatments_cms.enquiries.notify import build_message

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_CATALOGUE = ROOT / "treatments_cms" / "locale" / "de" / "LC_MESSAGES"
DEMO_CATALOGUE = ROOT / "locale" / "de" / "LC_MESSAGES"


@pytest.fixture
def german(settings):
    """The whole site in German, as a project would set it."""
    settings.LANGUAGE_CODE = "de"


def test_a_treatment_page_speaks_german_when_the_site_does(client, site_tree, german):
    response = client.get(site_tree.treatment.url)

    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "de"
    found = headings(response)
    assert "Das Wichtigste in Kürze" in found
    assert "Auf dieser Seite" in found
    assert "Key facts" not in found
    assert "On this page" not in found
    table = page.find("table", class_="comparison")
    # No option states a downtime, so that column is left out.
    assert [text(th) for th in table.find("thead").find_all("th")][:3] == [
        "Option",
        "Sitzungen",
        "Ergebnisse halten",
    ]
    assert "Keine Behandlung" in text(table)
    assert text(page.find("nav", class_="breadcrumbs").find("a")) == "Startseite"
    # The demo site's own catalogue: skip link and footer.
    assert text(page.find("a", class_="skip-link")) == "Zum Hauptinhalt springen"
    assert "Diese Website durchsuchen" in text(page.find("footer"))
    # What the editor wrote is not translated.
    assert text(page.find("h1")) == "Laser skin rejuvenation"


def test_the_same_page_is_english_by_default(client, site_tree):
    response = client.get(site_tree.treatment.url)

    page = soup(response)
    assert page.html["lang"] == settings.LANGUAGE_CODE == "en-gb"
    assert "Key facts" in headings(response)
    assert text(page.find("a", class_="skip-link")) == "Skip to main content"


def test_lists_and_dates_follow_the_site_language(client, site_tree, german):
    page = soup(client.get(site_tree.condition.url))

    also = text(page.find(class_="also-known-as"))
    assert also == "Auch bekannt als thread veins und telangiectasia"
    review = text(page.find(class_="page-review"))
    assert re.search(r"Seite zuletzt geprüft: \d{1,2}\. \w+ \d{4}", review), review


def test_search_results_are_counted_with_the_languages_plural(
    client, site_tree, german
):
    one = soup(client.get("/search/", {"q": "chemical peel"}))
    factories.TreatmentPageFactory(title="Laser hair removal")
    two = soup(client.get("/search/", {"q": "laser"}))

    assert text(one.find(class_="search-summary")) == "1 Ergebnis für „chemical peel“"
    assert text(two.find(class_="search-summary")) == "2 Ergebnisse für „laser“"
    assert text(two.find("title")).startswith("Suchergebnisse für „laser“")


@override_settings(LANGUAGE_CODE="de")
def test_the_enquiry_form_speaks_german(client, site_tree):
    page = soup(client.get(ENQUIRY_URL))

    assert text(page.find("h1")) == "Fragen zu einer Behandlung"
    labels = [text(label) for label in page.find_all(["label", "legend"])]
    assert "Ihr Name" in labels
    assert "E-Mail-Adresse" in labels
    assert "Wie sollen wir Sie kontaktieren?" in labels
    assert "Telefon" in labels  # a choice of the model's ContactMethod
    assert "Your name" not in labels
    assert text(page.find("button", type="submit")) == "Anfrage senden"
    options = [
        text(option) for option in page.find(id="id_treatment").find_all("option")
    ]
    assert options[0] == "Wählen Sie eine Behandlung"
    # The treatment's title is the editor's, not translated.
    assert "Laser skin rejuvenation" in options


@override_settings(LANGUAGE_CODE="de", TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS=0)
def test_a_refused_enquiry_is_explained_in_german(client, site_tree):
    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, origin="standalone", name="", email="nope")
    )

    assert response.status_code == 400
    page = soup(response)
    assert text(page.find(id="error-summary-title")) == "Es gibt ein Problem"
    assert text(page.find(id="id_name_error")) == "Fehler: Geben Sie Ihren Namen ein."
    assert text(page.find(id="id_email_error")) == (
        "Fehler: Geben Sie eine E-Mail-Adresse wie name@example.com ein."
    )
    summary = [text(item) for item in page.find(id="error-summary").find_all("li")]
    assert "Geben Sie Ihren Namen ein." in summary


def test_the_purge_reports_in_the_site_language_with_its_plurals(site_tree):
    factories.EnquiryFactory(treatment=site_tree.treatment)
    out = io.StringIO()

    with translation.override("de"):
        call_command("purge_enquiries", "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        "Aufbewahrungsfrist: 365 Tage, aus den Klinikeinstellungen der "
        "Standard-Website.",
        "Probelauf: 0 Anfragen sind älter als 365 Tage; nichts wurde gelöscht.",
    ]


def test_the_clinic_notification_is_written_in_the_site_language(site_tree):
    enquiry = factories.EnquiryFactory.build(
        pk=12,
        treatment=site_tree.treatment,
        treatment_title="Laser skin rejuvenation",
        created_at=timezone.make_aware(datetime.datetime(2025, 3, 5, 14, 30)),
    )

    with translation.override("de"):
        message = build_message(enquiry, ["clinic@example.com"])

    assert message.subject == "Neue Anfrage zu Laser skin rejuvenation"
    assert message.body.startswith(
        "Am 05 März 2025 um 14:30 ist eine neue Anfrage zur Eignung für "
        "Laser skin rejuvenation eingegangen."
    )


@pytest.mark.parametrize("catalogue", [PLUGIN_CATALOGUE, DEMO_CATALOGUE])
def test_the_compiled_catalogue_is_committed_and_loads(catalogue):
    with (catalogue / "django.mo").open("rb") as compiled:
        messages = gettext.GNUTranslations(compiled)

    assert messages.info()["language"] == "de"
    assert messages.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"
    po = (catalogue / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po, "a fuzzy entry is left out of the .mo"
    # Every translated entry of the .po is in the .mo (a stale .mo lacks some).
    entries = re.findall(
        r'^(?:msgctxt "(.*)"\n)?msgid "(.+)"\nmsgstr "(.+)"$', po, flags=re.M
    )
    assert entries
    for context, msgid, msgstr in entries:
        msgid, msgstr = msgid.replace('\\"', '"'), msgstr.replace('\\"', '"')
        if context:
            assert messages.pgettext(context, msgid) == msgstr
        else:
            assert messages.gettext(msgid) == msgstr


def test_the_plugins_catalogue_translates_its_messages():
    with translation.override("de"):
        assert translation.gettext("Key facts") == "Das Wichtigste in Kürze"
        assert (
            translation.ngettext(
                "%(counter)s new enquiry", "%(counter)s new enquiries", 3
            )
            % {"counter": 3}
            == "3 neue Anfragen"
        )


# --- Every template's visible words are marked for translation ---

TEMPLATE_DIRS = [
    ROOT / "treatments_cms" / "templates",
    ROOT / "templates",
    ROOT / "home" / "templates",
]
# Templates whose words are still English-only; remove one when it is marked
# (the test below fails until you do).
NOT_YET_MARKED = set()
_NOT_TEXT = [
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}",
    r"{#.*?#}",
    # Marked already; and CSS classes are not words anyone reads.
    r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}",
    r"{%\s*block\s+\w*class\s*%}.*?{%\s*endblock\s*%}",
]
_ATTRIBUTE = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"{]*)"')


def unmarked_words(source):
    """Literal words a reader sees or hears, outside translation tags."""
    for pattern in _NOT_TEXT:
        source = re.sub(pattern, " ", source, flags=re.S)
    words = [value for value in _ATTRIBUTE.findall(source) if value.strip()]
    source = re.sub(r"{%.*?%}|{{.*?}}", " ", source, flags=re.S)
    source = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", source, flags=re.S)
    source = re.sub(r"<[^>]*>", " ", source)
    return words + [word for word in source.split() if re.search(r"[^\W\d_]", word)]


def templates():
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*.html")):
            yield path.relative_to(directory).as_posix(), path


def test_the_check_finds_unmarked_words():
    assert unmarked_words('<p title="Open">Hello {{ name }}</p>') == [
        "Open",
        "Hello",
    ]
    assert not unmarked_words(
        '{% load i18n %}<p title="{% translate "Open" %}">{% blocktranslate %}'
        "Hello {{ name }}{% endblocktranslate %}</p>"
    )


@pytest.mark.parametrize(("name", "path"), list(templates()), ids=lambda v: str(v))
def test_every_visible_word_is_marked_for_translation(name, path):
    words = unmarked_words(path.read_text(encoding="utf-8"))

    if name in NOT_YET_MARKED:
        assert words, f"{name} is marked now: remove it from NOT_YET_MARKED"
    else:
        assert words == [], f"{name} has words not marked for translation"
