"""Abstract building blocks of the plugin's pages.

Behaviour lives here, so a project can combine a mixin with its own base page;
the concrete pages in ``pages.py`` combine each mixin with Wagtail's ``Page``.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.signals import setting_changed
from django.core.validators import MinValueValidator
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..conf import app_settings
from ..middleware import query_value

RICH_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class PageTypesFromSetting:
    """Class attribute whose value is read from a ``TREATMENTS_CMS_*`` setting.

    Lets a reusable page declare ``parent_page_types`` without importing the
    project's own page models (the plugin never imports the project).
    """

    def __init__(self, setting_name):
        self.setting_name = setting_name

    def __get__(self, instance, owner):
        return getattr(app_settings, self.setting_name)


@receiver(setting_changed)
def _forget_page_types_from_settings(*, setting, **kwargs):
    """Wagtail caches a page type's parents; drop the cache when its setting changes."""
    if not setting.startswith(app_settings.prefix):
        return
    from wagtail.models import get_page_models

    for model in get_page_models():
        if any(
            isinstance(vars(klass).get("parent_page_types"), PageTypesFromSetting)
            for klass in model.__mro__
        ):
            model._clean_parent_page_models = None


class SummaryMixin(models.Model):
    """A plain-text summary, shown under the heading, on cards and as meta description."""

    summary = models.TextField(
        max_length=300,
        help_text=(
            "One or two plain sentences, under 300 characters. Shown under the "
            "page heading, on cards and to search engines."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture shown on cards that link to this page.",
    )

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The page's meta description: the SEO text if set, else the summary."""
        return getattr(self, "search_description", "") or self.summary


class ReviewMixin(models.Model):
    """Clinical review dates and reviewer, rendered as "Page last reviewed"."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="The date a clinician last checked this page is accurate.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "When the page should next be checked. Left empty, it is set from "
            "the last review date and the clinic's review interval."
        ),
    )
    reviewed_by = models.ForeignKey(
        "treatments_cms.Practitioner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The practitioner who reviewed this page.",
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("last_reviewed"), FieldPanel("next_review_due")]
                ),
                FieldPanel("reviewed_by"),
            ],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = self.last_reviewed + datetime.timedelta(
                days=app_settings.REVIEW_INTERVAL_DAYS
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
                {"next_review_due": "The next review must come after the last one."}
            )

    @property
    def review_overdue(self):
        return bool(
            self.next_review_due and self.next_review_due < timezone.now().date()
        )


class DurationUnit(models.TextChoices):
    DAYS = "days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    YEARS = "years", "years"


def format_range(low, high, unit, singular=None):
    """Render a typed range for people: "3 to 5 sessions", "1 year", "up to 2 weeks"."""
    if low is None and high is None:
        return ""
    singular = singular or unit.rstrip("s")

    def noun(n):
        return singular if n == 1 else unit

    if low is None:
        return f"up to {high} {noun(high)}"
    if high is None:
        return f"{low} or more {unit}"
    if low == high:
        return f"{low} {noun(low)}"
    return f"{low} to {high} {unit}"


def _validate_range(errors, low, high, field, message):
    if low is not None and high is not None and low > high:
        errors[field] = message.format(low=low)


class ComparisonFactsMixin(models.Model):
    """Typed facts that sit side by side in a comparison table."""

    sessions_min = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Fewest sessions a course usually needs, e.g. 3.",
    )
    sessions_max = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Most sessions a course usually needs, e.g. 5. Same as the "
        "fewest for a fixed number.",
    )
    results_last_min = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Shortest time results usually last, e.g. 1.",
    )
    results_last_max = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Longest time results usually last, e.g. 3.",
    )
    results_last_unit = models.CharField(
        max_length=10,
        choices=DurationUnit.choices,
        default=DurationUnit.YEARS,
        help_text="Unit of the two numbers above.",
    )
    downtime_min_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Fewest days most people need before normal activities. 0 for none.",
    )
    downtime_max_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Most days most people need before normal activities.",
    )

    facts_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("sessions_min"), FieldPanel("sessions_max")])],
            heading="Sessions",
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
            heading="How long results last",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("downtime_min_days"), FieldPanel("downtime_max_days")]
                )
            ],
            heading="Downtime",
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
            "The most sessions must be at least the fewest ({low}).",
        )
        _validate_range(
            errors,
            self.results_last_min,
            self.results_last_max,
            "results_last_max",
            "The longest time results last must be at least the shortest ({low}).",
        )
        _validate_range(
            errors,
            self.downtime_min_days,
            self.downtime_max_days,
            "downtime_max_days",
            "The most days of downtime must be at least the fewest ({low}).",
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
            return "none"
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
    """One of the plugin's concrete page models, looked up when needed.

    The page mixins query the concrete pages (a condition lists treatments);
    looking them up lazily keeps the modules free of import cycles.
    """
    return apps.get_model("treatments_cms", name)


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
