"""How a public page is presented: its sections, key facts and comparison rows.

The one presentation module. The models hold data and queries; this module
decides what a page shows, in what order, under which heading and through
which template:

- ``TREATMENT_SECTIONS``, ``CONDITION_SECTIONS`` and ``ALTERNATIVE_SECTIONS``
  list each page type's sections in page order: anchor, heading, the field (or
  linked data) each reads, its generic template and its schema.org health
  aspect (published in the page's JSON-LD).
- Each section renders through the first template that exists of
  ``treatments_cms/sections/<page type>/<anchor>.html`` and its generic
  ``treatments_cms/sections/<template>.html``, so a project restyles one
  section (say the Risks of treatment pages) by adding one template.
- A section with no content is left out, so it leaves no heading, no "On this
  page" entry and no empty box behind.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SECTION_TEMPLATES = "treatments_cms/sections"
RICH_TEXT = "rich_text"
# An unknown fact of a comparison row: this object itself (it is compared by
# identity, so no comparison translates it), shown as "Not stated".
NOT_STATED = _("Not stated")
# Where one block of rich text ends and the next begins: words must not run on.
_BLOCK_BREAK = re.compile(r"(?i)</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>")


def _more_about(page):
    """The heading of a treatment's extra prose: "More about laser peels"."""
    return gettext("More about %(title)s") % {
        "title": f"{page.title[:1].lower()}{page.title[1:]}"
    }


@dataclass(frozen=True)
class Section:
    """One section a page type can show.

    ``source`` names the page field the section reads, or the linked data the
    page passes in (``condition_links``, ``comparison``...). ``template`` is
    the generic template under ``treatments_cms/sections/`` used when no
    ``treatments_cms/sections/<page type>/<anchor>.html`` exists. ``heading``
    is a translatable string, or a callable taking the page.
    """

    anchor: str
    heading: str | Callable[[Any], str]
    source: str
    template: str = RICH_TEXT
    aspect: str = ""

    def template_names(self, page_type):
        """Where the section's markup is looked for, most specific first."""
        return (
            f"{SECTION_TEMPLATES}/{page_type}/{self.anchor}.html",
            f"{SECTION_TEMPLATES}/{self.template}.html",
        )

    def heading_for(self, page):
        return self.heading(page) if callable(self.heading) else self.heading


# Each page type's sections, in page order.
TREATMENT_SECTIONS = (
    Section(
        "how-it-works",
        _("How it works"),
        "how_it_works",
        aspect="HowItWorksHealthAspect",
    ),
    Section(
        "conditions", _("Conditions it treats"), "condition_links", "condition_cards"
    ),
    Section("benefits", _("Benefits"), "benefits", aspect="BenefitsHealthAspect"),
    Section(
        "limitations",
        _("What it cannot do"),
        "limitations",
        aspect="EffectivenessHealthAspect",
    ),
    Section(
        "risks",
        _("Risks and side effects"),
        "risks",
        aspect="RisksOrComplicationsHealthAspect",
    ),
    Section(
        "suitability", _("Who it suits"), "suitability", aspect="SafetyHealthAspect"
    ),
    Section(
        "contraindications",
        _("Who should not have it"),
        "contraindications",
        aspect="SafetyHealthAspect",
    ),
    Section(
        "preparation",
        _("Before a session"),
        "preparation",
        aspect="HowOrWhereHealthAspect",
    ),
    Section(
        "recovery",
        _("Recovery and downtime"),
        "recovery",
        aspect="SelfCareHealthAspect",
    ),
    Section("more", _more_about, "body", "stream"),
    Section(
        "where",
        _("Where you can have it"),
        "location_offers",
        "location_offer_cards",
    ),
    Section(
        "practitioners",
        _("Who performs it"),
        "practitioners",
        "practitioner_cards",
    ),
    Section("comparison", _("How it compares"), "comparison", "comparison"),
    Section("evidence", _("Evidence and guidance"), "evidence_sources", "evidence"),
)
CONDITION_SECTIONS = (
    Section("symptoms", _("Symptoms"), "symptoms", aspect="SymptomsHealthAspect"),
    Section("causes", _("Causes"), "causes", aspect="CausesHealthAspect"),
    Section(
        "treatments",
        _("Treatments for this condition"),
        "treatment_links",
        "treatment_cards",
        aspect="TreatmentsHealthAspect",
    ),
    Section(
        "alternatives",
        _("Other options"),
        "alternatives",
        "alternative_cards",
        aspect="TreatmentsHealthAspect",
    ),
)
LOCATION_SECTIONS = (
    Section("opening-hours", _("Opening hours"), "opening_hours", "opening_hours"),
    Section(
        "treatments", _("Treatments here"), "treatment_offers", "location_treatments"
    ),
    Section("team", _("Who works here"), "practitioners", "practitioner_cards"),
    Section("accessibility", _("Accessibility"), "accessibility_notes"),
    Section("getting-here", _("Getting here"), "travel_notes"),
)
ALTERNATIVE_SECTIONS = (
    Section(
        "how-it-works",
        _("How it works"),
        "how_it_works",
        aspect="HowItWorksHealthAspect",
    ),
    Section(
        "risks",
        _("Risks and side effects"),
        "risks",
        aspect="RisksOrComplicationsHealthAspect",
    ),
    Section("conditions", _("What it can address"), "conditions", "page_links"),
    Section(
        "treatments",
        _("Treatments it is an alternative to"),
        "treatments",
        "page_links",
    ),
)


