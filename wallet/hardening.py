"""Process hardening at start-up: an unlocked wallet's memory must not end up in a core file.

A crashed process's core dump holds whatever was in memory: the database key (SQLCipher is keyed with
it as hex text), the signing seed, record titles. So, like KeePassXC, both process entries (`cli.main.run`,
which the `ler-wallet` command and `python -m cli` start, and `ui.app.run_app`) call `harden_process()` first:

- everywhere with POSIX resource limits (Linux, macOS, BSD): the core-file limit goes to 0, soft and hard,
  so neither this process nor anything it starts can write a core file;
- on Linux also `prctl(PR_SET_DUMPABLE, 0)`: no core dump even through a `core_pattern` pipe (systemd-coredump,
  apport), and other processes of the same user can't attach a debugger or read its memory through /proc;
- on Windows, Windows Error Reporting is told not to step in on a crash (`SetErrorMode`).

Each step is best effort: a step the platform refuses is reported in `Hardening.notes`, never raised, so
the app still starts on an unusual system. Calling it twice is harmless.
"""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


@dataclass(frozen=True)
class Hardening:
    """What `harden_process` managed: each flag is True when that protection is in force."""

    core_limit_zero: bool
    not_dumpable: bool
    no_crash_reporter: bool
    notes: tuple[str, ...] = ()


def _core_limit_zero(notes: list[str]) -> bool:
    try:
        import resource
    except ImportError:  # Windows has no POSIX resource limits
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        notes.append(f"The core-file limit could not be set to 0 ({exc}).")
        return False
    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def _not_dumpable(notes: list[str]) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError) as exc:
        notes.append(f"prctl is not available, so the process stays dumpable ({exc}).")
        return False
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        notes.append(f"prctl(PR_SET_DUMPABLE, 0) failed (errno {ctypes.get_errno()}).")
        return False
    return int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0


def _no_crash_reporter(notes: list[str]) -> bool:
    if sys.platform != "win32":
        return False
    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        previous = int(kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX))
        kernel32.SetErrorMode(previous | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    except (OSError, AttributeError) as exc:
        notes.append(f"Windows Error Reporting could not be turned off for this process ({exc}).")
        return False
    return True


def harden_process() -> Hardening:
    """Turn off core dumps (and, on Linux, make the process non-dumpable) for this process."""
    notes: list[str] = []
    return Hardening(
        core_limit_zero=_core_limit_zero(notes),
        not_dumpable=_not_dumpable(notes),
        no_crash_reporter=_no_crash_reporter(notes),
        notes=tuple(notes),
    )


__all__ = ["Hardening", "harden_process"]
