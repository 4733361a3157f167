"""The shared test rows (``tests/shared_rows.py``) isolate tests as before.

These tests run in file order and look at what the previous ones left.
"""

import pytest
from wagtail.models import Page

from tests.shared_rows import SHARED
from treatments_cms import swappable

seen = {}


def test_a_test_changes_the_shared_tree(site_tree):
    assert SHARED.key == "site_tree"
    seen["treatment"] = site_tree.treatment.pk
    site_tree.treatment.title = "Changed by a test"
    site_tree.treatment.save()
    site_tree.treatment.custom_attribute = "set on the object"
    Page.objects.filter(pk=site_tree.condition.pk).delete()


def test_the_next_test_gets_the_same_rows_unchanged_and_new_objects(site_tree):
    assert site_tree.treatment.pk == seen["treatment"]
    assert site_tree.treatment.title == "Laser skin rejuvenation"
    assert not hasattr(site_tree.treatment, "custom_attribute")
    assert Page.objects.filter(pk=site_tree.condition.pk).exists()
    assert [page.title for page in site_tree.treatment.get_conditions()] == [
        "Spider veins"
    ]


@pytest.mark.django_db
def test_a_test_that_does_not_ask_for_the_tree_does_not_see_it():
    assert SHARED.key is None
    assert not swappable.get_treatment_page_model().objects.exists()


@pytest.mark.fresh_rows
def test_a_fresh_rows_test_builds_its_own(site_tree):
    assert SHARED.key is None
    assert site_tree.treatment.title == "Laser skin rejuvenation"
    assert swappable.get_treatment_page_model().objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transactional_test_sees_no_shared_rows(site_tree):
    assert SHARED.key is None
    assert swappable.get_treatment_page_model().objects.count() == 1


def test_shared_again_after_other_tests(site_tree):
    assert SHARED.key == "site_tree"
    assert swappable.get_treatment_page_model().objects.count() == 1
