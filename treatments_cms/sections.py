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
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SECTION_TEMPLATES = "treatments_cms/sections"
RICH_TEXT = "rich_text"
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

    @property
    def heading_id(self):
        return f"{self.anchor}-heading"

    @property
    def text(self):
        """The section's visible text when it is rich text, else ""."""
        return plain_text(self.value) if self.rich_text else ""


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str


@dataclass(frozen=True)
class ComparisonRow:
    """A row of the comparison table: the treatment, an alternative, or nothing."""

    name: str
    page: Any = None
    sessions: str = NOT_STATED
    downtime: str = NOT_STATED
    results_last: str = NOT_STATED
    invasiveness: str = NOT_STATED
    note: str = ""
    is_current: bool = False


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
        if not (plain_text(value) if rich_text else value):
            continue
        shown.append(
            PageSection(
                anchor=section.anchor,
                heading=section.heading_for(page),
                value=value,
                templates=section.template_names(page_type),
                aspect=section.aspect,
                rich_text=rich_text,
            )
        )
    return shown


def treatment_sections(page, condition_links, alternative_links):
    """A treatment page's sections: text, linked conditions, comparison, evidence."""
    rows = comparison_rows(page, alternative_links)
    comparison = {"rows": rows, "show_invasiveness": shows_invasiveness(rows)}
    return build_sections(
        page,
        "treatment",
        TREATMENT_SECTIONS,
        {"condition_links": condition_links, "comparison": comparison},
    )


def condition_sections(page, treatment_links, alternatives):
    """A condition page's sections: text, then what treats it and other options."""
    return build_sections(
        page,
        "condition",
        CONDITION_SECTIONS,
        {"treatment_links": treatment_links, "alternatives": alternatives},
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


def treatment_key_facts(page):
    """A treatment's key-facts box: only the facts that are known."""
    sessions = page.sessions_display
    if sessions and page.session_interval_display:
        sessions = gettext("%(sessions)s, %(interval)s apart") % {
            "sessions": sessions,
            "interval": page.session_interval_display,
        }
    price = page.price_from_display
    if price:
        price = gettext("%(price)s, confirmed at consultation") % {"price": price}
    return _key_facts(
        [
            (_("Sessions"), sessions),
            (_("Results last"), page.results_last_display),
            (_("Downtime"), page.downtime_display.capitalize()),
            (_("Price from"), price),
        ]
    )


def alternative_key_facts(page):
    """An alternative's facts box: only the facts that are known."""
    return _key_facts(
        [
            (_("Sessions"), page.sessions_display),
            (_("Results last"), page.results_last_display),
            (_("Downtime"), page.downtime_display.capitalize()),
            (_("Invasiveness"), page.get_invasiveness_display()),
        ]
    )


def format_price(amount):
    """Pounds for people: "£150", "£149.50", "£1,200"."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def facts_of(page):
    """The comparison facts of a page that has them, "Not stated" where unknown."""

    def fact(name):
        value = getattr(page, name, "")
        return value[:1].upper() + value[1:] if value else NOT_STATED

    invasiveness = ""
    if getattr(page, "invasiveness", ""):
        invasiveness = page.get_invasiveness_display()
    return {
        "sessions": fact("sessions_display"),
        "downtime": fact("downtime_display"),
        "results_last": fact("results_last_display"),
        "invasiveness": invasiveness or NOT_STATED,
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


def shows_invasiveness(rows):
    """Whether any real option states how invasive it is (the column is shown then)."""
    return any(
        row.invasiveness != NOT_STATED for row in rows if row is not NO_TREATMENT_ROW
    )
