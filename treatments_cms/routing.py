"""Routing to a child page in one query.

Wagtail routes a URL level by level: at each level it finds the child as a
plain page, then loads its specific page with a second query. A page whose
children can only be of a few types (its ``subpage_types``) can join their
tables into the first query instead: ``ChildRouteMixin`` does that, so
``/treatments/laser/`` costs one query for the treatments index, not two.

Put it before ``Page`` (or the project's base page) in the bases of a page
with a short ``subpage_types``, such as a site's home page::

    class HomePage(ChildRouteMixin, Page):
        subpage_types = ["treatments_cms.TreatmentIndexPage", ...]

A child of another type (or of a subclass of one) is still found, with
Wagtail's second query; a page allowing any type of child routes as Wagtail
does.
"""

from django.http import Http404

from .models.links import child_lookup, specific_target

# More child types than this and the join would cost more than the query it saves.
MAX_JOINED_TYPES = 8


def child_types(page):
    """The specific models a child of ``page`` may be, built on its base page
    model; None when there are too many to join."""
    base = page.base_page_model
    models = [
        model
        for model in page.specific_class.allowed_subpage_models()
        if issubclass(model, base) and model is not base
    ]
    return models if len(models) <= MAX_JOINED_TYPES else None


def find_child(page, slug):
    """The child of ``page`` with ``slug``, as its specific page; None if none.

    One query when the child is of one of ``page``'s subpage types, two (as
    Wagtail) otherwise.
    """
    models = child_types(page)
    base = page.base_page_model
    lookups = [child_lookup(base, model) for model in models or ()]
    found = list(
        # Siblings' slugs are unique: no ordering to compile or apply.
        base.objects.filter(path__startswith=page.path, depth=page.depth + 1, slug=slug)
        .select_related(*lookups)
        .order_by()[:1]
    )
    if not found:
        return None
    child = specific_target(found[0], lookups)
    if type(child) is not child.specific_class:
        child = child.specific  # a type not joined: Wagtail's second query
    # As Wagtail does: the parent is known, no query for it later.
    child._cached_parent_obj = page
    return child


class ChildRouteMixin:
    """Finds a child page and its specific page in one query (see the module)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = find_child(self, path_components[0])
        if child is None:
            raise Http404
        return child.route(request, path_components[1:])
