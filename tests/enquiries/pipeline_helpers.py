"""Shared pieces of the enquiry pipeline tests (form, spam, notify, fuzz).

The fixtures (``fresh_throttle``, autouse, and ``no_wait``) are in
``tests/conftest.py``.
"""

from unittest import mock

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from treatments_cms.enquiries.tokens import issue_token

ENQUIRY_URL = "/enquire/"
THANKS_URL = "/enquire/thank-you/"


def valid_data(tree, *, origin="page", token=None, **overrides):
    """A complete, valid post of the form on ``tree.treatment``'s page."""
    data = {
        "origin": origin,
        "form_token": token or issue_token(),
        "website": "",
        "treatment": str(tree.treatment.pk),
        "name": "Sam Example",
        "email": "sam@example.com",
        "phone": "",
        "contact_method": "email",
        "concerns": [str(tree.condition.pk)],
        "message": "I have some redness on my cheeks.",
        "is_adult": "on",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def run_worker(*, backend="enquiries"):
    """Run the task worker until the notification queue is empty, as production does.

    The worker drops "obsolete" connections between tasks; inside a test's
    transaction that would close it, so that housekeeping is switched off here.
    """
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections"
    ):
        call_command(
            "db_worker",
            "--backend",
            backend,
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )


def assert_no_store(response):
    assert response["Cache-Control"] == "private, no-store"


def enquiry_url():
    return reverse("treatments_cms:enquiry")


def post_raw(client, body, content_type="application/x-www-form-urlencoded"):
    return client.generic("POST", ENQUIRY_URL, body, content_type=content_type)


def error_summary(response):
    """The error summary's ``(href, text)`` links, from the rendered HTML."""
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(id="error-summary")
    if summary is None:
        return None
    return [(a["href"], a.get_text(strip=True)) for a in summary.find_all("a")]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")
