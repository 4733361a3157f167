"""axe-core on every page type, at phone and desktop widths.

No violation of WCAG 2.2 A/AA with impact "serious" or "critical" is allowed;
lesser ones are printed. The screenshots are taken by ``test_layout``.
"""

import pytest

from tests.browser import axe, screens, tools
from tests.browser.site import LASER, expected_status, page_types

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def axe_page(chromium, demo_site, settings):
    """A tab that lets axe be injected whatever the site's script policy."""
    tools.require_axe()
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    context = chromium.new_context(
        base_url=demo_site.base_url, viewport=screens.DESKTOP, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def check(page, name, problems, minor):
    """Scan the current page at phone and desktop widths."""
    for size in (screens.PHONE, screens.DESKTOP):
        page.set_viewport_size(size)
        found = axe.violations(page)
        problems += axe.describe(f"{name} at {size['width']}px", axe.blocking(found))
        minor += axe.describe(
            f"{name} at {size['width']}px",
            [v for v in found if v["impact"] not in axe.BLOCKING],
        )


def test_every_page_type_has_no_serious_accessibility_violation(axe_page, demo_site):
    page = axe_page
    problems, minor = [], []
    visited = []

    types = page_types(demo_site)
    for name, url in types:
        response = page.goto(url)
        expected = expected_status(name)
        assert response.status == expected, f"{name} ({url}): {response.status}"
        check(page, name, problems, minor)
        visited.append(name)

    # The standalone form sent empty shows its errors...
    page.goto("/enquire/")
    page.get_by_role("button", name="Send enquiry").click()
    page.locator("#error-summary").wait_for()
    check(page, "enquiry-errors", problems, minor)
    visited.append("enquiry-errors")

    # ...and sent complete, the thank-you page.
    page.fill("#id_name", "Alex Example")
    page.fill("#id_email", "alex@example.com")
    page.select_option("#id_treatment", label=LASER)
    page.check('input[name="contact_method"][value="email"]')
    page.check("#id_is_adult")
    page.check("#id_consent")
    page.get_by_role("button", name="Send enquiry").click()
    page.wait_for_url("**/enquire/thank-you/")
    check(page, "enquiry-thanks-after-sending", problems, minor)
    visited.append("enquiry-thanks-after-sending")

    if minor:
        print("\n".join(["axe: moderate and minor findings (not failing):", *minor]))
    assert len(visited) == len(types) + 2 >= 15
    assert not problems, "axe found serious or critical violations:\n" + "\n".join(
        problems
    )
