"""Layout in Chromium: nothing wider than the screen, a form a thumb can use.

- Every page type (``site.page_types``) and the form with its errors: no
  element reaches past the viewport's edge, and nothing scrolls sideways, at
  320 and 375 px (and at the tablet and desktop widths the screenshots use);
  full-page screenshots at 375, 768 and 1280 px go to
  test-artifacts/screenshots.
- The enquiry form at 375 px, measured from the computed layout: text boxes
  and selects with 16 px text (below that iOS zooms in on focus) and 44 px
  tall, tick boxes and radio buttons 24 px with their label beside them, and
  the whole label clickable.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser import layout, screens
from tests.browser.site import expected_status, page_types

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def tab(chromium, demo_site, settings):
    """A phone-sized tab; the form accepts a post however fast it is sent."""
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    context = chromium.new_context(base_url=demo_site.base_url, viewport=screens.PHONE)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def check_widths(page, name, problems):
    """Overflow at the narrow widths, then overflow and a screenshot at each width."""
    for width in screens.NARROW_WIDTHS:
        page.set_viewport_size({"width": width, "height": screens.PHONE["height"]})
        problems += [f"{name} at {width}px: {line}" for line in layout.overflow(page)]
    for label, size in screens.WIDTHS.items():
        page.set_viewport_size(size)
        if size["width"] not in screens.NARROW_WIDTHS:
            problems += [
                f"{name} at {size['width']}px: {line}" for line in layout.overflow(page)
            ]
        screens.capture(page, name, label)


def send_empty_form(page):
    page.goto(reverse("treatments_cms:enquiry"))
    page.get_by_role("button", name="Send enquiry").click()
    page.locator("#error-summary").wait_for()


def test_no_page_is_wider_than_the_screen(tab, demo_site):
    page = tab
    problems, seen = [], []
    types = page_types(demo_site)
    for name, url in types:
        response = page.goto(url)
        assert response.status == expected_status(name), f"{name} ({url})"
        check_widths(page, name, problems)
        seen.append(name)

    send_empty_form(page)
    check_widths(page, "enquiry-errors", problems)

    # The comparison on a phone, on its own, for the README.
    page.goto(demo_site.treatment.url)
    page.set_viewport_size(screens.PHONE)
    comparison = page.locator(".comparison-wrap, .comparison").first
    expect(comparison).to_be_visible()
    box = page.evaluate(
        """(el) => {
            const box = el.getBoundingClientRect();
            return {x: 0, y: box.top + scrollY - 16, height: box.height + 32};
        }""",
        comparison.element_handle(),
    )
    screens.capture(
        page,
        "comparison",
        "phone",
        clip={"width": screens.PHONE["width"], **box},
    )

    assert {"home", "treatment", "condition", "alternative", "enquiry"} <= set(seen)
    assert {"treatment-index", "condition-index", "alternative-index"} <= set(seen)
    assert {"enquiry-thanks", "search-results"} <= set(seen)
    # The demo clinic group: its locations and its practitioners' profiles.
    assert {"content", "location-index", "location", "practitioner"} <= set(seen)
    assert not problems, "Wider than the screen:\n" + "\n".join(problems)


def test_the_enquiry_form_fits_a_thumb_at_375px(tab, demo_site):
    page = tab
    problems = []

    page.goto(reverse("treatments_cms:enquiry"))
    form = page.locator("form.enquiry-form")
    controls = layout.controls(page, form)
    kinds = [c["kind"] for c in controls]
    assert {"text", "email", "select", "textarea", "checkbox", "radio"} <= set(kinds)
    assert kinds.count("checkbox") >= 2
    assert "button" in kinds or "submit" in kinds
    problems += layout.size_problems(controls, "/enquire/")

    # The whole label is the target: a click on its text ticks the box.
    consent = form.locator("#id_consent")
    expect(consent).not_to_be_checked()
    form.locator('label[for="id_consent"]').click()
    expect(consent).to_be_checked()

    # With errors shown, the fields keep their sizes.
    send_empty_form(page)
    form = page.locator("form.enquiry-form")
    problems += layout.size_problems(
        layout.controls(page, form), "/enquire/ with errors"
    )

    # The form on a treatment page (treatment fixed, conditions to tick).
    page.goto(demo_site.treatment.url)
    form = page.locator("#enquiry form")
    controls = layout.controls(page, form)
    assert "checkbox" in [c["kind"] for c in controls]
    problems += layout.size_problems(controls, "treatment page")

    assert not problems, "Enquiry form at 375 px:\n" + "\n".join(problems)
