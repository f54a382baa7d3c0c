"""The built one-folder app (dist/ler-wallet/) runs with no Python and an empty HOME: CLI, sharing, the window.

Runs only when `python3 tasks.py build` has made dist/ler-wallet/ler-wallet (CI does not build: ~2 minutes);
`bash packaging/smoke_test.sh` builds and runs this file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.packaging.bare import Bare, walk_demo

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "dist" / "ler-wallet"
EXECUTABLE = BUILT / ("ler-wallet.exe" if os.name == "nt" else "ler-wallet")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXECUTABLE.exists(),
                       reason="no built app: run `python3 tasks.py build` (or packaging/smoke_test.sh) first"),
]


@pytest.fixture
def bare(tmp_path: Path) -> Bare:
    return Bare([str(EXECUTABLE)], tmp_path / "computer")


def test_no_python_is_on_the_path_the_app_sees(bare: Bare) -> None:
    """The bare environment really has no Python to fall back on."""
    assert shutil.which("python3", path=bare.env["PATH"]) is None
    assert shutil.which("python", path=bare.env["PATH"]) is None


def test_version_matches_the_source(bare: Bare, tmp_path: Path) -> None:
    """`--version` prints the same version as the source tree's package."""
    from wallet import __version__

    ran = bare("--version", cwd=tmp_path)
    assert ran.code == 0, ran.err
    assert ran.out.strip() == f"ler-wallet {__version__}"


def test_demo_issue_share_and_verify(bare: Bare, tmp_path: Path) -> None:
    """demo, issue + verify, share as PDF and QR + verify: every step exits 0 and the checks pass."""
    work = tmp_path / "work"
    work.mkdir()
    steps = walk_demo(bare, tmp_path / "demo.lerwallet", work)
    for name, ran in steps.items():
        assert ran.code == 0, f"{name}: {ran.err or ran.out}"
    assert "Created a demo wallet" in steps["demo"].out
    for check in ("verify credential", "verify pdf", "verify qr"):
        assert "Overall: verified" in steps[check].out, steps[check].out
    assert (work / "resume.pdf").read_bytes().startswith(b"%PDF")


def test_the_window_opens_offscreen(bare: Bare, tmp_path: Path) -> None:
    """With no subcommand the app opens its main window (offscreen) and, in smoke mode, quits once it is shown."""
    ran = bare(cwd=tmp_path, env={"LER_WALLET_SMOKE": "1"}, timeout=120)
    assert ran.code == 0, ran.err
    assert "smoke: window 'mainWindow' shown, title 'LER Wallet" in ran.err, ran.err


def test_bundled_notices_are_inside(tmp_path: Path) -> None:
    """THIRD-PARTY-NOTICES travels inside the build, identical to the repository's."""
    inside = list(BUILT.rglob("THIRD-PARTY-NOTICES"))
    assert inside, "THIRD-PARTY-NOTICES is not in the build"
    assert inside[0].read_bytes() == (ROOT / "THIRD-PARTY-NOTICES").read_bytes()


def test_portable_build_writes_nothing_outside_its_folder(tmp_path: Path) -> None:
    """A `portable` marker beside the executable: wallet, settings and temp files stay in the folder; HOME and
    TMPDIR stay empty through demo, share, verify and opening the window."""
    stick = tmp_path / "stick" / "ler-wallet"
    shutil.copytree(BUILT, stick, symlinks=True, copy_function=os.link)  # hard links: a copy in no time
    (stick / "portable").write_text("")
    bare = Bare([str(stick / EXECUTABLE.name)], tmp_path / "computer")
    work = stick.parent / "work"
    work.mkdir()
    steps = walk_demo(bare, stick / "wallet.lerwallet", work)
    for name, ran in steps.items():
        assert ran.code == 0, f"{name}: {ran.err or ran.out}"
    opened = bare(cwd=work, env={"LER_WALLET_SMOKE": "1"}, timeout=120)
    assert opened.code == 0 and "smoke: window 'mainWindow' shown" in opened.err, opened.err
    assert (stick / "wallet.lerwallet").is_dir()
    assert bare.written_outside() == []
