"""Argon2id parameters: JSON round trip, range checks, calibration and the strengthening rule."""

from __future__ import annotations

from typing import Any

import pytest
from nacl import pwhash

from tests.conftest import FAST_KDF
from wallet.crypto.kdf import (
    CEILING_MEMLIMIT,
    CEILING_OPS,
    DEFAULT_MEMLIMIT,
    KEY_BYTES,
    PRODUCT_FLOOR,
    SALT_BYTES,
    KdfParams,
    calibrate,
    derive_key,
    stronger,
)
from wallet.errors import InvalidInputError, WalletDamagedError

MiB = 1024 * 1024


def test_params_json_round_trip() -> None:
    """KdfParams survive to_json/from_json unchanged and name the algorithm."""
    params = KdfParams(opslimit=3, memlimit=256 * MiB)
    data = params.to_json()
    assert data == {"alg": "argon2id13", "opslimit": 3, "memlimit": 256 * MiB}
    assert KdfParams.from_json(data) == params


def test_fast_test_params_round_trip() -> None:
    """The cheap test parameters are themselves inside the accepted range."""
    assert KdfParams.from_json(FAST_KDF.to_json()) == FAST_KDF


@pytest.mark.parametrize(
    "data",
    [
        {"alg": "argon2i13", "opslimit": 3, "memlimit": 256 * MiB},
        {"opslimit": 3, "memlimit": 256 * MiB},
    ],
)
def test_unknown_algorithm_rejected(data: dict[str, Any]) -> None:
    """An algorithm other than argon2id13 is refused with a clear sentence."""
    with pytest.raises(InvalidInputError, match="key derivation"):
        KdfParams.from_json(data)


@pytest.mark.parametrize(
    ("ops", "mem"),
    [("3", 256 * MiB), (3, None), (3.0, 256 * MiB), (True, 256 * MiB), (3, False)],
)
def test_non_integer_params_rejected(ops: Any, mem: Any) -> None:
    """Costs that are not plain integers (strings, floats, null, booleans) are unreadable settings: damage."""
    with pytest.raises(WalletDamagedError, match="unreadable"):
        KdfParams.from_json({"alg": "argon2id13", "opslimit": ops, "memlimit": mem})


@pytest.mark.parametrize(
    ("ops", "mem"),
    [
        (pwhash.argon2id.OPSLIMIT_MIN - 1, 256 * MiB),
        (CEILING_OPS + 1, 256 * MiB),
        (1025, 256 * MiB),
        (3, pwhash.argon2id.MEMLIMIT_MIN - 1),
        (3, CEILING_MEMLIMIT + 1),
        (3, 8 * 1024**3),
        (-1, 256 * MiB),
    ],
)
def test_out_of_range_params_are_damage(ops: int, mem: int) -> None:
    """Costs outside the allowed range (8 GiB, 1,025 passes) are damage, refused before any derivation."""
    with pytest.raises(WalletDamagedError, match="outside the allowed range"):
        KdfParams.from_json({"alg": "argon2id13", "opslimit": ops, "memlimit": mem})


@pytest.mark.parametrize(
    ("ops", "mem"), [(pwhash.argon2id.OPSLIMIT_MIN, pwhash.argon2id.MEMLIMIT_MIN), (CEILING_OPS, CEILING_MEMLIMIT)]
)
def test_range_boundaries_accepted(ops: int, mem: int) -> None:
    """The smallest and largest allowed costs are accepted."""
    assert KdfParams.from_json({"alg": "argon2id13", "opslimit": ops, "memlimit": mem}) == KdfParams(ops, mem)


def test_product_floor_is_what_the_readme_promises() -> None:
    """The floor is at least 3 passes over 256 MiB, in work rather than seconds."""
    assert KdfParams(opslimit=3, memlimit=256 * MiB) == PRODUCT_FLOOR
    assert KdfParams(3, 256 * MiB).meets(PRODUCT_FLOOR)
    assert not KdfParams(2, 256 * MiB).meets(PRODUCT_FLOOR)
    assert not KdfParams(64, 255 * MiB).meets(PRODUCT_FLOOR)


