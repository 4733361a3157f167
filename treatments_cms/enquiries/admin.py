"""The enquiry inbox in the Wagtail admin, built on wagtail-modeladmin.

wagtail-modeladmin is in maintenance mode, so everything that depends on it
lives in this module (registration itself is in ``wagtail_hooks``).

Its defaults are too lax for health data: any one model permission would let a
user list, inspect and export every enquiry, and the history view checks no
permission at all. Here every view needs the explicit "view enquiry"
permission, export needs "export enquiry" on top, nobody creates enquiries in
the admin, and only status, assignee and internal notes can be edited.

Its list view also turns every unknown query parameter into an ORM lookup
(``?assignee__password__startswith=`` reads a password hash), and a bad value
is a server error. The inbox accepts only the parameters of the filters it
declares, checks each value, and answers anything else with a 400.

A member of a location's handlers group ("Enquiry handlers: Leeds") lists,
inspects, edits, exports and deletes only that location's enquiries
(``permissions.enquiry_scope``); any other enquiry's pages are a 404 to them,
as an id that does not exist is.
"""

import datetime
import re

from django.contrib.admin import display
from django.contrib.admin.filters import (
    ChoicesFieldListFilter,
    DateFieldListFilter,
    RelatedFieldListFilter,
    SimpleListFilter,
)
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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

from treatments_cms.models import Enquiry, LocationHandlerGroup

from . import audit, permissions
from .export import EXPORT_FIELDS, EXPORT_HEADINGS, enquiry_export_row, neutralise_cell

# An enquiry id in a URL: digits only, no sign, no leading zero, no quoting.
ID_PATTERN = re.compile(r"[1-9][0-9]{0,18}")
LARGEST_BIGINT = BaseDatabaseOperations.integer_field_ranges["BigAutoField"][1]
SEARCH_MAX_LENGTH = 200
PAGE_PATTERN = re.compile(r"[1-9][0-9]{0,5}")
ORDER_PATTERN = re.compile(r"-?[0-9]{1,2}(\.-?[0-9]{1,2})*")
BOOLEAN_VALUES = {"true": True, "1": True, "false": False, "0": False}


def parse_id(value, largest=LARGEST_BIGINT):
    """``value`` as a positive integer id, or None if it is anything else."""
    if not ID_PATTERN.fullmatch(value):
        return None
    number = int(value)
    return number if number <= largest else None


def largest_id(field):
    """The largest value the column a relation finally points to can hold."""
    while field.is_relation:
        field = field.target_field
    ranges = BaseDatabaseOperations.integer_field_ranges
    return ranges.get(field.get_internal_type(), (0, LARGEST_BIGINT))[1]


def parse_moment(value):
    """An ISO date or date-time as an aware datetime the database can store."""
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time())
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        moment.astimezone(datetime.UTC)  # out of range near year 1 or 9999
    except (ValueError, OverflowError):
        return None
    return moment


class InboxQueryError(Exception):
    """The list was asked for something it does not offer; answered with a 400."""


class EnquiryPermissionHelper(PermissionHelper):
    """Only an explicit "view enquiry" permission shows any enquiry, and each
    permission reaches only the enquiries of the user's scope (a location)."""

    def user_can_list(self, user):
        return permissions.can_view(user)

    def user_can_inspect_obj(self, user, obj):
        return permissions.can_view(user) and permissions.in_scope(user, obj)

    def user_can_create(self, user):
        # Enquiries come from visitors only.
        return False

    def user_can_edit_obj(self, user, obj):
        return (
            permissions.can_change(user)
            and permissions.in_scope(user, obj)
            and permissions.in_scope(user, obj, permissions.CHANGE)
        )

    def user_can_delete_obj(self, user, obj):
        return (
            permissions.can_delete(user)
            and permissions.in_scope(user, obj)
            and permissions.in_scope(user, obj, permissions.DELETE)
        )

    def user_can_export(self, user):
        return permissions.can_export(user)


