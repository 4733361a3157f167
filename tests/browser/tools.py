"""Where the browser-test tools live, and what to do when one is missing.

Chromium (Debian's package), the axe-core script and the Nu Html Checker jar
(both from ``npm ci``) and Java are found here. A missing tool skips the tests
that need it, with the reason, except under ``CI=true``, where it fails them:
CI must never pass by not running the browser checks.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
README_SCREENSHOTS = ROOT / "docs" / "screenshots"

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Reasons for every skip, printed at the end of the run by the conftest.
SKIPPED = []


def in_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


def require(available, reason):
    """Skip (or, under CI=true, fail) the current test unless ``available``."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so the browser checks must run.")
    SKIPPED.append(reason)
    pytest.skip(reason)


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def require_chromium():
    path = chromium_path()
    require(
        os.path.isfile(path) and os.access(path, os.X_OK),
        f"no Chromium at {path} (install Debian's chromium or set CHROMIUM_PATH)",
    )
    return path


def require_axe():
    require(AXE_SCRIPT.is_file(), f"axe-core missing at {AXE_SCRIPT} (run npm ci)")
    return AXE_SCRIPT


def require_vnu():
    java = shutil.which("java")
    require(java is not None, "no java on PATH for the Nu Html Checker")
    require(VNU_JAR.is_file(), f"the Nu Html Checker missing at {VNU_JAR} (run npm ci)")
    return java, VNU_JAR
