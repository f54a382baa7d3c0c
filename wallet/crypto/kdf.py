"""Argon2id passphrase key derivation with parameters that are stored beside the wrapped key.

The defaults follow the product rule: at least 256 MiB and 0.5 s per guess on the machine that
creates the wallet; `calibrate` raises the operation count until a guess takes that long.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from nacl import pwhash

from wallet.errors import InvalidInputError

KEY_BYTES = 32
SALT_BYTES = pwhash.argon2id.SALTBYTES
DEFAULT_MEMLIMIT = 256 * 1024 * 1024
DEFAULT_TARGET_SECONDS = 0.5
_MIN_OPS = pwhash.argon2id.OPSLIMIT_MIN
_MAX_OPS = 64


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: `opslimit` passes over `memlimit` bytes of memory."""

    opslimit: int
    memlimit: int

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id13", "opslimit": self.opslimit, "memlimit": self.memlimit}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("alg") != "argon2id13":
            raise InvalidInputError("The wallet uses a key derivation this version does not know.")
        ops, mem = data.get("opslimit"), data.get("memlimit")
        if type(ops) is not int or type(mem) is not int:  # bool is an int subclass; JSON true is not a cost
            raise InvalidInputError("The wallet's key settings are unreadable.")
        if not (_MIN_OPS <= ops <= 1024 and pwhash.argon2id.MEMLIMIT_MIN <= mem <= 8 * 1024**3):
            raise InvalidInputError("The wallet's key settings are outside the allowed range.")
        return cls(opslimit=ops, memlimit=mem)

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Cheap parameters for test fixtures only; never chosen by the app or the CLI."""
        return cls(opslimit=_MIN_OPS, memlimit=pwhash.argon2id.MEMLIMIT_MIN)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 256-bit wrapping key from a passphrase."""
    return pwhash.argon2id.kdf(
        KEY_BYTES, passphrase.encode("utf-8"), salt, opslimit=params.opslimit, memlimit=params.memlimit
    )


def time_derivation(params: KdfParams) -> float:
    """Seconds one derivation takes here with `params` (one real run)."""
    start = time.perf_counter()
    derive_key("calibration", b"\0" * SALT_BYTES, params)
    return time.perf_counter() - start


def calibrate(
    target_seconds: float = DEFAULT_TARGET_SECONDS, memlimit: int = DEFAULT_MEMLIMIT
) -> KdfParams:
    """Choose the smallest operation count that makes one guess take at least `target_seconds`."""
    probe = KdfParams(opslimit=_MIN_OPS + 1, memlimit=memlimit)
    per_op = time_derivation(probe) / probe.opslimit
    # 20% headroom: a single probe on a busy machine can run fast, and the target is a floor.
    ops = math.ceil(1.2 * target_seconds / max(per_op, 1e-6))
    return KdfParams(opslimit=max(_MIN_OPS + 1, min(ops, _MAX_OPS)), memlimit=memlimit)


def stronger(params: KdfParams, seconds_taken: float, target_seconds: float = DEFAULT_TARGET_SECONDS) -> (
    KdfParams | None
):
    """Parameters to raise to when this machine derived a key in well under the target, else None."""
    if seconds_taken <= 0 or seconds_taken >= target_seconds / 2 or params.memlimit < DEFAULT_MEMLIMIT:
        return None
    ops = min(_MAX_OPS, math.ceil(params.opslimit * target_seconds / seconds_taken))
    return KdfParams(opslimit=ops, memlimit=params.memlimit) if ops > params.opslimit else None
