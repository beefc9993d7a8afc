"""Admin views that differ from Wagtail's."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.delete import DeleteView
from wagtail.models import Page

from portal.admin_views import forbidden


class CreatePageView(CreateView):
    """Wagtail's "new page" view without autosave. Autosave in this view creates the page
    (and takes its slug) as soon as the form is valid, so an editor who gave up on a new page
    left a draft behind whose slug blocked their next attempt. The page now comes into being
    when the editor saves it; from then on the edit view autosaves as usual."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        context["autosave_indicator"] = None
        return context


class DeletePageView(DeleteView):
    """Wagtail's delete view, answering 403 with a reason when the page may not be deleted
    (Wagtail redirects to the dashboard). Published pages are public records: only
    administrators delete them (portal.models.RecordKeepingMixin)."""

    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id).specific
        if not page.permissions_for_user(request.user).can_delete():
            return forbidden(
                request,
                _(
                    "Sidor som har varit publicerade tas bara bort av en administratör. "
                    "Avpublicera sidan i stället, så finns den och dess versioner kvar."
                ),
            )
        return super().dispatch(request, page_id, *args, **kwargs)