@dataclass(frozen=True)
class PageSection:
    """One section as a page shows it: anchor, heading, value and templates.

    ``{% include section.templates %}`` renders the first template that
    exists; ``aspect`` is the schema.org health aspect the section is
    published as in the page's structured data.
    """

    anchor: str
    heading: str
    value: Any
    templates: tuple[str, ...] = ()
    aspect: str = ""
    rich_text: bool = False
    # The visible text, when ``build_sections`` has worked it out already.
    known_text: str | None = field(default=None, repr=False, compare=False)

    @property
    def heading_id(self):
        return f"{self.anchor}-heading"

    @property
    def text(self):
        """The section's visible text when it is rich text, else ""."""
        if self.known_text is not None:
            return self.known_text
        return plain_text(self.value) if self.rich_text else ""


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str


@dataclass(frozen=True)
class ComparisonColumn:
    """A fact the comparison sets side by side: the row attribute and its heading."""

    key: str
    label: str


# The facts compared, in column order.
COMPARISON_COLUMNS = (
    ComparisonColumn("sessions", _("Sessions")),
    ComparisonColumn("downtime", _("Downtime")),
    ComparisonColumn("results_last", _("Results last")),
    ComparisonColumn("invasiveness", _("Invasiveness")),
)


@dataclass(frozen=True)
class ComparisonCell:
    """One fact of one option: its column's label (for the phone layout), its
    value, and whether the option states it (``False``: "Not stated")."""

    label: str
    value: str
    stated: bool = True


@dataclass(frozen=True)
class ComparisonRow:
    """A row of the comparison: the treatment, an alternative, or no treatment.

    ``is_baseline`` marks the "no treatment" row, which states every fact and
    so never decides which columns are shown. ``cells`` holds the row's
    values of the columns shown, set by ``comparison_table``.
    """

    name: str
    page: Any = None
    sessions: str = NOT_STATED
    downtime: str = NOT_STATED
    results_last: str = NOT_STATED
    invasiveness: str = NOT_STATED
    note: str = ""
    is_current: bool = False
    is_baseline: bool = False
    cells: tuple = ()


def plain_text(value):
    """The visible text of a rich-text (or plain) value, stripped; "" when empty."""
    text = strip_tags(_BLOCK_BREAK.sub(" ", str(value or "")))
    return " ".join(html.unescape(text).split())


def build_sections(page, page_type, sections, data=None):
    """The ``sections`` that have content, in order, ready for the templates.

    Each reads ``data[section.source]`` when the page passed it in, else the
    page's field of that name. Rich text with no visible words, and empty
    lists and streams, leave the section out. Nothing here queries.
    """
    data = data or {}
    shown = []
    for section in sections:
        if section.source in data:
            value = data[section.source]
        else:
            value = getattr(page, section.source, None)
        rich_text = section.template == RICH_TEXT
        text = plain_text(value) if rich_text else None
        if not (text if rich_text else value):
            continue
        shown.append(
            PageSection(
                anchor=section.anchor,
                # Translated once: the heading is shown in several places.
                heading=str(section.heading_for(page)),
                value=value,
                templates=section.template_names(page_type),
                aspect=section.aspect,
                rich_text=rich_text,
                known_text=text,
            )
        )
    return shown


