"""The `ler-wallet` command: every subcommand, its exit codes, and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run_process
from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle


def _files(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_version(cli) -> None:
    """--version prints the program name and version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        cli("--version")
    assert exit_info.value.code == 0


def test_list_json_shows_demo_records(cli, demo_wallet: Path) -> None:
    """list --json gives every record with its kind and the self-asserted flag."""
    result = cli("--wallet", str(demo_wallet), "list", "--json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    assert len(records) == 13  # 7 self-asserted entries + 6 issued demo credentials
    assert all(r["demo"] for r in records)
    assert sum(r["self_asserted"] for r in records) == 7
    assert records[0]["title"] == "Shift Lead, Front of House"  # ongoing job first


def test_list_text_and_show_by_prefix(cli, demo_wallet: Path) -> None:
    """show accepts the short id printed by list."""
    listing = cli("--wallet", str(demo_wallet), "list")
    assert "Warehouse Associate" in listing.out
    short = next(line.split()[0] for line in listing.out.splitlines() if "Warehouse" in line)
    shown = cli("--wallet", str(demo_wallet), "show", short)
    assert shown.code == 0
    assert "Forklift operation" in shown.out and "Job (self-asserted)" in shown.out
    as_json = json.loads(cli("--wallet", str(demo_wallet), "show", short, "--json").out)
    assert as_json["organisation"] == "Riverside Distribution (demo)"


def test_search(cli, demo_wallet: Path) -> None:
    """search finds records by words in skills and by a prefix as typed."""
    result = cli("--wallet", str(demo_wallet), "search", "excel", "--json")
    titles = {r["title"] for r in json.loads(result.out)}
    assert titles == {"Food Bank Volunteer Coordinator", "Inventory Tracker Spreadsheet"}
    assert "Motor Transport" in cli("--wallet", str(demo_wallet), "search", "conv").out
    none = cli("--wallet", str(demo_wallet), "search", "astronaut")
    assert none.code == 0 and "No records match" in none.out


def test_add_entry_from_file_and_stdin(cli, demo_wallet: Path, tmp_path: Path, monkeypatch) -> None:
    """add-entry validates the JSON and stores a self-asserted entry."""
    entry = {"kind": "training", "title": "OSHA 10", "organisation": "Local 12", "start": "2024-05",
             "end": "2024-05-20", "description": "Ten-hour safety course", "skills": ["Workplace safety"]}
    path = tmp_path / "entry.json"
    path.write_text(json.dumps(entry))
    added = cli("--wallet", str(demo_wallet), "add-entry", str(path), "--json")
    assert added.code == 0, added.err
    assert json.loads(added.out)["entry_kind"] == "training"
    assert "OSHA 10" in cli("--wallet", str(demo_wallet), "search", "osha").out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"kind": "astronaut", "title": "x"}', '"kind" must be one of'),
        ('{"kind": "job"}', '"title" is required'),
        ('{"kind": "job", "title": "x", "start": "2024-13"}', "month that does not exist"),
        ('{"kind": "job", "title": "x", "start": "2024-05", "end": "2023-01"}', '"end" is before "start"'),
        ('{"kind": "job", "title": "x", "colour": "red"}', "Unknown field 'colour'"),
        ('{"kind": "job", "title": "x", "skills": "Excel"}', '"skills" must be a list'),
        ('{"kind": "job", "title": ', "not valid JSON"),
        ("[" * 100000, "nested too deeply"),
    ],
)
def test_add_entry_rejects_bad_input(cli, demo_wallet: Path, tmp_path: Path, content: str, fragment: str) -> None:
    """Malformed entries give exit 2 and one sentence naming the problem; the wallet is unchanged."""
    before = _files(demo_wallet)
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = cli("--wallet", str(demo_wallet), "add-entry", str(path))
    assert result.code == 2
    assert fragment in result.err, result.err
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert _files(demo_wallet) == before


def test_wrong_passphrase_exit_1_and_unchanged(cli, demo_wallet: Path) -> None:
    """A wrong passphrase says so, exits 1 and changes no byte."""
    before = _files(demo_wallet)
    result = cli("--wallet", str(demo_wallet), "list", env={"LER_WALLET_PASSPHRASE": "not the passphrase"})
    assert result.code == 1
    assert "passphrase does not unlock" in result.err
    assert _files(demo_wallet) == before


