"""Review reminders: each reviewer's due pages, mailed as titles, dates and links.

``review_reminders`` groups the pages overdue or due within 30 days by reviewer
and queues one ``send_review_reminder`` task per reviewer on the task backend
named by ``TREATMENTS_CMS_ENQUIRY_TASK_BACKEND``. The task's only argument is
the reviewer's primary key (``None`` for pages without a reviewer); the worker
reads the pages again when it runs, so the mail lists what is due then.

The mail goes to the reviewer: the email address of the admin user the
practitioner is linked to (the login they sign pages off with). A reviewer with
no linked login or address, and pages without a reviewer, go to the clinic's
notification recipients (``ClinicSettings``), addressed "for" the reviewer.
It carries page titles, due dates and admin links only.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from .. import swappable
from ..conf import app_settings
from ..enquiries.notify import single_line
from ..models import ClinicSettings
from . import queries
from .views import page_edit_url


def due_pages_by_reviewer(on=None):
    """``{reviewer_pk or None: [page, ...]}`` of pages due, soonest first."""
    groups = defaultdict(list)
    for page in queries.due_for_review(on=on).only("pk", "title", "draft_title"):
        groups[page.reviewer_id].append(page)
    return dict(groups)


def reviewer_names(reviewer_pks):
    return dict(
        swappable.get_practitioner_model()
        .objects.filter(pk__in=[pk for pk in reviewer_pks if pk is not None])
        .values_list("pk", "name")
    )


def reviewer_label(name):
    return single_line(name) if name else _("pages without a reviewer")


def reviewer_address(reviewer_pk):
    """The email address of the login linked to the practitioner, or ""."""
    if reviewer_pk is None:
        return ""
    practitioner = (
        swappable.get_practitioner_model()
        .objects.select_related("user")
        .filter(pk=reviewer_pk)
        .first()
    )
    user = getattr(practitioner, "user", None)
    if user is None or not user.is_active:
        return ""
    return user.email or ""


def recipients():
    """The clinic's notification recipients (the default site's settings)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    return ClinicSettings.for_site(site).recipient_list


def absolute_admin_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


def build_reminder(reviewer_name, pages, to, on=None):
    """The reminder mail: one line per page with its due date and edit link."""
    today = on or queries.today()
    label = reviewer_label(reviewer_name)
    lines = []
    for page in pages:
        due = date_format(page.review_due, "j F Y")
        if queries.is_overdue(page.review_due, today):
            # Translators: a page in a review reminder, e.g. "Acne (overdue since 1 May 2026)".
            entry = _("%(title)s (overdue since %(date)s)")
        else:
            # Translators: a page in a review reminder, e.g. "Acne (due 1 May 2026)".
            entry = _("%(title)s (due %(date)s)")
        title = single_line(page.get_admin_display_title(), max_length=255)
        lines.append(
            "- "
            + entry % {"title": title, "date": due}
            + "\n  "
            + absolute_admin_url(page_edit_url(page.pk))
        )
    body = (
        _(
            "For %(reviewer)s: these pages are overdue or due for clinical "
            "review within 30 days. Open each one in the admin (sign-in "
            "required) to review it:"
        )
        % {"reviewer": label}
        + "\n\n"
        + "\n".join(lines)
        + "\n"
    )
    subject = _("Clinical reviews due for %(reviewer)s") % {"reviewer": label}
    return EmailMessage(subject=subject, body=body, to=to)


@task
def send_review_reminder(reviewer_pk):
    """Mail the pages due for one reviewer (``None``: no reviewer); return what happened."""
    pages = due_pages_by_reviewer().get(reviewer_pk, [])
    if not pages:
        return "nothing due"
    address = reviewer_address(reviewer_pk)
    to = [address] if address else recipients()
    if not to:
        return "no recipients"
    name = reviewer_names([reviewer_pk]).get(reviewer_pk)
    build_reminder(name, pages, to).send()
    return "sent"


def enqueue_reminder(reviewer_pk):
    """Queue ``send_review_reminder`` on the configured task backend."""
    return send_review_reminder.using(
        backend=app_settings.ENQUIRY_TASK_BACKEND
    ).enqueue(reviewer_pk)