def treatment_sections(
    page, condition_links, alternative_links, location_offers=(), practitioners=()
):
    """A treatment page's sections: text, linked conditions, where and who,
    comparison, evidence."""
    comparison = comparison_table(comparison_rows(page, alternative_links))
    return build_sections(
        page,
        "treatment",
        TREATMENT_SECTIONS,
        {
            "condition_links": condition_links,
            "comparison": comparison,
            "location_offers": list(location_offers),
            "practitioners": list(practitioners),
        },
    )


def condition_sections(page, treatment_links, alternatives):
    """A condition page's sections: text, then what treats it and other options."""
    return build_sections(
        page,
        "condition",
        CONDITION_SECTIONS,
        {"treatment_links": treatment_links, "alternatives": alternatives},
    )


def location_sections(page, treatment_offers, practitioner_links, hours=None):
    """A location page's sections: hours, treatments and prices, team, visiting.

    ``hours`` is the opening-hours context (``get_opening_hours_context()``);
    the section shows whenever any day has hours or a change is coming.
    """
    hours = hours or {}
    has_hours = any(rows for _day, _label, rows in hours.get("week", ())) or bool(
        hours.get("upcoming_exceptions")
    )
    return build_sections(
        page,
        "location",
        LOCATION_SECTIONS,
        {
            "opening_hours": hours if has_hours else None,
            "treatment_offers": list(treatment_offers),
            "practitioners": list(practitioner_links),
        },
    )


def alternative_sections(page, condition_links, treatments):
    """An alternative page's sections: text, then the pages it links to."""
    return build_sections(
        page,
        "alternative",
        ALTERNATIVE_SECTIONS,
        {
            "conditions": [link.condition for link in condition_links],
            "treatments": treatments,
        },
    )


def _key_facts(facts):
    return [KeyFact(label, value) for label, value in facts if value]


def treatment_key_facts(page, location_offers=(), currency="GBP"):
    """A treatment's key-facts box: only the facts that are known.

    The price is the lowest across ``location_offers`` (the clinics offering
    the treatment, with their local prices), else the treatment's own.
    """
    sessions = page.sessions_display
    if sessions and page.session_interval_display:
        sessions = gettext("%(sessions)s, %(interval)s apart") % {
            "sessions": sessions,
            "interval": page.session_interval_display,
        }
    price = price_fact(page, location_offers, currency)
    return _key_facts(
        [
            (_("Sessions"), sessions),
            (_("Results last"), page.results_last_display),
            (_("Downtime"), page.downtime_display.capitalize()),
            (_("Invasiveness"), invasiveness_of(page)),
            (_("Price from"), price),
        ]
    )


def choice_label(instance, name):
    """``instance.get_<name>_display()``, translating only the chosen label.

    Django's own looks the value up in a dict of every choice, built per call
    with each label translated to be hashed; a page shows a dozen of these.
    """
    value = getattr(instance, name)
    for key, label in instance._meta.get_field(name).flatchoices:
        if key == value:
            return str(label)
    return value


def invasiveness_of(page):
    """How invasive a treatment or alternative is, as people read it; "" if unknown."""
    if not getattr(page, "invasiveness", ""):
        return ""
    return choice_label(page, "invasiveness")


def alternative_key_facts(page):
    """An alternative's facts box: only the facts that are known."""
    return _key_facts(
        [
            (_("Sessions"), page.sessions_display),
            (_("Results last"), page.results_last_display),
            (_("Downtime"), page.downtime_display.capitalize()),
            (_("Invasiveness"), invasiveness_of(page)),
        ]
    )


# The symbol written before an amount, by ISO 4217 currency code; another
# currency is written as its code ("SEK 1,200").
CURRENCY_SYMBOLS = {
    "GBP": "£",
    "EUR": "€",
    "USD": "$",
    "AUD": "A$",
    "CAD": "CA$",
    "CHF": "CHF\u00a0",
}


