"""The "Review overdue" flag on a page in the admin's page listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import ListingButton

from .views import ReviewStatus, report_url


def review_overdue_button(page, user, next_url=None):
    """The ``register_page_listing_buttons`` hook: flag a page whose review is overdue.

    The explorer lists specific pages, so the page's own ``review_overdue``
    answers without a query; it links to the report of overdue pages.
    """
    if getattr(page, "review_overdue", False):
        yield ListingButton(
            _("Review overdue"),
            url=report_url(status=ReviewStatus.OVERDUE),
            icon_name="warning",
            classname="review-overdue",
            attrs={"title": _("This page's clinical review is overdue.")},
            priority=5,
        )
