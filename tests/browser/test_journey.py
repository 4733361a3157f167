"""A visitor's journey through the cross-linked pages, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.site import LASER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def heading(page):
    return page.get_by_role("heading", level=1)


def test_home_to_treatment_to_condition_and_back(browser_page, demo_site):
    page = browser_page
    treatment = demo_site.treatment

    page.goto("/")
    expect(heading(page)).to_be_visible()
    # The site navigation in the header leads to the treatment index.
    page.locator("header").get_by_role("link", name="Treatments", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(demo_site.treatment_index.url) + "$"))
    expect(heading(page)).to_have_text(demo_site.treatment_index.title)

    # The treatment's card on the index.
    page.locator("main").get_by_role("link", name=re.compile(LASER)).first.click()
    expect(page).to_have_url(re.compile(re.escape(treatment.url) + "$"))
    expect(heading(page)).to_have_text(LASER)

    # A condition card on the treatment page: every linked condition has one.
    condition = demo_site.condition
    cards = page.locator(f'main a[href="{condition.url}"]')
    for linked in demo_site.linked_conditions:
        expect(page.locator(f'main a[href="{linked.url}"]').first).to_be_visible()
    cards.first.click()
    expect(page).to_have_url(re.compile(re.escape(condition.url) + "$"))
    expect(heading(page)).to_have_text(condition.title)

    # Back through the condition page's own link to the treatment (derived
    # from the treatment-side link), not the browser's back button.
    back = page.locator(f'main a[href="{treatment.url}"]').first
    expect(back).to_contain_text(LASER)
    back.click()
    expect(page).to_have_url(re.compile(re.escape(treatment.url) + "$"))
    expect(heading(page)).to_have_text(LASER)