def format_price(amount, currency="GBP"):
    """An amount for people in ``currency``: "£150", "€149.50", "$1,200"."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    code = (currency or "GBP").upper()
    symbol = CURRENCY_SYMBOLS.get(code, f"{code}\u00a0")
    if amount == amount.to_integral_value():
        return f"{symbol}{amount:,.0f}"
    return f"{symbol}{amount:,.2f}"


def lowest_price(offers):
    """The offer with the lowest local price (the first such, in order), or None."""
    priced = [offer for offer in offers if offer.price_from is not None]
    return min(priced, key=lambda offer: offer.price_from, default=None)


def price_fact(page, offers=(), currency="GBP"):
    """The "Price from" key fact: the lowest price across the clinics offering it.

    "from £180 at Leeds, confirmed at consultation"; without any local price,
    the treatment's own "price from"; "" when no price is known.
    """
    cheapest = lowest_price(offers)
    if cheapest is not None:
        return gettext("%(price)s at %(location)s, confirmed at consultation") % {
            "price": format_price(cheapest.price_from, currency),
            "location": cheapest.page.title,
        }
    if page.price_from is None:
        return ""
    return gettext("%(price)s, confirmed at consultation") % {
        "price": format_price(page.price_from, currency)
    }


def facts_of(page):
    """The comparison facts of a page that has them, "Not stated" where unknown."""

    def fact(name):
        value = getattr(page, name, "")
        return value[:1].upper() + value[1:] if value else NOT_STATED

    return {
        "sessions": fact("sessions_display"),
        "downtime": fact("downtime_display"),
        "results_last": fact("results_last_display"),
        "invasiveness": invasiveness_of(page) or NOT_STATED,
    }


NO_TREATMENT_ROW = ComparisonRow(
    name=_("No treatment"),
    sessions=_("None"),
    downtime=_("None"),
    results_last=_("Not applicable"),
    invasiveness=_("None"),
    note=_(
        "No cost and no risk from treatment; the skin changes at its natural "
        "pace. A GP can check anything that worries you."
    ),
    is_baseline=True,
)


def comparison_rows(page, alternative_links):
    """This treatment, each live alternative, then "no treatment", side by side."""
    rows = [
        ComparisonRow(
            name=page.title,
            page=page,
            note=_("This treatment"),
            is_current=True,
            **facts_of(page),
        )
    ]
    rows.extend(
        ComparisonRow(
            name=link.target.title,
            page=link.target,
            note=link.comparison_note,
            **facts_of(link.target),
        )
        for link in alternative_links
    )
    rows.append(NO_TREATMENT_ROW)
    return rows


def stated_columns(rows):
    """The facts at least one real option states; "no treatment" does not count.

    A fact no option states would be a column of "Not stated": it is left out.
    """
    options = [row for row in rows if not row.is_baseline]
    return tuple(
        column
        for column in COMPARISON_COLUMNS
        if any(getattr(row, column.key) is not NOT_STATED for row in options)
    )


def shows_invasiveness(rows):
    """Whether any real option states how invasive it is (the column is shown then)."""
    return any(column.key == "invasiveness" for column in stated_columns(rows))


def comparison_table(rows):
    """What the comparison template needs: the columns shown, each row's cells.

    ``{"columns": [...], "rows": [...], "show_invasiveness": bool}``; each row
    carries ``cells``, its values of the columns shown, in order.
    """
    columns = stated_columns(rows)
    # Each label and "Not stated" translated once for the whole table.
    labels = [(column.key, str(column.label)) for column in columns]
    not_stated = str(NOT_STATED)

    def cell(label, value):
        if value is NOT_STATED:
            return ComparisonCell(label, not_stated, stated=False)
        return ComparisonCell(label, value)

    rows = [
        replace(
            row,
            cells=tuple(cell(label, getattr(row, key)) for key, label in labels),
        )
        for row in rows
    ]
    return {
        "columns": columns,
        "rows": rows,
        "show_invasiveness": any(c.key == "invasiveness" for c in columns),
    }
