"""The editors' roles: who may write, approve, publish, and see personal data.

Plain data, read by the data migration that creates the groups (editorial/migrations/0002) and
by the signal that opens each new guidance section and calendar to its role. The Swedish
description of each role is in the editor guide (editorial/guide/roller.md).

- Kommunikatörer write, edit and publish everywhere, and keep the site settings.
- Granskare approve or reject what is submitted for moderation (and may publish).
- Föräldrarådgivare update advisor entries and write guidance drafts, which they submit for
  moderation; they never publish. They alone (with administrators) see the call-back requests
  parents send ("Bli kontaktad"; granted by feedback/migrations/0002).
- Kursadministratörer run the calendar and are the only ones (with administrators) who see
  and download sign-ups, which are personal data.

No role deletes a page that has been published (portal.models.RecordKeepingMixin): only
administrators do. Everyone else unpublishes.
"""

COMMUNICATORS = "Kommunikatörer"
REVIEWERS = "Granskare"
ADVISORS = "Föräldrarådgivare"
COURSE_ADMINS = "Kursadministratörer"

# Wagtail's own groups are renamed rather than replaced, so the moderation task that Wagtail
# created for its "Moderators" keeps its reviewers.
RENAMED = {"Moderators": REVIEWERS, "Editors": COMMUNICATORS}

WORKFLOW_NAME = "Granskning före publicering"
TASK_NAME = "Godkännande av granskare"

# Page permissions, on the whole tree (the root page) or on each page of a given type.
ALL_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
TREE_PAGE_PERMISSIONS = {
    COMMUNICATORS: ALL_PAGE_ACTIONS,
    REVIEWERS: ALL_PAGE_ACTIONS,
}
SECTION_PAGE_PERMISSIONS = {
    # (app label, model): {group: actions}
    ("advice", "guidanceindexpage"): {ADVISORS: ["add", "change"]},
    ("events", "eventindexpage"): {COURSE_ADMINS: ["add", "change", "publish", "lock", "unlock"]},
}

# Images and documents in the root collection.
MEDIA_ACTIONS = ["add", "change", "choose"]
COLLECTION_PERMISSIONS = {
    COMMUNICATORS: {"image": MEDIA_ACTIONS, "document": MEDIA_ACTIONS},
    REVIEWERS: {"image": MEDIA_ACTIONS, "document": MEDIA_ACTIONS},
    ADVISORS: {"image": ["add", "choose"], "document": ["choose"]},
    COURSE_ADMINS: {"image": ["add", "choose"], "document": ["add", "choose"]},
}

# Model permissions: (app label, model) → actions.
DIRECTORY = {
    ("advice", "advisor"): ["add", "change", "publish", "lock", "unlock"],
    ("taxonomy", "area"): ["add", "change"],
    ("advice", "school"): ["add", "change"],
    ("advice", "language"): ["add", "change"],
    ("taxonomy", "topic"): ["add", "change"],
    ("taxonomy", "audience"): ["add", "change"],
}
MODEL_PERMISSIONS = {
    COMMUNICATORS: {
        **DIRECTORY,
        ("portal", "contactsettings"): ["change"],
        ("portal", "helpnowsettings"): ["change"],
        ("wagtailredirects", "redirect"): ["add", "change", "delete"],
    },
    REVIEWERS: {
        ("advice", "advisor"): ["change", "publish", "lock", "unlock"],
        ("advice", "school"): ["change"],
    },
    ADVISORS: {
        ("advice", "advisor"): ["add", "change"],
    },
    COURSE_ADMINS: {
        ("events", "eventpage"): ["view_signups"],
    },
}

ROLES = [COMMUNICATORS, REVIEWERS, ADVISORS, COURSE_ADMINS]
