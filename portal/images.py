"""Every picture on the public site: AVIF and WebP sources with a JPEG (PNG for logos)
fallback, several widths with `sizes`, `width`/`height` on the <img> so nothing shifts while
it loads, and lazy loading for all but the first picture of the page's content.

The renditions are Wagtail's (`Filter.expand_spec`, `Image.get_renditions`, `Picture`): made
once, stored in the rendition table and the cache, and read from a queryset's prefetched
renditions where a listing query prefetches them. `fill-` specs crop around the image's
focal point. Used through `{% responsive_picture image "preset" %}` (picture_tags).
"""

from dataclasses import dataclass

from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from PIL import AvifImagePlugin, Image

MODERN_FORMATS = "format-{avif,webp,jpeg}"

# libavif's encoder speed (0 slowest, 10 fastest). Pillow's default, 6, took 1–3 s per
# rendition on the 2-core development machine, so a page with a few new images would keep its
# first visitor waiting many seconds; 8 is about four times faster, and its files are still far
# smaller than the JPEG fallback. Wagtail and Willow do not pass a speed, so it is set here.
AVIF_SPEED = 8


def _save_avif(im, fp, filename, save_all=False):
    im.encoderinfo = {"speed": AVIF_SPEED, **im.encoderinfo}
    AvifImagePlugin._save(im, fp, filename, save_all=save_all)


def use_avif_speed():
    """Called once at start-up (PortalConfig.ready)."""
    Image.register_save(AvifImagePlugin.AvifImageFile.format, _save_avif)


@dataclass(frozen=True)
class Preset:
    resize: str  # a Wagtail filter spec; braces give one rendition per option
    sizes: str | None  # how wide the picture is shown, for the browser's choice of width
    formats: str = MODERN_FORMATS
    in_content: bool = True  # False: the header's logo, always loaded at once

    def filter_specs(self):
        return Filter.expand_spec([self.resize, self.formats])


PRESETS = {
    # A news card: the whole column on a phone, a third or half of the page beside.
    "card": Preset("fill-{480x270,800x450}", "(min-width: 40em) 24rem, 100vw"),
    # An image in the running text (figure block) and a news article's lead image: the
    # text column's width. width- keeps the proportions; no crop.
    "figure": Preset("width-{480,800,1200}", "(min-width: 50rem) 48rem, 100vw"),
    # A video's poster: 16:9 around the focal point, the text column's width.
    "poster": Preset("fill-{480x270,960x540}", "(min-width: 50rem) 48rem, 100vw"),
    # An advisor's photo: a 6rem square around the face (the focal point).
    "portrait": Preset("fill-{100x100,200x200,300x300}", "6rem"),
    # The organisation's logo, 1.5rem high in the header; logos often have transparency.
    "logo": Preset("height-{24,48,72}", None, "format-{avif,webp,png}", in_content=False),
}
LOGO_HEIGHT_REM = 1.5


def _loading_attrs(request, preset):
    """The first picture in a page's content is probably in view at once (a lead image, the
    first card): load it at once and first. Every later one waits until it is near."""
    if not preset.in_content:
        return {}
    if request is not None and not getattr(request, "_portal_first_picture_done", False):
        request._portal_first_picture_done = True
        return {"fetchpriority": "high"}
    return {"loading": "lazy", "decoding": "async"}


def picture_html(image, preset_name, request=None, **attrs):
    """The <picture> element for `image` in the named preset ("" without an image)."""
    if not image:
        return ""
    preset = PRESETS[preset_name]
    sizes = preset.sizes
    if sizes is None and image.height:
        # A logo's shown width follows from its fixed height and its proportions.
        sizes = f"{LOGO_HEIGHT_REM * image.width / image.height:.2f}rem"
    filters = [Filter(spec=spec) for spec in preset.filter_specs()]
    renditions = get_renditions_or_not_found(image, filters)
    attrs = {"sizes": sizes, **_loading_attrs(request, preset), **attrs}
    return Picture(renditions, attrs).__html__()
