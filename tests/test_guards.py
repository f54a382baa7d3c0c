"""The house rules that a test can enforce: offline, and the dependency direction of DESIGN.md."""

from __future__ import annotations

import ast
import socket
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import NetworkBlockedError

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module", "__import__"
        }:
            names.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return names


def _top(name: str) -> str:
    return name.split(".")[0]


def test_socket_connections_are_blocked() -> None:
    """Any attempt to reach the network inside the test suite fails loudly."""
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkBlockedError):
        urllib.request.urlopen("http://example.com", timeout=1)


@pytest.mark.parametrize("path", sorted((ROOT / "wallet").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_wallet_never_imports_qt_ui_or_cli(path: Path) -> None:
    """wallet/ is pure Python: no PySide6, no ui, no cli."""
    bad = {n for n in _imports(path) if _top(n) in {"PySide6", "shiboken6", "ui", "cli"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", sorted((ROOT / "cli").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_cli_imports_qt_only_lazily(path: Path) -> None:
    """The command line works without Qt: PySide6/ui appear only inside functions, never at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = {a.name for n in top_level if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in top_level if isinstance(n, ast.ImportFrom)}
    assert not {n for n in names if _top(n) in {"PySide6", "ui"}}


@pytest.mark.parametrize(
    "path", sorted((ROOT / "wallet").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_network_client_is_imported(path: Path) -> None:
    """No module of the app imports a network client."""
    bad = {n for n in _imports(path) if n in {"socket", "urllib.request", "http.client", "requests", "httpx"}}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


LAYERS = ["crypto", "store", "credentials", "skills", "share", "session", "service", "flows"]


def test_wallet_layers_point_downward() -> None:
    """Inside wallet/, lower layers (crypto, store) never import higher ones (session, service, flows)."""
    order = {name: i for i, name in enumerate(LAYERS)}
    problems = []
    for path in (ROOT / "wallet").rglob("*.py"):
        rel = path.relative_to(ROOT / "wallet").parts
        layer = rel[0].removesuffix(".py")
        if layer not in order:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "wallet" and len(parts) > 1 and parts[1] in order and order[parts[1]] > order[layer]:
                problems.append(f"wallet/{'/'.join(rel)} imports {name}")
    assert not problems, problems
