"""Template tags for advisor cards: {% load advice_tags %}.

Used by templates/components/advisor_card.html, which is rendered on the directory, on area
pages and by contact blocks on any page.
"""

from django import template

from advice import links

register = template.Library()


@register.simple_tag(takes_context=True)
def advisor_vcard_url(context, advisor):
    return links.vcard_url(context.get("request"), advisor)


@register.simple_tag(takes_context=True)
def area_url(context, area):
    return links.area_url(context.get("request"), area)
