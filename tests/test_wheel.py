"""``python -m build`` makes a wheel of the plugin alone, with what it needs to run.

The build runs on a copy of the repository (demo site and tests included, so
their absence from the wheel is the packaging's doing), without build
isolation: it uses the setuptools and build pinned in requirements.txt.
"""

import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from treatments_cms import __version__

ROOT = Path(__file__).resolve().parents[1]

# Local state that is not source: environments, caches, databases, outputs.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "test-artifacts",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.py[co]",
    "*.sqlite3*",
    "media",
    "static_collected",
    ".*_cache",
    ".hypothesis",
    ".coverage",
    ".env",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("source") / "treatments-cms"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    # A catalogue of our own, so the test does not depend on which exist yet.
    probe = source / "treatments_cms" / "locale" / "zz" / "LC_MESSAGES"
    probe.mkdir(parents=True, exist_ok=True)
    (probe / "django.po").write_text('msgid ""\nmsgstr ""\n')
    (probe / "django.mo").write_bytes(b"\xde\x12\x04\x95")
    dist = source / "dist"
    subprocess.run(  # noqa: S603 - a fixed command on our own copy
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist)],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=120,
    )
    (path,) = dist.glob("treatments_cms-*-py3-none-any.whl")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    return path, names, metadata


def test_the_wheel_holds_templates_static_files_and_migrations(wheel):
    _, names, _ = wheel

    for expected in (
        "treatments_cms/__init__.py",
        "treatments_cms/apps.py",
        "treatments_cms/templates/treatments_cms/treatment_page.html",
        "treatments_cms/templates/treatments_cms/head/meta.html",
        "treatments_cms/templates/treatments_cms/includes/breadcrumbs.html",
        "treatments_cms/templatetags/treatments_cms_head.py",
        "treatments_cms/static/treatments_cms/css/treatments_cms.css",
        "treatments_cms/migrations/__init__.py",
        "treatments_cms/migrations/0001_initial.py",
    ):
        assert expected in names


def test_the_wheel_holds_the_translation_catalogues(wheel):
    _, names, _ = wheel
    catalogues = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "treatments_cms" / "locale").glob("*/LC_MESSAGES/*.[mp]o")
    ]

    assert "treatments_cms/locale/zz/LC_MESSAGES/django.po" in names
    assert "treatments_cms/locale/zz/LC_MESSAGES/django.mo" in names
    assert [name for name in catalogues if name not in names] == []


def test_the_wheel_leaves_out_the_demo_site_and_tests(wheel):
    path, names, _ = wheel

    assert path.name == f"treatments_cms-{__version__}-py3-none-any.whl"
    top_level = {name.split("/", 1)[0] for name in names}
    assert top_level == {"treatments_cms", f"treatments_cms-{__version__}.dist-info"}
    assert not [name for name in names if "__pycache__" in name]
    # Development helpers and site chrome belong to the demo site.
    assert not [name for name in names if "ensure_dev_admin" in name]
    assert "treatments_cms/static/treatments_cms/css/site.css" not in names


def test_the_metadata_names_the_stack_and_its_lower_bounds(wheel):
    _, _, metadata = wheel

    assert metadata["Name"] == "treatments-cms"
    assert metadata["Version"] == __version__
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "BSD-3-Clause"
    classifiers = metadata.get_all("Classifier")
    for classifier in (
        "Framework :: Django :: 5.2",
        "Framework :: Wagtail",
        "Framework :: Wagtail :: 8",
        "Programming Language :: Python :: 3.11",
    ):
        assert classifier in classifiers
    assert set(metadata.get_all("Requires-Dist")) == {
        "Django>=5.2",
        "wagtail>=8.0",
        "wagtail-modeladmin>=2.5",
        "swapper>=1.4",
        "django-tasks>=0.12",
        "snowballstemmer>=2.2",
        'PyStemmer>=2.2; extra == "speedups"',
    }
    assert "Wagtail plugin" in metadata.get_payload()
