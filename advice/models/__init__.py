"""Models of the advice app: the advisor directory's snippets and the guidance page types."""

from .directory import Advisor, AdvisorDropIn, Area, Language, School
from .pages import AdvisorDirectoryPage, GuidanceIndexPage, GuidancePage
from .topics import Audience, Topic

__all__ = [
    "Advisor",
    "AdvisorDirectoryPage",
    "AdvisorDropIn",
    "Area",
    "Audience",
    "GuidanceIndexPage",
    "GuidancePage",
    "Language",
    "School",
    "Topic",
]
