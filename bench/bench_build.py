#!/usr/bin/env python3
"""The built app (dist/ler-wallet/) beside the source install and KeePassXC: size, start, memory.

    .venv/bin/python bench/bench_build.py [--runs 5] [--json]

- size: bytes and files in dist/ler-wallet/ (symlinks not counted twice) and its largest parts;
- start to the unlock screen: fresh process until the main window is visible on the unlock page of the demo
  wallet (packaging/ler_wallet_main.py's LER_WALLET_SMOKE hook reports it), for the built executable and for
  the source install (.venv's Python running the same entry script); KeePassXC from launch until its first
  window is mapped on a virtual X screen (Xvfb; xwininfo polls every 20 ms) when `keepassxc` is installed;
- memory after unlock: resident memory (VmRSS) once the demo wallet's records list shows (LER_WALLET_SMOKE=unlock).

Medians of --runs fresh processes, the ratio built / source. The page cache is dropped before each run when
this process may (root outside a container); otherwise the figures are warm starts, and say so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "dist" / "ler-wallet"
EXECUTABLE = BUILT / "ler-wallet"
ENTRY = ROOT / "packaging" / "ler_wallet_main.py"
PASSPHRASE = "bench build passphrase"
LINE = re.compile(r"smoke: (window|unlocked).* after ([\d.]+) s, rss (\S+) MB")


def folder_size(folder: Path) -> tuple[int, int, list[tuple[str, int]]]:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    parts: dict[str, int] = {}
    for f in files:
        rel = f.relative_to(folder).parts
        key = "/".join(rel[:2] if rel[0] == "_internal" and len(rel) > 2 else rel[:3])
        parts[key] = parts.get(key, 0) + f.stat().st_size
    return sum(f.stat().st_size for f in files), len(files), sorted(parts.items(), key=lambda kv: -kv[1])[:8]


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_once(command: list[str], env: dict[str, str], unlock: bool) -> dict[str, float]:
    """Wall seconds from spawn to the window (and to the unlocked list), with resident MB at each."""
    run_env = {**env, "LER_WALLET_SMOKE": "unlock" if unlock else "1"}
    began = time.perf_counter()
    proc = subprocess.Popen(command, env=run_env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    found: dict[str, float] = {}
    assert proc.stderr is not None
    for line in proc.stderr:
        match = LINE.search(line)
        if match:
            found[f"{match.group(1)}_s"] = time.perf_counter() - began
            if match.group(3) != "?":
                found[f"{match.group(1)}_rss_mb"] = float(match.group(3))
    proc.wait(timeout=120)
    if proc.returncode != 0 or "window_s" not in found:
        raise SystemExit(f"{command[0]} did not open its window (exit {proc.returncode})")
    return found


def keepassxc_once(display: str, home: Path) -> float | None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "DISPLAY": display, "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_RUNTIME_DIR": str(home)}
    began = time.perf_counter()
    proc = subprocess.Popen(["keepassxc"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - began < 60:
            tree = subprocess.run(["xwininfo", "-root", "-tree", "-display", display], capture_output=True,
                                  text=True).stdout
            if "KeePassXC" in tree:
                return time.perf_counter() - began
            time.sleep(0.02)
        return None
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def keepassxc_starts(runs: int, cold: bool) -> tuple[list[float], str]:
    if not shutil.which("keepassxc"):
        return [], "keepassxc is not installed (apt-get install keepassxc)"
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        return [], "no virtual screen: apt-get install xvfb x11-utils"
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)  # Xvfb's own start, before any timing
        times = []
        for _ in range(runs):
            if cold:
                drop_caches()
            with tempfile.TemporaryDirectory() as home:
                seconds = keepassxc_once(display, Path(home))
            if seconds is not None:
                times.append(seconds)
        return times, "start until its first window is mapped on Xvfb"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not EXECUTABLE.exists():
        print("No built app: run `python3 tasks.py build` first.", file=sys.stderr)
        return 2
    results: dict[str, object] = {}
    size, count, parts = folder_size(BUILT)
    results["size"] = {"bytes": size, "files": count, "largest": parts}
    cold = drop_caches()
    results["cache"] = "cold (page cache dropped before each run)" if cold else "warm (cannot drop the page cache here)"
    with tempfile.TemporaryDirectory() as tmp:
        wallet = Path(tmp) / "demo.lerwallet"
        made = subprocess.run([str(EXECUTABLE), "demo", str(wallet)], capture_output=True, text=True,
                              env={**os.environ, "LER_WALLET_PASSPHRASE": PASSPHRASE})
        if made.returncode != 0:
            raise SystemExit(made.stderr)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "TMPDIR": tmp, "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen", "LER_WALLET": str(wallet), "LER_WALLET_PASSPHRASE": PASSPHRASE,
               "LER_WALLET_SETTINGS": str(Path(tmp) / "settings.json")}
        launchers = {"built": [str(EXECUTABLE)], "source": [sys.executable, str(ENTRY)]}
        for name, command in launchers.items():
            window, unlocked, rss_window, rss_unlocked = [], [], [], []
            for _ in range(args.runs):
                if cold:
                    drop_caches()
                found = start_once(command, {**env, "PYTHONPATH": str(ROOT)} if name == "source" else env, True)
                window.append(found["window_s"])
                unlocked.append(found.get("unlocked_s", float("nan")))
                rss_window.append(found.get("window_rss_mb", float("nan")))
                rss_unlocked.append(found.get("unlocked_rss_mb", float("nan")))
            results[name] = {"start_to_unlock_screen_s": statistics.median(window),
                             "start_to_records_after_unlock_s": statistics.median(unlocked),
                             "rss_at_unlock_screen_mb": statistics.median(rss_window),
                             "rss_after_unlock_mb": statistics.median(rss_unlocked),
                             "runs": args.runs}
    built, source = results["built"], results["source"]
    assert isinstance(built, dict) and isinstance(source, dict)
    results["ratio_built_over_source"] = {k: built[k] / source[k] for k in built if k != "runs"}
    kp_times, how = keepassxc_starts(args.runs, cold)
    results["keepassxc"] = {"start_to_window_s": statistics.median(kp_times) if kp_times else None,
                            "runs": len(kp_times), "how": how}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"build: {size / 1e6:.0f} MB in {count} files ({results['cache']})")
    for part, nbytes in parts:
        print(f"  {part}: {nbytes / 1e6:.1f} MB")
    for name in ("built", "source"):
        r = results[name]
        assert isinstance(r, dict)
        print(f"{name:7s} start to unlock screen {r['start_to_unlock_screen_s']:.2f} s, records after unlock "
              f"{r['start_to_records_after_unlock_s']:.2f} s, RSS {r['rss_at_unlock_screen_mb']:.0f} MB at unlock "
              f"screen, {r['rss_after_unlock_mb']:.0f} MB after unlock (median of {r['runs']})")
    ratio = results["ratio_built_over_source"]
    assert isinstance(ratio, dict)
    print("built/source: " + ", ".join(f"{k} {v:.2f}" for k, v in ratio.items()))
    kp = results["keepassxc"]
    assert isinstance(kp, dict)
    if kp["start_to_window_s"] is None:
        print(f"KeePassXC: not measured ({kp['how']})")
    else:
        print(f"KeePassXC: {kp['start_to_window_s']:.2f} s, {kp['how']} (median of {kp['runs']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
