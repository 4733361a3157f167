"""One handlers group per clinic, and the permission matrix with two clinics.

A member of "Enquiry handlers: Leeds" lists, inspects, edits, exports and
deletes Leeds's enquiries only: York's are a 404 to them, as an id that does
not exist is, and are never in their list, export, dashboard panel or audit
trail. The global "Enquiry handlers" group sees every enquiry.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.enquiries.inbox_helpers import text
from tests.enquiries.location_helpers import build_clinics
from tests.factories import EnquiryFactory, LocationPageFactory
from treatments_cms.enquiries import audit, permissions
from treatments_cms.models import (
    Enquiry,
    EnquiryLogEntry,
    EnquiryStatus,
    LocationHandlerGroup,
)

pytestmark = pytest.mark.django_db

ACTIONS = ("list", "inspect", "edit", "history", "delete", "export")
HANDLER_CODENAMES = {
    "view_enquiry",
    "change_enquiry",
    "delete_enquiry",
    "export_enquiry",
    "access_admin",
}


@pytest.fixture
def clinics(site_tree):
    return build_clinics(site_tree)


@pytest.fixture
def enquiries(site_tree, clinics):
    kw = {"treatment": site_tree.treatment, "consent_statement": site_tree.consent}
    return {
        "leeds": EnquiryFactory(name="Lee Leeds", location=clinics.leeds, **kw),
        "york": EnquiryFactory(name="Yan York", location=clinics.york, **kw),
        "none": EnquiryFactory(name="Nora Nopref", location=None, **kw),
    }


def group_of(location):
    return LocationHandlerGroup.objects.get(location_id=location.pk).group


@pytest.fixture
def user_in(make_user):
    """``user_in(group, ...)``: a user who belongs to those groups only."""

    def make(*groups):
        user = make_user(admin_access=False)
        user.groups.add(*groups)
        return user

    return make


def action_url(action, pk):
    index = reverse("treatments_cms_enquiry_modeladmin_index")
    if action == "list":
        return index
    if action == "export":
        return index + "?export=csv"
    return reverse(f"treatments_cms_enquiry_modeladmin_{action}", args=[pk])


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code == 404:
        return "missing"
    if response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    ):
        return "denied"
    return f"unexpected {response.status_code}"


def listed(client):
    return text(client.get(action_url("list", None)))


# --- The groups ----------------------------------------------------------------


def test_each_clinic_gets_its_own_group_when_it_is_created(clinics):
    leeds = group_of(clinics.leeds)
    york = group_of(clinics.york)

    assert leeds.name == "Enquiry handlers: Leeds"
    assert york.name == "Enquiry handlers: York"
    for group in (leeds, york):
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert codenames == HANDLER_CODENAMES
    # The global group is untouched.
    assert Group.objects.filter(name=permissions.HANDLERS_GROUP_NAME).count() == 1


def test_the_group_is_renamed_when_the_new_title_is_published(clinics):
    page = clinics.leeds
    page.title = "Leeds city centre"
    page.save_revision()  # a draft: the live title, and the group, stay

    assert group_of(page).name == "Enquiry handlers: Leeds"

    page.get_latest_revision().publish()

    assert group_of(page).name == "Enquiry handlers: Leeds city centre"
    assert Group.objects.filter(name__startswith="Enquiry handlers: Leeds").count() == 1


def test_two_clinics_of_the_same_name_get_two_groups(site_tree, clinics):
    second = LocationPageFactory(title="Leeds", slug="leeds-2")

    assert group_of(second) != group_of(clinics.leeds)
    assert group_of(second).name == f"Enquiry handlers: Leeds ({second.pk})"


def test_a_copied_clinic_gets_a_group_of_its_own(clinics):
    copy = clinics.york.copy(
        update_attrs={"title": "York station", "slug": "york-station"}
    )

    assert group_of(copy).name == "Enquiry handlers: York station"
    assert group_of(copy) != group_of(clinics.york)
    assert group_of(clinics.york).name == "Enquiry handlers: York"


def test_the_group_goes_with_its_clinic(clinics, user_in):
    group = group_of(clinics.york)
    member = user_in(group)

    clinics.york.delete()

    assert not Group.objects.filter(pk=group.pk).exists()
    # Never left holding the permissions without a clinic to limit them.
    assert not member.groups.exists()


def test_a_deleted_group_is_made_again_on_the_next_publish(clinics):
    Group.objects.filter(pk=group_of(clinics.leeds).pk).delete()
    assert not LocationHandlerGroup.objects.filter(location_id=clinics.leeds.pk)

    clinics.leeds.save_revision().publish()

    assert group_of(clinics.leeds).name == "Enquiry handlers: Leeds"


def test_migrate_gives_every_clinic_without_a_group_its_group(clinics):
    from django.core.management import call_command

    LocationHandlerGroup.objects.filter(location_id=clinics.york.pk).delete()
    assert not Group.objects.filter(name="Enquiry handlers: York").exists()

    call_command("migrate", verbosity=0)

    assert group_of(clinics.york).name == "Enquiry handlers: York"


# --- The matrix ----------------------------------------------------------------


def expected(role):
    """{enquiry key: outcome of every action} for ``role``."""
    everything = dict.fromkeys(("leeds", "york", "none"), "ok")
    return {
        "leeds_handler": {"leeds": "ok", "york": "missing", "none": "missing"},
        "york_handler": {"leeds": "missing", "york": "ok", "none": "missing"},
        "global_handler": everything,
        "leeds_and_global": everything,
        "superuser": everything,
    }[role]


@pytest.fixture
def login(client, clinics, make_user, user_in):
    def log_in(role):
        if role == "superuser":
            user = make_user(superuser=True)
        else:
            groups = {
                "leeds_handler": [group_of(clinics.leeds)],
                "york_handler": [group_of(clinics.york)],
                "global_handler": [Group.objects.get(name="Enquiry handlers")],
                "leeds_and_global": [
                    group_of(clinics.leeds),
                    Group.objects.get(name="Enquiry handlers"),
                ],
            }[role]
            user = user_in(*groups)
        client.force_login(user)
        return user

    return log_in


ROLES = [
    "leeds_handler",
    "york_handler",
    "global_handler",
    "leeds_and_global",
    "superuser",
]


@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, login, enquiries, role):
    login(role)
    allowed = expected(role)

    listing = listed(client)
    export = text(client.get(action_url("export", None)))
    for key, enquiry in enquiries.items():
        visible = allowed[key] == "ok"
        assert (enquiry.name in listing) == visible, (key, "list")
        assert (enquiry.name in export) == visible, (key, "export")
        for action in ("inspect", "edit", "history", "delete"):
            response = client.get(action_url(action, enquiry.pk))
            assert outcome(response) == allowed[key], (key, action)
            if action in ("inspect", "edit"):  # the pages showing the answers
                assert (enquiry.name in text(response)) == visible, (key, action)
            else:
                assert enquiry.name not in text(response), (key, action)


@pytest.mark.parametrize("role", ["leeds_handler", "york_handler"])
def test_a_clinic_handler_cannot_tell_other_ids_from_missing_ones(
    client, login, enquiries, role
):
    login(role)
    other = enquiries["york" if role == "leeds_handler" else "leeds"]
    missing = Enquiry.objects.order_by("-pk").first().pk + 100

    for action in ("inspect", "edit", "history", "delete"):
        theirs = client.get(action_url(action, other.pk))
        nobodys = client.get(action_url(action, missing))
        assert theirs.status_code == nobodys.status_code == 404
        assert theirs.content == nobodys.content.replace(
            str(missing).encode(), str(other.pk).encode()
        )


def test_a_leeds_handler_cannot_change_or_delete_a_york_enquiry(
    client, login, enquiries
):
    login("leeds_handler")
    york = enquiries["york"]

    edit = client.post(
        action_url("edit", york.pk),
        {"status": EnquiryStatus.CLOSED, "internal_notes": "changed"},
    )
    delete = client.post(action_url("delete", york.pk))

    assert edit.status_code == 404
    assert delete.status_code == 404
    york.refresh_from_db()
    assert york.status == EnquiryStatus.NEW
    assert york.internal_notes == ""


def test_a_leeds_handler_edits_and_deletes_a_leeds_enquiry(client, login, enquiries):
    login("leeds_handler")
    leeds = enquiries["leeds"]

    edit = client.post(
        action_url("edit", leeds.pk),
        {"status": EnquiryStatus.CONTACTED, "assignee": "", "internal_notes": "Rang"},
    )
    assert edit.status_code == 302
    leeds.refresh_from_db()
    assert leeds.status == EnquiryStatus.CONTACTED

    assert client.post(action_url("delete", leeds.pk)).status_code == 302
    assert not Enquiry.objects.filter(pk=leeds.pk).exists()


def test_the_export_is_audited_for_the_exported_rows_only(client, login, enquiries):
    login("leeds_handler")

    client.get(action_url("export", None))

    exported = EnquiryLogEntry.objects.filter(action=audit.EXPORT)
    assert [e.object_id for e in exported] == [str(enquiries["leeds"].pk)]


def test_filtering_by_another_clinic_shows_nothing(client, login, clinics, enquiries):
    login("leeds_handler")
    field = Enquiry._meta.get_field("location")
    param = f"location__{field.target_field.name}__exact"

    york = client.get(action_url("list", None), {param: clinics.york.pk})
    leeds = client.get(action_url("list", None), {param: clinics.leeds.pk})

    assert york.status_code == leeds.status_code == 200
    assert "Yan York" not in text(york) and "Lee Leeds" not in text(york)
    assert "Lee Leeds" in text(leeds)
    # The filter offers only the handler's own clinic.
    assert f"{param}={clinics.leeds.pk}" in text(leeds)
    assert f"{param}={clinics.york.pk}" not in text(leeds)


def test_the_inbox_filters_by_clinic(client, login, clinics, enquiries):
    login("global_handler")
    field = Enquiry._meta.get_field("location")
    param = f"location__{field.target_field.name}__exact"

    york = text(client.get(action_url("list", None), {param: clinics.york.pk}))
    no_preference = text(
        client.get(action_url("list", None), {"location__isnull": "True"})
    )

    assert "Yan York" in york and "Lee Leeds" not in york
    assert "Nora Nopref" in no_preference and "Yan York" not in no_preference


def test_the_dashboard_panel_counts_only_the_handlers_clinic(client, login, enquiries):
    login("leeds_handler")

    home = text(client.get(reverse("wagtailadmin_home")))

    assert f"Enquiry #{enquiries['leeds'].pk}" in home
    assert f"Enquiry #{enquiries['york'].pk}" not in home
    assert f"Enquiry #{enquiries['none'].pk}" not in home


def test_the_audit_trail_shows_only_the_handlers_clinic(client, login, enquiries):
    user = login("leeds_handler")
    for enquiry in enquiries.values():
        audit.log_enquiry_viewed(enquiry, user)

    visible = EnquiryLogEntry.objects.viewable_by_user(user)

    assert {e.object_id for e in visible} == {str(enquiries["leeds"].pk)}


def test_assignees_of_a_clinics_enquiry_include_its_handlers(
    client, login, clinics, enquiries, user_in
):
    york_member = user_in(group_of(clinics.york))
    leeds_member = user_in(group_of(clinics.leeds))
    login("global_handler")

    form = text(client.get(action_url("edit", enquiries["leeds"].pk)))

    assert f'value="{leeds_member.pk}"' in form
    assert f'value="{york_member.pk}"' not in form


def test_scope_is_worked_out_once_per_user(clinics, user_in, django_assert_num_queries):
    user = user_in(group_of(clinics.leeds))

    assert permissions.enquiry_scope(user) == {clinics.leeds.pk}
    with django_assert_num_queries(0):
        assert permissions.enquiry_scope(user) == {clinics.leeds.pk}
        assert permissions.enquiry_scope(user, permissions.VIEW) == {clinics.leeds.pk}


def test_a_permission_held_outside_the_clinic_groups_reaches_everything(
    clinics, make_user
):
    user = make_user("view_enquiry")
    user.groups.add(group_of(clinics.leeds))

    assert permissions.enquiry_scope(user) is None
    # Change only through the Leeds group: only Leeds's.
    assert permissions.enquiry_scope(user, permissions.CHANGE) == {clinics.leeds.pk}


def test_the_clinic_is_shown_and_exported(client, login, enquiries):
    import csv
    import io

    login("global_handler")

    inspect = text(client.get(action_url("inspect", enquiries["leeds"].pk)))
    export = text(client.get(action_url("export", None)))

    assert "<dt>Clinic</dt><dd>Leeds</dd>" in inspect
    rows = {row["Enquiry"]: row for row in csv.DictReader(io.StringIO(export))}
    assert rows[str(enquiries["leeds"].pk)]["Clinic"] == "Leeds"
    assert rows[str(enquiries["none"].pk)]["Clinic"] == "No preference"
