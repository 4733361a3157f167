"""The inbox takes only the filters it declares, and audits every view of answers.

wagtail-modeladmin's list turns any query parameter into an ORM lookup: a user
with only the view permission could read a password hash one character at a
time through ``?assignee__password__startswith=``, and bad values were 500s.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.enquiries.inbox_helpers import text, url
from tests.factories import EnquiryFactory, TreatmentPageFactory
from treatments_cms.enquiries import audit, permissions
from treatments_cms.models import EnquiryLogEntry, EnquiryStatus

pytestmark = pytest.mark.django_db

INDEX = "treatments_cms_enquiry_modeladmin_index"
SITE_HISTORY = "wagtailadmin_reports:site_history"
INSTANCE_ACTIONS = ("inspect", "edit", "history", "delete")


def listed_names(response):
    soup = BeautifulSoup(text(response), "html.parser")
    return [
        tr.find_all("td")[1].get_text(strip=True)
        for tr in soup.select("table.listing tbody tr")
    ]


def view_entries():
    return EnquiryLogEntry.objects.filter(action=audit.VIEW)


@pytest.fixture
def assigned(site_tree, superuser):
    """An enquiry assigned to a superuser (assigned before the group rule)."""
    return EnquiryFactory(
        treatment=site_tree.treatment,
        consent_statement=site_tree.consent,
        name="Assigned Visitor",
        assignee=superuser,
    )


# --- Only the declared filters ------------------------------------------------


UNDECLARED = [
    "assignee__password__startswith=md5",
    "assignee__username=boss",
    "assignee__email__contains=example",
    "assignee__is_superuser=1",
    "consent_statement__text__contains=a",
    "consent_statement__version=v1",
    "treatment__owner__password__startswith=md5",
    "treatment__title__contains=Laser",
    "treatment__id__exact=1",
    "concerns__title=Spider veins",
    "pk__in=x",
    "pk=1",
    "id__gt=0",
    "status__regex=(",
    "status__in=new,booked",
    "status=new",
    "email__contains=example",
    "name__startswith=A",
    "message__icontains=a",
    "internal_notes__contains=a",
    "created_at__year=2026",
    "nonsense=1",
    "=1",
    "e=1",
    "ot=asc",
]


@pytest.mark.parametrize("query", UNDECLARED)
def test_undeclared_parameters_are_refused(client, viewer_user, assigned, query):
    client.force_login(viewer_user)

    response = client.get(url("index") + "?" + query)

    assert response.status_code == 400
    assert assigned.name not in text(response)
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("query", UNDECLARED[:6])
def test_undeclared_parameters_are_refused_for_export_too(
    client, exporter_user, assigned, query
):
    client.force_login(exporter_user)

    response = client.get(url("index") + "?export=csv&" + query)

    assert response.status_code == 400
    assert not EnquiryLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_no_password_oracle(client, viewer_user, superuser, assigned):
    """Right and wrong prefixes of the assignee's hash get the same answer."""
    client.force_login(viewer_user)
    right = superuser.password[:12]
    wrong = "x" + right[1:]

    answers = [
        client.get(url("index"), {field: prefix})
        for field in ("assignee__password__startswith", "assignee__password")
        for prefix in (right, wrong, superuser.password)
    ]

    assert {(r.status_code, r.content) for r in answers} == {
        (answers[0].status_code, answers[0].content)
    }
    assert answers[0].status_code == 400
    assert right.encode() not in answers[0].content


BAD_VALUES = [
    {"status__exact": "bogus"},
    {"status__exact": ""},
    {"status__exact": "NEW"},
    {"status__exact": ["new", "booked"]},
    {"status__isnull": "maybe"},
    {"treatment__page_ptr__exact": "abc"},
    {"treatment__page_ptr__exact": "-1"},
    {"treatment__page_ptr__exact": "0"},
    {"treatment__page_ptr__exact": "1.5"},
    {"treatment__page_ptr__exact": "99999999999999999999"},
    {"treatment__page_ptr__exact": "2147483648"},
    {"treatment__page_ptr__exact": "\u0661"},  # an Arabic-Indic digit one
    {"treatment__page_ptr__exact": "1\x00"},
    {"treatment__isnull": "x"},
    {"created_at__gte": "notadate"},
    {"created_at__gte": "2026-13-45"},
    {"created_at__lt": "2026-02-30T00:00:00"},
    {"created_at__gte": "0001-01-01T00:00:00+01:00"},
    {"created_at__lt": "9999-12-31T23:59:59-05:00"},
    {"created_at__gte": "2026-01-01\x00"},
    {"created_at__gte": ""},
    {"assignee__id__exact": "abc"},
    {"assignee__id__exact": "99999999999"},
    {"assignee__id__exact": "1e3"},
    {"assignee__isnull": "perhaps"},
    {"p": "0"},
    {"p": "-1"},
    {"p": "abc"},
    {"p": "99999999"},
    {"p": ["1", "2"]},
    {"o": "abc"},
    {"o": "99"},
    {"o": "7"},  # one past the last column
    {"o": "0.0"},
    {"o": "1;DROP"},
    {"export": "xlsx"},
    {"export": ""},
    {"q": "a\x00b"},
    {"q": "a" * 201},
    {"q": ["a", "b"]},
]


