"""A project extends the enquiries: its own form fields, its own spam checks, and
a treatment page that handles its own form."""

import csv
import datetime
import io
import json
import logging

import pytest
from django import forms
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time

from tests.enquiries.inbox_helpers import text, url
from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    assert_no_store,
    error_summary,
    run_worker,
    soup,
    valid_data,
)
from tests.factories import (
    ConsentStatementFactory,
    EnquiryFactory,
    TreatmentPageFactory,
)
from treatments_cms.enquiries import spam
from treatments_cms.enquiries.answers import collect_extra_answers, extra_answer_rows
from treatments_cms.enquiries.forms import EnquiryForm
from treatments_cms.enquiries.tokens import issue_token
from treatments_cms.models import ConsentStatement, Enquiry

HEARD_ABOUT = "How did you hear about us?"
REFERRER = "Who referred you? (optional)"


class HeardAboutForm(EnquiryForm):
    """A project's form: two questions of its own."""

    heard_about = forms.ChoiceField(
        label=HEARD_ABOUT,
        choices=[
            ("", "Choose one"),
            ("friend", "A friend"),
            ("search", "A web search"),
            ("other", "Somewhere else"),
        ],
    )
    referrer = forms.CharField(label=REFERRER, max_length=100, required=False)


class CodesOnlyForm(HeardAboutForm):
    """A project that stores the choice's code and nothing about the referrer."""

    def get_extra_answers(self):
        return {"heard_about": self.cleaned_data["heard_about"]}


def extended(form_class="HeardAboutForm"):
    return override_settings(
        TREATMENTS_CMS_ENQUIRY_FORM_CLASS=f"tests.enquiries.test_extending.{form_class}"
    )


@pytest.fixture
def heard_about_form():
    with extended():
        yield


def answers(**overrides):
    return {"heard_about": "friend", "referrer": "Dr Jones", **overrides}


STORED = {
    "heard_about": {"label": HEARD_ABOUT, "value": "A friend"},
    "referrer": {"label": REFERRER, "value": "Dr Jones"},
}

pytestmark = pytest.mark.usefixtures("no_wait")


# --- Extra fields are stored ---------------------------------------------------


@pytest.mark.usefixtures("heard_about_form")
def test_the_standalone_form_stores_the_extra_answers(client, site_tree):
    page = soup(client.get(ENQUIRY_URL))
    assert page.find("label", {"for": "id_heard_about"}).get_text() == HEARD_ABOUT

    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, origin="standalone", **answers())
    )

    assert response.status_code == 302
    assert Enquiry.objects.get().extra_answers == STORED


@pytest.mark.usefixtures("heard_about_form")
def test_a_treatment_page_stores_the_extra_answers(client, site_tree):
    form = soup(client.get(site_tree.treatment.url)).find("form", class_="enquiry-form")
    select = form.find("select", {"name": "heard_about"})
    options = [o.get_text() for o in select.find_all("option")]
    assert options == ["Choose one", "A friend", "A web search", "Somewhere else"]

    response = client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.extra_answers == STORED
    assert enquiry.treatment == site_tree.treatment


@pytest.mark.usefixtures("heard_about_form")
@pytest.mark.parametrize("where", ["standalone", "page"])
def test_a_bad_extra_answer_is_shown_beside_its_field(client, site_tree, where):
    post_url = ENQUIRY_URL if where == "standalone" else site_tree.treatment.url
    data = valid_data(site_tree, origin=where, **answers(heard_about="tv"))

    response = client.post(post_url, data)

    assert response.status_code == 400
    page = soup(response)
    error = page.find(id="id_heard_about_error").get_text(" ", strip=True)
    assert "Select a valid choice" in error
    assert error_summary(response)[0][0] == "#id_heard_about"
    assert page.find("input", {"name": "name"})["value"] == "Sam Example"
    assert page.find("input", {"name": "referrer"})["value"] == "Dr Jones"
    assert Enquiry.objects.count() == 0


def test_a_project_decides_what_is_stored(client, site_tree):
    with extended("CodesOnlyForm"):
        client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))

    assert Enquiry.objects.get().extra_answers == {"heard_about": "friend"}


def test_the_default_form_stores_no_extra_answers(client, site_tree):
    client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))

    assert Enquiry.objects.get().extra_answers == {}


class EveryKindForm(EnquiryForm):
    tags = forms.MultipleChoiceField(
        label="Tags",
        choices=[("Skin", [("dry", "Dry skin"), ("oily", "Oily skin")])],
    )
    statement = forms.ModelChoiceField(queryset=ConsentStatement.objects.all())
    best_day = forms.DateField(label="Best day to call")
    when = forms.DateTimeField(label="When")
    visits = forms.IntegerField(label="Visits")
    budget = forms.DecimalField(label="Budget")
    newsletter = forms.BooleanField(label="Newsletter", required=False)
    unanswered = forms.CharField(label="Unanswered", required=False)
    maybe = forms.NullBooleanField(label="Maybe")


