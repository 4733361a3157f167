"""The "Clinical reviews" panel on the admin dashboard: how many pages are due."""

from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from . import queries
from .views import ReviewStatus, can_see_reviews, report_url


class ReviewsDuePanel(Component):
    """Counts of pages overdue and due within 30 days, each linked to the report.

    Counts only the pages the user may change, as the report lists them.
    """

    name = "reviews_due"
    template_name = "treatments_cms/reviews/dashboard_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(
            user, "change"
        )
        counts = queries.review_counts(pages)
        return {
            "overdue_count": counts["overdue"],
            "due_soon_count": counts["due_soon"],
            "overdue_url": report_url(status=ReviewStatus.OVERDUE),
            "due_soon_url": report_url(status=ReviewStatus.DUE_SOON),
            "report_url": report_url(),
        }


def add_reviews_due_panel(request, panels):
    """The ``construct_homepage_panels`` hook: for users who may edit pages."""
    if can_see_reviews(request.user):
        panels.append(ReviewsDuePanel())
