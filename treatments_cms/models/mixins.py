"""Abstract building blocks of the plugin's pages.

Behaviour lives here, so a project can combine a mixin with its own base page;
the concrete pages in ``pages.py`` combine each abstract page with Wagtail's
``Page``.
"""

import datetime
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.signals import setting_changed
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from .. import swappable
from ..conf import app_settings
from ..middleware import query_value
from ..stemming import stem_text

RICH_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class LazyPageTypes:
    """A ``parent_page_types`` or ``subpage_types`` computed when Wagtail asks.

    Wagtail caches the result per class; ``_forget_lazy_page_types`` drops the
    cache when a ``TREATMENTS_CMS_*`` setting changes (``override_settings``).
    """

    def __get__(self, instance, owner):
        return self.get_page_types(owner)

    def get_page_types(self, owner):
        raise NotImplementedError


class PageTypesFromSetting(LazyPageTypes):
    """Page types read from a ``TREATMENTS_CMS_*`` setting.

    Lets a reusable page declare ``parent_page_types`` without importing the
    project's own page models (the plugin never imports the project).
    """

    def __init__(self, setting_name):
        self.setting_name = setting_name

    def get_page_types(self, owner):
        return getattr(app_settings, self.setting_name)


class PageFamily(LazyPageTypes):
    """The page model in use for a swappable default, with every page type built on it.

    ``PageFamily("TreatmentPage")`` is the model ``TREATMENTS_CMS_TREATMENTPAGE_MODEL``
    names and its subclasses, so a project's subclass of a treatment page can
    be created wherever a treatment page can, and a swapped-out default
    nowhere.
    """

    def __init__(self, model_name):
        self.model_name = model_name

    def get_page_types(self, owner):
        return self.family(self.model_name)

    @staticmethod
    def family(model_name):
        from wagtail.models import get_page_models

        model = swappable.get_model(model_name)
        return [page for page in get_page_models() if issubclass(page, model)]


class ListedPageFamily(PageFamily):
    """An index page's ``subpage_types``: the family of the model it lists.

    Reads the index class's ``listed_model_name``, so one abstract index page
    serves the three sections.
    """

    def __init__(self):
        super().__init__(model_name=None)

    def get_page_types(self, owner):
        return self.family(owner.listed_model_name)


@receiver(setting_changed)
def _forget_lazy_page_types(*, setting, **kwargs):
    """Wagtail caches a page type's rules; drop the cache when a setting changes."""
    if not setting.startswith(app_settings.prefix):
        return
    from wagtail.models import get_page_models

    for model in get_page_models():
        for name, cache in (
            ("parent_page_types", "_clean_parent_page_models"),
            ("subpage_types", "_clean_subpage_models"),
        ):
            if any(
                isinstance(vars(klass).get(name), LazyPageTypes)
                for klass in model.__mro__
            ):
                setattr(model, cache, None)


class TabbedEditHandlerMixin:
    """Builds the page editor's tabs from the class's panel lists when first asked for.

    Each tab shows one panel list (``content_panels``, ``facts_panels``, ...); a
    list the class lacks or leaves empty gives no tab. A subclass that adds a
    field and a panel for it to one of the lists sees the field in that tab.
    A class that sets ``edit_handler`` itself keeps it, as with Wagtail's pages.
    """

    edit_tabs = [
        (_("Content"), "content_panels"),
        (_("Facts"), "facts_panels"),
        (_("Links"), "link_panels"),
        (_("Safety"), "safety_panels"),
        (_("Review"), "review_panels"),
        (_("Promote"), "promote_panels"),
        (_("Settings"), "settings_panels"),
    ]

    @cached_classmethod
    def get_edit_handler(cls):
        """The tabbed editor for this page type, built once per class."""
        edit_handler = getattr(cls, "edit_handler", None)
        if cls._meta.swapped:
            # A default the project replaced: Wagtail still lists it among the
            # page types, but its links now belong to the replacement.
            edit_handler = TabbedInterface([], base_form_class=cls.base_form_class)
        elif edit_handler is None:
            edit_handler = TabbedInterface(
                [
                    ObjectList(panels, heading=heading)
                    for heading, attribute in cls.edit_tabs
                    if (panels := getattr(cls, attribute, None))
                ],
                base_form_class=cls.base_form_class,
            )
        return edit_handler.bind_to_model(cls)


