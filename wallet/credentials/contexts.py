"""The offline JSON-LD document loader: it serves only the contexts bundled in resources/contexts/.

Anything else, a context URL we do not ship or any attempt to fetch a document, is refused with
`UnknownContextError` naming the URL. The wallet never fetches a context from the network.
"""

from __future__ import annotations

import copy
import json
import threading
from functools import cache
from typing import Any

from wallet.errors import UnknownContextError
from wallet.resources import resource_path

_lock = threading.Lock()


@cache
def _index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = json.loads(resource_path("contexts", "index.json").read_text("utf-8"))
    return index


@cache
def _document(url: str) -> dict[str, Any]:
    entry = _index()[url]
    document: dict[str, Any] = json.loads(resource_path("contexts", entry["file"]).read_text("utf-8"))
    return document


def known_contexts() -> list[str]:
    """Every context URL served offline."""
    return sorted(_index())


def _normalise(url: str) -> str:
    return url.split("#", 1)[0]


def is_known(url: str) -> bool:
    return _normalise(url) in _index()


def context_document(url: str) -> dict[str, Any]:
    """A bundled context (a fresh copy the caller may change), or UnknownContextError."""
    key = _normalise(url)
    if key not in _index():
        raise UnknownContextError(url)
    with _lock:
        return copy.deepcopy(_document(key))


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: bundled contexts only, never the network.

    The "static" tag lets pyld keep each processed context in its shared cache: our contexts never change,
    so a context is parsed and processed once per process, not once per credential.
    """
    return {"contextUrl": None, "documentUrl": url, "document": context_document(url), "tag": "static"}
