"""The app's settings file: defaults, round trip, damaged files and the recent-wallets list."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.app_settings import AppSettings, load_settings, save_settings, settings_path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    """No file: five-minute lock, light theme, normal text, A4, recent list on and empty."""
    settings = load_settings(tmp_path / "none.json")
    assert settings == AppSettings()
    assert (settings.lock_minutes, settings.theme, settings.text_scale, settings.paper) == (5, "light", 1.0, "A4")
    assert settings.remember_recent and settings.recent == ()


def test_round_trip(tmp_path: Path) -> None:
    """What is saved is what is loaded, in a folder made on the way."""
    path = tmp_path / "deeper" / "settings.json"
    chosen = AppSettings(lock_minutes=15, theme="high contrast", text_scale=2.0, paper="Letter",
                         recent=("/media/usb/Sam.lerwallet",))
    save_settings(chosen, path)
    assert load_settings(path) == chosen


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"lock_minutes": "five", "theme": "purple", '
                                  '"text_scale": 9, "paper": 4, "recent": "x", "remember_recent": "yes"}'])
def test_damaged_or_odd_values_fall_back(tmp_path: Path, text: str) -> None:
    """A damaged or hand-edited file never stops the app: each odd value keeps its default."""
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path) == AppSettings()


def test_recent_list_and_turning_it_off(tmp_path: Path) -> None:
    """Opening a wallet puts it first, without repeats; turning the list off forgets it and adds nothing."""
    settings = AppSettings().with_recent(Path("/a.lerwallet")).with_recent(Path("/b.lerwallet"))
    settings = settings.with_recent(Path("/a.lerwallet"))
    assert settings.recent == ("/a.lerwallet", "/b.lerwallet")
    off = settings.remembering(False)
    assert off.recent == () and off.with_recent(Path("/c.lerwallet")).recent == ()
    assert settings.without_recent("/a.lerwallet").recent == ("/b.lerwallet",)


def test_settings_path_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LER_WALLET_SETTINGS names the file; without it the file is in the user's config folder."""
    monkeypatch.setenv("LER_WALLET_SETTINGS", str(tmp_path / "s.json"))
    assert settings_path() == tmp_path / "s.json"
    monkeypatch.delenv("LER_WALLET_SETTINGS")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert settings_path().is_relative_to(tmp_path / "cfg")
