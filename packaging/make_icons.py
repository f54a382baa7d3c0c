#!/usr/bin/env python3
"""Render packaging/icons/ler-wallet.svg into the icon files each platform wants.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes hicolor PNGs (16-512 px, for the Linux .desktop file), ler-wallet.ico (Windows) and ler-wallet.icns
(macOS), with Qt's SVG renderer and Pillow (both already app dependencies).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "ler-wallet.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 2
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        out = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "ler-wallet.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(out, optimize=True)
    images[256].save(ICONS / "ler-wallet.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    images[512].save(ICONS / "ler-wallet.icns")
    print(f"wrote {len(SIZES)} PNGs, ler-wallet.ico and ler-wallet.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
