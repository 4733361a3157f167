"""What a public page shows, built in Python so templates only loop.

A page's sections, its key facts and the rows of its comparison table come from
the typed fields. A section with no content is left out, so it leaves no
heading, no "On this page" entry and no empty box behind.
"""

import html
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.html import strip_tags

RICH_TEXT_TEMPLATE = "treatments_cms/includes/rich_text_section.html"
NOT_STATED = "Not stated"
# Where one block of rich text ends and the next begins: words must not run on.
_BLOCK_BREAK = re.compile(r"(?i)</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>")


@dataclass(frozen=True)
class PageSection:
    """One section of a page: its anchor, heading and what it shows.

    ``template`` renders ``value``; ``aspect`` is the schema.org health aspect
    the section is published as in the page's structured data.
    """

    anchor: str
    heading: str
    value: Any
    template: str = RICH_TEXT_TEMPLATE
    aspect: str = ""

    @property
    def heading_id(self):
        return f"{self.anchor}-heading"

    @property
    def text(self):
        """The section's visible text when it is rich text, else ""."""
        if self.template != RICH_TEXT_TEMPLATE:
            return ""
        return plain_text(self.value)


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


def text_sections(page, fields):
    """Sections for each ``(field, anchor, heading)`` whose rich text has content."""
    aspects = getattr(page, "health_aspects", {})
    return [
        PageSection(
            anchor=anchor,
            heading=heading,
            value=getattr(page, field),
            aspect=aspects.get(field, ""),
        )
        for field, anchor, heading in fields
        if plain_text(getattr(page, field, ""))
    ]


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
    name="No treatment",
    sessions="None",
    downtime="None",
    results_last="Not applicable",
    invasiveness="None",
    note=(
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
            note="This treatment",
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
