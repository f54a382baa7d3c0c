"""Secrets never show in a repr, a str, a log line or an exception: seed, data key, recovery code, passphrase."""

from __future__ import annotations

import base64
import logging
import secrets
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import data_key
from wallet.crypto.identity import Identity
from wallet.errors import WalletError
from wallet.flows.onboarding import Onboarding, Outcome, Step
from wallet.lifecycle import CreatedWallet, create_wallet, open_wallet, recover_wallet, restore_backup
from wallet.store.keyfile import KeyFile

# Made at run time, so a traceback's source lines can't show them by accident.
WRONG_PASSPHRASE = "wrong " + secrets.token_hex(8)
SHORT_PASSPHRASE = secrets.token_hex(3)
WRONG_CODE = "-".join(secrets.token_hex(2).upper() for _ in range(8))
BAD_CODE = "guess-" + secrets.token_hex(6)
NEW_PASSPHRASE = "new " + secrets.token_hex(8)


def _forms(secret: str | bytes) -> list[str]:
    """Ways a secret could be written out: as is, hex, base64, repr of bytes, and a code without dashes."""
    if isinstance(secret, bytes):
        return [secret.hex(), secret.hex().upper(), base64.b64encode(secret).decode(), repr(secret)[2:-1]]
    return [secret, secret.replace("-", "")]


def _assert_hidden(text: str, *hidden: str | bytes) -> None:
    for secret in hidden:
        for form in _forms(secret):
            assert form not in text, f"a secret ({form[:4]}…) appears in: {text[:200]!r}"


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _exception_text(call: Callable[[], object]) -> str:
    """Everything a raised error carries that could be shown or logged: messages, args, reprs, traceback."""
    with pytest.raises(WalletError) as info:
        call()
    parts = ["".join(traceback.format_exception(info.value))]
    for exc in _chain(info.value):
        parts += [str(exc), repr(exc), repr(exc.args)]
    return "\n".join(parts)


@pytest.fixture
def made(tmp_path: Path) -> Iterator[CreatedWallet]:
    wallet = create_wallet(tmp_path / "secret.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    yield wallet
    wallet.session.lock()


def test_identity_repr_shows_did_not_seed() -> None:
    """repr and str of an Identity name its did:key and never its seed."""
    identity = Identity.generate()
    for text in (repr(identity), str(identity), f"{identity}", repr([identity])):
        assert identity.did in text
        _assert_hidden(text, identity.seed)


def test_identity_repr_with_a_bad_seed_says_nothing_of_it() -> None:
    """Even a seed of the wrong size is not echoed by the repr."""
    seed = b"\x01\x02 not a real seed"
    text = repr(Identity(seed))
    assert "not a valid key" in text
    _assert_hidden(text, seed)


def test_created_wallet_session_and_key_file_reprs_hide_keys(made: CreatedWallet) -> None:
    """CreatedWallet, Session and KeyFile reprs hold no recovery code, data key, seed or sealed key."""
    key = data_key(made.session.path, PASSPHRASE)
    keys = KeyFile.read(made.session.path / "wallet.keys")
    texts = [repr(made), str(made), repr(made.session), str(made.session), repr(keys), str(keys)]
    for text in texts:
        _assert_hidden(text, made.recovery_code, key, made.session.identity.seed, keys.passphrase_sealed,
                       keys.recovery_sealed, PASSPHRASE)
    assert str(made.session.path) in repr(made.session) and "unlocked" in repr(made.session)
    assert keys.wallet_id in repr(keys)


def test_outcome_repr_hides_recovery_code(made: CreatedWallet) -> None:
    """The onboarding Outcome carrying a new wallet's code does not show it in its repr."""
    outcome = Outcome(session=made.session, recovery_code=made.recovery_code)
    _assert_hidden(repr(outcome) + str(outcome), made.recovery_code)


def test_onboarding_flow_holding_a_code_does_not_show_it(tmp_path: Path) -> None:
    """While the flow shows a new wallet's code, neither the flow's repr nor its error holds it."""
    flow = Onboarding(tmp_path / "none.lerwallet", kdf=FAST_KDF)
    flow.choose_create()
    flow.submit_create(tmp_path / "flow.lerwallet", PASSPHRASE, PASSPHRASE)
    assert flow.run() is Step.RECOVERY_CODE
    code = flow.recovery_code
    assert code
    _assert_hidden(repr(flow) + flow.error + repr(flow.session), code, PASSPHRASE)
    flow.close()


def test_wrong_secret_errors_carry_no_secret(made: CreatedWallet, tmp_path: Path) -> None:
    """Every wrong-passphrase and wrong-code error, with its causes and traceback, holds no secret."""
    session, path = made.session, made.session.path
    key = data_key(path, PASSPHRASE)
    real = (made.recovery_code, key, session.identity.seed, PASSPHRASE)
    backup = tmp_path / "b.lerbackup"
    session.backup(backup)
    calls: list[tuple[Callable[[], object], tuple[str, ...]]] = [
        (lambda: session.verify_passphrase(WRONG_PASSPHRASE), (WRONG_PASSPHRASE,)),
        (lambda: session.replace_recovery_code(WRONG_PASSPHRASE), (WRONG_PASSPHRASE,)),
        (lambda: session.change_passphrase(SHORT_PASSPHRASE), (SHORT_PASSPHRASE,)),
        (lambda: open_wallet(path, WRONG_PASSPHRASE), (WRONG_PASSPHRASE,)),
        (lambda: recover_wallet(path, WRONG_CODE, NEW_PASSPHRASE, kdf=FAST_KDF), (WRONG_CODE,)),
        (lambda: recover_wallet(path, BAD_CODE, NEW_PASSPHRASE, kdf=FAST_KDF), (BAD_CODE,)),
        (lambda: restore_backup(backup, tmp_path / "r1", WRONG_PASSPHRASE), (WRONG_PASSPHRASE,)),
        (lambda: restore_backup(backup, tmp_path / "r2", recovery_code=WRONG_CODE), (WRONG_CODE,)),
    ]
    for call, tried in calls:
        _assert_hidden(_exception_text(call), *real, *tried)


def test_no_secret_in_log_lines(made: CreatedWallet, caplog: pytest.LogCaptureFixture) -> None:
    """Logging at DEBUG through unlock, wrong tries, recovery and code replacement shows no secret."""
    path = made.session.path
    key = data_key(path, PASSPHRASE)
    caplog.set_level(logging.DEBUG)
    new_code = made.session.replace_recovery_code(PASSPHRASE)
    made.session.lock()
    with pytest.raises(WalletError):
        open_wallet(path, WRONG_PASSPHRASE)
    with pytest.raises(WalletError):
        recover_wallet(path, made.recovery_code, NEW_PASSPHRASE, kdf=FAST_KDF)
    recover_wallet(path, new_code, NEW_PASSPHRASE, kdf=FAST_KDF).lock()
    flow = Onboarding(path, kdf=FAST_KDF)
    flow.submit_unlock(WRONG_PASSPHRASE)
    flow.run()
    assert flow.error  # the wrong passphrase was reported in words
    _assert_hidden(caplog.text + flow.error, key, made.recovery_code, new_code, PASSPHRASE, WRONG_PASSPHRASE)
