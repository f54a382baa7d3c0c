"""The onboarding state machine, driven without any window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle
from wallet.flows import onboarding
from wallet.flows.onboarding import Onboarding, Outcome, Step, StepError
from wallet.session import Session

NEW = "a brand new passphrase"


@pytest.fixture(autouse=True)
def _default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    default = tmp_path / "data" / "wallet.lerwallet"
    monkeypatch.setenv("LER_WALLET", str(default))
    return default


@pytest.fixture
def wallet_dir(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "mine.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    yield path


@pytest.fixture
def flows() -> Iterator[list[Onboarding]]:
    made: list[Onboarding] = []
    yield made
    for flow in made:
        flow.close()


def start(flows: list[Onboarding], path: Path | None = None) -> Onboarding:
    flow = Onboarding(path, kdf=FAST_KDF)
    flows.append(flow)
    return flow


def unlocked(flows: list[Onboarding], path: Path) -> Onboarding:
    flow = start(flows, path)
    flow.submit_unlock(PASSPHRASE)
    assert flow.run() is Step.UNLOCKED
    return flow


def test_starts_at_welcome_when_no_wallet_exists(flows: list[Onboarding], _default_path: Path) -> None:
    """With no wallet at the default place, onboarding starts at the welcome step and suggests that place."""
    flow = start(flows)
    assert flow.state is Step.START
    assert flow.error == ""
    assert flow.suggested_path == _default_path


def test_starts_at_unlock_when_the_default_wallet_exists(flows: list[Onboarding], _default_path: Path) -> None:
    """A wallet at the default place goes straight to the unlock step."""
    lifecycle.create_wallet(_default_path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    flow = start(flows)
    assert flow.state is Step.UNLOCK
    assert flow.path == _default_path
    assert flow.is_demo is False


def test_explicit_path_that_is_not_a_wallet_explains_why(flows: list[Onboarding], tmp_path: Path) -> None:
    """Asking for a path that holds something else starts at welcome with a sentence saying what is wrong."""
    stray = tmp_path / "notes.txt"
    stray.write_text("hello", encoding="utf-8")
    flow = start(flows, stray)
    assert flow.state is Step.START
    assert "not an LER Wallet" in flow.error


def test_explicit_missing_path_is_suggested_for_a_new_wallet(flows: list[Onboarding], tmp_path: Path) -> None:
    """A wallet path that does not exist yet becomes the suggested place to create one."""
    flow = start(flows, tmp_path / "usb" / "kiosk.lerwallet")
    assert flow.state is Step.START
    flow.choose_create()
    assert flow.suggested_path == tmp_path / "usb" / "kiosk.lerwallet"


def test_create_shows_recovery_code_then_unlocks_after_confirmation(flows: list[Onboarding], tmp_path: Path) -> None:
    """Creating a wallet passes through the recovery code step, which needs the box ticked to continue."""
    flow = start(flows)
    assert flow.choose_create() is Step.CREATE
    target = tmp_path / "new.lerwallet"
    assert flow.submit_create(target, PASSPHRASE, PASSPHRASE) is Step.WORKING
    assert flow.origin is Step.CREATE
    assert flow.run() is Step.RECOVERY_CODE
    assert flow.recovery_code is not None and len(flow.recovery_code) == 39
    assert flow.session is not None and flow.path == target

    assert flow.confirm_written_down(False) is Step.RECOVERY_CODE
    assert flow.error == onboarding.NOT_TICKED
    assert flow.confirm_written_down(True) is Step.UNLOCKED
    assert flow.recovery_code is None
    assert flow.error == ""
    assert flow.session.count() == 0


@pytest.mark.parametrize(
    ("location", "first", "second", "expected"),
    [
        ("", PASSPHRASE, PASSPHRASE, onboarding.NO_LOCATION),
        ("  ", PASSPHRASE, PASSPHRASE, onboarding.NO_LOCATION),
        ("x.lerwallet", "short", "short", "at least 8 characters"),
        ("x.lerwallet", "", "", "can't be empty"),
        ("x.lerwallet", PASSPHRASE, PASSPHRASE + "!", onboarding.MISMATCH),
    ],
)
def test_create_rejects_bad_input_and_stays(
    flows: list[Onboarding], tmp_path: Path, location: str, first: str, second: str, expected: str
) -> None:
    """A missing location, a short or empty passphrase, or two different passphrases keep you on create."""
    flow = start(flows)
    flow.choose_create()
    where = str(tmp_path / location) if location.strip() else location
    assert flow.submit_create(where, first, second) is Step.CREATE
    assert expected in flow.error
    assert not (tmp_path / "x.lerwallet").exists()


def test_create_refuses_to_overwrite(flows: list[Onboarding], wallet_dir: Path) -> None:
    """Creating where a wallet already is stays on create with the core's sentence."""
    flow = start(flows)
    flow.choose_create()
    assert flow.submit_create(wallet_dir, PASSPHRASE, PASSPHRASE) is Step.CREATE
    assert "already" in flow.error


