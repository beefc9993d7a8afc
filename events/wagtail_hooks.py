"""Admin hooks of the calendar: who may see sign-ups, and how their audit entries read."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .admin_views import LOG_EXPORT, LOG_VIEW
from .permissions import may_see_signups


@hooks.register("filter_form_submissions_for_user")
def only_course_administrators_see_signups(user, editable_forms):
    """The "Formulär" menu, the sign-up lists, their downloads and deletion all ask this."""
    return editable_forms if may_see_signups(user) else editable_forms.none()


@hooks.register("register_log_actions")
def register_signup_log_actions(actions):
    actions.register_action(LOG_VIEW, _("Visa anmälningar"), _("Visade anmälningarna"))
    actions.register_action(LOG_EXPORT, _("Ladda ner anmälningar"), _("Laddade ner anmälningarna"))
