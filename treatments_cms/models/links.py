"""Ordered cross-links between pages, edited on the treatment (or alternative) side.

A condition's treatments are derived from ``TreatmentConditionLink``: one source
of truth, no double entry.
"""

import functools

import swapper
from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .. import swappable
from ..public import public_pages
from ..sections import choice_label
from .panels import SectionPageChooserPanel


def live_public(model, request=None):
    """Live pages of ``model`` on the request's site, outside any private
    (view-restricted) section: ``treatments_cms.public.public_pages``.

    Without a request, every site's (as Wagtail's ``.live().public()``).
    """
    return public_pages(model, request)


def family_content_types(*models_):
    """The content type ids of ``models_`` and of every model built on them."""
    content_types = ContentType.objects.get_for_models(*_family(models_))
    return sorted(content_type.pk for content_type in content_types.values())


@functools.cache
def _family(models_):
    return tuple(model for model in apps.get_models() if issubclass(model, models_))


def child_lookup(base, model):
    """The lookup from ``base`` (a page model) down to ``model``, built on it by
    multi-table inheritance: ``"treatmentpage"``, or ``"basepage__treatmentpage"``.
    """
    names = []
    while model is not base:
        parent, link = next(
            (parent, link)
            for parent, link in model._meta.parents.items()
            if issubclass(parent, base)
        )
        names.append(link.remote_field.related_query_name or model._meta.model_name)
        model = parent
    return "__".join(reversed(names))


def specific_target(page, lookups):
    """The first of ``lookups`` (child models joined by ``select_related``) that
    ``page`` has; ``page`` itself when none."""
    for lookup in lookups:
        target = page
        for name in lookup.split("__"):
            target = getattr(target, name, None) if target is not None else None
        if target is not None:
            return target
    return page


def visible_links(relation, target, scope, model, select=(), prefetch=()):
    """The links of ``relation`` whose ``target`` page is a ``model`` page (a
    model or a tuple of models, with the models built on them) in ``scope``
    (a ``PublicScope``), in editor order.

    Saved links: one query, the scope a filter across the relation (no
    subquery), with ``select``/``prefetch``. The unsaved, in-memory links of a
    preview: one query for the visible ids.
    """
    related = relation.model._meta.get_field(target).related_model
    # A link to any page (an alternative) keeps only pages of ``model``.
    typed = not issubclass(related, model)
    links = relation.all()
    if isinstance(links, models.QuerySet):
        links = links.filter(scope.q(f"{target}__"))
        if typed:
            types = family_content_types(*_as_tuple(model))
            links = links.filter(**{f"{target}__content_type_id__in": types})
        # In editor order, sorted here: ordering in SQL costs Django more per
        # selected column than the sort (a card row joins a hundred or more).
        links = list(
            links.select_related(*select).prefetch_related(*prefetch).order_by()
        )
        links.sort(key=_editor_order)
        return links
    links = list(links)
    pages = related.objects.filter(
        scope.q(), pk__in=[getattr(link, f"{target}_id") for link in links]
    )
    if typed:
        pages = pages.filter(
            content_type_id__in=family_content_types(*_as_tuple(model))
        )
    visible = set(pages.values_list("pk", flat=True))
    return [link for link in links if getattr(link, f"{target}_id") in visible]


def _editor_order(link):
    return (link.sort_order is None, link.sort_order or 0, link.pk)


def _as_tuple(model):
    return model if isinstance(model, tuple) else (model,)


SELF_ALTERNATIVE_MESSAGE = _("A treatment cannot be an alternative to itself.")


class Outcome(models.TextChoices):
    TREATS = "treats", _("Treats")
    IMPROVES = "improves", _("Improves")


