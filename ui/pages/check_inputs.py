"""What the Check page does with the files it is given (no Qt here): QR images become one bundle, a PDF résumé
is checked with its attachment and printed codes, a bundle file is checked, a credential sent on its own (a
badge file, a baked badge image, a CLR) is checked as `ler-wallet verify` checks it, anything else says why not.

It mirrors `ler-wallet verify` for shared bundles, through the facade only, and needs no wallet: like its
`--did-doc`, DID documents, keys and status lists opened with a bundle are used to check it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from wallet.api import (
    CHECK_SUFFIXES,
    BundleReport,
    InvalidInputError,
    ItemReport,
    QrCodeError,
    VerifyOptions,
    WalletError,
    _,
    check_bundle,
    check_resume_pdf,
    is_pdf,
    is_qr_image,
    offline_options,
    qr_bundle_from_texts,
    read_bundle,
    read_inputs,
    read_qr_texts,
    take_material,
    verify_inputs,
)


@dataclass(frozen=True)
class Checked:
    """One answer on the page: where it came from, and its report or the sentence saying why there is none."""

    source: str
    report: BundleReport | None
    problem: str = ""
    note: str = ""
    """A file that was no bundle but helped check one (a DID document the checker supplied): what it was used as."""
    credentials: tuple[ItemReport, ...] = ()
    """A credential file sent on its own (a badge, a CLR, a baked image): a report for each credential in it."""


def check_paths(paths: Iterable[str], options: VerifyOptions | None = None) -> list[Checked]:
    """Read the files (folders too) and check every bundle in them, with only what the files carry."""
    given = list(read_inputs([str(p) for p in paths], suffixes=CHECK_SUFFIXES))
    return check_data(given, options or offline_options(datetime.now(UTC)))


def check_data(given: list[tuple[str, bytes | WalletError]], options: VerifyOptions) -> list[Checked]:
    """The answers for named bytes: all QR images together as one bundle, each other file on its own. DID
    documents, keys and status lists given with them are used for those checks, and named."""
    rest, used = take_material(given, options)
    answers: list[Checked] = [Checked(name, None, note=sentence) for name, sentence in used]
    texts: list[str] = []
    images: list[str] = []
    for name, data in rest:
        if isinstance(data, WalletError):
            answers.append(Checked(name, None, data.message))
        elif is_qr_image(data):
            baked = _credentials(name, data, options)  # a badge image carries its credential inside
            if baked is not None:
                answers.append(baked)
                continue
            try:
                texts += read_qr_texts(data, name)
                images.append(name)
            except QrCodeError as exc:
                answers.append(Checked(name, None, exc.message))
        else:
            answers.append(_one(name, data, options))
    if texts:
        source = _("QR codes in {files}").format(files=", ".join(short_name(n) for n in images))
        try:
            reading = qr_bundle_from_texts(texts)
            answers.insert(0, Checked(source, check_bundle(reading.bundle, options)))
        except WalletError as exc:
            answers.insert(0, Checked(source, None, exc.message))
    return answers


def _one(name: str, data: bytes, options: VerifyOptions) -> Checked:
    try:
        if is_pdf(data):
            return Checked(name, check_resume_pdf(data, options))
        bundle = read_bundle(data)
        if bundle is None:
            found = _credentials(name, data, options)
            if found is not None:
                return found
            raise InvalidInputError(_("This file is not a shared bundle, a credential, a résumé PDF or a QR image, "
                                      "so there is nothing here to check."))
        return Checked(name, check_bundle(bundle, options))
    except WalletError as exc:
        return Checked(name, None, exc.message)


def _credentials(name: str, data: bytes, options: VerifyOptions) -> Checked | None:
    """A credential file on its own, checked as `ler-wallet verify` checks it; None when it holds none."""
    [(_name, found)] = list(verify_inputs([(name, data)], options))
    if isinstance(found, WalletError) or not found:
        return None
    return Checked(name, None, credentials=tuple(found))


def short_name(name: str) -> str:
    """A file's name without its folder."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]
