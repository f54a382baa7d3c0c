"""Placeholder replaced by the real window module."""
