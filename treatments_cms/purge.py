"""Purge what changed: the page, every page that shows it, the CDN and the page cache.

Wagtail's ``frontend_cache`` purges only the page that was published. When a
treatment, condition or alternative is published, unpublished, moved or
deleted, this module purges, in one ``PurgeBatch`` sent through
``wagtail.contrib.frontend_cache`` (the backend ``WAGTAILFRONTENDCACHE``
chooses: Cloudflare, CloudFront, an HTTP PURGE):

- the page's URL (its old URL too, after a move or a new slug);
- the other side of each link, as it was before and after the change: a
  treatment's conditions and alternatives and the treatments that list it as
  an alternative; a condition's treatments and alternatives; an
  alternative's conditions and the treatments that list it; a location that
  offers the treatment; and any page whose content references it (Wagtail's
  reference index: a rich-text link, a chooser);
- the index pages of the three families in its site (their cards and the
  condition filter), with ``?condition=<slug>`` for the conditions concerned;
- the home page (its cards) and the sitemap.

The same URLs are dropped from the server-side page cache
(``treatments_cms.cache.purge_urls``), after the transaction commits.
Publishing or unpublishing another kind of page (a location, the home page)
empties the server-side page cache and purges that page, the pages it
references and those that reference it from the CDN; saving the clinic's
settings (shown on every page) empties the page cache and purges every live
page of the site.

A condition's new title is in the search entries of the treatments and
alternatives linked to it (``linked_titles``): renaming it re-indexes them.
"""

import logging
from functools import partial

import swapper
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from . import cache, swappable

logger = logging.getLogger(__name__)

_BEFORE = "_treatments_cms_purge_before"


def _page_model():
    """The project's page model: Wagtail's ``Page``, or the one WAGTAIL_PAGE_MODEL names."""
    return swapper.load_model("wagtailcore", "Page")


def _families():
    from .models.alternatives import AbstractAlternativePage
    from .models.conditions import AbstractConditionPage
    from .models.treatments import AbstractTreatmentPage

    return AbstractTreatmentPage, AbstractConditionPage, AbstractAlternativePage


def is_content_page(page):
    """A treatment, condition or alternative page."""
    return isinstance(page, _families())


def _link_models():
    from .models.links import (
        AlternativeConditionLink,
        TreatmentAlternativeLink,
        TreatmentConditionLink,
    )

    return TreatmentConditionLink, TreatmentAlternativeLink, AlternativeConditionLink


def linked_page_ids(page):
    """Ids of the pages on the other side of ``page``'s links, as stored now."""
    treatment_link, alternative_link, alternative_condition = _link_models()
    treatment_cls, condition_cls, alternative_cls = _families()
    ids = set()
    if page.pk is None:
        return ids
    if isinstance(page, treatment_cls):
        ids.update(
            treatment_link.objects.filter(page=page).values_list(
                "condition_id", flat=True
            )
        )
        ids.update(
            alternative_link.objects.filter(page=page).values_list(
                "alternative_id", flat=True
            )
        )
    if isinstance(page, condition_cls):
        ids.update(
            treatment_link.objects.filter(condition=page).values_list(
                "page_id", flat=True
            )
        )
        ids.update(
            alternative_condition.objects.filter(condition=page).values_list(
                "page_id", flat=True
            )
        )
    if isinstance(page, alternative_cls):
        ids.update(
            alternative_condition.objects.filter(page=page).values_list(
                "condition_id", flat=True
            )
        )
    if isinstance(page, treatment_cls | alternative_cls):
        # Treatments that list this page as an alternative.
        ids.update(
            alternative_link.objects.filter(alternative_id=page.pk).values_list(
                "page_id", flat=True
            )
        )
    ids.update(_referencing_page_ids(page))
    ids.discard(page.pk)
    return ids


