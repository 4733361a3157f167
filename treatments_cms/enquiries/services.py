"""Saving an enquiry: one transaction, one row per rendered form, notify after commit.

The request never talks to the mail server: after commit it only queues the
notification task (``tasks.py``), which a worker runs. If even queueing fails,
the enquiry stays "pending" and ``send_enquiry_notifications`` sends it later.
"""

import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Enquiry
from ..signals import enquiry_submitted
from .tasks import enqueue_notification

logger = logging.getLogger(__name__)


def save_enquiry(form, *, consent_statement, submission_key=None):
    """Store the cleaned form as an Enquiry; return ``(enquiry, created)``.

    ``submission_key`` is unique: when a second post of the same rendered form
    (a double click) loses the race, the first enquiry is returned instead of a
    second one being stored. The clinic's notification is queued, and
    ``enquiry_submitted`` sent, only once the transaction has committed (with or
    without ``ATOMIC_REQUESTS``).

    The answers to fields a project adds to its form class are stored in
    ``extra_answers``, as the form's ``get_extra_answers()`` gives them. The
    enquiry records the site it was sent on (``form.site``).
    """
    data = form.cleaned_data
    extra_answers = form.get_extra_answers()
    treatment = data["treatment"]
    # The site the form was sent on (a form class that keeps none: the treatment's).
    site = getattr(form, "site", None) or treatment.get_site()
    try:
        with transaction.atomic():
            enquiry = Enquiry.objects.create(
                treatment=treatment,
                treatment_title=treatment.title,
                site=site,
                location=data.get("location"),
                name=data["name"],
                email=data["email"],
                phone=data.get("phone", ""),
                contact_method=data["contact_method"],
                message=data.get("message", ""),
                is_adult=data["is_adult"],
                consent_statement=consent_statement,
                consent_version=consent_statement.version,
                consented_at=timezone.now(),
                marketing_opt_in=data.get("marketing_opt_in", False),
                extra_answers=extra_answers,
                submission_key=submission_key,
            )
            enquiry.concerns.set(data.get("concerns") or [])
    except IntegrityError:
        existing = Enquiry.objects.filter(submission_key=submission_key).first()
        if submission_key is None or existing is None:
            raise
        return existing, False
    transaction.on_commit(partial(after_commit, enquiry.pk))
    return enquiry, True


def after_commit(enquiry_pk):
    """Queue the clinic's notification, then tell the project's receivers; never raise."""
    try:
        enqueue_notification(enquiry_pk)
    except Exception as exc:  # the enquiry is stored; the retry command sends it
        logger.error(
            "Could not queue the notification of enquiry %s: %s",
            enquiry_pk,
            type(exc).__name__,
        )
    enquiry = Enquiry.objects.filter(pk=enquiry_pk).first()
    if enquiry is None:
        return
    for _receiver, result in enquiry_submitted.send_robust(
        sender=Enquiry, enquiry=enquiry
    ):
        if isinstance(result, Exception):
            logger.error(
                "An enquiry_submitted receiver raised %s for enquiry %s.",
                type(result).__name__,
                enquiry_pk,
            )
