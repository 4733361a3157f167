"""The review-due report, dashboard panel, listing flag and reminders."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from freezegun import freeze_time

from tests import factories
from tests.enquiries.pipeline_helpers import run_worker
from treatments_cms.reviews.views import report_url

TODAY = datetime.date(2027, 6, 1)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def frozen():
    """Frozen before any login, so the test client's session is not expired."""
    with freeze_time("2027-06-01 09:00:00"):
        yield


@pytest.fixture
def reviews(db):
    """Overdue, due in 10 days, due in 60 days and never scheduled, two reviewers."""
    alice = factories.PractitionerFactory(name="Dr Alice Able")
    bob = factories.PractitionerFactory(name="Dr Bob Baker")
    pages = {
        "overdue": factories.TreatmentPageFactory(
            title="Laser resurfacing", next_review_due=days(-12), reviewed_by=alice
        ),
        "soon": factories.ConditionPageFactory(
            title="Rosacea", next_review_due=days(10), reviewed_by=bob
        ),
        "later": factories.AlternativePageFactory(
            title="Chemical peel", next_review_due=days(60), reviewed_by=alice
        ),
        "unscheduled": factories.TreatmentPageFactory(
            title="Microneedling",
            last_reviewed=None,
            next_review_due=None,
            reviewed_by=None,
        ),
    }
    settings = factories.ClinicSettingsFactory(
        notification_recipients="reviews@example.com"
    )
    return {"alice": alice, "bob": bob, "settings": settings, **pages}


def listed_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("table.listing td.title a")]


def test_report_lists_overdue_and_due_soon_pages_soonest_first(admin_client, reviews):
    response = admin_client.get(report_url())

    assert response.status_code == 200
    assert listed_titles(response) == ["Laser resurfacing", "Rosacea"]
    body = response.content.decode()
    assert "Dr Alice Able" in body and "Dr Bob Baker" in body
    assert "Overdue" in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "overdue"}, ["Laser resurfacing"]),
        ({"status": "due_soon"}, ["Rosacea"]),
        ({"review_due_from": "2027-06-05"}, ["Rosacea"]),
        ({"review_due_to": "2027-06-05"}, ["Laser resurfacing"]),
    ],
)
def test_report_filters_by_status_and_due_date(admin_client, reviews, params, expected):
    assert listed_titles(admin_client.get(report_url(), params)) == expected


def test_report_filters_by_type_and_reviewer(admin_client, reviews):
    condition_type = reviews["soon"].content_type_id
    by_type = admin_client.get(report_url(), {"content_type": condition_type})
    by_reviewer = admin_client.get(report_url(), {"reviewer": reviews["alice"].pk})

    assert listed_titles(by_type) == ["Rosacea"]
    assert listed_titles(by_reviewer) == ["Laser resurfacing"]


def test_report_results_view_serves_the_filtered_table(admin_client, reviews):
    url = reverse("treatments_cms_reviews:results")
    response = admin_client.get(url, {"reviewer": reviews["bob"].pk})

    assert listed_titles(response) == ["Rosacea"]


def test_csv_export_has_the_rows(admin_client, reviews):
    response = admin_client.get(report_url(), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="reviews-due-2027-06-01.csv"'
    )
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "Title",
        "Type",
        "Review due",
        "Review status",
        "Reviewer",
        "Edit link",
    ]
    overdue_edit = reverse("wagtailadmin_pages:edit", args=[reviews["overdue"].pk])
    assert rows[1][0] == "Laser resurfacing"
    assert rows[1][2:] == ["2027-05-20", "Overdue", "Dr Alice Able", overdue_edit]
    assert rows[2][0] == "Rosacea"
    assert rows[2][3:5] == ["Due within 30 days", "Dr Bob Baker"]
    assert len(rows) == 3


