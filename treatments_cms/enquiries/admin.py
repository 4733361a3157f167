"""The enquiry inbox in the Wagtail admin, built on wagtail-modeladmin.

wagtail-modeladmin is in maintenance mode, so everything that depends on it
lives in this module (registration itself is in ``wagtail_hooks``).

Its defaults are too lax for health data: any one model permission would let a
user list, inspect and export every enquiry, and the history view checks no
permission at all. Here every view needs the explicit "view enquiry"
permission, export needs "export enquiry" on top, nobody creates enquiries in
the admin, and only status, assignee and internal notes can be edited.
"""

from django.contrib.admin import display
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import DjangoORMSearchHandler, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
)

from treatments_cms.models import Enquiry

from . import audit, permissions
from .export import EXPORT_FIELDS, EXPORT_HEADINGS, enquiry_export_row, neutralise_cell


class EnquiryPermissionHelper(PermissionHelper):
    """Only an explicit "view enquiry" permission shows any enquiry."""

    def user_can_list(self, user):
        return permissions.can_view(user)

    def user_can_inspect_obj(self, user, obj):
        return permissions.can_view(user)

    def user_can_create(self, user):
        # Enquiries come from visitors only.
        return False

    def user_can_edit_obj(self, user, obj):
        return permissions.can_change(user)

    def user_can_delete_obj(self, user, obj):
        return permissions.can_delete(user)

    def user_can_export(self, user):
        return permissions.can_export(user)


class EnquiryAdminForm(WagtailAdminModelForm):
    """Status, assignee and notes; the assignee is someone who can see enquiries."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = permissions.handlers().order_by("username")


class EnquiryIndexView(IndexView):
    """The list, with a CSV export gated by the export permission and audited."""

    FORMATS = ("csv",)
    export_buttons_template_name = "treatments_cms/admin/enquiry_export_button.html"

    def to_row_dict(self, item):
        return enquiry_export_row(item)

    def get_heading(self, queryset, field):
        return EXPORT_HEADINGS[field]

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_cell(value)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.permission_helper.user_can_export(self.request.user):
            raise PermissionDenied
        # list_export is empty for users who may not export (it hides the
        # button); the export itself always has every column.
        self.list_export = EXPORT_FIELDS
        queryset = queryset.prefetch_related("concerns")
        audit.log_enquiries(
            queryset.values_list("pk", flat=True),
            audit.EXPORT,
            user=self.request.user,
            data={"format": spreadsheet_format},
        )
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        patch_cache_control(response, private=True, no_store=True)
        return response


class EnquiryInspectView(InspectView):
    """The visitor's answers, read-only; every view is written to the audit log."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        audit.log_enquiry_viewed(self.instance, request.user)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            enquiry=self.instance,
            concerns=list(self.instance.concerns.all()),
            **kwargs,
        )


class EnquiryEditView(EditView):
    """Status, assignee and internal notes; the visitor's answers shown read-only."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            enquiry=self.instance,
            concerns=list(self.instance.concerns.all()),
            **kwargs,
        )

    def form_valid(self, form):
        self.instance = form.save()
        messages.success(
            self.request,
            _("Enquiry #%(pk)s updated.") % {"pk": self.instance.pk},
        )
        log(
            instance=self.instance,
            action="wagtail.edit",
            title=audit.neutral_title(self.instance.pk),
            content_changed=form.has_changed(),
        )
        return redirect(self.get_success_url())


class EnquiryDeleteView(DeleteView):
    """Deletes one enquiry; the log entry names it only by number."""

    def post(self, request, *args, **kwargs):
        pk = self.instance.pk
        with transaction.atomic():
            log(
                instance=self.instance,
                action="wagtail.delete",
                title=audit.neutral_title(pk),
            )
            self.instance.delete()
        messages.success(request, _("Enquiry #%(pk)s deleted.") % {"pk": pk})
        return redirect(self.index_url)


class EnquiryHistoryView(HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class EnquiryAdmin(ModelAdmin):
    model = Enquiry
    menu_label = "Enquiries"
    menu_icon = "mail"
    menu_order = 250
    add_to_admin_menu = True

    permission_helper_class = EnquiryPermissionHelper
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    edit_view_class = EnquiryEditView
    delete_view_class = EnquiryDeleteView
    history_view_class = EnquiryHistoryView
    inspect_view_enabled = True

    list_display = ("received", "name", "treatment_asked_about", "status", "assignee")
    list_filter = ("status", "treatment", "created_at")
    list_select_related = ("assignee",)
    list_per_page = 50
    search_fields = ("name", "email")
    # Plain ORM lookups: works on SQLite and PostgreSQL without a search index.
    search_handler_class = DjangoORMSearchHandler
    list_export = EXPORT_FIELDS
    export_filename = "enquiries"

    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("assignee"),
            FieldPanel("internal_notes"),
        ],
        base_form_class=EnquiryAdminForm,
    )

    @display(description="Received", ordering="created_at")
    def received(self, obj):
        return obj.created_at

    @display(description="Treatment", ordering="treatment_title")
    def treatment_asked_about(self, obj):
        return obj.treatment_title

    def register_indexing(self):
        # Not in Wagtail's reference index: a treatment page's "Usage" tab
        # would otherwise list every enquiry about it to the page's editors.
        pass

    def get_list_export(self, request):
        # Hides the download button from users who may not export.
        if permissions.can_export(request.user):
            return self.list_export
        return ()
