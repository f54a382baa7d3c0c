"""Hostile inputs through the real `ler-wallet` main: special files are refused at once, stdin is bounded,
and inputs the code does not expect get their own sentence, never the catch-all.

pytest-timeout is the guard against hangs: before the one bounded reader, /dev/zero grew to gigabytes and a
FIFO with no writer blocked forever. No test here measures time.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import CLI_WITH_TEST_COSTS, Result
from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle

ROOT = Path(__file__).resolve().parents[2]
CREDENTIAL = ROOT / "tests" / "fixtures" / "1edtech-walkthrough" / "linked-data-proof-clr__Credential.json"
PNG = ROOT / "docs" / "screenshots" / "records.png"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs /dev/zero, /dev/urandom and named pipes")

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def wallet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small wallet for the module (each command is refused, so it is never changed)."""
    path = tmp_path_factory.mktemp("hostile") / "w.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    return path


@pytest.fixture(params=["/dev/zero", "link to /dev/urandom", "FIFO with no writer"])
def special(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(path, the words the refusal must say) for each kind of special file, named like a credential."""
    if request.param == "/dev/zero":
        yield "/dev/zero", "/dev/zero is a device, not a regular file"
    elif request.param == "link to /dev/urandom":
        link = tmp_path / "badge.json"
        link.symlink_to("/dev/urandom")
        yield str(link), f"{link} is a device, not a regular file"
    else:
        fifo = tmp_path / "posting.json"
        os.mkfifo(fifo)
        yield str(fifo), f"{fifo} is a pipe (FIFO), not a regular file"


COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "import": lambda p: ["import", p],
    "verify": lambda p: ["verify", p],
    "verify --did-doc": lambda p: ["verify", str(CREDENTIAL), "--did-doc", p],
    "verify --key": lambda p: ["verify", str(CREDENTIAL), "--key", p],
    "verify --status-list": lambda p: ["verify", str(CREDENTIAL), "--status-list", f"https://example.org/s/1={p}"],
    "keys": lambda p: ["keys", p],
    "endorse": lambda p: ["endorse", p, "--comment", "Worked beside me for a year"],
    "match": lambda p: ["match", p],
    "view --posting": lambda p: ["view", "create", "--name", "Warehouse", "--posting", p],
    "cpl": lambda p: ["cpl", p],
    "add-entry": lambda p: ["add-entry", p],
}


def _listing(cli: Cli, wallet: Path) -> list[dict[str, object]]:
    result = cli("--wallet", str(wallet), "list", "--json")
    assert result.code == 0, result.err
    records: list[dict[str, object]] = json.loads(result.out)
    return records


def _refused(result: Result, words: str) -> None:
    """Exit 2 with the sentence, and nothing of the catch-all or a traceback."""
    said = result.out + result.err
    assert result.code == 2, said
    assert words in said, said
    assert "something went wrong" not in said and "Traceback" not in said, said


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_special_files_are_refused_at_once(cli: Cli, wallet: Path, special: tuple[str, str], command: str) -> None:
    """Every command that reads a file refuses /dev/zero, a link to /dev/urandom and a FIFO with a sentence."""
    path, words = special
    result = cli("--wallet", str(wallet), *COMMANDS[command](path))
    _refused(result, words)
    assert _listing(cli, wallet) == []


@pytest.mark.timeout(60)
def test_restore_refuses_special_files(cli: Cli, tmp_path: Path, special: tuple[str, str]) -> None:
    """restore refuses a special file as the backup and creates nothing."""
    path, words = special
    target = tmp_path / "restored.lerwallet"
    _refused(cli("--wallet", str(target), "restore", path), words)
    assert not target.exists()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", ["FIFO", "link to /dev/zero"])
def test_a_wallet_whose_key_file_is_special_is_refused(cli: Cli, wallet: Path, tmp_path: Path, kind: str) -> None:
    """--wallet naming a folder whose wallet.keys is a FIFO or a link to /dev/zero is refused, never waited on."""
    odd = tmp_path / "odd.lerwallet"
    odd.mkdir()
    for part in wallet.iterdir():
        if part.name != "wallet.keys":
            (odd / part.name).write_bytes(part.read_bytes())
    if kind == "FIFO":
        os.mkfifo(odd / "wallet.keys")
    else:
        (odd / "wallet.keys").symlink_to("/dev/zero")
    result = cli("--wallet", str(odd), "list")
    assert result.code == 2, result.err
    assert "something went wrong" not in result.err and result.err.count("\n") == 1, result.err


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", ["FIFO argument", "endless standard input"])
def test_a_real_process_refuses_and_exits(tmp_path: Path, case: str) -> None:
    """In a separate process, too: `verify FIFO` and `verify - < /dev/zero` exit 2 with a sentence."""
    fifo = tmp_path / "badge.json"
    os.mkfifo(fifo)
    args = [str(fifo)] if case == "FIFO argument" else ["-"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("LER_WALLET")}
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-c", CLI_WITH_TEST_COSTS, "verify", *args], stdin=zero,
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=100)
    said = proc.stdout + proc.stderr
    assert proc.returncode == 2, said
    assert ("is a pipe (FIFO)" if case == "FIFO argument" else "larger than 20 MB") in said, said


@pytest.fixture
def endless_stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Standard input that never ends, as with `ler-wallet … - < /dev/zero`."""
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zero))
        yield


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["import", "-"], "The input is larger than 20 MB"),
        (["verify", "-"], "The input is larger than 20 MB"),
        (["match", "-"], "The posting on standard input is larger than 2 MB"),
        (["cpl", "-"], "The learning outcomes file on standard input is larger than 2 MB"),
        (["add-entry", "-"], "The entry on standard input is larger than 1 MB"),
    ],
)
def test_standard_input_stays_allowed_but_bounded(
    cli: Cli, wallet: Path, endless_stdin: None, args: list[str], words: str
) -> None:
    """'-' reads standard input, and an endless one is refused one byte past the limit."""
    _refused(cli("--wallet", str(wallet), *args), words)


