"""The app's plumbing: migrations, system checks, settings, facts and snippets."""

import datetime

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from home.models import HomePage
from tests import factories
from treatments_cms import checks
from treatments_cms.blocks import EvidenceSourceBlock
from treatments_cms.conf import DEFAULTS, app_settings
from treatments_cms.models import (
    ConsentStatement,
    Practitioner,
    TreatmentIndexPage,
    TreatmentPage,
)
from treatments_cms.models.mixins import format_range

# --- migrations and checks --------------------------------------------------------


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Exits with status 1 when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def check_ids(**kwargs):
    return {message.id for message in run_checks(**kwargs)}


def test_the_project_passes_the_apps_checks():
    assert not {i for i in check_ids() if i.startswith("treatments_cms.")}


@pytest.mark.parametrize("missing", checks.REQUIRED_APPS)
def test_e001_names_a_missing_required_app(monkeypatch, missing):
    real = checks.apps.is_installed
    monkeypatch.setattr(
        checks.apps, "is_installed", lambda app: app != missing and real(app)
    )

    errors = checks.check_required_apps(None)

    assert [(e.id, e.msg) for e in errors] == [
        ("treatments_cms.E001", f"treatments_cms needs '{missing}' in INSTALLED_APPS.")
    ]
    assert "treatments_cms.E001" in check_ids()


def test_w001_warns_without_an_email_timeout(settings):
    settings.EMAIL_TIMEOUT = None
    assert [w.id for w in checks.check_email_timeout(None)] == ["treatments_cms.W001"]
    assert "treatments_cms.W001" in check_ids()
    del settings.EMAIL_TIMEOUT
    assert "treatments_cms.W001" in check_ids()
    settings.EMAIL_TIMEOUT = 5
    assert checks.check_email_timeout(None) == []


# --- settings ------------------------------------------------------------------------


def test_settings_fall_back_to_their_defaults(settings):
    del settings.TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES
    for name, default in DEFAULTS.items():
        if not hasattr(settings, f"TREATMENTS_CMS_{name}"):
            assert getattr(app_settings, name) == default
    assert app_settings.REVIEW_INTERVAL_DAYS == 365
    assert app_settings.INDEX_PAGE_SIZE == 12


@override_settings(
    TREATMENTS_CMS_REVIEW_INTERVAL_DAYS=30, TREATMENTS_CMS_INDEX_PAGE_SIZE=2
)
def test_settings_are_read_when_used():
    assert app_settings.REVIEW_INTERVAL_DAYS == 30
    assert app_settings.INDEX_PAGE_SIZE == 2


def test_an_unknown_setting_is_an_error():
    with pytest.raises(AttributeError, match="Unknown treatments_cms setting: NOPE"):
        app_settings.NOPE  # noqa: B018


def test_index_parent_types_follow_the_setting(settings):
    assert TreatmentIndexPage.allowed_parent_page_models() == [HomePage]
    settings.TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES = ["treatments_cms.TreatmentPage"]
    # A treatment admits no children, so nowhere is left for the index page.
    assert TreatmentIndexPage.allowed_parent_page_models() == []
    assert TreatmentIndexPage not in HomePage.allowed_subpage_models()
    settings.TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES = None
    # None: any page type whose own subpage types admit an index page.
    assert HomePage in TreatmentIndexPage.allowed_parent_page_models()


# --- reviews ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_next_review_defaults_from_the_review_interval(settings):
    page = factories.TreatmentPageFactory(last_reviewed=datetime.date(2026, 1, 10))
    assert page.next_review_due == datetime.date(2027, 1, 10)

    settings.TREATMENTS_CMS_REVIEW_INTERVAL_DAYS = 90
    page = factories.ConditionPageFactory(last_reviewed=datetime.date(2026, 1, 10))
    assert page.next_review_due == datetime.date(2026, 4, 10)

    chosen = datetime.date(2026, 2, 1)
    page = factories.AlternativePageFactory(
        last_reviewed=datetime.date(2026, 1, 10), next_review_due=chosen
    )
    assert page.next_review_due == chosen

    page = factories.TreatmentPageFactory(last_reviewed=None)
    assert page.next_review_due is None


@pytest.mark.django_db
def test_review_overdue():
    today = datetime.date.today()
    page = factories.TreatmentPageFactory.build(
        next_review_due=today - datetime.timedelta(days=1)
    )
    assert page.review_overdue
    page.next_review_due = today
    assert not page.review_overdue
    page.next_review_due = None
    assert not page.review_overdue


