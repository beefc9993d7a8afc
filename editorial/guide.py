"""Placeholder: filled in by the guide work."""
