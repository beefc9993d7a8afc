"""{% responsive_picture image "preset" attr=value … %}: one tag for every picture on the public
site (portal/images.py says what each preset makes). Attributes such as class and alt go to
the <img>; without alt, Wagtail's (the image block's alt text, or the image's description)."""

from django import template

from portal.images import picture_html

register = template.Library()


@register.simple_tag(takes_context=True)
def responsive_picture(context, image, preset, **attrs):
    return picture_html(image, preset, context.get("request"), **attrs)
