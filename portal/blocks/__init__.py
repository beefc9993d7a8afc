"""StreamField blocks shared by every content page type.

Each block has its own template in templates/blocks/<name>.html, an icon, a Swedish label,
description and group for the block chooser, and validation in clean() that tells the editor
what to do. Modules: text (headings, text, fact boxes, quotes, FAQ, steps, tables), media
(images, documents, video), links, contact (advisor cards, local content, help now).
"""

from wagtail import blocks

from .contact import (
    AdvisorChooserBlock,
    AreaChooserBlock,
    ContactBlock,
    HelpNowBlock,
    LocalAreasBlock,
)
from .links import CallToActionBlock, RelatedPagesBlock
from .media import DocumentBlock, FigureBlock, VideoBlock, parse_video_url
from .text import (
    RICH_TEXT_FEATURES,
    FactBoxBlock,
    FAQBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
    StepsBlock,
    TableBlock,
    heading_slug,
)


class ContentStreamBlock(blocks.StreamBlock):
    """The body of standard, guidance and news pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    fact_box = FactBoxBlock()
    quote = QuoteBlock()
    faq = FAQBlock()
    steps = StepsBlock()
    table = TableBlock()
    figure = FigureBlock()
    document = DocumentBlock()
    video = VideoBlock()
    related_pages = RelatedPagesBlock()
    call_to_action = CallToActionBlock()
    contact = ContactBlock()
    local_areas = LocalAreasBlock()
    help_now = HelpNowBlock()


__all__ = [
    "RICH_TEXT_FEATURES",
    "AdvisorChooserBlock",
    "AreaChooserBlock",
    "CallToActionBlock",
    "ContactBlock",
    "ContentStreamBlock",
    "DocumentBlock",
    "FAQBlock",
    "FactBoxBlock",
    "FigureBlock",
    "HeadingBlock",
    "HelpNowBlock",
    "LocalAreasBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RelatedPagesBlock",
    "StepsBlock",
    "TableBlock",
    "VideoBlock",
    "heading_slug",
    "parse_video_url",
]