def test_open_goes_to_unlock_and_finds_a_wallet_inside_a_folder(flows: list[Onboarding], wallet_dir: Path) -> None:
    """Opening the wallet folder, or the folder that holds only it, leads to the unlock step for it."""
    flow = start(flows)
    assert flow.choose_open(wallet_dir.parent) is Step.UNLOCK
    assert flow.path == wallet_dir


def test_open_a_folder_without_a_wallet_stays_on_welcome(flows: list[Onboarding], tmp_path: Path) -> None:
    """Choosing a folder with no wallet explains it in plain words and stays on welcome."""
    flow = start(flows)
    assert flow.choose_open(tmp_path / "nowhere") is Step.START
    assert "There is no LER Wallet at" in flow.error
    assert "ler-wallet init" not in flow.error


def test_wrong_passphrase_stays_on_unlock_with_the_message(flows: list[Onboarding], wallet_dir: Path) -> None:
    """A wrong passphrase returns to unlock with the core's sentence and holds no session."""
    flow = start(flows, wallet_dir)
    assert flow.submit_unlock("not the passphrase") is Step.WORKING
    outcome = flow.work()
    assert outcome.wrong_secret is True
    assert flow.finish(outcome) is Step.UNLOCK
    assert flow.error == "That passphrase does not unlock this wallet."
    assert flow.session is None


def test_empty_passphrase_is_refused_before_any_work(flows: list[Onboarding], wallet_dir: Path) -> None:
    """An empty passphrase is refused at once, without starting the slow call."""
    flow = start(flows, wallet_dir)
    assert flow.submit_unlock("") is Step.UNLOCK
    assert flow.error == onboarding.NO_PASSPHRASE
    with pytest.raises(StepError):
        flow.work()


def test_right_passphrase_unlocks_and_lock_returns_to_unlock(flows: list[Onboarding], wallet_dir: Path) -> None:
    """The right passphrase unlocks; locking closes the session and asks for the passphrase again."""
    flow = unlocked(flows, wallet_dir)
    session = flow.session
    assert isinstance(session, Session) and not session.is_locked
    assert flow.lock() is Step.UNLOCK
    assert session.is_locked
    assert flow.session is None
    assert flow.path == wallet_dir


def test_session_locked_elsewhere_returns_to_unlock(flows: list[Onboarding], wallet_dir: Path) -> None:
    """When something else locks the session (say an idle timer), the flow goes back to unlock."""
    seen: list[Step] = []
    flow = Onboarding(wallet_dir, kdf=FAST_KDF, on_change=seen.append)
    flows.append(flow)
    flow.submit_unlock(PASSPHRASE)
    flow.run()
    seen.clear()
    assert flow.session is not None
    flow.session.lock()
    assert flow.state is Step.UNLOCK
    assert seen == [Step.UNLOCK]
    assert flow.session is None


def test_demo_wallet_is_reported(flows: list[Onboarding], tmp_path: Path) -> None:
    """A wallet made by `ler-wallet demo` is known as a demo before it is unlocked."""
    path = tmp_path / "demo.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF, demo=True).session.lock()
    flow = start(flows, path)
    assert flow.state is Step.UNLOCK and flow.is_demo