def test_empty_passphrase(cli, demo_wallet: Path) -> None:
    """An empty passphrase is a usage error, not a crash."""
    result = cli("--wallet", str(demo_wallet), "list", env={"LER_WALLET_PASSPHRASE": ""})
    assert result.code == 2 and "can't be empty" in result.err


def test_not_a_wallet_and_missing(cli, tmp_path: Path) -> None:
    """A missing path and a folder that is not a wallet each get their own sentence, exit 2."""
    missing = cli("--wallet", str(tmp_path / "nope"), "list")
    assert missing.code == 2 and "There is no wallet" in missing.err
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    other = cli("--wallet", str(tmp_path / "photos"), "list")
    assert other.code == 2 and "not an LER Wallet" in other.err


def test_truncated_database_is_reported_as_damage(cli, demo_wallet: Path) -> None:
    """A truncated wallet says it is damaged (not a wrong passphrase), exit 2, no further change."""
    db = demo_wallet / "wallet.db"
    db.write_bytes(db.read_bytes()[:3000])
    before = _files(demo_wallet)
    result = cli("--wallet", str(demo_wallet), "list")
    assert result.code == 2 and "damaged" in result.err
    assert _files(demo_wallet) == before


def test_did_and_document(cli, demo_wallet: Path) -> None:
    """did prints the did:key; --json prints its DID document."""
    did = cli("--wallet", str(demo_wallet), "did").out.strip()
    assert did.startswith("did:key:z6Mk")
    doc = json.loads(cli("--wallet", str(demo_wallet), "did", "--json").out)
    assert doc["id"] == did and doc["assertionMethod"][0].startswith(did + "#")


def test_passwd_then_recover(cli, tmp_path: Path, capsys) -> None:
    """passwd rewraps the key; recover with the recovery code sets a new passphrase."""
    path = tmp_path / "w.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    code = made.recovery_code
    made.session.lock()
    changed = cli("--wallet", str(path), "passwd", env={"LER_WALLET_NEW_PASSPHRASE": "second passphrase"})
    assert changed.code == 0, changed.err
    assert cli("--wallet", str(path), "list").code == 1
    assert cli("--wallet", str(path), "list", env={"LER_WALLET_PASSPHRASE": "second passphrase"}).code == 0
    recovered = cli("--wallet", str(path), "recover",
                    env={"LER_WALLET_RECOVERY_CODE": code.lower(), "LER_WALLET_NEW_PASSPHRASE": "third passphrase"})
    assert recovered.code == 0, recovered.err
    assert cli("--wallet", str(path), "list", env={"LER_WALLET_PASSPHRASE": "third passphrase"}).code == 0
    wrong = cli("--wallet", str(path), "recover",
                env={"LER_WALLET_RECOVERY_CODE": "0000-0000-0000-0000-0000-0000-0000-0000",
                     "LER_WALLET_NEW_PASSPHRASE": "fourth passphrase"})
    assert wrong.code == 1 and "recovery code does not unlock" in wrong.err


def test_backup_and_restore(cli, demo_wallet: Path, tmp_path: Path) -> None:
    """backup writes one file; restore refuses to overwrite without --replace and keeps the old wallet."""
    out = tmp_path / "demo.lerbackup"
    assert cli("--wallet", str(demo_wallet), "backup", str(out)).code == 0
    target = tmp_path / "restored.lerwallet"
    restored = cli("--wallet", str(target), "restore", str(out))
    assert restored.code == 0, restored.err
    assert len(json.loads(cli("--wallet", str(target), "list", "--json").out)) == 13
    again = cli("--wallet", str(target), "restore", str(out))
    assert again.code == 2 and "already" in again.err
    replaced = cli("--wallet", str(target), "restore", str(out), "--replace")
    assert replaced.code == 0 and "kept at" in replaced.out
    damaged = tmp_path / "damaged.lerbackup"
    damaged.write_bytes(out.read_bytes()[:-100])
    bad = cli("--wallet", str(tmp_path / "other.lerwallet"), "restore", str(damaged))
    assert bad.code == 2 and "damaged or truncated" in bad.err
    assert not (tmp_path / "other.lerwallet").exists()


def test_backup_to_unwritable_place(cli, demo_wallet: Path) -> None:
    """Writing a backup where nothing can be written is one sentence, exit 2."""
    result = cli("--wallet", str(demo_wallet), "backup", "/proc/ler-wallet-backup")
    assert result.code == 2 and "Traceback" not in result.err and result.err.count("\n") == 1


