"""A visitor sends an enquiry from a treatment page in Chromium; staff see it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.site import LASER
from treatments_cms.models import Enquiry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAME = "Robin Browser-Visitor"
EMAIL = "robin.visitor@example.com"
MESSAGE = "Brown spots on my cheeks since last summer."
PASSWORD = "a-long-test-password-8271"


def field(form, name):
    return form.locator(f'[name="{name}"]')


def test_enquiry_with_an_error_then_corrected_reaches_the_admin_list(
    browser_page, chromium, demo_site, settings, django_user_model
):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    page = browser_page
    page.goto(demo_site.treatment.url)
    form = page.locator("#enquiry form")
    concern = demo_site.condition.title

    # The treatment comes from the page: shown, not typed or picked.
    expect(page.locator("#enquiry")).to_contain_text(LASER)
    expect(field(form, "treatment").locator("visible=true")).to_have_count(0)
    expect(field(form, "marketing_opt_in")).not_to_be_checked()

    # First attempt: an invalid email and the consent box left unticked.
    field(form, "name").fill(NAME)
    field(form, "email").fill("robin.visitor.example.com")
    form.locator('input[name="contact_method"][value="email"]').check()
    form.get_by_label(concern, exact=True).check()
    field(form, "message").fill(MESSAGE)
    form.get_by_label("I am 18 or over").check()
    form.get_by_role("button", name="Send enquiry").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.locator('a[href="#id_email"]')).to_have_count(1)
    expect(summary.locator('a[href="#id_consent"]')).to_have_count(1)
    assert Enquiry.objects.count() == 0

    form = page.locator("form:has(button:text('Send enquiry'))")
    email = field(form, "email")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_email_error\b")
    )
    expect(page.locator("#id_email_error")).to_be_visible()
    # Every other answer is kept.
    expect(field(form, "name")).to_have_value(NAME)
    expect(email).to_have_value("robin.visitor.example.com")
    expect(field(form, "message")).to_have_value(MESSAGE)
    expect(form.locator('input[name="contact_method"][value="email"]')).to_be_checked()
    expect(form.get_by_label(concern, exact=True)).to_be_checked()
    expect(form.get_by_label("I am 18 or over")).to_be_checked()
    expect(field(form, "consent")).not_to_be_checked()

    # The summary's link takes the visitor to the field.
    summary.locator('a[href="#id_email"]').click()
    expect(email).to_be_focused()

    # Corrected and sent.
    email.fill(EMAIL)
    field(form, "consent").check()
    form.get_by_role("button", name="Send enquiry").click()
    page.wait_for_url("**/enquire/thank-you/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    assert EMAIL not in page.url and NAME.split()[0] not in page.url

    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.email, enquiry.treatment_id) == (
        NAME,
        EMAIL,
        demo_site.treatment.pk,
    )
    assert [c.title for c in enquiry.concerns.all()] == [concern]

    # A member of staff signs in and finds it in the Enquiries list.
    django_user_model.objects.create_superuser("staff", "staff@example.com", PASSWORD)
    staff = chromium.new_context(base_url=demo_site.base_url)
    try:
        admin = staff.new_page()
        admin.goto("/admin/login/")
        admin.fill("#id_username", "staff")
        admin.fill("#id_password", PASSWORD)
        admin.locator("form button[type=submit]").click()
        admin.wait_for_url(re.compile(r"/admin/$"))
        admin.goto("/admin/treatments_cms/enquiry/")
        expect(admin.get_by_role("heading", level=1)).to_contain_text("Enquiries")
        row = admin.locator("tbody tr", has_text=NAME)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(LASER)
    finally:
        staff.close()
