"""Running LER Wallet the way a person's computer would: a bare environment, a fresh HOME and temp folder."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "smoke test passphrase"


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


class Bare:
    """A launcher command run with only PATH (empty), HOME, TMPDIR, a locale and the wallet passphrase set."""

    def __init__(self, command: list[str], root: Path, extra_env: dict[str, str] | None = None) -> None:
        self.command = command
        self.home = root / "home"
        self.tmp = root / "tmp"
        self.empty_bin = root / "bin"
        for folder in (self.home, self.tmp, self.empty_bin):
            folder.mkdir(parents=True, exist_ok=True)
        self.env = {
            "PATH": str(self.empty_bin),
            "HOME": str(self.home),
            "TMPDIR": str(self.tmp),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "LER_WALLET_PASSPHRASE": PASSPHRASE,
            **(extra_env or {}),
        }

    def __call__(self, *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180) -> Ran:
        done = subprocess.run([*self.command, *args], cwd=cwd, env={**self.env, **(env or {})}, capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return Ran(done.returncode, done.stdout, done.stderr)

    def written_outside(self) -> list[str]:
        """Every file or folder that appeared in the fresh HOME or temp folder."""
        return sorted(str(p) for folder in (self.home, self.tmp) for p in folder.rglob("*"))


def self_asserted_id(listing: str) -> str:
    """The id of the first self-asserted entry in `list --json` output."""
    records = json.loads(listing)
    return str(next(r["id"] for r in records if "self" in json.dumps(r).lower()))


def walk_demo(run: Bare, wallet: Path, work: Path) -> dict[str, Ran]:
    """demo, issue + verify, a view, share as pdf and qr + verify each: the issue's smoke path."""
    w = ["--wallet", str(wallet)]
    steps: dict[str, Ran] = {"demo": run(*w, "demo", cwd=work)}
    listing = run(*w, "list", "--json", cwd=work)
    steps["list"] = listing
    entry = self_asserted_id(listing.out)
    steps["issue"] = run(*w, "issue", entry, "--out", str(work / "credential.json"), cwd=work)
    steps["verify credential"] = run("verify", str(work / "credential.json"), cwd=work)
    steps["view"] = run(*w, "view", "create", "--name", "Smoke", cwd=work)
    view_id = steps["view"].out.split("Created view ", 1)[-1].split(":", 1)[0].strip()
    steps["view records"] = run(*w, "view", "edit", view_id, "--records", entry, cwd=work)
    steps["share pdf"] = run(*w, "share", "Smoke", "--format", "pdf", "--out", str(work / "resume.pdf"), cwd=work)
    steps["verify pdf"] = run("verify", str(work / "resume.pdf"), cwd=work)
    steps["share qr"] = run(*w, "share", "Smoke", "--format", "qr", "--out", str(work / "qr"), cwd=work)
    pngs = sorted(str(p) for p in (work / "qr").glob("*.png")) if (work / "qr").is_dir() else []
    steps["verify qr"] = run("verify", *pngs, cwd=work) if pngs else Ran(2, "", "no QR PNG was written")
    return steps


def env_without_python_paths() -> dict[str, str]:
    """os.environ less the variables that would let a built app find this machine's Python."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
