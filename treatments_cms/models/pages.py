"""The concrete pages: each combines its abstract mixin with Wagtail's ``Page``.

The mixins, holding fields, panels and query methods, live in ``treatments.py``,
``conditions.py`` and ``alternatives.py``.
"""

from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

from .alternatives import AlternativeIndexPageMixin, AlternativePageMixin
from .conditions import ConditionIndexPageMixin, ConditionPageMixin
from .mixins import PageTypesFromSetting
from .treatments import TreatmentIndexPageMixin, TreatmentPageForm, TreatmentPageMixin

# --- Concrete pages ----------------------------------------------------------


def _tabs(*tabs):
    return TabbedInterface(
        [ObjectList(panels, heading=heading) for heading, panels in tabs]
    )


class TreatmentIndexPage(TreatmentIndexPageMixin, Page):
    """The treatments section: one per site, listing every treatment."""

    content_panels = [*Page.content_panels, *TreatmentIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.TreatmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "treatment index page"


class TreatmentPage(TreatmentPageMixin, Page):
    """A treatment page built from typed facts, linked to conditions and alternatives."""

    search_fields = [*Page.search_fields, *TreatmentPageMixin.search_fields]

    content_panels = [*Page.content_panels, *TreatmentPageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Facts", TreatmentPageMixin.facts_panels),
        ("Links", TreatmentPageMixin.link_panels),
        ("Safety", TreatmentPageMixin.safety_panels),
        ("Review", TreatmentPageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )
    base_form_class = TreatmentPageForm

    parent_page_types = ["treatments_cms.TreatmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "treatment page"


class ConditionIndexPage(ConditionIndexPageMixin, Page):
    """The conditions section: one per site, listing every condition."""

    content_panels = [*Page.content_panels, *ConditionIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.ConditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "condition index page"


class ConditionPage(ConditionPageMixin, Page):
    """A skin condition; its treatments come from the treatments' own links."""

    search_fields = [*Page.search_fields, *ConditionPageMixin.search_fields]

    content_panels = [*Page.content_panels, *ConditionPageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Review", ConditionPageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )

    parent_page_types = ["treatments_cms.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "condition page"


class AlternativeIndexPage(AlternativeIndexPageMixin, Page):
    """The alternatives section: one per site, listing every alternative."""

    content_panels = [*Page.content_panels, *AlternativeIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.AlternativePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "alternative index page"


class AlternativePage(AlternativePageMixin, Page):
    """An alternative to the clinic's treatments, with facts for comparison."""

    search_fields = [*Page.search_fields, *AlternativePageMixin.search_fields]

    content_panels = [*Page.content_panels, *AlternativePageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Facts", AlternativePageMixin.facts_panels),
        ("Links", AlternativePageMixin.link_panels),
        ("Review", AlternativePageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )

    parent_page_types = ["treatments_cms.AlternativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "alternative page"
