"""Who may see sign-ups. They are personal data of families in a social-services group: only
the course administrators (and administrators) see and export them, and each look is written
to the audit log (events/admin_views.py)."""

SIGNUP_PERMISSION = "events.view_signups"


def may_see_signups(user):
    return user.is_active and user.has_perm(SIGNUP_PERMISSION)
