"""Consent statements are evidence: a version enquiries reference never changes."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from tests.factories import ConsentStatementFactory, EnquiryFactory
from treatments_cms.models import ConsentStatement

pytestmark = pytest.mark.django_db

ORIGINAL = "I agree that the clinic may use my answers to assess my suitability."
EVIDENCE = "is evidence"


def url(name, *args):
    return reverse(f"wagtailsnippets_treatments_cms_consentstatement:{name}", args=args)


def form_data(statement, **changes):
    data = {
        "version": statement.version,
        "text": statement.text,
        "effective_from": timezone.localtime(statement.effective_from).strftime(
            "%Y-%m-%d %H:%M"
        ),
    }
    return {**data, **changes}


def shown_messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def referenced(site_tree):
    """The site tree's statement, in force since last week; two enquiries record it."""
    ConsentStatement.objects.filter(pk=site_tree.consent.pk).update(
        effective_from=timezone.now() - datetime.timedelta(days=7)
    )
    site_tree.consent.refresh_from_db()
    for _ in range(2):
        EnquiryFactory(
            treatment=site_tree.treatment, consent_statement=site_tree.consent
        )
    return site_tree.consent


@pytest.fixture
def unreferenced(db):
    return ConsentStatementFactory(version="draft-1", text="A draft wording.")


@pytest.fixture
def consent_editor(make_user):
    """Admin access and change/delete consent statements; no "add"."""
    return make_user(
        "change_consentstatement", "delete_consentstatement", username="consent"
    )


@pytest.fixture(params=["superuser", "consent_editor"])
def editor_client(request, client, make_user):
    if request.param == "superuser":
        user = make_user(username="boss", superuser=True)
    else:
        user = request.getfixturevalue("consent_editor")
    client.force_login(user)
    return client


# --- A referenced statement cannot be edited ------------------------------


