"""The demo's pictures, drawn with Pillow rather than downloaded: the repository ships no
photos of real people and the machine needs no internet access. The same title always gives
the same picture."""

import colorsys
import hashlib
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

ILLUSTRATION_SIZE = (1200, 675)
PORTRAIT_SIZE = 400


def _palette(text):
    """Calm colours picked from a hash of `text`."""
    digest = hashlib.sha256(text.encode()).digest()

    def colour(index, lightness):
        red, green, blue = colorsys.hls_to_rgb(digest[index] / 255, lightness, 0.45)
        return int(red * 255), int(green * 255), int(blue * 255)

    return digest, colour


def illustration(text, size=ILLUSTRATION_SIZE):
    """Soft round shapes in calm colours."""
    digest, colour = _palette(text)
    width, height = size
    picture = PILImage.new("RGB", size, colour(0, 0.88))
    draw = ImageDraw.Draw(picture)
    for i in range(6):
        cx = digest[2 * i + 1] / 255 * width
        cy = digest[2 * i + 2] / 255 * height
        radius = (0.15 + digest[i + 13] / 255 * 0.35) * min(width, height)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=colour(i + 20, 0.55 + i * 0.05),
        )
    return picture


def portrait(text, size=PORTRAIT_SIZE):
    """A head-and-shoulders silhouette on a plain colour. The demo's people are fictional,
    so they get drawn figures, never photographs."""
    _digest, colour = _palette(text)
    picture = PILImage.new("RGB", (size, size), colour(0, 0.85))
    draw = ImageDraw.Draw(picture)
    figure = colour(1, 0.35)
    draw.ellipse((size * 0.32, size * 0.16, size * 0.68, size * 0.52), fill=figure)
    draw.ellipse((size * 0.12, size * 0.58, size * 0.88, size * 1.3), fill=figure)
    return picture


STYLES = {"illustration": illustration, "portrait": portrait}


def store(title, alt_text, picture):
    """Save `picture` as a new image in the library, titled `title`."""
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".jpg"
    image = get_image_model()(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image
