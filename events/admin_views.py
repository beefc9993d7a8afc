"""The sign-ups of an event in the admin. Sign-ups are personal data of families in a
social-services group: only those with `events.view_signups` (the course administrators, and
administrators) see or download them, and every look is written to Wagtail's audit log."""

from django.utils.translation import gettext as _

from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log

from portal.admin_views import forbidden

from .permissions import may_see_signups

LOG_VIEW = "events.signups.view"
LOG_EXPORT = "events.signups.export"


class RegistrationListView(SubmissionsListView):
    def dispatch(self, request, *args, **kwargs):
        if not may_see_signups(request.user):
            return forbidden(
                request,
                _(
                    "Anmälningarna är personuppgifter. Bara kursadministratörer och "
                    "administratörer ser och laddar ner dem."
                ),
            )
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            export = self.is_export and request.GET.get("export")
            log(
                instance=self.form_page,
                action=LOG_EXPORT if export else LOG_VIEW,
                user=request.user,
                data={"format": export} if export else {},
            )
        return response
