"""The checking tools themselves: a page with known faults must fail the checks."""

import pytest

from tests.browser import axe, tools

pytestmark = pytest.mark.browser


def test_the_scan_reports_serious_violations(launch_chromium):
    """The harness itself: a page with known faults fails the check."""
    tools.require_axe()
    page = launch_chromium.new_page()
    try:
        page.set_content(
            '<!DOCTYPE html><html lang="en"><head><title>Faulty</title></head>'
            '<body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            "<button></button></main></body></html>"
        )
        found = axe.blocking(axe.violations(page))
    finally:
        page.close()
    assert {v["id"] for v in found} >= {"image-alt", "button-name"}
    assert "image-alt" in "\n".join(axe.describe("faulty", found))


def test_a_missing_tool_skips_with_its_reason_but_fails_under_ci(monkeypatch):
    monkeypatch.setattr(tools, "SKIPPED", [])
    monkeypatch.setenv("CHROMIUM_PATH", "/nonexistent/chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium at /nonexistent"):
        tools.require_chromium()
    assert tools.SKIPPED == [
        "no Chromium at /nonexistent/chromium (install Debian's chromium or set "
        "CHROMIUM_PATH)"
    ]

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        tools.require_chromium()
