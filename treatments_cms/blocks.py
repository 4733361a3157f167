"""StreamField blocks: extra prose and evidence sources only; facts are typed fields."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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


class ExtraContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol", "link"])
    quote = blocks.BlockQuoteBlock()

    class Meta:
        max_num = 20