def test_recover_sets_a_new_passphrase(flows: list[Onboarding], tmp_path: Path) -> None:
    """The recovery code and a new passphrase unlock the wallet, and the new passphrase then works."""
    path = tmp_path / "lost.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    flow = start(flows, path)
    assert flow.choose_recover() is Step.RECOVER
    assert flow.submit_recover(path, "ABCD", NEW, NEW) is Step.RECOVER
    assert "32 letters and digits" in flow.error
    assert flow.submit_recover(path, made.recovery_code, NEW, NEW + "x") is Step.RECOVER
    assert flow.error == onboarding.MISMATCH
    assert flow.submit_recover(path, made.recovery_code.lower(), NEW, NEW) is Step.WORKING
    assert flow.run() is Step.UNLOCKED
    flow.close()
    lifecycle.open_wallet(path, NEW).lock()


def test_recover_with_a_wrong_code_stays_on_recover(flows: list[Onboarding], wallet_dir: Path) -> None:
    """A well-formed but wrong recovery code returns to the recover step with a sentence."""
    flow = start(flows, wallet_dir)
    flow.choose_recover()
    flow.submit_recover(wallet_dir, "0000-0000-0000-0000-0000-0000-0000-0000", NEW, NEW)
    assert flow.run() is Step.RECOVER
    assert flow.error == "That recovery code does not unlock this wallet."


def test_back_returns_to_welcome(flows: list[Onboarding], wallet_dir: Path) -> None:
    """Back from create, unlock or recover leads to the welcome step and clears the message."""
    flow = start(flows, wallet_dir)
    flow.submit_unlock("")
    assert flow.back() is Step.START and flow.error == ""
    flow.choose_create()
    assert flow.back() is Step.START
    flow.choose_recover(wallet_dir)
    assert flow.back() is Step.START


def test_transitions_from_the_wrong_step_raise(flows: list[Onboarding], wallet_dir: Path) -> None:
    """Calling a transition the current step does not allow is a programming mistake and raises."""
    flow = start(flows)
    for call in (flow.lock, lambda: flow.submit_unlock(PASSPHRASE), lambda: flow.confirm_written_down(True),
                 flow.back, lambda: flow.finish(Outcome())):
        with pytest.raises(StepError):
            call()
    flow.choose_open(wallet_dir)
    flow.submit_unlock(PASSPHRASE)
    with pytest.raises(StepError):
        flow.choose_create()


def test_closing_while_working_locks_what_the_slow_call_opened(flows: list[Onboarding], wallet_dir: Path) -> None:
    """If the app closes during the slow call, the session it produced is locked, not kept."""
    flow = start(flows, wallet_dir)
    flow.submit_unlock(PASSPHRASE)
    outcome = flow.work()
    assert flow.close() is Step.CLOSED
    assert flow.finish(outcome) is Step.CLOSED
    assert outcome.session is not None and outcome.session.is_locked
    assert flow.session is None


def test_unexpected_failure_becomes_a_sentence(
    flows: list[Onboarding], wallet_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the slow call returns to the step with a sentence instead of escaping as a traceback."""

    def broken(*_args: object, **_kwargs: object) -> Session:
        raise RuntimeError("boom")

    monkeypatch.setattr(lifecycle, "open_wallet", broken)
    flow = start(flows, wallet_dir)
    flow.submit_unlock(PASSPHRASE)
    assert flow.run() is Step.UNLOCK
    assert flow.error.startswith("Something unexpected went wrong (RuntimeError)")


def test_every_transition_is_announced(flows: list[Onboarding], wallet_dir: Path) -> None:
    """on_change hears each new step, so a window can simply redraw."""
    seen: list[Step] = []
    flow = Onboarding(wallet_dir, kdf=FAST_KDF, on_change=seen.append)
    flows.append(flow)
    flow.submit_unlock(PASSPHRASE)
    flow.run()
    flow.lock()
    assert seen == [Step.WORKING, Step.UNLOCKED, Step.UNLOCK]
