"""StreamField blocks shared by every content page type. The page body that combines them with
the advisor directory's blocks is advice.blocks.ContentStreamBlock.

Each block has its own template in templates/blocks/<name>.html, an icon, a Swedish label,
description and group for the block chooser, and validation in clean() that tells the editor
what to do. Modules: text (headings, text, fact boxes, quotes, FAQ, steps, tables), media
(images, documents, video), links, help ("Behöver du hjälp nu?").
"""

from .help import HelpNowBlock
from .languages import LanguageLinksBlock, OtherLanguageBlock
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

__all__ = [
    "LanguageLinksBlock",
    "OtherLanguageBlock",
    "RICH_TEXT_FEATURES",
    "CallToActionBlock",
    "DocumentBlock",
    "FAQBlock",
    "FactBoxBlock",
    "FigureBlock",
    "HeadingBlock",
    "HelpNowBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RelatedPagesBlock",
    "StepsBlock",
    "TableBlock",
    "VideoBlock",
    "heading_slug",
    "parse_video_url",
]
