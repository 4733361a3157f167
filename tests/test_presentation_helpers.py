"""The shortcuts the public pages take give what Django's own functions give."""

import pytest
from django.utils.functional import lazy
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from tests import factories
from treatments_cms.escaping import escape_html
from treatments_cms.models import TreatmentConditionLink
from treatments_cms.models.alternatives import Invasiveness
from treatments_cms.sections import (
    NOT_STATED,
    ComparisonRow,
    choice_label,
    comparison_table,
)

lazy_safe = lazy(mark_safe, SafeString)


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "<b>\"quoted\" & 'single'</b>",
        mark_safe("<i>already safe</i>"),  # noqa: S308 - a test value
        gettext_lazy("Not stated"),
        lazy_safe("<em>lazy & safe</em>"),
        42,
        None,
        "",
    ],
)
def test_escape_html_is_conditional_escape(value):
    assert escape_html(value) == str(conditional_escape(value))


@pytest.mark.django_db
@pytest.mark.parametrize("value", [*Invasiveness.values, "", "unknown"])
def test_choice_label_is_get_display(value):
    page = factories.TreatmentPageFactory.build(invasiveness=value)
    assert choice_label(page, "invasiveness") == page._get_FIELD_display(
        page._meta.get_field("invasiveness")
    )


@pytest.mark.django_db
def test_the_outcome_label_follows_the_language(site_tree):
    link = TreatmentConditionLink.objects.get(page=site_tree.treatment)
    link.outcome = "improves"
    assert link.get_outcome_display() == "Improves"
    with override("de"):
        assert link.get_outcome_display() != "Improves"
        assert link.get_outcome_display() == str(gettext_lazy("Improves"))


def test_an_unknown_fact_is_not_stated_in_the_table():
    rows = [
        ComparisonRow(name="This", sessions="3 sessions", is_current=True),
        ComparisonRow(name="Other"),  # states nothing
    ]

    table = comparison_table(rows)

    assert [column.key for column in table["columns"]] == ["sessions"]
    this, other = table["rows"]
    assert (this.cells[0].value, this.cells[0].stated) == ("3 sessions", True)
    assert (other.cells[0].value, other.cells[0].stated) == (str(NOT_STATED), False)
    assert isinstance(other.cells[0].label, str)
