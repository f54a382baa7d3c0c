"""The house rules that a test can enforce: offline, and the dependency direction of DESIGN.md."""

from __future__ import annotations

import ast
import shutil
import socket
import subprocess
import sys
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


# The downward order of DESIGN.md, top first. A module may import its own layer and the layers below it, never one
# above. Packages are placed whole (every module of wallet/store is "store"); every other module of wallet/ is named.
# `flows` sits above the lifecycle: the onboarding state machine is what opens, creates and recovers wallets.
LAYERS: list[tuple[str, set[str]]] = [
    ("facade", {"api"}),
    ("flows", {"flows"}),
    ("lifecycle", {"lifecycle", "demo", "wallet_care"}),
    ("session", {"session"}),
    ("services", {"credential_service", "skills_service", "holder", "app_settings", "entry_edits", "handed_over",
                  "help_texts", "kiosk_config", "navigator_pdf"}),
    ("skills and sharing", {"skills", "share", "sharing", "recovery_kit"}),
    ("credentials", {"credentials"}),
    ("store", {"store"}),
    ("crypto", {"crypto"}),
    ("models and errors", {"models", "errors", "events", "clock", "validation", "resources", "text_safety", "i18n",
                           "safe_markdown", "inputs", "cancel", "hardening", "portable", "notices", "__init__"}),
]
RANK = {part: rank for rank, (_, parts) in enumerate(LAYERS) for part in parts}
WALLET_MODULES = sorted((ROOT / "wallet").rglob("*.py"))


def _layer_of(module: str) -> int | None:
    """The rank of a dotted module under wallet (`wallet.store.files` → store), None when it is unplaced."""
    parts = module.split(".")
    return RANK.get(parts[1] if len(parts) > 1 else "__init__")


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", WALLET_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_core_module_has_a_layer(path: Path) -> None:
    """Each module of wallet/ is placed in one layer of LAYERS, so the direction check covers it."""
    assert _layer_of(_module_name(path)) is not None, f"place {path.relative_to(ROOT)} in a layer of LAYERS"


@pytest.mark.parametrize("path", WALLET_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_wallet_layers_point_downward(path: Path) -> None:
    """A core module imports only its own layer and the layers below it (DESIGN.md's order), never one above."""
    own = _layer_of(_module_name(path))
    above = sorted(
        name for name in _imports(path)
        if _top(name) == "wallet" and own is not None and (_layer_of(name) or 0) < own and name != "wallet"
    )
    assert not above, f"{path.relative_to(ROOT)} ({LAYERS[own or 0][0]}) imports a higher layer: {above}"


def _wallet_imports(path: Path) -> set[str]:
    """Every wallet module a file names: `import wallet.x`, `from wallet.x import y`, `from wallet import x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if _top(a.name) == "wallet")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and _top(node.module) == "wallet":
            if node.module == "wallet":
                names.update(f"wallet.{a.name}" for a in node.names)
            else:
                names.add(node.module)
    return names


FRONT_ENDS = sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "cli").rglob("*.py"))


@pytest.mark.parametrize("path", FRONT_ENDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_front_ends_import_only_the_facade(path: Path) -> None:
    """ui/ and cli/ reach the core only through wallet.api (also inside functions and TYPE_CHECKING blocks)."""
    other = sorted(n for n in _wallet_imports(path) if n != "wallet.api")
    assert not other, f"{path.relative_to(ROOT)} imports {other}; import it from wallet.api (add it there if needed)"


@pytest.mark.parametrize("path", FRONT_ENDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_front_ends_do_not_reach_into_the_session(path: Path) -> None:
    """ui/ and cli/ use the session's methods, never its repository or its private parts (`session.repo`, `._x`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reaching = sorted(
        f"line {node.lineno}: .{node.attr}" for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and (node.attr == "repo" or (
            node.attr.startswith("_") and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name) and "session" in node.value.id))
    )
    assert not reaching, f"{path.relative_to(ROOT)} reaches into the session: {reaching}"


def test_the_facade_names_only_what_it_exports() -> None:
    """Everything wallet.api imports is in its __all__, and everything in __all__ exists."""
    import wallet.api as api

    tree = ast.parse((ROOT / "wallet" / "api.py").read_text(encoding="utf-8"))
    imported = {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names}
    imported.discard("annotations")
    assert imported == set(api.__all__)
    assert all(hasattr(api, name) for name in api.__all__)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; `pip install -e '.[test]'` installs it")
    return found


def test_mypy_strict_is_clean() -> None:
    """`mypy --strict` finds nothing in wallet/, cli/ and ui/ (the house rule, enforced)."""
    result = subprocess.run([_tool("mypy"), "--strict", "wallet", "cli", "ui"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_ruff_is_clean() -> None:
    """`ruff check` finds nothing in wallet/, cli/, ui/, tests/ and bench/."""
    result = subprocess.run([_tool("ruff"), "check", "wallet", "cli", "ui", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