class EnquiryAdminForm(WagtailAdminModelForm):
    """Status, assignee and notes; the assignee is one of the enquiry handlers
    (the global group's, or the enquiry's location's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        location_id = getattr(self.instance, "location_id", None)
        self.fields["assignee"].queryset = permissions.handlers(
            [location_id] if location_id else None
        ).order_by("username")


def visible_location_ids(user):
    """The ids of the locations whose enquiries ``user`` may see (None: all)."""
    return permissions.enquiry_scope(user)


class HandlerListFilter(RelatedFieldListFilter):
    """The assignee filter, offering only members of the enquiry handlers groups
    (the global one, and the location groups of the user's scope)."""

    def field_choices(self, field, request, model_admin):
        scope = visible_location_ids(request.user)
        if scope is None:
            scope = LocationHandlerGroup.objects.values_list("location_id", flat=True)
        return [
            (user.pk, str(user))
            for user in permissions.handlers(list(scope)).order_by("username")
        ]


class LocationListFilter(RelatedFieldListFilter):
    """The clinic filter: the locations of the user's scope, and "No preference"."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("No preference")

    def field_choices(self, field, request, model_admin):
        locations = field.related_model.objects.order_by("title")
        scope = visible_location_ids(request.user)
        if scope is not None:
            locations = locations.filter(pk__in=scope)
        return [(location.pk, location.title) for location in locations]


def needs_doctor_first():
    """True for an enquiry naming a condition a doctor must see first.

    One subquery, so the list costs the same whatever its length. The flag is
    read from the condition now: an enquiry stored before the rule, or before
    the condition was ticked, is flagged as well.
    """
    field = Enquiry._meta.get_field("concerns")
    through = field.remote_field.through
    return Exists(
        through.objects.filter(
            **{
                field.m2m_field_name(): OuterRef("pk"),
                f"{field.m2m_reverse_field_name()}__requires_medical_assessment": True,
            }
        )
    )


class DoctorFirstListFilter(SimpleListFilter):
    """Enquiries that do (or do not) name a condition a doctor must see first."""

    title = gettext_lazy("needs a doctor first")
    parameter_name = "doctor_first"

    def lookups(self, request, model_admin):
        return [
            ("yes", gettext_lazy("Needs a doctor first")),
            ("no", gettext_lazy("No doctor-first concern")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(needs_doctor_first=True)
        if self.value() == "no":
            return queryset.filter(needs_doctor_first=False)
        return queryset


class AnswersViewMixin:
    """A page that shows a visitor's answers: audited, and never stored by a cache.

    Every rendering is one "view" entry naming the enquiry by number: a GET,
    and an edit form shown again with errors.
    """

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        audit.log_enquiry_viewed(self.instance, self.request.user)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def get_context_data(self, **kwargs):
        prefetch_related_objects([self.instance], "concerns")
        return super().get_context_data(
            enquiry=self.instance,
            concerns=list(self.instance.concerns.all()),
            doctor_first_concerns=self.instance.needs_doctor_first_concerns(),
            **kwargs,
        )


class NeutralSubtitleMixin:
    """The page names the enquiry by number only (no treatment asked about)."""

    def get_page_subtitle(self):
        return audit.neutral_title(self.instance.pk)


class EnquiryIndexView(IndexView):
    """The list, filtered only as declared, with a CSV export gated and audited."""

    FORMATS = ("csv",)
    export_buttons_template_name = "treatments_cms/admin/enquiry_export_button.html"
    # "ot" and "e" are not dropped silently: like any undeclared parameter they
    # reach get_filters() and are refused there.
    IGNORED_PARAMS = (IndexView.ORDER_VAR, IndexView.SEARCH_VAR, IndexView.EXPORT_VAR)
    ERROR_FLAG = None
    # The parameters the list itself reads; each filter adds its own.
    LIST_PARAMS = (
        IndexView.ORDER_VAR,
        IndexView.PAGE_VAR,
        IndexView.SEARCH_VAR,
        IndexView.EXPORT_VAR,
    )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)  # to the login page
        if not self.permission_helper.user_can_list(request.user):
            raise PermissionDenied
        try:
            self.check_list_params(request)
            response = super().dispatch(request, *args, **kwargs)
        except InboxQueryError as error:
            return self.bad_request(str(error))
        except IncorrectLookupParameters:
            # A parameter naming no field at all (checked by the filters).
            return self.bad_request(
                _("The enquiry list has no filter by one of the given parameters.")
            )
        patch_cache_control(response, private=True, no_store=True)
        return response

    def bad_request(self, message):
        """A plain 400; it never repeats what was asked for."""
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    def check_list_params(self, request):
        """Search, ordering, page and export: each once, each well formed."""
        for name in self.LIST_PARAMS:
            values = request.GET.getlist(name)
            if len(values) > 1:
                raise InboxQueryError(_("Each parameter may be given only once."))
        search = request.GET.get(self.SEARCH_VAR, "")
        if len(search) > SEARCH_MAX_LENGTH or "\x00" in search:
            raise InboxQueryError(_("The search is too long or not plain text."))
        page = request.GET.get(self.PAGE_VAR)
        if page is not None and not PAGE_PATTERN.fullmatch(page):
            raise InboxQueryError(_("The page number is not a positive number."))
        export = request.GET.get(self.EXPORT_VAR)
        if export is not None and export not in self.FORMATS:
            raise InboxQueryError(_("The list can only be downloaded as CSV."))
        order = request.GET.get(self.ORDER_VAR)
        list_display = self.model_admin.get_list_display(request)
        if order is not None:
            columns = order.replace("-", "").split(".")
            if (
                not ORDER_PATTERN.fullmatch(order)
                or len(set(columns)) != len(columns)
                or any(int(column) >= len(list_display) for column in columns)
            ):
                raise InboxQueryError(_("The list cannot be sorted that way."))

    def get_filters(self, request):
        """The declared filters, their values checked; any other parameter refused.

        wagtail-modeladmin applies whatever the filters leave over as ORM
        lookups; here nothing may be left over.
        """
        filter_specs, has_filters, remaining, use_distinct = super().get_filters(
            request
        )
        if remaining:
            raise InboxQueryError(
                _("The enquiry list has no filter by one of the given parameters.")
            )
        for spec in filter_specs:
            self.clean_filter_values(spec)
        return filter_specs, has_filters, {}, use_distinct

    def clean_filter_values(self, spec):
        """Check each value a filter was given; the filter then uses the cleaned one."""
        for name in spec.expected_parameters():
            values = self.params.getlist(name)
            if not values:
                continue
            if len(values) > 1:
                raise InboxQueryError(_("Each parameter may be given only once."))
            value = self.clean_filter_value(spec, name, values[0])
            if value is None:
                raise InboxQueryError(
                    _("One of the filters was given a value it does not offer.")
                )
            # A simple filter reads one value; a field filter reads a list.
            is_simple = isinstance(spec, SimpleListFilter)
            spec.used_parameters[name] = value if is_simple else [value]

    def clean_filter_value(self, spec, name, value):
        """The value the filter should use, or None if it is not one it offers."""
        if name.endswith("__isnull"):
            return BOOLEAN_VALUES.get(value.lower())
        if isinstance(spec, DateFieldListFilter):
            return parse_moment(value)
        if isinstance(spec, RelatedFieldListFilter) and name == spec.lookup_kwarg:
            return parse_id(value, largest_id(spec.field))
        if isinstance(spec, ChoicesFieldListFilter) and name == spec.lookup_kwarg:
            choices = {str(key) for key, _label in spec.field.flatchoices}
            return value if value in choices else None
        if isinstance(spec, DoctorFirstListFilter):
            choices = {str(key) for key, _label in spec.lookup_choices}
            return value if value in choices else None
        # A filter this view does not know how to check is refused, not applied.
        return None

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
        queryset = (
            permissions.scoped(queryset, self.request.user, permissions.EXPORT)
            .select_related("location", "assignee")
            .prefetch_related("concerns")
        )
        audit.log_enquiries(
            queryset.values_list("pk", flat=True),
            audit.EXPORT,
            user=self.request.user,
            data={"format": spreadsheet_format},
        )
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        patch_cache_control(response, private=True, no_store=True)
        return response


class EnquiryInspectView(AnswersViewMixin, InspectView):
    """The visitor's answers, read-only; every view is written to the audit log."""


class EnquiryEditView(AnswersViewMixin, EditView):
    """Status, assignee and internal notes; the visitor's answers shown read-only.

    Showing the form shows the answers, so it is audited like inspect.
    """

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


class EnquiryDeleteView(NeutralSubtitleMixin, DeleteView):
    """Deletes one enquiry; the page and the log entry name it only by number."""

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


class EnquiryHistoryView(NeutralSubtitleMixin, HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class EnquiryAdmin(ModelAdmin):
    model = Enquiry
    menu_label = gettext_lazy("Enquiries")
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

    list_display = (
        "received",
        "name",
        "treatment_asked_about",
        "clinic",
        "status",
        "assignee",
        "doctor_first",
    )
    # The only filters the list accepts (see EnquiryIndexView.get_filters).
    list_filter = (
        "status",
        "treatment",
        ("location", LocationListFilter),
        "created_at",
        ("assignee", HandlerListFilter),
        DoctorFirstListFilter,
    )
    list_select_related = ("assignee", "location")
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

    @display(description=gettext_lazy("Received"), ordering="created_at")
    def received(self, obj):
        return obj.created_at

    @display(description=gettext_lazy("Treatment"), ordering="treatment_title")
    def treatment_asked_about(self, obj):
        return obj.treatment_title

    @display(description=gettext_lazy("Clinic"), ordering="location__title")
    def clinic(self, obj):
        """The clinic the visitor chose, or "No preference"."""
        return obj.location.title if obj.location_id else _("No preference")

    @display(description=gettext_lazy("Doctor first"), ordering="needs_doctor_first")
    def doctor_first(self, obj):
        """A marker the clinic reads, not something the visitor sent."""
        return _("Needs a doctor first") if obj.needs_doctor_first else ""

    def get_queryset(self, request):
        """The enquiries the user may see (a location handler: that location's)."""
        queryset = permissions.scoped(super().get_queryset(request), request.user)
        return queryset.annotate(needs_doctor_first=needs_doctor_first())

    def register_indexing(self):
        # Not in Wagtail's reference index: a treatment page's "Usage" tab
        # would otherwise list every enquiry about it to the page's editors.
        pass

    def get_list_export(self, request):
        # Hides the download button from users who may not export.
        if permissions.can_export(request.user):
            return self.list_export
        return ()

    def instance_view(self, view_class, request, instance_pk):
        """One enquiry's page: refused before the lookup to non-viewers.

        wagtail-modeladmin looks the id up before checking anything, so "abc"
        is a server error and an unknown id tells anyone whether it exists.
        """
        if not permissions.can_view(request.user):
            raise PermissionDenied
        if parse_id(instance_pk) is None:
            raise Http404
        # Outside the user's scope (another location's) as if it did not exist.
        if not self.get_queryset(request).filter(pk=int(instance_pk)).exists():
            raise Http404
        return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def inspect_view(self, request, instance_pk):
        return self.instance_view(self.inspect_view_class, request, instance_pk)

    def edit_view(self, request, instance_pk):
        return self.instance_view(self.edit_view_class, request, instance_pk)

    def delete_view(self, request, instance_pk):
        return self.instance_view(self.delete_view_class, request, instance_pk)

    def history_view(self, request, instance_pk):
        return self.instance_view(self.history_view_class, request, instance_pk)
