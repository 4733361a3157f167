"""POST data for the treatment page editor, built with Wagtail's test helpers."""

from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)


def treatment_form_data(*, conditions=(), page=None, publish=False, **fields):
    """What the treatment page editor posts: ``fields`` over a minimal valid page.

    ``conditions``: condition pages to link; ``page``: the page being edited,
    whose condition links are posted back unchanged; ``publish``: press
    "Publish" (which needs risks) rather than "Save draft".
    """
    links = [
        {"condition": str(condition.pk), "outcome": "treats"}
        for condition in conditions
    ]
    if page is not None:
        existing = page.condition_links.all()
        links = [
            {
                "id": str(link.pk),
                "condition": str(link.condition_id),
                "outcome": link.outcome,
            }
            for link in existing
        ] + links
    data = {
        "title": "Vein laser",
        "slug": "vein-laser",
        "summary": "Closes small veins.",
        "results_last_unit": "years",
        "session_interval_unit": "weeks",
        "risks": rich_text("<p>Bruising for a few days.</p>"),
        "body": streamfield([]),
        "evidence_sources": streamfield([]),
        "condition_links": inline_formset(
            links, initial=0 if page is None else len(existing)
        ),
        "alternative_links": inline_formset([]),
    }
    data.update(fields)
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def add_url(model, parent):
    """The editor's "add a page of this type under ``parent``" URL."""
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_errors(response):
    """The editor form's errors, to explain a refused post in an assertion."""
    form = response.context and response.context.get("form")
    if form is None:
        return response.content.decode()[:2000]
    errors = dict(form.errors)
    for name, formset in getattr(form, "formsets", {}).items():
        if formset.errors or formset.non_form_errors():
            errors[name] = [formset.errors, formset.non_form_errors()]
    return errors