@pytest.mark.parametrize("params", BAD_VALUES, ids=repr)
def test_bad_values_for_declared_filters_are_400(
    client, viewer_user, handler_user, enquiry, params
):
    enquiry.assignee = handler_user
    enquiry.save()
    client.force_login(viewer_user)

    response = client.get(url("index"), params)

    assert response.status_code == 400
    assert enquiry.name not in text(response)


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"status__exact": "new"}, True),
        ({"status__exact": "booked"}, False),
        ({"status__isnull": "False"}, True),
        ({"treatment__isnull": "True"}, False),
        ({"created_at__gte": "2000-01-01"}, True),
        ({"created_at__gte": "2000-01-01 00:00:00+00:00"}, True),
        ({"created_at__lt": "2000-01-01T00:00:00Z"}, False),
        ({"assignee__isnull": "True"}, False),
        ({"assignee__isnull": "False"}, True),
        ({"o": "0"}, True),
        ({"o": "-3.1"}, True),
        ({"p": "1"}, True),
        ({"p": "999"}, True),  # past the last page: the first page
        ({"q": "Amelia"}, True),
        ({"q": ""}, True),
    ],
    ids=repr,
)
def test_declared_filters_still_work(
    client, viewer_user, handler_user, site_tree, params, found
):
    EnquiryFactory(
        treatment=site_tree.treatment, name="Amelia Pond", assignee=handler_user
    )
    client.force_login(viewer_user)

    response = client.get(url("index"), params)

    assert response.status_code == 200
    assert listed_names(response) == (["Amelia Pond"] if found else [])


def test_treatment_filter_uses_its_declared_parameter(client, viewer_user, site_tree):
    other = TreatmentPageFactory(title="Microneedling")
    EnquiryFactory(treatment=site_tree.treatment, name="Lara Laser")
    EnquiryFactory(treatment=other, treatment_title=other.title, name="Ned Needle")
    client.force_login(viewer_user)

    response = client.get(url("index"))
    filtered = client.get(url("index"), {"treatment__page_ptr__exact": other.pk})
    unknown = client.get(url("index"), {"treatment__page_ptr__exact": "2147483647"})

    assert f"treatment__page_ptr__exact={other.pk}" in text(response)
    assert listed_names(filtered) == ["Ned Needle"]
    assert unknown.status_code == 200
    assert listed_names(unknown) == []


def test_filter_links_the_list_offers_are_accepted(
    client, viewer_user, handler_user, enquiry
):
    """Every link in the filter sidebar is a query the list accepts."""
    enquiry.assignee = handler_user
    enquiry.save()
    client.force_login(viewer_user)

    soup = BeautifulSoup(text(client.get(url("index"))), "html.parser")
    links = {a["href"] for a in soup.select("a[href^='?']")}

    assert any("assignee__id__exact" in link for link in links)
    assert any("created_at__gte" in link for link in links)
    for link in links:
        assert client.get(url("index") + link).status_code == 200, link


# --- Assignees are handlers ------------------------------------------------------


def test_handlers_are_active_members_of_the_group(
    make_user, handler_user, superuser, viewer_user
):
    retired = make_user(username="retired", groups=[permissions.HANDLERS_GROUP_NAME])
    retired.is_active = False
    retired.save()

    assert list(permissions.handlers()) == [handler_user]


def test_assignee_choices_exclude_a_superuser_outside_the_group(
    client, handler_user, superuser, assigned
):
    client.force_login(handler_user)

    edit = text(client.get(url("edit", assigned.pk)))
    index = text(client.get(url("index")))

    soup = BeautifulSoup(edit, "html.parser")
    options = {o["value"] for o in soup.select("select[name=assignee] option")}
    assert options == {"", str(handler_user.pk)}
    assert f"assignee__id__exact={handler_user.pk}" in index
    assert f"assignee__id__exact={superuser.pk}" not in index


def test_posting_a_non_handler_assignee_is_refused(
    client, handler_user, superuser, enquiry
):
    client.force_login(handler_user)

    response = client.post(
        url("edit", enquiry.pk),
        {"status": EnquiryStatus.CONTACTED, "assignee": superuser.pk},
    )

    assert response.status_code == 200  # the form again, with an error
    enquiry.refresh_from_db()
    assert enquiry.assignee is None
    assert enquiry.status == EnquiryStatus.NEW


# --- Ids in URLs -------------------------------------------------------------------


def quoted(pk):
    """The id as wagtail-modeladmin's URL quoting spells it ("_31" for 1)."""
    return "".join(f"_{ord(c):02x}" for c in str(pk))


