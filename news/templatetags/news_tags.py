"""Template tags of the news app. {% load news_tags %}"""

from django import template

from news.sharing import social_meta as social_meta_data

register = template.Library()


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card data for templates/components/social_meta.html."""
    return social_meta_data(context.get("request"), context.get("page"))
