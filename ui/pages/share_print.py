"""Printing the résumé PDF: its pages, drawn at 150 dpi, each fitted to the printer's page."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from wallet.api import _

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def printer_for(paper: str) -> QPrinter:
    """A printer set to the résumé's paper, portrait, named for the print queue."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(_("Skills résumé"))
    return printer


def print_pages(printer: QPrinter, pages: tuple[bytes, ...]) -> None:
    """Each page image on its own printed page, as large as fits, keeping its shape."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        target = QRect(0, 0, area.width(), area.height())
        for number, data in enumerate(pages):
            if number:
                printer.newPage()
            image = QImage.fromData(data)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
