"""The checking tools themselves: a page with known faults must fail the checks."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser import axe, layout, lighthouse, tools

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


FAULTY_LAYOUT = """<!DOCTYPE html><html lang="en"><head><title>Wide</title>
<style>body { margin: 0 } .hidden { position: absolute; width: 1px; height: 1px;
overflow: hidden; clip: rect(0 0 0 0) } .skip { position: absolute; top: -10rem }
.scroll { overflow-x: auto } .trap { position: absolute; left: -9999px }</style>
</head><body>
<a class="skip" href="#main">Skip to main content</a>
<span class="hidden"><span style="display: inline-block; width: 900px">hidden</span></span>
<div class="trap"><input name="website" style="width: 500px"></div>
<main id="main"><div id="wide" style="width: 500px">too wide</div>
<div class="scroll" id="scroller"><table style="width: 800px"><tr><td>x</td></tr></table></div>
<form><label for="name">Name</label><input id="name" name="name">
<input type="checkbox" id="tick"><br><label for="tick">Below its box</label>
<label><input type="radio" name="r" id="big" style="width: 24px; height: 24px"> Beside</label>
</form></main></body></html>"""


def test_the_layout_checks_find_what_is_too_wide_or_too_small(launch_chromium):
    """A page with a wide box, a scroll box and browser-default controls fails."""
    page = launch_chromium.new_page(viewport={"width": 320, "height": 640})
    try:
        page.set_content(FAULTY_LAYOUT)
        found = "\n".join(layout.overflow(page))
        measured = layout.controls(page, page.locator("form"))
        problems = "\n".join(layout.size_problems(measured, "faulty"))
    finally:
        page.close()
    assert "the page scrolls sideways: 500 px wide" in found
    assert "div#wide spans 0 to 500 px" in found
    assert "div#scroller.scroll scrolls sideways: content 800 px wide" in found
    # Visually hidden text, the skip link and the spam trap are not "wider".
    assert "hidden" not in found and "skip" not in found and "trap" not in found
    assert [c["id"] for c in measured] == ["name", "tick", "big"]
    assert "text name has 13.3333 px text" in problems
    assert "text name is 21 px tall" in problems
    assert "checkbox tick is 13x13 px" in problems
    assert "checkbox tick: label starts at" in problems
    assert "radio big" not in problems


FAULTY_PAGE = (
    "<!DOCTYPE html><html><head></head><body><main>"
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    "<p>No title, no language, no description.</p></main></body></html>"
)


def test_lighthouse_reports_a_faulty_page(tmp_path):
    """Lighthouse itself: a page with known faults scores below 100, with reasons."""
    lighthouse.require_lighthouse()
    (tmp_path / "index.html").write_text(FAULTY_PAGE)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        report = lighthouse.run(url, preset="mobile")
    finally:
        server.shutdown()
        server.server_close()
    scores = lighthouse.scores(report)
    assert scores["accessibility"] < 100
    assert scores["seo"] < 100
    found = "\n".join(
        lighthouse.failures(report, "accessibility")
        + lighthouse.failures(report, "seo")
    )
    for audit in ("image-alt", "html-has-lang", "document-title", "meta-description"):
        assert f"  {audit} (" in found
