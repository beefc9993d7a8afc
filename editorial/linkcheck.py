"""Placeholder: filled in by the linkcheck work."""