def test_edit_page_of_a_referenced_statement_explains_and_offers_a_new_version(
    admin_client, referenced
):
    response = admin_client.get(url("edit", referenced.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Consent statement {referenced.version} {EVIDENCE}" in page
    assert "2 enquiries record that their visitors agreed" in page
    assert 'id="w-editor-form"' not in page  # no form to save
    assert "Write a new version" in page
    assert url("copy", referenced.pk) in page
    assert url("delete", referenced.pk) not in page


def test_editing_a_referenced_statement_changes_nothing(editor_client, referenced):
    before = ConsentStatement.objects.values().get(pk=referenced.pk)

    response = editor_client.post(
        url("edit", referenced.pk),
        form_data(referenced, text="Something else.", version="changed"),
        follow=True,
    )

    assert response.status_code == 200
    assert ConsentStatement.objects.values().get(pk=referenced.pk) == before
    assert not Revision.objects.for_instance(referenced).exists()
    assert any(EVIDENCE in m for m in shown_messages(response))
    assert EVIDENCE in response.content.decode()


def test_without_add_permission_the_page_says_who_can_write_a_new_version(
    client, consent_editor, referenced
):
    client.force_login(consent_editor)

    response = client.get(url("edit", referenced.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ask someone who can add consent statements" in page
    assert url("copy", referenced.pk) not in page


def test_reverting_a_referenced_statement_is_refused(admin_client, site_tree):
    statement = site_tree.consent
    revision = statement.save_revision()
    EnquiryFactory(treatment=site_tree.treatment, consent_statement=statement)

    response = admin_client.post(
        url("revisions_revert", statement.pk, revision.pk),
        form_data(statement, text="Reverted wording."),
        follow=True,
    )

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.text == ORIGINAL


def test_an_enquiry_arriving_while_the_form_is_open_still_blocks_the_change(
    site_tree,
):
    statement = site_tree.consent
    EnquiryFactory(treatment=site_tree.treatment, consent_statement=statement)
    statement.text = "Rewritten."

    with pytest.raises(Exception, match="can no longer be changed"):
        statement.full_clean()


# --- ... nor deleted ------------------------------------------------------


def test_deleting_a_referenced_statement_is_refused(editor_client, referenced):
    confirm = editor_client.get(url("delete", referenced.pk), follow=True)
    response = editor_client.post(url("delete", referenced.pk), follow=True)

    for result in (confirm, response):
        assert result.status_code == 200
        assert result.redirect_chain[-1][0] == url("list")
        assert any(EVIDENCE in m for m in shown_messages(result))
    assert ConsentStatement.objects.filter(pk=referenced.pk).exists()


def test_bulk_delete_with_a_referenced_statement_deletes_nothing(
    editor_client, referenced, unreferenced
):
    bulk = reverse(
        "wagtail_bulk_action",
        args=("treatments_cms", "consentstatement", "delete"),
    )
    query = f"?id={referenced.pk}&id={unreferenced.pk}"

    confirm = editor_client.get(bulk + query, follow=True)
    response = editor_client.post(bulk + query, follow=True)

    for result in (confirm, response):
        assert result.status_code == 200
        assert any(EVIDENCE in m for m in shown_messages(result))
    assert ConsentStatement.objects.count() == 2


def test_an_unreferenced_statement_can_be_deleted(editor_client, unreferenced):
    response = editor_client.post(url("delete", unreferenced.pk))

    assert response.status_code == 302
    assert not ConsentStatement.objects.filter(pk=unreferenced.pk).exists()


def test_bulk_delete_of_unreferenced_statements_works(admin_client, unreferenced):
    other = ConsentStatementFactory()
    bulk = reverse(
        "wagtail_bulk_action",
        args=("treatments_cms", "consentstatement", "delete"),
    )

    response = admin_client.post(bulk + f"?id={unreferenced.pk}&id={other.pk}")

    assert response.status_code == 302
    assert not ConsentStatement.objects.exists()


# --- New wording is a new version ----------------------------------------


def test_new_version_form_is_prefilled_with_the_wording_and_in_force_now(
    admin_client, referenced
):
    response = admin_client.get(url("copy", referenced.pk))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["text"] == referenced.text
    assert form.initial["version"] == ""
    assert form.initial["effective_from"] > referenced.effective_from


def test_saving_the_new_version_makes_it_the_current_statement(
    admin_client, referenced
):
    form = admin_client.get(url("copy", referenced.pk)).context["form"]
    data = {
        "version": "2026-12",
        "text": referenced.text + " We keep your answers for one year.",
        "effective_from": form["effective_from"].value().strftime("%Y-%m-%d %H:%M"),
    }

    response = admin_client.post(url("add"), data)

    assert response.status_code == 302
    new = ConsentStatement.objects.get(version="2026-12")
    assert ConsentStatement.objects.current() == new
    assert Revision.objects.for_instance(new).count() == 1
    referenced.refresh_from_db()
    assert referenced.text == ORIGINAL  # the old version is untouched


def test_a_new_version_needs_its_own_label(admin_client, referenced):
    response = admin_client.post(url("add"), form_data(referenced, text="New wording."))

    assert response.status_code == 200  # the form again, with an error
    assert ConsentStatement.objects.count() == 1


# --- Unreferenced statements: editable, with revisions and history -------


def test_editing_an_unreferenced_statement_saves_a_revision_and_history(
    client, make_user, unreferenced
):
    editor = make_user(
        "change_consentstatement", "delete_consentstatement", username="consent"
    )
    client.force_login(editor)

    response = client.post(
        url("edit", unreferenced.pk), form_data(unreferenced, text="Better wording.")
    )

    assert response.status_code == 302
    unreferenced.refresh_from_db()
    assert unreferenced.text == "Better wording."
    revision = Revision.objects.for_instance(unreferenced).get()
    assert revision.user == editor
    assert revision.content["text"] == "Better wording."
    entry = ModelLogEntry.objects.for_instance(unreferenced).get(action="wagtail.edit")
    assert entry.user == editor and entry.revision == revision

    history = client.get(url("history", unreferenced.pk))
    assert history.status_code == 200
    page = history.content.decode()
    assert "consent" in page  # who
    assert "Edited" in page  # what
