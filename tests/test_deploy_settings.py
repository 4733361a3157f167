"""Production settings and the checks that guard a deployment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from treatments_cms import checks

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
    "SECRET_KEY": "t8Zq-only-for-this-test-3vK9pLmN2xRw7yBc5dFg1hJk4sTu6oWe0aQz",
    "ALLOWED_HOSTS": "clinic.example.com",
    "WAGTAILADMIN_BASE_URL": "https://clinic.example.com",
    "TRUSTED_PROXY_COUNT": "1",
}


def run_python(*args, without=(), **env):
    """Run Python in the project with the production environment (minus ``without``)."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and not key.startswith("DJANGO_")
    }
    environ |= {k: v for k, v in PRODUCTION_ENV.items() if k not in without}
    environ |= env
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=120,
        check=False,
    )


PRINT_SETTING = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.{})"
)


# --- WAGTAILADMIN_BASE_URL ---------------------------------------------------


def test_production_refuses_to_start_without_the_admin_base_url():
    result = run_python(
        "-c", PRINT_SETTING.format("DEBUG"), without=["WAGTAILADMIN_BASE_URL"]
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set the WAGTAILADMIN_BASE_URL environment variable." in result.stderr


def test_production_reads_the_admin_base_url_and_proxy_count():
    result = run_python(
        "-c",
        PRINT_SETTING.format(
            "WAGTAILADMIN_BASE_URL, settings.TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT"
        ),
        TRUSTED_PROXY_COUNT="2",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://clinic.example.com", "2"]


def test_the_development_default_is_not_in_the_shared_settings():
    base = (ROOT / "clinic_site" / "settings" / "base.py").read_text()
    assert "127.0.0.1:8000" not in base


def test_check_deploy_passes_with_a_full_production_environment():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "treatments_cms." not in result.stdout + result.stderr


def test_check_deploy_warns_behind_an_untrusted_proxy():
    result = run_python("manage.py", "check", "--deploy", TRUSTED_PROXY_COUNT="0")

    assert "treatments_cms.W002" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "value", [None, "", "clinic.example.com", "/admin/", "ftp://clinic.example.com"]
)
def test_e013_without_an_absolute_admin_base_url(value):
    with override_settings(DEBUG=False, WAGTAILADMIN_BASE_URL=value):
        assert [e.id for e in checks.check_admin_base_url(None)] == [
            "treatments_cms.E013"
        ]


def test_e013_when_the_admin_base_url_is_missing_altogether(settings):
    settings.DEBUG = False
    del settings.WAGTAILADMIN_BASE_URL
    assert [e.id for e in checks.check_admin_base_url(None)] == ["treatments_cms.E013"]


@pytest.mark.parametrize(
    "value", ["https://clinic.example.com", "http://localhost:8000/"]
)
def test_e013_passes_an_absolute_http_address(value):
    with override_settings(DEBUG=False, WAGTAILADMIN_BASE_URL=value):
        assert checks.check_admin_base_url(None) == []


def test_e013_is_silent_in_development():
    with override_settings(DEBUG=True, WAGTAILADMIN_BASE_URL=""):
        assert checks.check_admin_base_url(None) == []


# --- Trusted proxies --------------------------------------------------------------


@pytest.mark.parametrize(
    "proxy",
    [
        {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")},
        {"USE_X_FORWARDED_HOST": True},
        {"USE_X_FORWARDED_PORT": True},
    ],
)
def test_w002_behind_a_proxy_nobody_trusts(proxy):
    with override_settings(TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT=0, **proxy):
        assert [w.id for w in checks.check_trusted_proxies(None)] == [
            "treatments_cms.W002"
        ]
    with override_settings(TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT=1, **proxy):
        assert checks.check_trusted_proxies(None) == []


def test_w002_is_silent_without_a_proxy():
    with override_settings(
        SECURE_PROXY_SSL_HEADER=None,
        USE_X_FORWARDED_HOST=False,
        USE_X_FORWARDED_PORT=False,
        TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT=0,
    ):
        assert checks.check_trusted_proxies(None) == []


# --- manage.py run unattended ------------------------------------------------


def test_an_unattended_manage_py_refuses_to_guess_its_settings():
    """Cron runs with no terminal: the dev settings would print mail and mark it sent."""
    result = run_python(
        "manage.py", "send_enquiry_notifications", without=["DJANGO_SETTINGS_MODULE"]
    )

    assert result.returncode == 2
    assert "DJANGO_SETTINGS_MODULE is not set" in result.stderr
    assert "Notifications sent" not in result.stdout


def test_an_unattended_manage_py_uses_the_development_settings_for_other_commands():
    """check, migrate and makemigrations keep working from scripts and hooks."""
    result = run_python("manage.py", "check", without=["DJANGO_SETTINGS_MODULE"])

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
