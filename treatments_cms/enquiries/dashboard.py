"""The "New enquiries" panel on the admin dashboard."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from treatments_cms.models import Enquiry, EnquiryStatus

from . import permissions
from .notify import INSPECT_URL_NAME


class NewEnquiriesPanel(Component):
    """How many enquiries are new, and the latest five, linked to their inspect view.

    Shown on every admin home page, so it names enquiries by number, treatment
    and time only: never the visitor (opening one is audited, this is not).
    Counts and lists only the enquiries ``user`` may see (a location handler:
    that location's).
    """

    name = "new_enquiries"
    template_name = "treatments_cms/admin/new_enquiries_panel.html"
    order = 150
    latest_count = 5

    def __init__(self, user=None):
        self.user = user

    def get_context_data(self, parent_context):
        new = Enquiry.objects.filter(status=EnquiryStatus.NEW)
        new = permissions.scoped(new, self.user)
        latest = new.order_by("-created_at", "-pk").only(
            "pk", "created_at", "treatment_title"
        )[: self.latest_count]
        return {
            "new_count": new.count(),
            "latest": [
                {
                    "pk": enquiry.pk,
                    "url": reverse(INSPECT_URL_NAME, args=[enquiry.pk]),
                    "treatment_title": enquiry.treatment_title,
                    "created_at": enquiry.created_at,
                }
                for enquiry in latest
            ],
        }


def add_new_enquiries_panel(request, panels):
    """The ``construct_homepage_panels`` hook: only for users who may view enquiries."""
    if permissions.can_view(request.user):
        panels.append(NewEnquiriesPanel(request.user))
