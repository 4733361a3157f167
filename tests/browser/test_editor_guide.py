"""The admin screens the editor guide (docs/editor-guide.md) shows, in Chromium.

Each step of the guide is taken here on the live server with the demo
content: ``admin-*.png`` under test-artifacts/screenshots, and, with
``UPDATE_README_SCREENSHOTS=1``, under docs/screenshots for the guide.
The sign-off screens need the "Clinical content" workflow; without it they
are skipped with the reason.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Workflow, WorkflowPage

from tests.browser import tools
from tests.browser.screens import capture_admin
from tests.factories import EnquiryFactory
from treatments_cms.models import (
    AlternativePage,
    ConditionPage,
    ConsentStatement,
    Enquiry,
    TreatmentPage,
)
from treatments_cms.swappable import get_practitioner_model

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-5940"
WORKFLOW = "Clinical content"
REVIEWERS = "Clinical reviewers"
RISKY_SUMMARY = (
    "A guaranteed cure for sun spots and redness: gentle light evens out "
    "your skin tone over a short course of sessions."
)


def log_in(chromium, site, username):
    """A fresh admin tab, signed in as ``username``."""
    context = chromium.new_context(
        base_url=site.base_url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def edit_url(page_obj):
    return f"/admin/pages/{page_obj.pk}/edit/"


def open_tab(page, name):
    page.get_by_role("tab", name=name, exact=True).click()
    expect(page.get_by_role("tab", name=name, exact=True)).to_have_attribute(
        "aria-selected", "true"
    )


def action_menu(page):
    """Open the editor footer's "more actions" menu (publish, submit, approve...)."""
    toggle = page.locator("footer .w-dropdown__toggle").first
    toggle.click()
    content = page.locator("footer .w-dropdown__content").first
    expect(content).to_be_visible()
    return content


def make_editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor",
        "editor@example.com",
        PASSWORD,
        first_name="Sam",
        last_name="Marketing",
    )


def schedule_reviews(site):
    """Some demo pages overdue or due for review soon, so the report lists them."""
    today = timezone.localdate()
    TreatmentPage.objects.filter(pk=site.treatment.pk).update(
        next_review_due=today - datetime.timedelta(days=12)
    )
    ConditionPage.objects.filter(pk=site.condition.pk).update(
        next_review_due=today + datetime.timedelta(days=9)
    )
    AlternativePage.objects.filter(pk=site.alternative.pk).update(
        next_review_due=today + datetime.timedelta(days=23)
    )


def make_enquiries(site):
    """Three enquiries about the demo treatment, one already being handled."""
    consent = ConsentStatement.objects.order_by("-effective_from").first()
    made = []
    for hours_ago, (name, email, status, message) in enumerate(
        [
            (
                "Alex Morgan",
                "alex.morgan@example.com",
                "new",
                "Brown spots on my cheeks since last summer. Could laser help?",
            ),
            (
                "Priya Shah",
                "priya.shah@example.com",
                "contacted",
                "Thread veins around my nose. What would you recommend?",
            ),
            (
                "Jordan Lee",
                "jordan.lee@example.com",
                "new",
                "Redness that comes and goes. I'd like to book an assessment.",
            ),
        ],
        start=1,
    ):
        enquiry = EnquiryFactory(
            treatment=site.treatment,
            consent_statement=consent,
            name=name,
            email=email,
            status=status,
            message=message,
            phone="07700 900123",
        )
        enquiry.concerns.add(site.condition)
        received = timezone.now() - datetime.timedelta(hours=5 * hours_ago)
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=received)
        made.append(enquiry)
    return made


