"""The visitors' forms of the feedback app, for templates of apps that may not import it (the
advisor finder and area pages in `advice`) and for the base layout:

    {% load feedback_tags %}
    {% page_feedback %}             "Var informationen till din hjälp?" for the page in context
    {% callback_form area=area %}   "Bli kontaktad", the area chosen in advance
"""

from django import template
from django.template.loader import render_to_string

from wagtail.models import Page

from .. import views

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feedback(context):
    """The feedback box for the Wagtail page being shown; nothing elsewhere (the 404 page, a
    form's own page), on sensitive pages, or where a template turned it off with
    `no_page_feedback`."""
    page = context.get("page")
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    if context.get("no_page_feedback"):
        return ""
    # Sensitive pages (placed children, reports of concern) never carry a form: a parent in
    # distress should meet help there, not a box to write in (README, "Sensitive pages").
    if getattr(page, "sensitive", False):
        return ""
    state = views.feedback_state(request, page)
    return render_to_string(
        "feedback/page_feedback.html", views.box_context(request, page, state), request=request
    )


@register.simple_tag(takes_context=True)
def callback_form(context, area=None):
    request = context.get("request")
    if request is None:
        return ""
    form = views.CallbackForm(initial={"area": getattr(area, "pk", None)})
    ctx = views.callback_context(request, form, next_url=request.path)
    ctx["thanks"] = request.GET.get(views.CALLBACK_THANKS) == "tack"
    return render_to_string("feedback/callback_form.html", ctx, request=request)