class SummaryMixin(models.Model):
    """A plain-text summary, shown under the heading, on cards and as meta description."""

    summary = models.TextField(
        max_length=300,
        help_text=_(
            "One or two plain sentences, under 300 characters. Shown under the "
            "page heading, on cards and to search engines."
        ),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
        help_text=_(
            "Optional picture shown at the top of the page, on cards that link "
            "to it and when the page is shared."
        ),
    )
    hero_image_alt = models.CharField(
        _("picture description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it, e.g. 'A "
            "practitioner holding a handheld laser near a client's cheek'. "
            "Required unless the picture is only decoration."
        ),
    )
    hero_image_decorative = models.BooleanField(
        _("the picture is only decoration"),
        default=False,
        help_text=_(
            "Tick when the picture adds no information (a pattern or mood "
            "picture): screen readers then skip it."
        ),
    )

    # The fields whose words the site search also finds in another form
    # ("vein" finds "veins"); a subclass adds its own (see treatments_cms.stemming).
    stemmed_search_fields = ("title", "summary")

    image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading=_("Picture"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        # Gather the other mixins' errors too, so the editor sees them all at once.
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if (
            self.image_id
            and not self.hero_image_decorative
            and not (self.hero_image_alt or "").strip()
        ):
            errors.setdefault("hero_image_alt", []).append(
                gettext(
                    "Describe what the picture shows, or tick 'the picture is "
                    "only decoration'."
                )
            )
        if errors:
            raise ValidationError(errors)

    @property
    def hero_image(self):
        """The page's picture: shown at the top, on cards and as og:image."""
        return self.image

    @property
    def hero_image_alt_text(self):
        """The ``alt`` text of the page's picture: "" when it is decoration."""
        if self.hero_image_decorative:
            return ""
        return (self.hero_image_alt or "").strip()

    def get_meta_description(self):
        """The page's meta description: the SEO text if set, else the summary."""
        return getattr(self, "search_description", "") or self.summary

    def search_stems(self):
        """The stems of the page's main words, indexed so plurals find singulars."""
        return stem_text(
            *(getattr(self, name, "") for name in self.stemmed_search_fields)
        )

    def prefetch_image(self):
        """Load the page's picture with all its renditions: two queries in all.

        The hero, the og:image and any other rendition of it then come from
        memory, so the page's query count does not depend on how often the
        templates show it.
        """
        if self.image_id:
            prefetch_related_objects([self], "image__renditions")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_image()
        return context


DEFAULT_REVIEW_INTERVAL_DAYS = 365


def review_interval_days(model):
    """Days from a review of a ``model`` page to its next one.

    ``TREATMENTS_CMS_REVIEW_INTERVAL_DAYS`` is a number of days for every page
    type, or a dict keyed by model label ("treatments_cms.TreatmentPage", any
    case), where a page type not named takes the ``"default"`` entry (365 days
    without one). A subclass takes its parent's entry unless it has its own.
    """
    setting = app_settings.REVIEW_INTERVAL_DAYS
    if not isinstance(setting, dict):
        return int(setting)
    by_label = {str(label).lower(): days for label, days in setting.items()}
    for klass in model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in by_label:
            return int(by_label[meta.label_lower])
    return int(by_label.get("default", DEFAULT_REVIEW_INTERVAL_DAYS))


class ReviewMixin(models.Model):
    """Clinical review dates and reviewer, rendered as "Page last reviewed"."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text=_("The date a clinician last checked this page is accurate."),
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "When the page should next be checked. Left empty, it is set from "
            "the last review date and the clinic's review interval."
        ),
    )
    reviewed_by = models.ForeignKey(
        swappable.get_practitioner_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The practitioner who reviewed this page."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("last_reviewed"), FieldPanel("next_review_due")]
                ),
                FieldPanel("reviewed_by"),
            ],
            heading=_("Clinical review"),
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = self.last_reviewed + datetime.timedelta(
                days=review_interval_days(type(self))
            )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due < self.last_reviewed
        ):
            raise ValidationError(
                {
                    "next_review_due": gettext(
                        "The next review must come after the last one."
                    )
                }
            )

    @property
    def review_overdue(self):
        return bool(
            self.next_review_due and self.next_review_due < timezone.now().date()
        )


class DurationUnit(models.TextChoices):
    DAYS = "days", _("days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")


class RangePhrases(NamedTuple):
    """How a range of one unit reads, each phrase a plural chosen by ``count``."""

    exact: Any
    up_to: Any
    or_more: Any
    between: Any


# The phrases of each unit a range may be in, keyed by the unit's plural name
# (a ``DurationUnit`` value, or "sessions"). ``count`` is the number the noun
# follows: the upper bound of a range.
RANGE_PHRASES = {
    "sessions": RangePhrases(
        ngettext_lazy("%(count)s session", "%(count)s sessions", "count"),
        ngettext_lazy("up to %(count)s session", "up to %(count)s sessions", "count"),
        ngettext_lazy(
            "%(count)s or more sessions", "%(count)s or more sessions", "count"
        ),
        ngettext_lazy(
            "%(low)s to %(count)s session", "%(low)s to %(count)s sessions", "count"
        ),
    ),
    DurationUnit.DAYS: RangePhrases(
        ngettext_lazy("%(count)s day", "%(count)s days", "count"),
        ngettext_lazy("up to %(count)s day", "up to %(count)s days", "count"),
        ngettext_lazy("%(count)s or more days", "%(count)s or more days", "count"),
        ngettext_lazy("%(low)s to %(count)s day", "%(low)s to %(count)s days", "count"),
    ),
    DurationUnit.WEEKS: RangePhrases(
        ngettext_lazy("%(count)s week", "%(count)s weeks", "count"),
        ngettext_lazy("up to %(count)s week", "up to %(count)s weeks", "count"),
        ngettext_lazy("%(count)s or more weeks", "%(count)s or more weeks", "count"),
        ngettext_lazy(
            "%(low)s to %(count)s week", "%(low)s to %(count)s weeks", "count"
        ),
    ),
    DurationUnit.MONTHS: RangePhrases(
        ngettext_lazy("%(count)s month", "%(count)s months", "count"),
        ngettext_lazy("up to %(count)s month", "up to %(count)s months", "count"),
        ngettext_lazy("%(count)s or more months", "%(count)s or more months", "count"),
        ngettext_lazy(
            "%(low)s to %(count)s month", "%(low)s to %(count)s months", "count"
        ),
    ),
    DurationUnit.YEARS: RangePhrases(
        ngettext_lazy("%(count)s year", "%(count)s years", "count"),
        ngettext_lazy("up to %(count)s year", "up to %(count)s years", "count"),
        ngettext_lazy("%(count)s or more years", "%(count)s or more years", "count"),
        ngettext_lazy(
            "%(low)s to %(count)s year", "%(low)s to %(count)s years", "count"
        ),
    ),
}


def format_range(low, high, unit):
    """Render a typed range for people: "3 to 5 sessions", "1 year", "up to 2 weeks".

    ``unit`` is the plural name of a unit in ``RANGE_PHRASES`` ("sessions",
    "days", "weeks", "months", "years"); the noun agrees with the number it
    follows, the upper bound of a range.
    """
    if low is None and high is None:
        return ""
    phrases = RANGE_PHRASES[unit]
    if low is None:
        return phrases.up_to % {"count": high}
    if high is None:
        return phrases.or_more % {"count": low}
    if low == high:
        return phrases.exact % {"count": low}
    return phrases.between % {"low": low, "count": high}


def format_count(count, unit):
    """A number with its unit for people: "1 month", "4 weeks"; "" for no number."""
    return format_range(count, count, unit)


def _validate_range(errors, low, high, field, message):
    if low is not None and high is not None and low > high:
        errors[field] = message % {"low": low}


class ComparisonFactsMixin(models.Model):
    """Typed facts that sit side by side in a comparison table."""

    sessions_min = models.PositiveSmallIntegerField(
        _("fewest sessions"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Fewest sessions a course usually needs, e.g. 3."),
    )
    sessions_max = models.PositiveSmallIntegerField(
        _("most sessions"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Most sessions a course usually needs, e.g. 5. Same as the "
            "fewest for a fixed number."
        ),
    )
    results_last_min = models.PositiveSmallIntegerField(
        _("results last at least"),
        null=True,
        blank=True,
        help_text=_("Shortest time results usually last, e.g. 1."),
    )
    results_last_max = models.PositiveSmallIntegerField(
        _("results last up to"),
        null=True,
        blank=True,
        help_text=_("Longest time results usually last, e.g. 3."),
    )
    results_last_unit = models.CharField(
        _("how long results last, in"),
        max_length=10,
        choices=DurationUnit.choices,
        default=DurationUnit.YEARS,
        help_text=_("Unit of the two numbers above."),
    )
    downtime_min_days = models.PositiveSmallIntegerField(
        _("fewest days of downtime"),
        null=True,
        blank=True,
        help_text=_(
            "Fewest days most people need before normal activities. 0 for none."
        ),
    )
    downtime_max_days = models.PositiveSmallIntegerField(
        _("most days of downtime"),
        null=True,
        blank=True,
        help_text=_("Most days most people need before normal activities."),
    )

    facts_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("sessions_min"), FieldPanel("sessions_max")])],
            heading=_("Sessions"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("results_last_min"),
                        FieldPanel("results_last_max"),
                        FieldPanel("results_last_unit"),
                    ]
                )
            ],
            heading=_("How long results last"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("downtime_min_days"), FieldPanel("downtime_max_days")]
                )
            ],
            heading=_("Downtime"),
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        _validate_range(
            errors,
            self.sessions_min,
            self.sessions_max,
            "sessions_max",
            gettext("The most sessions must be at least the fewest (%(low)s)."),
        )
        _validate_range(
            errors,
            self.results_last_min,
            self.results_last_max,
            "results_last_max",
            gettext(
                "The longest time results last must be at least the shortest (%(low)s)."
            ),
        )
        _validate_range(
            errors,
            self.downtime_min_days,
            self.downtime_max_days,
            "downtime_max_days",
            gettext("The most days of downtime must be at least the fewest (%(low)s)."),
        )
        if errors:
            raise ValidationError(errors)

    @property
    def sessions_display(self):
        """For example "3 to 5 sessions"."""
        return format_range(self.sessions_min, self.sessions_max, "sessions")

    @property
    def results_last_display(self):
        """For example "1 to 3 years"."""
        return format_range(
            self.results_last_min, self.results_last_max, self.results_last_unit
        )

    @property
    def downtime_display(self):
        """For example "3 to 7 days", or "none" when no downtime is expected."""
        if self.downtime_min_days == 0 and not self.downtime_max_days:
            return gettext("none")
        # "up to 3 days" reads better than "0 to 3 days".
        low = self.downtime_min_days or None
        return format_range(low, self.downtime_max_days, "days")


def rich_text_field(help_text, **kwargs):
    return RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text=help_text, **kwargs
    )


def linked_titles(relation, target):
    """Index the titles of the pages at the far end of a link relation."""
    return index.RelatedFields(
        relation,
        [
            index.RelatedFields(
                target,
                [index.SearchField("title"), index.AutocompleteField("title")],
            )
        ],
    )


def paginate(request, queryset):
    """One page of cards; an invalid or out-of-range ``?page=`` gives a valid page."""
    paginator = Paginator(queryset, app_settings.INDEX_PAGE_SIZE)
    return paginator.get_page(query_value(request, "page", None))


def strip_rich_text(value):
    """The visible text of a rich-text value, for emptiness checks."""
    return strip_tags(str(value or "")).strip()


def page_model(name):
    """The page model in use for the plugin's default ``name``, e.g. "TreatmentPage".

    The abstract pages query the pages in use (a condition lists treatments),
    resolved through the swappable settings when needed; looking them up
    lazily keeps the modules free of import cycles.
    """
    return swappable.get_model(name)


def as_cards(pages):
    """Pages ready for cards: image and its renditions loaded, in explorer order.

    The one place card queries prefetch, so a listing costs the same number of
    queries whatever the number of cards.
    """
    return (
        pages.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("path")
    )