class TreatmentConditionLink(Orderable):
    """A condition a treatment addresses, with the expected outcome."""

    page = ParentalKey(
        swappable.get_treatment_page_model_string(),
        on_delete=models.CASCADE,
        related_name="condition_links",
    )
    condition = models.ForeignKey(
        swappable.get_condition_page_model_string(),
        on_delete=models.CASCADE,
        related_name="treatment_links",
        verbose_name=_("condition"),
        help_text=_("The condition this treatment addresses."),
    )
    outcome = models.CharField(
        _("what the treatment does"),
        max_length=10,
        choices=Outcome.choices,
        help_text=_(
            "Choose 'Treats' when the condition usually clears, 'Improves' when "
            "it gets better but does not go away."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Optional, e.g. 'deep wrinkles improve but do not disappear'."),
    )

    panels = [FieldPanel("condition"), FieldPanel("outcome"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("condition treated")
        verbose_name_plural = _("conditions treated")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "condition"], name="unique_treatment_condition"
            )
        ]

    def get_outcome_display(self):
        """ "Treats" or "Improves" (only that label translated: see ``choice_label``)."""
        return choice_label(self, "outcome")

    def __str__(self):
        # Translators: for example "Laser resurfacing treats Acne scarring".
        return gettext("%(treatment)s %(outcome)s %(condition)s") % {
            "treatment": self.page,
            "outcome": self.get_outcome_display().lower(),
            "condition": self.condition,
        }


class TreatmentAlternativeLink(Orderable):
    """Another option to a treatment: an alternative page or another treatment."""

    page = ParentalKey(
        swappable.get_treatment_page_model_string(),
        on_delete=models.CASCADE,
        related_name="alternative_links",
    )
    alternative = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("alternative"),
        help_text=_("An alternative page, or another treatment."),
    )
    comparison_note = models.CharField(
        _("how it compares"),
        max_length=255,
        blank=True,
        help_text=_("How it compares, e.g. 'gentler, but results are milder'."),
    )

    panels = [
        SectionPageChooserPanel(
            "alternative",
            page_type=[
                swappable.get_alternative_page_model_string(),
                swappable.get_treatment_page_model_string(),
            ],
            # Opens among the alternatives; treatments are one level up.
            section_model_name="AlternativeIndexPage",
        ),
        FieldPanel("comparison_note", widget=forms.Textarea(attrs={"rows": 3})),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("alternative")
        verbose_name_plural = _("alternatives")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "alternative"], name="unique_treatment_alternative"
            )
        ]

    def __str__(self):
        return gettext("%(alternative)s as an alternative to %(treatment)s") % {
            "alternative": self.alternative,
            "treatment": self.page,
        }

    def clean(self):
        super().clean()
        if not self.alternative_id:
            return
        if self.page_id and self.alternative_id == self.page_id:
            raise ValidationError({"alternative": SELF_ALTERNATIVE_MESSAGE})
        allowed = (
            swappable.get_alternative_page_model(),
            swappable.get_treatment_page_model(),
        )
        model = self.alternative.specific_class
        if model is None or not issubclass(model, allowed):
            raise ValidationError(
                {
                    "alternative": gettext(
                        "Choose an alternative page or another treatment."
                    )
                }
            )


class AlternativeConditionLink(Orderable):
    """A condition an alternative can address."""

    page = ParentalKey(
        swappable.get_alternative_page_model_string(),
        on_delete=models.CASCADE,
        related_name="condition_links",
    )
    condition = models.ForeignKey(
        swappable.get_condition_page_model_string(),
        on_delete=models.CASCADE,
        related_name="alternative_links",
        verbose_name=_("condition"),
        help_text=_("A condition this alternative can address."),
    )

    panels = [FieldPanel("condition")]

    class Meta(Orderable.Meta):
        verbose_name = _("condition addressed")
        verbose_name_plural = _("conditions addressed")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "condition"], name="unique_alternative_condition"
            )
        ]

    def __str__(self):
        return gettext("%(alternative)s addresses %(condition)s") % {
            "alternative": self.page,
            "condition": self.condition,
        }
