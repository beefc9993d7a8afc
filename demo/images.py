"""The demo's pictures, drawn with Pillow rather than downloaded: the repository ships no
photos of real people and the machine needs no internet access. The same title always gives
the same picture."""

import colorsys
import hashlib
import io
import math

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

ILLUSTRATION_SIZE = (1200, 675)
PORTRAIT_SIZE = 400
LOGO_SIZE = 192


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


# Portraits: skin tones and hair colours for the drawn people, picked by the hash of the title.
SKIN_TONES = [
    (247, 219, 196),
    (236, 192, 161),
    (214, 160, 122),
    (181, 123, 87),
    (141, 90, 60),
    (101, 64, 43),
]
HAIR_COLOURS = [(34, 27, 24), (66, 44, 31), (112, 74, 44), (168, 122, 72), (140, 140, 140)]
INK = (40, 32, 30)


def _shade(rgb, factor):
    return tuple(max(0, min(255, int(value * factor))) for value in rgb)


def portrait(text, size=PORTRAIT_SIZE):
    """A drawn head-and-shoulders illustration of a fictional person: a face with eyes and a
    smile, hair, shoulders in a coloured top, on a calm background. The demo's people are
    made up, so they get illustrations, never photographs (and their alt text says so).
    Drawn at twice the size and scaled down, for smooth edges."""
    digest, colour = _palette(text)
    s = size * 2
    picture = PILImage.new("RGB", (s, s), colour(0, 0.86))
    draw = ImageDraw.Draw(picture)
    skin = SKIN_TONES[digest[3] % len(SKIN_TONES)]
    hair = HAIR_COLOURS[digest[4] % len(HAIR_COLOURS)]
    top = colour(1, 0.42)
    hairstyle = ("short", "long", "bun", "curly")[digest[5] % 4]

    def box(x0, y0, x1, y1):
        return (x0 * s, y0 * s, x1 * s, y1 * s)

    if hairstyle == "long":
        draw.rounded_rectangle(box(0.27, 0.22, 0.73, 0.74), radius=0.16 * s, fill=hair)
    # Shoulders and neck.
    draw.ellipse(box(0.1, 0.7, 0.9, 1.4), fill=top)
    draw.rectangle(box(0.43, 0.56, 0.57, 0.76), fill=_shade(skin, 0.9))
    draw.pieslice(box(0.4, 0.62, 0.6, 0.82), 0, 180, fill=_shade(skin, 0.9))
    # Ears, face.
    draw.ellipse(box(0.27, 0.39, 0.33, 0.5), fill=_shade(skin, 0.93))
    draw.ellipse(box(0.67, 0.39, 0.73, 0.5), fill=_shade(skin, 0.93))
    draw.ellipse(box(0.3, 0.2, 0.7, 0.66), fill=skin)
    # Hair on top.
    if hairstyle == "curly":
        for cx, cy in [(0.33, 0.3), (0.4, 0.22), (0.5, 0.19), (0.6, 0.22), (0.67, 0.3)]:
            draw.ellipse(box(cx - 0.08, cy - 0.08, cx + 0.08, cy + 0.08), fill=hair)
    else:
        draw.chord(box(0.29, 0.16, 0.71, 0.52), 180, 360, fill=hair)
        draw.pieslice(box(0.29, 0.2, 0.47, 0.44), 180, 270, fill=hair)
    if hairstyle == "bun":
        draw.ellipse(box(0.42, 0.07, 0.58, 0.22), fill=hair)
    # Eyebrows, eyes, cheeks, smile.
    line = max(2, s // 90)
    cheek = tuple((value * 3 + red) // 4 for value, red in zip(skin, (230, 120, 120), strict=True))
    for x in (0.42, 0.58):
        draw.arc(box(x - 0.04, 0.36, x + 0.04, 0.4), 200, 340, fill=_shade(hair, 0.9), width=line)
        draw.ellipse(box(x - 0.018, 0.425, x + 0.018, 0.46), fill=INK)
        outward = -1 if x < 0.5 else 1
        cx = x + outward * 0.03
        draw.ellipse(box(cx - 0.035, 0.5, cx + 0.035, 0.54), fill=cheek)
    draw.arc(box(0.43, 0.47, 0.57, 0.58), 25, 155, fill=INK, width=line)
    if digest[6] % 3 == 0:
        for x in (0.42, 0.58):
            draw.ellipse(box(x - 0.055, 0.41, x + 0.055, 0.475), outline=INK, width=line)
        draw.line([box(0.475, 0.44, 0, 0)[:2], box(0.525, 0.44, 0, 0)[:2]], fill=INK, width=line)
    return picture.resize((size, size), PILImage.LANCZOS)


def logo(text, size=LOGO_SIZE):
    """A made-up emblem for the organisation in the header: a white tile with a shield and
    three waves. Not any real municipality's logo, whatever the name next to it."""
    picture = PILImage.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    blue, light = (20, 70, 130), (255, 255, 255)
    draw.polygon(
        [
            (size * 0.2, size * 0.14),
            (size * 0.8, size * 0.14),
            (size * 0.8, size * 0.55),
            (size * 0.5, size * 0.88),
            (size * 0.2, size * 0.55),
        ],
        fill=blue,
    )
    for row in range(3):
        middle = size * (0.32 + row * 0.14)
        points = [
            (
                size * (0.28 + 0.44 * step / 40),
                middle + size * 0.03 * math.sin(step / 40 * 4 * math.pi),
            )
            for step in range(41)
        ]
        draw.line(points, fill=light, width=max(2, size // 28), joint="curve")
    return picture


STYLES = {"illustration": illustration, "portrait": portrait, "logo": logo}
# Flat drawings keep their edges as PNG; the others are JPEG like photographs.
PNG_STYLES = {"logo"}


def store(title, alt_text, picture, image_format="JPEG"):
    """Save `picture` as a new image in the library, titled `title`."""
    buffer = io.BytesIO()
    if image_format == "PNG":
        picture.save(buffer, format="PNG", optimize=True)
    else:
        picture.save(buffer, format="JPEG", quality=82)
    extension = ".png" if image_format == "PNG" else ".jpg"
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + extension
    image = get_image_model()(title=title, description=alt_text)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image
