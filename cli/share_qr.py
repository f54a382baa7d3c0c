"""QR codes on the command line: `share VIEW --format qr --out FOLDER` writes the bundle's code (or numbered set)
as PNG and SVG files, and `verify code1.png code2.png …` puts the codes in the given images back into one bundle.

Both plug into cli/share_commands.py: `write_qr` is the "qr" writer, `qr_stage` one of verify's input stages.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet.api import (
    QrCodeError,
    SharedBundle,
    UsageError,
    WalletError,
    atomic_write,
    is_qr_image,
    make_qr_set,
    qr_bundle_from_texts,
    read_qr_texts,
)

Input = tuple[str, bytes | WalletError]


def write_qr(shared: SharedBundle, out: Path, args: argparse.Namespace) -> list[str]:
    """The bundle's QR code(s) into the folder `out`, each as PNG and SVG, named after the bundle and its place."""
    folder = out.expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; --format qr writes a folder of images, so give a folder name.")
    codes = make_qr_set(shared.data)
    folder.mkdir(parents=True, exist_ok=True)
    stem = "bundle-" + codes[0].text.split(":")[2].lower()
    written = []
    for code in codes:
        name = stem if code.count == 1 else f"{stem}-{code.index}-of-{code.count}"
        atomic_write(folder / f"{name}.png", code.png)
        atomic_write(folder / f"{name}.svg", code.svg)
        written.append(f"{name}.png")
    what = "one QR code" if len(codes) == 1 else f"a set of {len(codes)} QR codes (each says which of {len(codes)})"
    return [f"Wrote {what} to {folder}, as PNG and SVG: {', '.join(written)} "
            f"(version {max(c.version for c in codes)}, error correction {codes[0].ecc}).",
            "Anyone can check them with: ler-wallet verify " + " ".join(str(folder / w) for w in written)]


def qr_stage(inputs: list[Input]) -> list[Input]:
    """Images holding QR codes become one input: the bundle their codes carry (or why they don't).

    An image without any QR code is left as it is (it may be a baked badge), and so is everything else."""
    kept: list[Input] = []
    texts: list[str] = []
    names: list[str] = []
    errors: list[Input] = []
    for name, data in inputs:
        if isinstance(data, WalletError) or not is_qr_image(data):
            kept.append((name, data))
            continue
        try:
            found = read_qr_texts(data, name)
        except QrCodeError as exc:
            if exc.message.startswith("No QR code"):
                kept.append((name, data))
            else:
                errors.append((name, exc))
            continue
        texts += found
        names.append(name)
    if not texts:
        return kept + errors
    source = (f"QR codes in {', '.join(names)}" if len(names) > 1 else f"QR code(s) in {names[0]}")
    try:
        reading = qr_bundle_from_texts(texts)
    except WalletError as exc:
        return [*kept, *errors, (source, exc)]
    source = f"{source} ({reading.form}, {reading.codes} code{'s' if reading.codes != 1 else ''})"
    return [*kept, *errors, (source, reading.bundle)]
