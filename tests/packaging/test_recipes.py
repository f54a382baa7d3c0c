"""The Windows and macOS recipes, checked as far as Linux allows: syntax, and every file they name exists."""

from __future__ import annotations

import ast
import plistlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "ler-wallet.iss"
SCRIPTS = [PACKAGING / "smoke_test.sh", PACKAGING / "macos" / "build_app.sh", PACKAGING / "linux" / "install.sh"]


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_inno_setup_script_has_the_sections_and_keys_an_installer_needs() -> None:
    """[Setup] names the app, version, folder, output and icon; files, icons and a run entry are present."""
    sections = _iss_sections()
    assert {"Setup", "Files", "Icons", "Run", "Registry", "Tasks", "Languages"} <= set(sections)
    keys = {line.split("=", 1)[0] for line in sections["Setup"]}
    assert {"AppId", "AppName", "AppVersion", "DefaultDirName", "OutputBaseFilename", "SetupIconFile",
            "PrivilegesRequired"} <= keys
    for entry in sections["Files"] + sections["Icons"] + sections["Run"] + sections["Registry"]:
        assert entry.count('"') % 2 == 0, f"unbalanced quotes: {entry}"


def test_inno_setup_script_names_files_that_exist() -> None:
    """Icon, licence and notices paths resolve from packaging/windows; the build folder is dist/ler-wallet."""
    text = ISS.read_text(encoding="utf-8")
    here = ISS.parent
    for key in ("SetupIconFile", "LicenseFile"):
        value = re.search(rf"^{key}=(.+)$", text, re.MULTILINE)
        assert value is not None and (here / value.group(1).replace("\\", "/")).is_file(), key
    build_dir = re.search(r'#define BuildDir "(.+)"', text)
    assert build_dir is not None
    assert (here / build_dir.group(1).replace("\\", "/")).resolve() == ROOT / "dist" / "ler-wallet"


def test_pyinstaller_spec_is_python_and_names_its_files() -> None:
    """The spec parses; its entry script, icons and notices exist."""
    spec = PACKAGING / "ler-wallet.spec"
    ast.parse(spec.read_text(encoding="utf-8"))
    for name in ("ler_wallet_main.py", "icons/ler-wallet.icns", "icons/ler-wallet.ico", "icons/ler-wallet.svg"):
        assert (PACKAGING / name).is_file(), name
    assert (ROOT / "THIRD-PARTY-NOTICES").is_file()


def test_macos_entitlements_are_a_valid_plist() -> None:
    """The entitlements file loads as a property list and asks only for library validation to be off."""
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as f:
        assert plistlib.load(f) == {"com.apple.security.cs.disable-library-validation": True}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shell_scripts_parse(script: Path) -> None:
    """`sh -n` accepts each script."""
    sh = shutil.which("sh")
    if sh is None:
        pytest.skip("no POSIX shell here")
    done = subprocess.run([sh, "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
