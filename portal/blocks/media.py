"""Media blocks: images with alt text, documents with type and size, and videos that load
nothing from elsewhere until the visitor asks."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .text import ParagraphBlock


class LabelledImageBlock(ImageBlock):
    """Wagtail's image block, whose inner chooser has no label of its own, so the editor
    read the field name in English ("Image")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_blocks["image"].label = _("välj bild")


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = LabelledImageBlock(label=_("bild"))
    caption = blocks.CharBlock(
        label=_("bildtext"),
        required=False,
        max_length=250,
        help_text=_('Visas under bilden. Ange fotograf om det behövs, t.ex. "Foto: …".'),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        description = _("En bild med alternativtext och valfri bildtext.")
        template = "blocks/figure_block.html"
        group = _("Media")


class DocumentBlock(blocks.StructBlock):
    """A document to download, shown with its file type and size so a parent on a phone
    knows what they get before tapping."""

    document = DocumentChooserBlock(label=_("dokument"))
    title = blocks.CharBlock(
        label=_("länktext"),
        required=False,
        max_length=160,
        help_text=_("Lämna tomt för dokumentets titel. Skriv vad dokumentet är."),
    )
    description = blocks.TextBlock(label=_("beskrivning"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        description = _("En fil att ladda ner, med filtyp och storlek.")
        template = "blocks/document_block.html"
        group = _("Media")


# Video providers the video block accepts: where a video is watched, and where the player is
# loaded from once the visitor asks for it (also the Content-Security-Policy frame source).
VIDEO_PROVIDERS = {
    "youtube": {
        "name": "YouTube",
        "patterns": [
            r"^https?://(?:www\.|m\.)?youtube\.com/watch\?(?:.*&)?v=([\w-]{11})",
            r"^https?://youtu\.be/([\w-]{11})",
            r"^https?://(?:www\.)?youtube(?:-nocookie)?\.com/(?:embed|shorts)/([\w-]{11})",
        ],
        "origin": "https://www.youtube-nocookie.com",
        "embed": "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0",
        "watch": "https://www.youtube.com/watch?v={id}",
    },
    "vimeo": {
        "name": "Vimeo",
        "patterns": [
            r"^https?://(?:www\.)?vimeo\.com/(\d+)",
            r"^https?://player\.vimeo\.com/video/(\d+)",
        ],
        "origin": "https://player.vimeo.com",
        "embed": "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
        "watch": "https://vimeo.com/{id}",
    },
}


def parse_video_url(url):
    """(provider, video id) for a YouTube or Vimeo address, or None."""
    for key, provider in VIDEO_PROVIDERS.items():
        for pattern in provider["patterns"]:
            match = re.match(pattern, str(url or "").strip())
            if match:
                return key, match.group(1)
    return None


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo that loads nothing from there until the visitor clicks:
    until then a poster image from our own library, a notice saying where the video comes
    from, a link to watch it there, and an optional text version."""

    title = blocks.CharBlock(label=_("videons titel"), max_length=120)
    url = blocks.URLBlock(
        label=_("adress till videon"),
        help_text=_("Adressen på YouTube eller Vimeo, t.ex. https://www.youtube.com/watch?v=…"),
    )
    poster = ImageChooserBlock(
        label=_("bild som visas innan videon startar"),
        help_text=_("En bild från bildbiblioteket, t.ex. en skärmbild ur videon."),
    )
    transcript = ParagraphBlock(
        label=_("textversion"),
        required=False,
        help_text=_("Vad som sägs och visas i videon, för den som inte kan se eller höra den."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("En video från YouTube eller Vimeo som laddas först när läsaren klickar.")
        template = "blocks/video_block.html"
        group = _("Media")

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and parse_video_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Ange adressen till en video på YouTube eller Vimeo."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parsed = parse_video_url(value.get("url"))
        if parsed:
            key, video_id = parsed
            provider = VIDEO_PROVIDERS[key]
            context["provider"] = {
                "name": provider["name"],
                "origin": provider["origin"],
                "host": provider["origin"].removeprefix("https://"),
                "embed_url": provider["embed"].format(id=video_id),
                "watch_url": provider["watch"].format(id=video_id),
            }
        return context
