"""Checking credentials with no wallet: what an employer runs on files they were sent (`ler-wallet verify`).

Everything the check may use is given: the moment to check at, DID documents and public keys, status lists
saved from their addresses, and the issuers the checker trusts. Nothing is fetched. Inputs are checked one at a
time, so a caller can show each answer as it comes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from wallet.credentials import formats, material
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import ItemReport, said
from wallet.credentials.sources import read_json_file
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import WalletError
from wallet.i18n import N_, _


def offline_options(
    now: datetime,
    key_files: Iterable[Path] = (),
    status_list_files: Iterable[tuple[str, Path]] = (),
    trusted_issuers: Iterable[str] = (),
) -> VerifyOptions:
    """Options for checking without a wallet: keys and DID documents from files (one document or a list per
    file), status lists as (the address they were saved from, the file), and the issuers to trust."""
    resolver = KeyResolver()
    for file in key_files:
        document = read_json_file(file, _("The key file {file}").format(file=file))
        for item in document if isinstance(document, list) else [document]:
            resolver.add_document(item)
    status_lists: dict[str, Any] = {}
    for url, file in status_list_files:
        status_lists[url] = read_json_file(file, _("The status list {file}").format(file=file))
    trusted = {issuer: issuer for issuer in trusted_issuers}
    return VerifyOptions(now=now, resolver=resolver, status_lists=status_lists, trusted_issuers=trusted)


def verify_inputs(
    inputs: Iterable[tuple[str, bytes | WalletError]], options: VerifyOptions
) -> Iterator[tuple[str, list[ItemReport] | WalletError]]:
    """For each input (as `wallet.credentials.sources.read_inputs` gives them): a report per credential in it,
    or the error that says why it could not be read. A bad credential is a report, never an exception."""
    verifier = Verifier(options)
    for source, data in inputs:
        if isinstance(data, WalletError):
            yield source, data
            continue
        try:
            yield source, [verifier.verify(parsed) for parsed in formats.parse(data)]
        except WalletError as exc:
            yield source, exc


def take_material(
    given: Iterable[tuple[str, bytes | WalletError]], options: VerifyOptions
) -> tuple[list[tuple[str, bytes | WalletError]], list[tuple[str, str]]]:
    """Split the issuer material a checker supplied with what they check (DID documents, public keys, status
    lists they saved themselves, as `verify --did-doc` takes them) from the rest. Each is added to `options` and
    named in a sentence; the rest is returned to be checked. A badge description is left with the rest."""
    rest: list[tuple[str, bytes | WalletError]] = []
    used: list[tuple[str, str]] = []
    for name, data in given:
        found = material.classify(data) if isinstance(data, bytes) else None
        if not offer_material(found, options):
            rest.append((name, data))
            continue
        assert found is not None
        used.append((name, said(N_("Used to check what you opened with it: {what} ({id}), as you supplied it."),
                                what=found.what, id=str(found.document["id"]))))
    return rest, used


def offer_material(found: material.Material | None, options: VerifyOptions) -> bool:
    """Put a DID document, key or status list where checks look for it; False for anything else."""
    if found is None or found.place is material.Place.REFUSED:
        return False
    if found.place is material.Place.STATUS_LIST:
        options.status_lists[found.document["id"]] = found.document
    else:
        options.resolver.add_document(found.document)
    return True