def test_raised_to_lifts_each_cost_separately() -> None:
    """raised_to keeps a cost above the floor and lifts one below it."""
    assert KdfParams(2, 512 * MiB).raised_to(PRODUCT_FLOOR) == KdfParams(3, 512 * MiB)
    assert KdfParams(10, 8 * 1024).raised_to(PRODUCT_FLOOR) == KdfParams(10, 256 * MiB)


def test_calibration_on_a_slow_or_busy_machine_keeps_the_floor() -> None:
    """However slow the probe looks (here: a target it always beats), calibrate never picks under the floor."""
    params = calibrate(target_seconds=1e-9, memlimit=8 * MiB)
    assert params == PRODUCT_FLOOR


def test_derive_key_is_deterministic_and_salted() -> None:
    """The same passphrase and salt give the same 32-byte key; another salt or passphrase another key."""
    salt = b"\x01" * SALT_BYTES
    key = derive_key("correct horse battery", salt, FAST_KDF)
    assert len(key) == KEY_BYTES
    assert derive_key("correct horse battery", salt, FAST_KDF) == key
    assert derive_key("correct horse battery", b"\x02" * SALT_BYTES, FAST_KDF) != key
    assert derive_key("correct horse batterY", salt, FAST_KDF) != key


@pytest.mark.slow
def test_calibrate_meets_the_product_floor() -> None:
    """calibrate() on this machine chooses at least 256 MiB of memory and at least 3 passes."""
    params = calibrate()
    assert params.memlimit >= 256 * MiB
    assert params.opslimit >= 3
    assert KdfParams.from_json(params.to_json()) == params


STRONG = KdfParams(opslimit=2, memlimit=DEFAULT_MEMLIMIT)


def test_stronger_raises_ops_in_proportion() -> None:
    """A derivation 5x faster than the target raises the operation count about 5x."""
    assert stronger(STRONG, 0.1, target_seconds=0.5) == KdfParams(opslimit=10, memlimit=DEFAULT_MEMLIMIT)


def test_stronger_rounds_up() -> None:
    """The new operation count is rounded up so the target is met, not missed."""
    assert stronger(KdfParams(3, DEFAULT_MEMLIMIT), 0.2, target_seconds=0.5) == KdfParams(8, DEFAULT_MEMLIMIT)


def test_stronger_is_capped() -> None:
    """Even an absurdly fast machine never pushes the count beyond the cap of 64."""
    result = stronger(STRONG, 0.0001, target_seconds=0.5)
    assert result == KdfParams(opslimit=64, memlimit=DEFAULT_MEMLIMIT)
    assert stronger(KdfParams(64, DEFAULT_MEMLIMIT), 0.0001) is None


@pytest.mark.parametrize("seconds", [0.25, 0.3, 1.0, 5.0])
def test_stronger_leaves_slow_enough_alone(seconds: float) -> None:
    """At or above half the target time nothing changes."""
    assert stronger(STRONG, seconds, target_seconds=0.5) is None


@pytest.mark.parametrize("seconds", [0.0, -1.0])
def test_stronger_ignores_nonsense_timings(seconds: float) -> None:
    """A zero or negative timing (clock jump) never changes the parameters."""
    assert stronger(STRONG, seconds) is None


def test_stronger_ignores_low_memory_params() -> None:
    """Wallets with less than the default memory cost (test fixtures) are never rewrapped."""
    assert stronger(FAST_KDF, 0.0001) is None
    assert stronger(KdfParams(2, DEFAULT_MEMLIMIT - 1), 0.01) is None


def test_stronger_keeps_memory() -> None:
    """Strengthening changes only the operation count, never the memory cost."""
    big = KdfParams(opslimit=2, memlimit=512 * MiB)
    result = stronger(big, 0.05)
    assert result is not None and result.memlimit == 512 * MiB and result.opslimit > 2