@pytest.mark.timeout(60)
def test_a_folder_is_walked_past_links_and_fifos(cli: Cli, tmp_path: Path) -> None:
    """import FOLDER reads the real credential and neither follows a link to /dev/zero nor opens a FIFO."""
    wallet = tmp_path / "fresh.lerwallet"
    lifecycle.create_wallet(wallet, PASSPHRASE, kdf=FAST_KDF).session.lock()
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "zero.json").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.json")
    (folder / "clr.json").write_bytes(CREDENTIAL.read_bytes())
    result = cli("--wallet", str(wallet), "import", str(folder), "--json")
    outcomes = json.loads(result.out)
    assert [(Path(o["source"]).name, o["outcome"]) for o in outcomes] == [("clr.json", "imported")]
    assert len(_listing(cli, wallet)) == 1


# -- inputs the code does not expect: each its own sentence ------------------------------------------------
def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


LONE_SURROGATE = '"\\ud800"'
HUGE_NUMBER = "9" * 5000
DEEP = "[" * 5000 + "]" * 5000
BROKEN = "holds broken text (half of a Unicode character)"
TOO_LONG = "holds a number too long to be real"
NESTED = "is nested too deeply"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("command", "content", "words"),
    [
        ("add-entry", '{"kind": "job", "title": ' + LONE_SURROGATE + "}", BROKEN),
        ("add-entry", '{"kind": "job", "title": "Cook", "n": ' + HUGE_NUMBER + "}", TOO_LONG),
        ("add-entry", DEEP, NESTED),
        ("match", '{"@type": "JobPosting", "title": ' + LONE_SURROGATE + ', "description": "Forklift"}', BROKEN),
        ("match", '{"@type": "JobPosting", "title": "Cook", "n": ' + HUGE_NUMBER + "}", TOO_LONG),
        ("match", DEEP, NESTED),
        ("import", '{"type": ["VerifiableCredential"], "name": ' + LONE_SURROGATE + "}", BROKEN),
        ("verify", '{"type": ["VerifiableCredential"], "n": ' + HUGE_NUMBER + "}", TOO_LONG),
        ("verify", DEEP, NESTED),
        ("endorse", '{"type": ["VerifiableCredential"], "name": ' + LONE_SURROGATE + "}", BROKEN),
        ("keys", '{"id": "did:example:1", "n": ' + HUGE_NUMBER + "}", TOO_LONG),
    ],
)
def test_unexpected_json_gets_its_own_sentence(
    cli: Cli, wallet: Path, tmp_path: Path, command: str, content: str, words: str
) -> None:
    """A lone surrogate, a 5,000-digit number and deep nesting are named, in an entry, a posting or a credential."""
    path = _write(tmp_path, "input.json", content)
    args = [command, path] + (["--comment", "Good colleague"] if command == "endorse" else [])
    _refused(cli("--wallet", str(wallet), *args), words)
    assert _listing(cli, wallet) == []


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["match", str(PNG)], "The posting is an image (PNG), not text"),
        (["view", "create", "--name", "Cook", "--posting", str(PNG)], "The posting is an image (PNG), not text"),
        (["cpl", str(PNG)], "The learning outcomes file is an image (PNG), not text"),
        (["match", str(Path(sys.executable).resolve())], "not text; save it as plain text"),
    ],
)
def test_binary_given_as_text_is_named(cli: Cli, wallet: Path, args: list[str], words: str) -> None:
    """An image or a program given as a posting or outcomes file is refused by name, not read for skills."""
    _refused(cli("--wallet", str(wallet), *args), words)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["view", "create", "--name", "Cook \udcff"], "--name"),
        (["endorse", str(CREDENTIAL), "--comment", "Fine \udcff work"], "--comment"),
        (["search", "\udcff"], "TEXT"),
        (["verify", str(CREDENTIAL), "--trusted-issuer", "did:web:\udcff"], "--trusted-issuer"),
    ],
)
def test_words_that_are_not_utf8_are_named(cli: Cli, wallet: Path, args: list[str], option: str) -> None:
    """A command-line word holding bytes that are not UTF-8 is refused naming its option (file names may hold any)."""
    _refused(cli("--wallet", str(wallet), *args), f"{option} holds bytes that are not UTF-8 text")


def test_a_file_name_that_is_not_utf8_still_opens(cli: Cli, tmp_path: Path) -> None:
    """File names are exempt: a credential saved under a name with a non-UTF-8 byte is read and verified."""
    odd = os.fsdecode(bytes(tmp_path) + b"/\xff-transcript.json")
    Path(odd).write_bytes(CREDENTIAL.read_bytes())
    result = cli("verify", odd, "--json")
    assert result.code in (0, 1), result.err
    assert json.loads(result.out)["items"][0]["kind"] == "clr"
