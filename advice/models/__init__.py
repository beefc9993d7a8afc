"""Models of the advice app: the advisor directory's snippets and the guidance page types."""

from .body import BodyMixin
from .directory import Advisor, AdvisorDropIn, Language, School
from .pages import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage

__all__ = [
    "Advisor",
    "AdvisorDirectoryPage",
    "AdvisorDropIn",
    "BodyMixin",
    "GuidanceIndexPage",
    "GuidancePage",
    "Language",
    "School",
]
