"""POST data for the admin's page forms, built the way the edit form submits it."""

from django.utils.text import slugify
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def treatment_form_data(
    title="Microneedling", conditions=(), alternatives=(), **fields
):
    """Form data for a valid treatment; ``conditions`` are dicts of link fields."""
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "Fine needles prompt the skin to repair itself.",
        "how_it_works": rich_text("<p>Tiny needles make controlled punctures.</p>"),
        "benefits": rich_text("<p>Smoother texture.</p>"),
        "risks": rich_text("<p>Redness for a day or two.</p>"),
        "sessions_min": "3",
        "sessions_max": "6",
        "results_last_min": "",
        "results_last_max": "",
        "results_last_unit": "years",
        "session_interval": "4",
        "session_interval_unit": "weeks",
        "price_from": "150.00",
        "evidence_sources": streamfield([]),
        "body": streamfield([("paragraph", rich_text("<p>More to read.</p>"))]),
        "condition_links": inline_formset(list(conditions)),
        "alternative_links": inline_formset(list(alternatives)),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def condition_form_data(title="Rosacea", **fields):
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "Redness and flushing of the face.",
        "alternate_names": "",
        "symptoms": rich_text("<p>Flushing.</p>"),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def alternative_form_data(title="LED light therapy", conditions=(), **fields):
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "Coloured light shone on the skin.",
        "invasiveness": "non_invasive",
        "results_last_unit": "years",
        "condition_links": inline_formset(list(conditions)),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def index_form_data(title, **fields):
    data = {
        "title": title,
        "slug": slugify(title),
        "introduction": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def edit_form_data(client, page):
    """The edit form's data as the browser would post it, from its rendered HTML.

    StreamFields are drawn by JavaScript, so their (empty) management data is
    added here; a page whose StreamFields hold blocks is refused rather than
    silently emptied.
    """
    from django.urls import reverse
    from wagtail.fields import StreamField
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    page = page.specific
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            assert not len(getattr(page, field.name)), field.name
            data[f"{field.name}-count"] = "0"
    return data
