"""The sign-up count in an event's editor, shown only to those who may see sign-ups."""

from wagtail.contrib.forms.panels import FormSubmissionsPanel

from .permissions import may_see_signups


class SignupsPanel(FormSubmissionsPanel):
    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return may_see_signups(self.request.user) and super().is_shown()
