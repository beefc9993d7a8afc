"""Admin hooks of the editorial tools. Each tool registers its own hooks in its module; this
file only makes Wagtail import them."""

from . import checks, guide, labels, linkcheck, review, two_factor  # noqa: F401
