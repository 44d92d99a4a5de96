"""Widgets of the reader (they show and drive the core; no analysis here)."""