def test_csv_export_neutralises_formula_titles(admin_client, reviews):
    reviews["overdue"].title = "=HYPERLINK(1)"
    reviews["overdue"].draft_title = "=HYPERLINK(1)"
    reviews["overdue"].save()

    response = admin_client.get(report_url(), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[1][0] == "'=HYPERLINK(1)"


def test_xlsx_export_downloads(admin_client, reviews):
    response = admin_client.get(report_url(), {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_report_needs_admin_access(client, django_user_model, reviews):
    assert client.get(report_url()).status_code == 302

    user = django_user_model.objects.create_user("clerk", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(report_url())

    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert (
        "Reviews due" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_reports_menu_and_dashboard_panel_show_counts(admin_client, reviews):
    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    soup = BeautifulSoup(body, "html.parser")
    panel = soup.find(id="reviews-due-section")

    assert panel is not None
    overdue = panel.select_one('[data-review-count="overdue"] a')
    due_soon = panel.select_one('[data-review-count="due_soon"] a')
    assert overdue.get_text(" ", strip=True) == "1 page overdue for review"
    assert overdue["href"] == report_url(status="overdue")
    assert due_soon.get_text(" ", strip=True) == "1 page due for review within 30 days"
    assert report_url() in body  # the Reports menu item


def test_page_listing_flags_overdue_pages(admin_client, reviews):
    treatments = reviews["overdue"].get_parent()
    response = admin_client.get(reverse("wagtailadmin_explore", args=[treatments.pk]))
    soup = BeautifulSoup(response.content, "html.parser")

    flagged = [
        row.select_one("[data-listing-page-title] span[id$=_title]").get_text(
            strip=True
        )
        for row in soup.select("tr")
        if row.select_one("a.review-overdue")
    ]
    assert flagged == ["Laser resurfacing"]
    link = soup.select_one("a.review-overdue")
    assert link["href"] == report_url(status="overdue")
    assert "Review overdue" in link.get_text()


def test_dry_run_prints_counts_and_sends_nothing(reviews, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    factories.TreatmentPageFactory(
        title="Botox", next_review_due=days(3), reviewed_by=reviews["alice"]
    )
    out = io.StringIO()
    call_command("review_reminders", "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        "Dr Alice Able: 2 pages due (1 overdue).",
        "Dr Bob Baker: 1 page due (0 overdue).",
        "Dry run: no reminder queued or sent.",
    ]
    assert DBTaskResult.objects.count() == 0
    assert mailoutbox == []


def test_reminders_queue_one_task_per_reviewer_and_mail_links(reviews, mailoutbox):
    unassigned = factories.ConditionPageFactory(
        title="Melasma", next_review_due=days(5), reviewed_by=None
    )
    out = io.StringIO()
    call_command("review_reminders", stdout=out)

    assert out.getvalue().splitlines()[-1] == "Queued 3 reminders."
    assert mailoutbox == []  # queued, not sent by the command

    run_worker()

    assert len(mailoutbox) == 3
    by_subject = {mail.subject: mail for mail in mailoutbox}
    assert set(by_subject) == {
        "Clinical reviews due for Dr Alice Able",
        "Clinical reviews due for Dr Bob Baker",
        "Clinical reviews due for pages without a reviewer",
    }
    alice = by_subject["Clinical reviews due for Dr Alice Able"]
    assert alice.to == ["reviews@example.com"]
    edit = reverse("wagtailadmin_pages:edit", args=[reviews["overdue"].pk])
    assert "Laser resurfacing (overdue since 20 May 2027)" in alice.body
    assert f"http://testserver{edit}" in alice.body
    assert "Chemical peel" not in alice.body  # due in 60 days
    bob = by_subject["Clinical reviews due for Dr Bob Baker"]
    assert "Rosacea (due 11 June 2027)" in bob.body
    assert "Laser resurfacing" not in bob.body
    nobody = by_subject["Clinical reviews due for pages without a reviewer"]
    unassigned_edit = reverse("wagtailadmin_pages:edit", args=[unassigned.pk])
    assert f"http://testserver{unassigned_edit}" in nobody.body


def test_reminders_refuse_without_recipients(reviews, mailoutbox):
    reviews["settings"].notification_recipients = ""
    reviews["settings"].save()

    with pytest.raises(CommandError, match="no notification recipients"):
        call_command("review_reminders", stdout=io.StringIO())


def test_nothing_due_prints_so(db):
    out = io.StringIO()
    call_command("review_reminders", stdout=out)

    assert out.getvalue().strip() == "No pages are due for review."


def test_a_reviewer_with_a_linked_login_gets_their_own_reminder(
    reviews, mailoutbox, django_user_model
):
    login = django_user_model.objects.create_user(
        "alice", "alice.able@example.com", "password"
    )
    reviews["alice"].user = login
    reviews["alice"].save()

    call_command("review_reminders", stdout=io.StringIO())
    run_worker()

    by_subject = {mail.subject: mail for mail in mailoutbox}
    assert by_subject["Clinical reviews due for Dr Alice Able"].to == [
        "alice.able@example.com"
    ]
    # Bob has no login: his list still reaches the clinic's recipients.
    assert by_subject["Clinical reviews due for Dr Bob Baker"].to == [
        "reviews@example.com"
    ]
