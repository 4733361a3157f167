"""The "New enquiries" panel on the admin dashboard."""

from wagtail.admin.ui.components import Component

from treatments_cms.models import Enquiry, EnquiryStatus

from . import permissions


class NewEnquiriesPanel(Component):
    """How many enquiries are new, and the latest five, linked to their inspect view."""

    name = "new_enquiries"
    template_name = "treatments_cms/admin/new_enquiries_panel.html"
    order = 150
    latest_count = 5

    def get_context_data(self, parent_context):
        new = Enquiry.objects.filter(status=EnquiryStatus.NEW)
        return {
            "new_count": new.count(),
            "latest": list(
                new.order_by("-created_at", "-pk").only(
                    "pk", "created_at", "name", "treatment_title"
                )[: self.latest_count]
            ),
        }


def add_new_enquiries_panel(request, panels):
    """The ``construct_homepage_panels`` hook: only for users who may view enquiries."""
    if permissions.can_view(request.user):
        panels.append(NewEnquiriesPanel())