def test_editor_guide_screens(chromium, demo_site, django_user_model):
    make_editor(django_user_model)
    schedule_reviews(demo_site)
    enquiries = make_enquiries(demo_site)
    page = log_in(chromium, demo_site, "editor")
    treatment = demo_site.treatment
    try:
        # 1. Creating (editing) a treatment: the Content tab.
        page.goto(edit_url(treatment))
        expect(page.get_by_role("tab", name="Content", exact=True)).to_be_visible()
        expect(page.locator("#id_summary")).to_be_visible()
        capture_admin(page, "treatment-content")

        # 2. Linking conditions and alternatives: the Links tab.
        open_tab(page, "Links")
        panel = page.locator("section[role=tabpanel]:visible")
        expect(panel).to_contain_text("Conditions treated")
        expect(panel).to_contain_text(demo_site.linked_conditions[0].title)
        capture_admin(page, "treatment-links")

        # 4. The review-due report.
        page.goto("/admin/reports/reviews-due/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Reviews due")
        expect(page.locator("main")).to_contain_text(treatment.title)
        capture_admin(page, "reviews-due")

        # 5. Handling enquiries: the inbox and one enquiry.
        page.goto("/admin/treatments_cms/enquiry/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Enquiries")
        for enquiry in enquiries:
            expect(page.locator("tbody tr", has_text=enquiry.name)).to_have_count(1)
        capture_admin(page, "enquiries")
        first = Enquiry.objects.get(email="alex.morgan@example.com")
        page.goto(f"/admin/treatments_cms/enquiry/inspect/{first.pk}/")
        expect(page.locator("main")).to_contain_text("Alex Morgan")
        capture_admin(page, "enquiry-inspect")
        page.goto(f"/admin/treatments_cms/enquiry/edit/{first.pk}/")
        status = page.locator("#id_status")
        expect(status).to_be_visible()
        # The handling fields, below what the visitor sent, in the middle.
        status.evaluate("el => el.scrollIntoView({block: 'center'})")
        capture_admin(page, "enquiry-edit")

        # 3. The claims warning, after saving a summary with a risky phrase.
        page.goto(edit_url(treatment))
        page.locator("#id_summary").fill(RISKY_SUMMARY)
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_load_state()
        messages = page.locator(".messages")
        expect(messages).to_contain_text("guaranteed")
        expect(messages).to_contain_text("Summary")
        page.evaluate("window.scrollTo(0, 0)")
        capture_admin(page, "claims-warning")
    finally:
        page.context.close()


def clinical_workflow():
    """The sign-off workflow and its reviewers' group, or a reason they are missing."""
    workflow = Workflow.objects.filter(name__iexact=WORKFLOW, active=True).first()
    if workflow is None:
        return None, None, f'no active "{WORKFLOW}" workflow in the database'
    group = Group.objects.filter(name=REVIEWERS).first()
    if group is None:
        return None, None, f'no "{REVIEWERS}" group in the database'
    return workflow, group, ""


def test_sign_off_screens(chromium, demo_site, django_user_model):
    workflow, group, reason = clinical_workflow()
    if workflow is None:
        reason = f"sign-off screenshots not taken: {reason}"
        tools.SKIPPED.append(reason)
        pytest.skip(reason)

    treatment = demo_site.treatment
    if treatment.get_workflow() is None:
        # The demo leaves the choice of pages to the clinic: cover the treatments.
        WorkflowPage.objects.create(workflow=workflow, page=demo_site.treatment_index)
    make_editor(django_user_model)
    clinician = django_user_model.objects.create_user(
        "clinician",
        "clinician@example.com",
        PASSWORD,
        first_name="Dr Ruth",
        last_name="Clinician",
    )
    clinician.groups.add(group)
    # Only a reviewer linked to a practitioner may sign off: the demo's doctor.
    get_practitioner_model().objects.filter(pk=treatment.reviewed_by_id).update(
        user=clinician
    )
    clinician.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )

    # 6. The editor sends the page for clinical sign-off.
    page = log_in(chromium, demo_site, "editor")
    try:
        page.goto(edit_url(treatment))
        menu = action_menu(page)
        submit = menu.get_by_role("button", name=re.compile(r"Submit to", re.I))
        expect(submit).to_be_visible()
        submit.click()
        page.wait_for_load_state()
        expect(page.locator(".messages")).to_contain_text(
            re.compile(r"submitted|moderation|sign-off", re.I)
        )
        page.evaluate("window.scrollTo(0, 0)")
        capture_admin(page, "sign-off-sent")
    finally:
        page.context.close()

    # 7. The clinician opens the page and approves it.
    page = log_in(chromium, demo_site, "clinician")
    try:
        page.goto(edit_url(treatment))
        menu = action_menu(page)
        approve = menu.get_by_role("button", name=re.compile(r"sign off", re.I))
        expect(approve.first).to_be_visible()
        capture_admin(page, "sign-off-approve")
    finally:
        page.context.close()
