"""StreamField blocks: extra prose, pictures and evidence sources; facts are typed fields."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class EvidenceSourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text=_("Title of the study, guideline or article."))
    publisher = blocks.CharBlock(
        required=False, help_text=_("Who published it, e.g. 'NICE' or a journal.")
    )
    url = blocks.URLBlock(required=False, help_text=_("Link to the source, if public."))
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)

    class Meta:
        icon = "doc-full"
        template = "treatments_cms/blocks/evidence_source.html"


class FigureBlock(blocks.StructBlock):
    """A picture in the page's prose, with its alt text and an optional caption."""

    image = ImageBlock(
        help_text=_(
            "Describe what the picture shows in the alt text, or tick "
            "'Image is decorative' when it adds no information."
        )
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_(
            "Optional line shown under the picture, e.g. who or what it shows."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Picture")
        template = "treatments_cms/blocks/figure.html"

    def bulk_to_python(self, values):
        """The pictures of every figure in the stream, with all their renditions.

        Wagtail loads the images of a stream in one query; loading their
        renditions with them keeps a page's query count the same however many
        pictures it shows.
        """
        figures = super().bulk_to_python(values)
        images = [figure["image"] for figure in figures if figure["image"]]
        prefetch_related_objects(images, "renditions")
        return figures


class ExtraContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol", "link"])
    quote = blocks.BlockQuoteBlock()
    image = FigureBlock()

    class Meta:
        max_num = 20
