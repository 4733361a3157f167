"""The concrete default pages: each combines its abstract base with Wagtail's ``Page``.

The abstract bases, holding fields, panels, page-type rules and query methods,
live in ``treatments.py``, ``conditions.py``, ``alternatives.py``,
``locations.py`` and ``indexes.py``. Each default is swappable: a project names its own model,
built on the abstract base and its own base page, in
``TREATMENTS_CMS_<MODEL>_MODEL`` (see ``treatments_cms.swappable``).
"""

import swapper
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .alternatives import AbstractAlternativeIndexPage, AbstractAlternativePage
from .conditions import AbstractConditionIndexPage, AbstractConditionPage
from .locations import AbstractLocationIndexPage, AbstractLocationPage
from .treatments import AbstractTreatmentIndexPage, AbstractTreatmentPage


class TreatmentIndexPage(AbstractTreatmentIndexPage, Page):
    """The treatments section: one per site, listing every treatment."""

    content_panels = [*Page.content_panels, *AbstractTreatmentIndexPage.content_panels]

    class Meta:
        verbose_name = _("treatment index page")
        swappable = swapper.swappable_setting("treatments_cms", "TreatmentIndexPage")


class TreatmentPage(AbstractTreatmentPage, Page):
    """A treatment page built from typed facts, linked to conditions and alternatives."""

    search_fields = [*Page.search_fields, *AbstractTreatmentPage.search_fields]

    content_panels = [*Page.content_panels, *AbstractTreatmentPage.content_panels]

    class Meta:
        verbose_name = _("treatment page")
        swappable = swapper.swappable_setting("treatments_cms", "TreatmentPage")


class ConditionIndexPage(AbstractConditionIndexPage, Page):
    """The conditions section: one per site, listing every condition."""

    content_panels = [*Page.content_panels, *AbstractConditionIndexPage.content_panels]

    class Meta:
        verbose_name = _("condition index page")
        swappable = swapper.swappable_setting("treatments_cms", "ConditionIndexPage")


class ConditionPage(AbstractConditionPage, Page):
    """A skin condition; its treatments come from the treatments' own links."""

    search_fields = [*Page.search_fields, *AbstractConditionPage.search_fields]

    content_panels = [*Page.content_panels, *AbstractConditionPage.content_panels]

    class Meta:
        verbose_name = _("condition page")
        swappable = swapper.swappable_setting("treatments_cms", "ConditionPage")


class AlternativeIndexPage(AbstractAlternativeIndexPage, Page):
    """The alternatives section: one per site, listing every alternative."""

    content_panels = [
        *Page.content_panels,
        *AbstractAlternativeIndexPage.content_panels,
    ]

    class Meta:
        verbose_name = _("alternative index page")
        swappable = swapper.swappable_setting("treatments_cms", "AlternativeIndexPage")


class AlternativePage(AbstractAlternativePage, Page):
    """An alternative to the clinic's treatments, with facts for comparison."""

    search_fields = [*Page.search_fields, *AbstractAlternativePage.search_fields]

    content_panels = [*Page.content_panels, *AbstractAlternativePage.content_panels]

    class Meta:
        verbose_name = _("alternative page")
        swappable = swapper.swappable_setting("treatments_cms", "AlternativePage")


class LocationIndexPage(AbstractLocationIndexPage, Page):
    """The clinics section: one per site, listing every clinic of the group."""

    content_panels = [*Page.content_panels, *AbstractLocationIndexPage.content_panels]

    class Meta:
        verbose_name = _("locations index page")
        swappable = swapper.swappable_setting("treatments_cms", "LocationIndexPage")


class LocationPage(AbstractLocationPage, Page):
    """One clinic: address, opening hours, treatments and prices, practitioners."""

    search_fields = [*Page.search_fields, *AbstractLocationPage.search_fields]

    content_panels = [*Page.content_panels, *AbstractLocationPage.content_panels]

    class Meta:
        verbose_name = _("location page")
        swappable = swapper.swappable_setting("treatments_cms", "LocationPage")