def _referencing_page_ids(page):
    """Pages whose content references ``page`` (Wagtail's reference index)."""
    try:
        references = ReferenceIndex.get_references_to(page)
    except Exception:  # the index is an aid here, never a reason to fail
        logger.warning("Could not read the reference index for page %s", page.pk)
        return set()
    page_type = ReferenceIndex._get_base_content_type(_page_model())
    return {
        int(object_id)
        for object_id in references.filter(base_content_type=page_type).values_list(
            "object_id", flat=True
        )
        if str(object_id).isdigit()
    }


def _condition_slugs(page, linked_ids):
    """Slugs of the conditions concerned: the page itself, or its linked ones."""
    condition_model = swappable.get_condition_page_model()
    if isinstance(page, condition_model):
        return {page.slug}
    return set(
        condition_model.objects.filter(pk__in=linked_ids).values_list("slug", flat=True)
    )


def _index_pages(site):
    models = (
        swappable.get_treatment_index_page_model(),
        swappable.get_condition_index_page_model(),
        swappable.get_alternative_index_page_model(),
    )
    pages = []
    for model in models:
        pages.extend(model.objects.live().in_site(site))
    return pages


def build_batch(page, *, linked_ids=(), extra_urls=(), condition_slugs=()):
    """The ``PurgeBatch`` for a change to ``page`` (a specific page)."""
    batch = PurgeBatch()
    site = page.get_site()
    batch.add_page(page)
    batch.add_urls(url for url in extra_urls if url)
    linked = _page_model().objects.live().filter(pk__in=set(linked_ids)).specific()
    batch.add_pages(linked)
    if site is not None:
        treatment_index_model = swappable.get_treatment_index_page_model()
        for index_page in _index_pages(site):
            batch.add_page(index_page)
            if isinstance(index_page, treatment_index_model):
                url = index_page.get_full_url()
                if url:
                    batch.add_urls(
                        f"{url}?condition={slug}" for slug in sorted(condition_slugs)
                    )
        batch.add_page(site.root_page.specific)
        batch.add_url(site.root_url.rstrip("/") + "/sitemap.xml")
    return batch


def send(batch):
    """Purge ``batch`` from the CDN and the page cache once the transaction commits."""
    urls = set(batch.urls)
    transaction.on_commit(partial(_send, batch, urls))


def _send(batch, urls):
    cache.purge_urls(urls)
    if not get_backends():
        return  # no CDN configured: no task to queue
    try:
        batch.purge()
    except Exception as exc:  # a CDN outage must not break publishing
        logger.error("Frontend cache purge failed: %s", type(exc).__name__)


def purge_page(page, *, before_ids=(), extra_urls=()):
    """Purge everything that shows ``page``; links before and after the change."""
    page = page.specific
    linked = set(before_ids) | linked_page_ids(page)
    batch = build_batch(
        page,
        linked_ids=linked,
        extra_urls=extra_urls,
        condition_slugs=_condition_slugs(page, linked),
    )
    send(batch)
    return batch


def _old_url(page):
    """The page's URL as the database has it now (before a rename or move)."""
    stored = _page_model().objects.filter(pk=page.pk).first()
    if stored is None:
        return None
    return stored.get_full_url()


# --- Signal handlers ----------------------------------------------------------


def remember_before_save(sender, instance, **kwargs):
    """Before a content page is saved: its links, title and URL as stored."""
    if not is_content_page(instance) or instance.pk is None:
        return
    stored = (
        type(instance)
        .objects.filter(pk=instance.pk)
        .values_list("title", "live", "url_path")
        .first()
    )
    if stored is None:
        return
    setattr(
        instance,
        _BEFORE,
        {
            "ids": linked_page_ids(instance),
            "title": stored[0],
            "live": stored[1],
            "url_path": stored[2],
        },
    )


def on_published(sender, instance, **kwargs):
    page = instance.specific
    if not is_content_page(page):
        _purge_everything(page)
        return
    before = getattr(instance, _BEFORE, None) or getattr(page, _BEFORE, None) or {}
    purge_page(page, before_ids=before.get("ids", ()))
    if before.get("title") not in (None, page.title):
        reindex_linked(page)


