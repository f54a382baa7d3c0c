"""Argon2id passphrase key derivation with parameters that are stored beside the wrapped key.

The product promise (README): every guess costs at least 256 MiB of memory and at least 0.5 s on the
machine that made the wallet. It is kept as a floor in *work*, not in measured time: at least
FLOOR_OPS passes over FLOOR_MEMLIMIT (libsodium's "moderate" level, about 0.6-1 s on a 2-core
laptop), and `calibrate` adds passes until a guess takes 0.5 s here. A busy machine therefore
can never pick fewer passes than the floor, however slow its one probe ran.

Reading a key file checks its settings before any derivation: settings asking for more than
CEILING_OPS passes or CEILING_MEMLIMIT bytes are damage (a hostile or garbled header must not make the
app allocate 8 GiB or run for minutes), and settings under the floor are refused for key files this
version wrote (see wallet.store.keyfile). Test suites lower the floor with `permit_test_costs()`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from nacl import pwhash

from wallet.errors import InvalidInputError, WalletDamagedError
from wallet.i18n import _

KEY_BYTES = 32
SALT_BYTES = pwhash.argon2id.SALTBYTES
MiB = 1024 * 1024
DEFAULT_MEMLIMIT = 256 * MiB
DEFAULT_TARGET_SECONDS = 0.5
FLOOR_OPS = pwhash.argon2id.OPSLIMIT_MODERATE  # 3 passes
FLOOR_MEMLIMIT = DEFAULT_MEMLIMIT
CEILING_OPS = 64  # what `calibrate` and `stronger` may reach
CEILING_MEMLIMIT = 1024 * MiB  # four times what this version ever chooses
_MIN_OPS = pwhash.argon2id.OPSLIMIT_MIN
_MAX_OPS = CEILING_OPS


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: `opslimit` passes over `memlimit` bytes of memory."""

    opslimit: int
    memlimit: int

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id13", "opslimit": self.opslimit, "memlimit": self.memlimit}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Read stored settings; absurd costs are damage, refused before anything is derived."""
        if data.get("alg") != "argon2id13":
            raise InvalidInputError(_("The wallet uses a key derivation this version does not know."))
        ops, mem = data.get("opslimit"), data.get("memlimit")
        if type(ops) is not int or type(mem) is not int:  # bool is an int subclass; JSON true is not a cost
            raise WalletDamagedError(_("The wallet's key settings are unreadable, so the wallet cannot be opened."))
        if not (_MIN_OPS <= ops <= CEILING_OPS and pwhash.argon2id.MEMLIMIT_MIN <= mem <= CEILING_MEMLIMIT):
            raise WalletDamagedError(
                _("The wallet's key settings are outside the allowed range (its key file is damaged), so the wallet "
                  "cannot be opened.")
            )
        return cls(opslimit=ops, memlimit=mem)

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Cheap parameters for test fixtures only; never chosen by the app or the CLI."""
        return cls(opslimit=_MIN_OPS, memlimit=pwhash.argon2id.MEMLIMIT_MIN)

    def meets(self, floor: KdfParams) -> bool:
        return self.opslimit >= floor.opslimit and self.memlimit >= floor.memlimit

    def raised_to(self, floor: KdfParams) -> KdfParams:
        """These settings, with each cost raised to at least the floor's."""
        return KdfParams(max(self.opslimit, floor.opslimit), max(self.memlimit, floor.memlimit))


PRODUCT_FLOOR = KdfParams(opslimit=FLOOR_OPS, memlimit=FLOOR_MEMLIMIT)
_floor = PRODUCT_FLOOR


def floor() -> KdfParams:
    """The least cost a key file may ask for (the product floor unless a test suite lowered it)."""
    return _floor


def permit_test_costs() -> None:
    """Let this process open key files made with `KdfParams.fast_for_tests()` (test suites only).

    The app and the command line never call this; it changes nothing that is written.
    """
    global _floor
    _floor = KdfParams.fast_for_tests()


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
    """Choose the smallest operation count (never under FLOOR_OPS) that makes one guess take `target_seconds`."""
    probe = KdfParams(opslimit=_MIN_OPS + 1, memlimit=memlimit)
    per_op = time_derivation(probe) / probe.opslimit
    # 20% headroom: a single probe on a busy machine can run fast, and the target is a floor. A probe
    # slowed down by load asks for fewer passes, so the floor in passes bounds it from below.
    ops = math.ceil(1.2 * target_seconds / max(per_op, 1e-6))
    return KdfParams(opslimit=max(FLOOR_OPS, min(ops, _MAX_OPS)), memlimit=max(memlimit, FLOOR_MEMLIMIT))


def stronger(params: KdfParams, seconds_taken: float, target_seconds: float = DEFAULT_TARGET_SECONDS) -> (
    KdfParams | None
):
    """Parameters to raise to when this machine derived a key in well under the target, else None."""
    if seconds_taken <= 0 or seconds_taken >= target_seconds / 2 or params.memlimit < DEFAULT_MEMLIMIT:
        return None
    ops = min(_MAX_OPS, math.ceil(params.opslimit * target_seconds / seconds_taken))
    return KdfParams(opslimit=ops, memlimit=params.memlimit) if ops > params.opslimit else None
