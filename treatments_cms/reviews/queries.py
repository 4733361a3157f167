"""The pages due for clinical review, as one page queryset across the page types.

The review fields (``ReviewMixin``) live on each page type's own table, so the
queryset is a ``Page`` queryset annotated with ``review_due`` and
``reviewer_id`` read from whichever of those tables holds the page: one query,
filterable and orderable like any page listing.
"""

import datetime

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from .. import swappable

# The page types that carry review fields, by their swappable default's name.
REVIEWED_PAGE_MODELS = ("TreatmentPage", "ConditionPage", "AlternativePage")

# Pages due up to this many days ahead are "due soon".
DUE_SOON_DAYS = 30


def reviewed_page_models():
    """The page models in use that carry review fields."""
    return [swappable.get_model(name) for name in REVIEWED_PAGE_MODELS]


def today():
    return timezone.localdate()


def due_soon_limit(on=None):
    """The last date that counts as "due soon"."""
    return (on or today()) + datetime.timedelta(days=DUE_SOON_DAYS)


def _from_page_tables(field):
    subqueries = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values(field)[:1])
        for model in reviewed_page_models()
    ]
    return Coalesce(*subqueries) if len(subqueries) > 1 else subqueries[0]


def with_review_fields(pages=None):
    """``pages`` (all pages by default) with ``review_due`` and ``reviewer_id``."""
    if pages is None:
        pages = Page.objects.all()
    return pages.annotate(
        review_due=_from_page_tables("next_review_due"),
        reviewer_id=_from_page_tables("reviewed_by_id"),
    )


def due_for_review(pages=None, *, on=None):
    """Pages overdue or due within ``DUE_SOON_DAYS`` of ``on``, soonest first.

    A page without a due date is not listed: nothing schedules its review yet.
    """
    return (
        with_review_fields(pages)
        .filter(review_due__lte=due_soon_limit(on))
        .order_by("review_due", "path")
    )


def review_counts(pages=None, *, on=None):
    """``{"overdue": n, "due_soon": m}`` among ``pages``; due soon excludes overdue."""
    on = on or today()
    due = due_for_review(pages, on=on)
    overdue = due.filter(review_due__lt=on).count()
    return {"overdue": overdue, "due_soon": due.count() - overdue}


def is_overdue(review_due, on=None):
    return review_due is not None and review_due < (on or today())
