"""Risky advertising claims in a page's text, found so editors are warned.

Advertising rules for cosmetic treatments (the CAP Code, enforced by the ASA)
forbid absolute claims ("permanent", "guaranteed", "a cure") and promoting
prescription-only medicines, such as botulinum toxin and its brands, to the
public. ``find_claims()`` names each such phrase and the field it stands in;
the admin shows the findings as warnings, never errors, so an editor decides.

Phrases come from ``TREATMENTS_CMS_CLAIMS_PHRASES`` and match on whole words,
case- and punctuation-insensitively: "Pain-free!" matches "pain-free" and
"pain free", "100 %" matches "100%", but "secure" never matches "cure".
"""

import re
from html import unescape
from typing import NamedTuple

from django.contrib import messages
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from modelcluster.models import get_all_child_relations
from wagtail.admin import messages as admin_messages
from wagtail.fields import StreamField

from .conf import DEFAULT_CLAIMS_PHRASES, app_settings

__all__ = ["DEFAULT_CLAIMS_PHRASES", "Finding", "claims_message", "find_claims"]

# A word is a run of letters or digits; "%" is a word of its own, so "100%"
# and "100 %" both read as "100", "%". Everything else separates words.
WORD = re.compile(r"[^\W_]+|%")
TAG = re.compile(r"<[^>]*>")
# What may stand between the words of one phrase: spaces and hyphens, so
# "pain free" and "pain-free" match while "the best. Results" (two sentences)
# does not match "best results".
JOINER = re.compile(r"[\s\-\u2010\u2011]*")
# Fields that hold no prose a visitor reads as a claim.
SKIPPED_FIELD_TYPES = (models.SlugField, models.URLField, models.EmailField)
SKIPPED_FIELD_NAMES = {"path"}  # the page tree's position


class Finding(NamedTuple):
    """One risky phrase, as the page spells it, and the label of its field."""

    phrase: str
    field: str


def normalise(text):
    """The words of ``text``, case-folded: "Pain-free, 100%!" -> ("pain", "free", "100", "%")."""
    return tuple(match.group().casefold() for match in WORD.finditer(text))


def plain_text(value):
    """Visible text of a plain or rich-text value; tags become word breaks."""
    return unescape(TAG.sub(" ", str(value or "")))


def get_phrases():
    """The configured phrases as word sequences, longest first, without duplicates."""
    phrases = {normalise(phrase) for phrase in app_settings.CLAIMS_PHRASES}
    phrases.discard(())
    return sorted(phrases, key=len, reverse=True)


def match_phrases(text, phrases=None):
    """Each phrase found in ``text``, as ``text`` spells it, in reading order.

    A phrase is reported once per text, at its first occurrence.
    """
    if phrases is None:
        phrases = get_phrases()
    text = plain_text(text)
    words = list(WORD.finditer(text))
    folded = [word.group().casefold() for word in words]
    found = {}
    for phrase in phrases:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(folded[start : start + size]) == phrase and _joined(
                text, words[start : start + size]
            ):
                found[phrase] = (start, words[start], words[start + size - 1])
                break
    ordered = sorted(found.values(), key=lambda hit: hit[0])
    return [text[first.start() : last.end()] for _, first, last in ordered]


def _joined(text, words):
    """True when only spaces or hyphens stand between consecutive ``words``."""
    return all(
        JOINER.fullmatch(text[before.end() : after.start()])
        for before, after in zip(words, words[1:], strict=False)
    )


def field_texts(obj):
    """(field, text) for each editable prose field of ``obj``, in model order."""
    for field in obj._meta.concrete_fields:
        if (
            not field.editable
            or field.name in SKIPPED_FIELD_NAMES
            or field.choices
            or isinstance(field, SKIPPED_FIELD_TYPES)
            or not isinstance(field, (models.CharField, models.TextField, StreamField))
        ):
            continue
        value = getattr(obj, field.attname)
        if isinstance(field, StreamField):
            texts = field.stream_block.get_searchable_content(value)
            yield field, " \n ".join(str(text) for text in texts)
        else:
            yield field, value


def labelled_texts(page):
    """(label, text) for the page's own fields and its link rows' notes."""
    for field, text in field_texts(page):
        yield capfirst(field.verbose_name), text
    for relation in get_all_child_relations(page):
        model = relation.related_model
        # Editors' comments are not published.
        if model._meta.app_label.startswith("wagtail"):
            continue
        relation_label = capfirst(model._meta.verbose_name_plural)
        for row in getattr(page, relation.get_accessor_name()).all():
            for field, text in field_texts(row):
                label = gettext("%(relation)s: %(field)s") % {
                    "relation": relation_label,
                    "field": capfirst(field.verbose_name),
                }
                yield label, text


def find_claims(page):
    """Every risky phrase in ``page`` and the field it stands in, once per field."""
    phrases = get_phrases()
    if not phrases:
        return []
    findings = []
    for label, text in labelled_texts(page):
        for phrase in match_phrases(text, phrases):
            finding = Finding(phrase, str(label))
            if finding not in findings:
                findings.append(finding)
    return findings


def describe(finding):
    """For example “cure” in Summary."""
    return gettext("“%(phrase)s” in %(field)s") % finding._asdict()


def claims_message(findings):
    """One warning naming every finding, or "" when there are none."""
    if not findings:
        return ""
    return ngettext(
        "Check this phrase before publishing: %(findings)s. Advertising rules "
        "forbid absolute claims and promoting prescription-only medicines to "
        "the public.",
        "Check these phrases before publishing: %(findings)s. Advertising rules "
        "forbid absolute claims and promoting prescription-only medicines to "
        "the public.",
        len(findings),
    ) % {"findings": "; ".join(describe(finding) for finding in findings)}


def is_checked_page(page):
    """Whether ``page`` is a treatment, condition or alternative page."""
    from .models.alternatives import AbstractAlternativePage
    from .models.conditions import AbstractConditionPage
    from .models.treatments import AbstractTreatmentPage

    return isinstance(
        page, (AbstractTreatmentPage, AbstractConditionPage, AbstractAlternativePage)
    )


# --- Admin hooks (registered in wagtail_hooks.py) ------------------------------

#: Marks the claims warning, so opening the edit view does not repeat it.
MESSAGE_TAG = "treatments-cms-claims"


def warn(request, page):
    findings = find_claims(page)
    if findings:
        admin_messages.warning(
            request, claims_message(findings), extra_tags=MESSAGE_TAG
        )


def warn_after_save(request, page):
    """``after_create_page`` / ``after_edit_page``: runs for draft, publish and submit."""
    # A background save (autosave) answers in JSON and shows no messages.
    if is_checked_page(page) and request.accepts("text/html"):
        warn(request, page)


def warn_on_open(request, page):
    """``before_edit_page``: the page's current findings when the editor opens it."""
    if request.method != "GET" or not is_checked_page(page):
        return
    storage = messages.get_messages(request)
    already_warned = any(MESSAGE_TAG in message.tags.split() for message in storage)
    # Reading the queue marks it used; keep the messages for the page to show.
    storage.used = False
    if not already_warned:
        warn(request, page)
