"""Lighthouse (the npm package) on Debian's Chromium: category scores of a page.

``run_many(urls, preset=...)`` audits URLs one after another in a Chromium of
its own (its own profile directory and debugging port, so calls may overlap)
and returns the reports as dicts; ``scores`` and ``failures`` read them.
Lighthouse never downloads a browser here: it is given ``CHROME_PATH`` and
the same flags as the Playwright tests.

``performance_score(url)`` is for ``make bench``: the performance score
(0-100) of a page being served, or None with the reason printed when Node or
Lighthouse is missing; ``live_server()`` serves the configured project and
database in a thread for it::

    with lighthouse.live_server() as base_url:
        score = lighthouse.performance_score(base_url + treatment_url)

Nothing asserts the score: a shared machine's timings vary too much to pass
or fail on.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tests.browser import tools

LIGHTHOUSE = tools.ROOT / "node_modules" / "lighthouse" / "core" / "index.js"
RUNNER = Path(__file__).with_name("lighthouse_runner.mjs")

# "mobile" is Lighthouse's default (a phone's screen and a slow connection);
# "desktop" its built-in desktop preset.
PRESETS = ("mobile", "desktop")
REQUIRED = ("accessibility", "best-practices", "seo")
TIMEOUT_SECONDS = 60  # starting Chromium and Lighthouse
PER_URL_SECONDS = 90


def node_path():
    return shutil.which("node")


def missing():
    """Why Lighthouse cannot run here, or "" when it can."""
    if node_path() is None:
        return "no node on PATH for Lighthouse (install nodejs and npm)"
    if not LIGHTHOUSE.is_file():
        return f"Lighthouse missing at {LIGHTHOUSE} (run npm ci)"
    chromium = tools.chromium_path()
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        return f"no Chromium at {chromium} for Lighthouse"
    return ""


def require_lighthouse():
    """Skip (or, under CI=true, fail) the current test unless Lighthouse can run."""
    reason = missing()
    tools.require(not reason, reason)


def run_many(urls, *, preset="mobile", categories=REQUIRED):
    """Lighthouse's reports (the JSON "LHR" as dicts) for ``urls``, in order.

    One Chromium and one Lighthouse process audit the URLs one after another
    (``lighthouse_runner.mjs``); separate calls may run at the same time.
    """
    if preset not in PRESETS:
        raise ValueError(f"Unknown Lighthouse preset {preset!r}")
    urls = list(urls)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as directory:
        env = {
            **os.environ,
            "CHROME_PATH": tools.chromium_path(),
            # Chromium's profile and Lighthouse's scratch files, per run.
            "TMPDIR": directory,
        }
        result = subprocess.run(  # noqa: S603 (fixed arguments, our own URLs)
            [
                node_path(),
                str(RUNNER),
                directory,
                preset,
                ",".join(categories),
                " ".join(tools.CHROMIUM_ARGS),
                *urls,
            ],
            capture_output=True,
            timeout=TIMEOUT_SECONDS + PER_URL_SECONDS * len(urls),
            check=False,
            env=env,
            cwd=tools.ROOT,
        )
        reports = []
        for index, url in enumerate(urls):
            path = Path(directory) / f"{index}.json"
            if result.returncode != 0 or not path.is_file():
                raise RuntimeError(
                    f"Lighthouse failed on {url} ({preset}), exit "
                    f"{result.returncode}:\n"
                    + result.stderr.decode(errors="replace")[-3000:]
                )
            report = json.loads(path.read_text())
            if report.get("runtimeError"):
                raise RuntimeError(
                    f"Lighthouse on {url} ({preset}): {report['runtimeError']}"
                )
            reports.append(report)
    return reports


def run(url, *, preset="mobile", categories=REQUIRED):
    """Lighthouse's report for one URL."""
    return run_many([url], preset=preset, categories=categories)[0]


def scores(report):
    """``{category id: score 0-100}``; a category Lighthouse could not score is None."""
    return {
        name: None if category["score"] is None else round(category["score"] * 100)
        for name, category in report["categories"].items()
    }


def failures(report, category):
    """Readable lines for each scored audit of ``category`` that did not pass."""
    lines = []
    audits = report["audits"]
    for ref in report["categories"][category]["auditRefs"]:
        if not ref.get("weight"):
            continue
        audit = audits[ref["id"]]
        if audit["score"] is None or audit["score"] >= 1:
            continue
        lines.append(f"  {audit['id']} ({audit['score']}): {audit['title']}")
        items = (audit.get("details") or {}).get("items") or []
        for item in items[:5]:
            node = item.get("node") or item.get("source") or {}
            if not isinstance(node, dict):
                node = {"snippet": node}
            where = node.get("snippet") or node.get("selector") or item.get("url") or ""
            detail = node.get("explanation") or item.get("description") or ""
            lines.append(f"      {str(where)[:160]} {str(detail)[:240]}".rstrip())
    return lines


def performance_score(url, *, preset="mobile"):
    """The performance score (0-100) of ``url``, or None when Lighthouse cannot run.

    For ``make bench``: ``url`` must already be served (a running server).
    """
    reason = missing()
    if reason:
        print(f"Lighthouse performance not measured: {reason}", file=sys.stderr)
        return None
    report = run(url, preset=preset, categories=("performance",))
    return scores(report)["performance"]


@contextmanager
def live_server(host="127.0.0.1"):
    """Serve the Django project (its settings, its database) in a thread.

    Yields the base URL (``http://127.0.0.1:<free port>``); static files are
    served from the apps, as in the tests.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread(host, StaticFilesHandler, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://{host}:{thread.port}"
    finally:
        thread.terminate()
