"""Sharing: a chosen view leaves the wallet as a signed bundle, QR codes or a PDF; anyone can check it."""