def on_unpublished(sender, instance, **kwargs):
    page = instance.specific
    if not is_content_page(page):
        _purge_everything(page)
        return
    purge_page(page)


def on_slug_changed(sender, instance, instance_before, **kwargs):
    page = instance.specific
    if is_content_page(page):
        purge_page(page, extra_urls=[instance_before.get_full_url()])


def before_move(sender, instance, **kwargs):
    page = instance.specific
    if is_content_page(page):
        # The old URL and the old parent's lists.
        purge_page(page, extra_urls=[page.get_full_url()])


def after_move(sender, instance, **kwargs):
    page = instance.specific
    if is_content_page(page):
        purge_page(page)


def before_delete(sender, instance, **kwargs):
    if not isinstance(instance, _page_model()):
        return
    page = instance.specific_deferred if type(instance) is _page_model() else instance
    if is_content_page(page):
        purge_page(page)


def _purge_everything(page):
    """A page of another kind (a location, a content page, the home page).

    The server-side page cache is emptied (the page may appear in any page's
    navigation); the CDN gets the page, the pages it references (a location's
    treatments) and the pages that reference it.
    """
    transaction.on_commit(cache.clear)
    ids = _referencing_page_ids(page) | _referenced_page_ids(page)
    ids.discard(page.pk)
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(_page_model().objects.live().filter(pk__in=ids).specific())
    urls = set(batch.urls)
    transaction.on_commit(partial(_send, batch, urls))


def _referenced_page_ids(page):
    """Pages ``page``'s content references (Wagtail's reference index)."""
    try:
        references = ReferenceIndex.get_references_for_object(page)
        page_type = ReferenceIndex._get_base_content_type(_page_model())
        values = references.filter(to_content_type=page_type).values_list(
            "to_object_id", flat=True
        )
        return {int(value) for value in values if str(value).isdigit()}
    except Exception:  # the index is an aid here, never a reason to fail
        logger.warning("Could not read the reference index for page %s", page.pk)
        return set()


def on_settings_saved(sender, instance, **kwargs):
    """The clinic's settings appear on every page: empty the page cache, purge the site."""
    site = getattr(instance, "site", None)
    transaction.on_commit(cache.clear)
    if site is None:
        return
    batch = PurgeBatch()
    batch.add_pages(site.root_page.get_descendants(inclusive=True).live().specific())
    urls = set(batch.urls)
    transaction.on_commit(partial(_send, batch, urls))


def reindex_linked(condition):
    """Re-index the pages whose search entries carry ``condition``'s title."""
    _, condition_cls, _ = _families()
    if not isinstance(condition, condition_cls):
        return
    treatment_link, _, alternative_condition = _link_models()
    ids = set(
        treatment_link.objects.filter(condition=condition).values_list(
            "page_id", flat=True
        )
    ) | set(
        alternative_condition.objects.filter(condition=condition).values_list(
            "page_id", flat=True
        )
    )
    for page in _page_model().objects.filter(pk__in=ids).specific():
        index.insert_or_update_object(page)


def connect():
    """Connect the handlers (from the app's ``ready``)."""
    from .models import ClinicSettings

    pre_save.connect(remember_before_save, dispatch_uid="treatments_cms_purge_pre")
    page_published.connect(on_published, dispatch_uid="treatments_cms_purge_pub")
    page_unpublished.connect(on_unpublished, dispatch_uid="treatments_cms_purge_unpub")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="treatments_cms_purge_slug")
    pre_page_move.connect(before_move, dispatch_uid="treatments_cms_purge_premove")
    post_page_move.connect(after_move, dispatch_uid="treatments_cms_purge_move")
    pre_delete.connect(before_delete, dispatch_uid="treatments_cms_purge_delete")
    post_save.connect(
        on_settings_saved,
        sender=ClinicSettings,
        dispatch_uid="treatments_cms_purge_settings",
    )
