"""Dialogs opened from the records page (import, paste, trusted issuers)."""