def test_every_kind_of_answer_is_stored_as_json(site_tree):
    data = {
        **valid_data(site_tree),
        "tags": ["dry", "oily"],
        "statement": str(site_tree.consent.pk),
        "best_day": "2031-02-03",
        "when": "2031-02-03 10:30",
        "visits": "2",
        "budget": "150.50",
        "maybe": "",
    }
    form = EveryKindForm(
        data, treatment=site_tree.treatment, consent_statement=site_tree.consent
    )
    assert form.is_valid(), form.errors

    stored = {
        name: answer["value"] for name, answer in form.get_extra_answers().items()
    }

    assert stored == {
        "tags": ["Dry skin", "Oily skin"],
        "statement": str(site_tree.consent),
        "best_day": "2031-02-03",
        "when": form.cleaned_data["when"].isoformat(),
        "visits": 2,
        "budget": "150.50",
        "newsletter": False,
        "unanswered": "",
        "maybe": "",
    }
    assert form.get_extra_answers()["statement"]["label"] == "Statement"
    assert json.loads(json.dumps(stored)) == stored
    assert collect_extra_answers(form, EveryKindForm) == {}


# --- Shown in the inbox and the exports ------------------------------------------


@pytest.fixture
def answered(client, site_tree):
    with extended():
        client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))
    return Enquiry.objects.get()


@pytest.mark.parametrize("view", ["inspect", "edit"])
def test_the_inbox_shows_the_extra_answers(admin_client, answered, view):
    page = soup(admin_client.get(url(view, answered.pk)))

    answers_shown = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in page.select(".enquiry-answers dt")
    }
    assert answers_shown[HEARD_ABOUT] == "A friend"
    assert answers_shown[REFERRER] == "Dr Jones"


def test_the_inbox_shows_answers_stored_without_labels(admin_client, site_tree):
    enquiry = EnquiryFactory(
        treatment=site_tree.treatment,
        extra_answers={"heard_about_us": "A friend", "tags": ["a", "b"], "ok": True},
    )

    html = text(admin_client.get(url("inspect", enquiry.pk)))

    assert "<dt>heard_about_us</dt><dd>A friend</dd>" in html
    assert "<dt>tags</dt><dd>a, b</dd>" in html
    assert "<dt>ok</dt><dd>yes</dd>" in html


def test_answers_come_in_the_order_the_form_asks_them():
    """PostgreSQL's jsonb keeps keys in its own order, not the stored one."""
    stored = {"zeta": "z", "referrer": STORED["referrer"], **STORED}

    rows = extra_answer_rows(stored, order=["name", "heard_about", "referrer"])

    assert rows == [
        ("heard_about", HEARD_ABOUT, "A friend"),
        ("referrer", REFERRER, "Dr Jones"),
        ("zeta", "zeta", "z"),
    ]


def csv_by_id(response):
    header, *rows = csv.reader(io.StringIO(text(response)))
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows}


def test_the_csv_export_has_the_extra_answers(admin_client, answered, site_tree):
    hostile = EnquiryFactory(
        treatment=site_tree.treatment,
        extra_answers={"x": {"label": "=1+1", "value": "=HYPERLINK()"}},
    )

    rows = csv_by_id(admin_client.get(url("index"), {"export": "csv"}))

    assert rows[str(answered.pk)]["Other answers"] == (
        f"{HEARD_ABOUT}: A friend\n{REFERRER}: Dr Jones"
    )
    assert rows[str(hostile.pk)]["Other answers"] == "'=1+1: =HYPERLINK()"


def test_the_json_export_has_the_extra_answers(answered):
    out = io.StringIO()

    call_command(
        "export_enquiries_for", answered.email, stdout=out, stderr=io.StringIO()
    )

    (exported,) = json.loads(out.getvalue())["enquiries"]
    assert exported["other_answers"] == [
        {"field": "heard_about", "question": HEARD_ABOUT, "answer": "A friend"},
        {"field": "referrer", "question": REFERRER, "answer": "Dr Jones"},
    ]


def test_extra_answers_reach_neither_the_logs_nor_the_email(
    client, site_tree, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with extended(), django_capture_on_commit_callbacks(execute=True):
        client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))
        client.post(site_tree.treatment.url, valid_data(site_tree, **answers()))
    run_worker()

    assert len(mailoutbox) == 2
    for message in mailoutbox:
        assert "Dr Jones" not in message.body + message.subject
        assert "A friend" not in message.body + message.subject
    assert "Dr Jones" not in caplog.text
    assert "A friend" not in caplog.text


# --- Only the listed spam checks run ---------------------------------------------


HONEYPOT_ONLY = ["treatments_cms.enquiries.spam.check_honeypot"]


@pytest.fixture
def token_check_must_not_run(monkeypatch):
    def fail(request, form):
        raise AssertionError("check_form_token ran without being listed")

    monkeypatch.setattr(spam, "check_form_token", fail)


@pytest.mark.usefixtures("token_check_must_not_run")
def test_without_the_token_check_a_post_without_a_token_is_stored_once(
    client, site_tree, settings
):
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = HONEYPOT_ONLY
    data = valid_data(site_tree)
    del data["form_token"]

    response = client.post(site_tree.treatment.url, data)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    enquiry = Enquiry.objects.get()
    assert enquiry.submission_key is None
    assert enquiry.consent_statement == site_tree.consent


