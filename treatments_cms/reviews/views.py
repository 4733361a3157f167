"""The "Reviews due" admin report: pages overdue or due for clinical review soon.

A Wagtail ``PageReportView``, so it has the admin's filters, pagination and
CSV/XLSX export, and the page permission policy: users who may add, change or
publish pages see it, listing only the pages they may change.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import (
    ContentTypeFilter,
    DateRangePickerWidget,
    WagtailFilterSet,
)
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page, get_page_models
from wagtail.permissions import policy_registry

from .. import swappable
from ..enquiries.export import neutralise_cell
from . import queries

URL_NAMESPACE = "treatments_cms_reviews"
PAGE_PERMISSIONS = ["add", "change", "publish"]


def report_url(**params):
    """The report's URL, optionally with filter values (``status="overdue"``)."""
    url = reverse(f"{URL_NAMESPACE}:index")
    if params:
        url = f"{url}?{urlencode(params)}"
    return url


def page_edit_url(page_pk):
    """The admin's edit view of a page."""
    return reverse("wagtailadmin_pages:edit", args=[page_pk])


def can_see_reviews(user):
    """Users who may add, change or publish pages anywhere see the report and panel."""
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, PAGE_PERMISSIONS
    )


def reviewed_content_types(request=None):
    models = tuple(queries.reviewed_page_models())
    page_types = [model for model in get_page_models() if issubclass(model, models)]
    return ContentType.objects.filter(
        pk__in=[
            ct.pk for ct in ContentType.objects.get_for_models(*page_types).values()
        ]
    ).order_by("model")


def reviewers(request=None):
    return swappable.get_practitioner_model().objects.order_by("name", "pk")


class ReviewStatus:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CHOICES = [
        (OVERDUE, _("Overdue")),
        (DUE_SOON, _("Due within 30 days")),
    ]

    @classmethod
    def label(cls, value):
        return dict(cls.CHOICES)[value]


class ReviewDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Review status"),
        choices=ReviewStatus.CHOICES,
        empty_label=_("Overdue or due within 30 days"),
        method="filter_status",
    )
    content_type = ContentTypeFilter(label=_("Type"), queryset=reviewed_content_types)
    reviewer = django_filters.ModelChoiceFilter(
        label=_("Reviewer"),
        empty_label=_("Any reviewer"),
        queryset=reviewers,
        method="filter_reviewer",
    )
    review_due = django_filters.DateFromToRangeFilter(
        label=_("Review due"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Page
        fields = []

    def filter_status(self, queryset, name, value):
        today = queries.today()
        if value == ReviewStatus.OVERDUE:
            return queryset.filter(review_due__lt=today)
        return queryset.filter(review_due__gte=today)

    def filter_reviewer(self, queryset, name, value):
        return queryset.filter(reviewer_id=value.pk)


def _text_cell(value):
    return neutralise_cell(str(value)) if value is not None else ""


def _iso_date(value):
    return value.isoformat() if value else ""


class ReviewDueReportView(PageReportView):
    """Pages overdue or due for review within 30 days, soonest first."""

    page_title = _("Reviews due")
    header_icon = "date"
    results_template_name = "treatments_cms/reviews/report_results.html"
    filterset_class = ReviewDueFilterSet
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:results"
    any_permission_required = PAGE_PERMISSIONS
    list_export = [
        "title",
        "content_type",
        "review_due",
        "review_status",
        "reviewer_name",
        "admin_url",
    ]
    export_headings = {
        "title": _("Title"),
        "content_type": _("Type"),
        "review_due": _("Review due"),
        "review_status": _("Review status"),
        "reviewer_name": _("Reviewer"),
        "admin_url": _("Edit link"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            "content_type": {
                self.FORMAT_CSV: get_content_type_label,
                self.FORMAT_XLSX: get_content_type_label,
            },
            # ISO text: openpyxl cannot write a bare date read from PostgreSQL.
            "review_due": {self.FORMAT_CSV: _iso_date, self.FORMAT_XLSX: _iso_date},
            **{
                field: {self.FORMAT_CSV: _text_cell, self.FORMAT_XLSX: _text_cell}
                for field in ("title", "review_status", "reviewer_name")
            },
        }

    def get_filename(self):
        return f"reviews-due-{queries.today().isoformat()}"

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("content_type")
        self.queryset = queries.due_for_review(pages)
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        """Name each page's reviewer and status, with one query for the reviewers."""
        names = dict(
            reviewers()
            .filter(pk__in={page.reviewer_id for page in object_list})
            .values_list("pk", "name")
        )
        today = queries.today()
        for page in object_list:
            page.reviewer_name = names.get(page.reviewer_id, "")
            page.is_review_overdue = queries.is_overdue(page.review_due, today)
            page.review_status = ReviewStatus.label(
                ReviewStatus.OVERDUE
                if page.is_review_overdue
                else ReviewStatus.DUE_SOON
            )
            page.admin_url = page_edit_url(page.pk)
        return object_list


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reviews(request.user)


def menu_item():
    """The ``register_reports_menu_item`` hook."""
    return ReviewDueMenuItem(
        _("Reviews due"),
        report_url(),
        name="reviews-due",
        icon_name="date",
        order=1150,
    )


urlpatterns = [
    path("", ReviewDueReportView.as_view(), name="index"),
    path("results/", ReviewDueReportView.as_view(results_only=True), name="results"),
]


def admin_urls():
    """The ``register_admin_urls`` hook."""
    return [path("reports/reviews-due/", include((urlpatterns, URL_NAMESPACE)))]
