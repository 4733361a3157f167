"""Ordered cross-links between pages, edited on the treatment (or alternative) side.

A condition's treatments are derived from ``TreatmentConditionLink``: one source
of truth, no double entry.
"""

import swapper
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .. import swappable
from .panels import SectionPageChooserPanel


def live_public(model):
    """Live pages of ``model`` outside any private (view-restricted) section."""
    return model.objects.live().public()


def visible_links(relation, target, targets, select=(), prefetch=()):
    """The links of ``relation`` whose ``target`` page is in ``targets``, in editor order.

    Works on saved links (one query, with ``select``/``prefetch``) and on the
    unsaved, in-memory links of a preview (one query for the visible ids).
    """
    links = relation.all()
    if isinstance(links, models.QuerySet):
        return list(
            links.filter(**{f"{target}__in": targets})
            .select_related(*select)
            .prefetch_related(*prefetch)
        )
    links = list(links)
    wanted = [getattr(link, f"{target}_id") for link in links]
    visible = set(targets.filter(pk__in=wanted).values_list("pk", flat=True))
    return [link for link in links if getattr(link, f"{target}_id") in visible]


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