@pytest.mark.parametrize("action", INSTANCE_ACTIONS)
@pytest.mark.parametrize(
    "pk",
    [
        "abc",
        "99999999999999999999",
        "9223372036854775808",
        "0",
        "-{pk}",
        "0{pk}",
        "{pk}abc",
        "quoted",
    ],
)
def test_bad_ids_are_404(client, handler_user, enquiry, action, pk):
    """Only the id's plain digits find it; any other spelling is a 404."""
    client.force_login(handler_user)
    pk = quoted(enquiry.pk) if pk == "quoted" else pk.format(pk=enquiry.pk)

    response = client.get(f"{url('index')}{action}/{pk}/")

    assert response.status_code == 404
    assert enquiry.name not in text(response)
    assert client.get(url(action, enquiry.pk)).status_code == 200


@pytest.mark.parametrize("action", INSTANCE_ACTIONS)
def test_unknown_id_is_404(client, handler_user, enquiry, action):
    client.force_login(handler_user)

    assert client.get(url(action, enquiry.pk + 1000)).status_code == 404
    assert client.post(url(action, enquiry.pk + 1000)).status_code in (404, 405)


@pytest.mark.parametrize("action", INSTANCE_ACTIONS)
def test_non_viewers_cannot_tell_which_ids_exist(client, make_user, enquiry, action):
    client.force_login(make_user("change_enquiry", "delete_enquiry"))

    known = client.get(url(action, enquiry.pk))
    unknown = client.get(url(action, enquiry.pk + 1000))
    bad = client.get(f"{url('index')}{action}/abc/")

    assert known.status_code == unknown.status_code == bad.status_code
    assert known.status_code in (302, 403)


# --- Every view of the answers is audited -------------------------------------------


def test_edit_form_is_audited_by_number(client, handler_user, enquiry):
    client.force_login(handler_user)

    response = client.get(url("edit", enquiry.pk))

    assert response.status_code == 200
    assert enquiry.message in text(response)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    entry = view_entries().get()
    assert (entry.object_id, entry.user, entry.label, entry.data) == (
        str(enquiry.pk),
        handler_user,
        f"Enquiry #{enquiry.pk}",
        {"enquiry_id": enquiry.pk},
    )


def test_edit_form_shown_again_with_errors_is_audited(client, handler_user, enquiry):
    client.force_login(handler_user)

    response = client.post(url("edit", enquiry.pk), {"status": "bogus"})

    assert response.status_code == 200
    assert enquiry.name in text(response)
    assert view_entries().count() == 1


def test_saved_edit_logs_the_edit_not_a_view(client, handler_user, enquiry):
    client.force_login(handler_user)

    response = client.post(url("edit", enquiry.pk), {"status": EnquiryStatus.CONTACTED})

    assert response.status_code == 302
    assert not view_entries().exists()
    assert EnquiryLogEntry.objects.filter(action="wagtail.edit").count() == 1


@pytest.mark.parametrize("action", ["delete", "history"])
def test_pages_without_answers_name_the_enquiry_by_number_only(
    client, handler_user, enquiry, action
):
    client.force_login(handler_user)

    response = client.get(url(action, enquiry.pk))
    html = text(response)

    assert response.status_code == 200
    assert f"Enquiry #{enquiry.pk}" in html
    for value in (enquiry.name, enquiry.email, enquiry.message, "Laser skin"):
        assert value not in html
    assert not view_entries().exists()


def test_list_and_answers_pages_are_not_cached(client, handler_user, enquiry):
    client.force_login(handler_user)

    for response in (
        client.get(url("index")),
        client.get(url("inspect", enquiry.pk)),
        client.get(url("edit", enquiry.pk)),
    ):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


# --- Who sees the enquiry audit trail ---------------------------------------------

HISTORY_ROLES = {
    "viewer": (["view_enquiry"], True),
    "handler": ("group", True),
    "change_only": (["change_enquiry"], False),
    "export_only": (["export_enquiry"], False),
    "delete_only": (["delete_enquiry"], False),
    "change_export_delete": (
        ["change_enquiry", "export_enquiry", "delete_enquiry"],
        False,
    ),
    "add_only": (["add_enquiry"], False),
}


@pytest.mark.parametrize("role", HISTORY_ROLES)
def test_site_history_shows_enquiry_entries_only_to_viewers(
    client, make_user, superuser, enquiry, role
):
    audit.log_enquiry_viewed(enquiry, superuser)
    perms, sees = HISTORY_ROLES[role]
    if perms == "group":
        user = make_user(groups=[permissions.HANDLERS_GROUP_NAME])
    else:
        user = make_user(*perms)
    client.force_login(user)

    response = client.get(reverse(SITE_HISTORY))
    filtered = client.get(reverse(SITE_HISTORY), {"action": audit.VIEW})
    history = client.get(url("history", enquiry.pk))

    assert response.status_code == 200
    assert (f"Enquiry #{enquiry.pk}" in text(response)) is sees
    assert (f"Enquiry #{enquiry.pk}" in text(filtered)) is sees
    # The action filter offers the enquiry actions only to those who may see them.
    assert ("View enquiry" in text(response)) is sees
    assert (history.status_code == 200) is sees
    assert (f"Enquiry #{enquiry.pk}" in text(history)) is sees