@pytest.mark.usefixtures("token_check_must_not_run")
def test_without_the_token_check_the_token_still_stops_a_double_click(
    client, site_tree, settings
):
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = HONEYPOT_ONLY
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 60  # not checked any more
    data = valid_data(site_tree)

    first = client.post(site_tree.treatment.url, data)
    second = client.post(site_tree.treatment.url, data)

    assert first.status_code == second.status_code == 302
    assert Enquiry.objects.count() == 1
    assert Enquiry.objects.get().submission_key


@pytest.mark.usefixtures("token_check_must_not_run")
def test_without_the_token_check_the_statement_shown_is_still_stored(
    client, site_tree, settings
):
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = HONEYPOT_ONLY
    with freeze_time(timezone.now() + datetime.timedelta(minutes=1)) as clock:
        data = valid_data(site_tree, form_token=issue_token())
        clock.tick(60)
        ConsentStatementFactory(version="v-new", text="New wording.")
        clock.tick(60)

        response = client.post(site_tree.treatment.url, data)

    assert response.status_code == 302
    assert Enquiry.objects.get().consent_version == site_tree.consent.version


def test_with_no_checks_listed_none_runs(client, site_tree, settings):
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = []
    data = valid_data(site_tree, website="http://spam.example", form_token="forged")

    response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 302
    assert Enquiry.objects.get().submission_key is None


def test_the_token_check_still_refuses_when_listed(client, site_tree):
    response = client.post(
        site_tree.treatment.url, valid_data(site_tree, form_token="forged")
    )

    assert response.status_code == 400
    assert str(spam.TRY_AGAIN) in response.content.decode()
    assert Enquiry.objects.count() == 0


# --- The treatment page handles its own form ---------------------------------------


def enquiry_attributes(request):
    """What the plugin kept on the request about the enquiry form (it keeps nothing)."""
    return [name for name in vars(request) if "enquiry" in name.lower()]


def test_the_page_form_posts_to_the_page(client, site_tree):
    response = client.get(site_tree.treatment.url)

    # The same for every visitor, so public (see test_cached_form.py).
    assert response["Cache-Control"].startswith("public, ")
    form = soup(response).find("form", class_="enquiry-form")
    assert form["action"] == site_tree.treatment.url
    assert enquiry_attributes(response.wsgi_request) == []


def test_a_valid_post_to_the_page_is_stored_and_redirected(client, site_tree):
    response = client.post(site_tree.treatment.url, valid_data(site_tree))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert_no_store(response)
    assert Enquiry.objects.get().treatment == site_tree.treatment


def test_an_invalid_post_shows_the_page_with_the_bound_form(client, site_tree):
    response = client.post(
        site_tree.treatment.url, valid_data(site_tree, email="not-an-email")
    )

    assert response.status_code == 400
    assert_no_store(response)
    assert response.context["page"] == site_tree.treatment
    enquiry = response.context["enquiry"]
    assert enquiry.form.is_bound
    assert list(enquiry.form.errors) == ["email"]
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Laser skin rejuvenation"
    section = page.find("section", id="enquiry")
    assert section.find(id="id_email_error")
    assert section.find("input", {"name": "name"})["value"] == "Sam Example"
    assert section.find("form")["action"] == site_tree.treatment.url
    assert enquiry_attributes(response.wsgi_request) == []
    assert Enquiry.objects.count() == 0


def test_a_throttled_post_to_the_page_is_a_429(client, site_tree, settings):
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = "1/10m"
    client.post(site_tree.treatment.url, valid_data(site_tree))

    response = client.post(site_tree.treatment.url, valid_data(site_tree))

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert_no_store(response)
    assert "several enquiries" in response.content.decode()
    assert Enquiry.objects.count() == 1


def test_the_page_only_takes_enquiries_about_itself(client, site_tree):
    other = TreatmentPageFactory(parent=site_tree.treatment_index, title="Peel")

    response = client.post(
        site_tree.treatment.url, valid_data(site_tree, treatment=str(other.pk))
    )

    assert response.status_code == 400
    assert "Choose a treatment from the list." in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_a_form_rendered_before_still_posts_to_the_enquiry_view(client, site_tree):
    """An open tab's form posts to /enquire/; errors come back on the page."""
    response = client.post(ENQUIRY_URL, valid_data(site_tree, email="nope"))

    assert response.status_code == 400
    assert response.context["page"] == site_tree.treatment
    assert soup(response).find("form")["action"] == site_tree.treatment.url
    assert enquiry_attributes(response.wsgi_request) == []


def test_the_template_tag_gives_the_form_in_the_context(rf, site_tree):
    template = Template(
        "{% load treatments_cms_enquiries %}"
        "{% enquiry_form_for page as form %}{{ form.action }} {{ form.origin }}"
    )
    request = rf.get("/")
    context = site_tree.treatment.get_context(request)

    on_page = template.render(Context(context))
    elsewhere = template.render(Context({"request": request, "page": site_tree.home}))

    assert on_page == f"{site_tree.treatment.url} page"
    assert elsewhere == f"{ENQUIRY_URL} standalone"