# --- facts as people read them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "unit", "expected"),
    [
        (3, 5, "sessions", "3 to 5 sessions"),
        (1, 3, "years", "1 to 3 years"),
        (1, 1, "sessions", "1 session"),
        (2, 2, "weeks", "2 weeks"),
        (None, 2, "weeks", "up to 2 weeks"),
        (None, 1, "months", "up to 1 month"),
        (3, None, "sessions", "3 or more sessions"),
        (None, None, "days", ""),
    ],
)
def test_format_range(low, high, unit, expected):
    assert format_range(low, high, unit) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, None, "none"),
        (0, 0, "none"),
        (0, 3, "up to 3 days"),
        (3, 7, "3 to 7 days"),
        (None, None, ""),
    ],
)
def test_downtime_display(low, high, expected):
    page = TreatmentPage(downtime_min_days=low, downtime_max_days=high)
    assert page.downtime_display == expected


def test_fact_displays_on_a_page():
    page = TreatmentPage(
        sessions_min=3,
        sessions_max=None,
        results_last_min=6,
        results_last_max=12,
        results_last_unit="months",
        session_interval=1,
        session_interval_unit="months",
    )
    assert page.sessions_display == "3 or more sessions"
    assert page.results_last_display == "6 to 12 months"
    assert page.session_interval_display == "1 month"
    page.session_interval = None
    assert page.session_interval_display == ""


def test_meta_description_prefers_the_seo_text():
    page = TreatmentPage(summary="The summary.")
    assert page.get_meta_description() == "The summary."
    page.search_description = "Written for search engines."
    assert page.get_meta_description() == "Written for search engines."


# --- snippets and blocks ----------------------------------------------------------------


@pytest.mark.django_db
def test_practitioner_reads_well():
    practitioner = Practitioner.objects.create(
        name="Dr Example",
        role="Dermatologist",
        regulator="GMC",
        registration_number="1",
    )
    assert str(practitioner) == "Dr Example, Dermatologist"
    assert practitioner.registration_display == "GMC 1"
    practitioner.regulator = ""
    # Half a registration cannot be checked, so it is not shown.
    assert practitioner.registration_display == ""


@pytest.mark.django_db
def test_the_current_consent_statement_is_the_latest_started():
    now = datetime.datetime.now(datetime.UTC)
    assert ConsentStatement.objects.current() is None
    ConsentStatement.objects.create(
        version="v1", text="Old.", effective_from=now - datetime.timedelta(days=30)
    )
    current = ConsentStatement.objects.create(
        version="v2", text="New.", effective_from=now - datetime.timedelta(days=1)
    )
    ConsentStatement.objects.create(
        version="v3", text="Future.", effective_from=now + datetime.timedelta(days=1)
    )
    assert ConsentStatement.objects.current() == current
    assert str(current) == "Consent statement v2"


def test_evidence_source_block_renders_a_citation():
    block = EvidenceSourceBlock()
    value = block.to_python(
        {
            "title": "Lasers in dermatology",
            "publisher": "A journal",
            "url": "https://example.com/study",
            "year": 2024,
        }
    )
    html = block.render(value)
    assert '<a href="https://example.com/study">Lasers in dermatology</a>' in html
    assert ", A journal (2024)" in html
    assert block.render(block.to_python({"title": "Unpublished"})).strip() == (
        "Unpublished"
    )


# --- index pages -------------------------------------------------------------------------


@pytest.mark.django_db
def test_index_pages_list_live_public_children_in_explorer_order(site_tree):
    second = factories.TreatmentPageFactory(title="Second")
    factories.TreatmentPageFactory(title="Draft", live=False)
    assert list(site_tree.treatment_index.get_treatments()) == [
        site_tree.treatment,
        second,
    ]
    factories.ConditionPageFactory(title="Hidden", live=False)
    assert list(site_tree.condition_index.get_conditions()) == [site_tree.condition]
    factories.AlternativePageFactory(title="Hidden", live=False)
    assert list(site_tree.alternative_index.get_alternatives()) == [
        site_tree.alternative
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["T0", "T1"]),
        ("?page=2", ["T2"]),
        ("?page=x", ["T0", "T1"]),
        ("?page=9", ["T2"]),
    ],
)
def test_index_pages_paginate(settings, query, titles):
    settings.TREATMENTS_CMS_INDEX_PAGE_SIZE = 2
    for n in range(3):
        treatment = factories.TreatmentPageFactory(title=f"T{n}")
    index = treatment.get_parent().specific
    request = RequestFactory().get(f"/treatments/{query}")
    context = index.get_context(request)
    assert [page.title for page in context["treatments"]] == titles


def test_notification_task_backend_must_be_configured(settings):
    from treatments_cms.checks import check_notification_task_backend

    settings.TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "missing"
    assert [m.id for m in check_notification_task_backend(None)] == [
        "treatments_cms.E014"
    ]


def test_notification_task_backend_that_runs_in_the_request_warns(settings):
    from treatments_cms.checks import check_notification_task_backend

    settings.DEBUG = False
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "default"
    assert [m.id for m in check_notification_task_backend(None)] == [
        "treatments_cms.W003"
    ]
    settings.TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "enquiries"
    settings.TASKS = {
        **settings.TASKS,
        "enquiries": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    assert check_notification_task_backend(None) == []