def test_backup_never_replaces_other_files(cli, demo_wallet: Path, tmp_path: Path) -> None:
    """backup refuses to overwrite a file that is not an earlier backup (or a device like /dev/null)."""
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"years of work")
    result = cli("--wallet", str(demo_wallet), "backup", str(precious))
    assert result.code == 2 and "not an LER Wallet backup" in result.err
    assert precious.read_bytes() == b"years of work"
    device = cli("--wallet", str(demo_wallet), "backup", "/dev/null")
    assert device.code == 2 and Path("/dev/null").is_char_device()
    earlier = tmp_path / "old.lerbackup"
    assert cli("--wallet", str(demo_wallet), "backup", str(earlier)).code == 0
    assert cli("--wallet", str(demo_wallet), "backup", str(earlier)).code == 0


def test_init_in_read_only_location(cli) -> None:
    """Creating a wallet where nothing can be written gives a clear sentence, exit 2."""
    result = cli("--wallet", "/proc/ler-wallet-test/w.lerwallet", "init",
                 env={"LER_WALLET_PASSPHRASE": "a fine passphrase"})
    assert result.code == 2
    assert "Traceback" not in result.err and result.err.startswith("ler-wallet: ")


def test_no_secret_without_terminal(cli, demo_wallet: Path) -> None:
    """Without a terminal and without the variable, the command says how to give the passphrase."""
    result = cli("--wallet", str(demo_wallet), "list", env={"LER_WALLET_PASSPHRASE": None})
    assert result.code == 2 and "LER_WALLET_PASSPHRASE" in result.err


def test_gui_without_display_points_to_cli(cli, monkeypatch) -> None:
    """With no display, `gui` (and no subcommand) say so in one sentence and point to the command line."""
    monkeypatch.setattr("sys.platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    for args in (["gui"], []):
        result = cli(*args)
        assert result.code == 2
        assert "No display" in result.err and "ler-wallet --help" in result.err


@pytest.mark.slow
def test_real_process_init_uses_real_kdf(tmp_path: Path) -> None:
    """`init` in a real process: calibrated Argon2id, the recovery code printed once, did:key shown."""
    path = tmp_path / "real.lerwallet"
    result = run_process("--wallet", str(path), "init", env={"LER_WALLET_PASSPHRASE": "a real passphrase"})
    assert result.code == 0, result.err
    assert "recovery code" in result.out and "did:key:z6Mk" in result.out
    keys = json.loads((path / "wallet.keys").read_text())
    assert keys["passphrase"]["kdf"]["memlimit"] >= 256 * 1024 * 1024
    again = run_process("--wallet", str(path), "init", env={"LER_WALLET_PASSPHRASE": "a real passphrase"})
    assert again.code == 2 and "already" in again.err


@pytest.mark.slow
def test_real_process_errors_have_no_traceback(demo_wallet: Path, tmp_path: Path) -> None:
    """Errors from a real process are one line on stderr with the right exit code."""
    wrong = run_process("--wallet", str(demo_wallet), "list", env={"LER_WALLET_PASSPHRASE": "wrong one!"})
    assert wrong.code == 1 and wrong.err.strip().count("\n") == 0
    usage = run_process("--wallet", str(demo_wallet), "show")
    assert usage.code == 2
    junk = tmp_path / "junk.lerwallet"
    junk.mkdir()
    (junk / "wallet.keys").write_bytes(b"\x00\xff" * 50)
    result = run_process("--wallet", str(junk), "list", env={"LER_WALLET_PASSPHRASE": PASSPHRASE})
    assert result.code == 2 and "Traceback" not in result.err


@pytest.mark.slow
def test_demo_command_creates_labelled_records(tmp_path: Path) -> None:
    """`demo PATH` makes a wallet whose records are all labelled demo, printing its passphrase."""
    path = tmp_path / "d.lerwallet"
    made = run_process("demo", str(path))
    assert made.code == 0, made.err
    passphrase = next(line.split(": ", 1)[1] for line in made.out.splitlines() if "passphrase is" in line)
    listed = run_process("--wallet", str(path), "list", "--json", env={"LER_WALLET_PASSPHRASE": passphrase})
    records = json.loads(listed.out)
    assert records and all(r["demo"] for r in records)
