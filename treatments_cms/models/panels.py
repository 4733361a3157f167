"""Editor panels for the link rows: rows titled by the page they link to, and a
page chooser that opens in the section its pages live in.
"""

from django.urls import reverse
from wagtail.admin.panels import MultipleChooserPanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser

from .. import swappable


class LinkedPagesPanel(MultipleChooserPanel):
    """A ``MultipleChooserPanel`` whose rows are headed by the chosen page's title.

    Wagtail heads each row "Condition 1", "Condition 2", ...; an editor
    reordering six links needs to see which is which. A row with no page yet
    (a new, empty row) keeps Wagtail's numbered heading.
    """

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "treatments_cms/admin/panels/linked_pages_panel.html"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.form is None:
                return
            field_name = self.panel.chooser_field_name
            chosen = {}
            for child in self.children:
                value = child.form[field_name].value()
                chosen[child] = int(value) if str(value or "").isdigit() else None
            wanted = [pk for pk in chosen.values() if pk]
            related = self.formset.model._meta.get_field(field_name).related_model
            titles = dict(
                related._base_manager.filter(pk__in=wanted).values_list("pk", "title")
                if wanted
                else ()
            )
            for child, pk in chosen.items():
                child.row_title = titles.get(pk, "")


class SectionPageChooser(AdminPageChooser):
    """A page chooser that opens in the first page of ``section_model_name``.

    Wagtail opens a chooser for several page types at their common ancestor,
    often the site root; the alternatives of a treatment live under the
    alternatives index, so the chooser starts there.
    """

    def __init__(self, *args, section_model_name, **kwargs):
        self.section_model_name = section_model_name
        super().__init__(*args, **kwargs)

    def get_chooser_modal_url(self):
        model = swappable.get_model(self.section_model_name)
        section = model.objects.order_by("path").values_list("pk", flat=True).first()
        if section is None:
            return super().get_chooser_modal_url()
        return reverse("wagtailadmin_choose_page_child", args=[section])


class SectionPageChooserPanel(PageChooserPanel):
    """A ``PageChooserPanel`` whose chooser opens in ``section_model_name``'s page."""

    def __init__(self, field_name, page_type=None, section_model_name=None, **kwargs):
        self.section_model_name = section_model_name
        super().__init__(field_name, page_type=page_type, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "section_model_name": self.section_model_name}

    def get_form_options(self):
        opts = super().get_form_options()
        if self.section_model_name and "widgets" in opts:
            opts["widgets"][self.field_name] = SectionPageChooser(
                target_models=self.page_type,
                can_choose_root=self.can_choose_root,
                section_model_name=self.section_model_name,
            )
        return opts
