"""Look and feel: one base font, three palettes (light, dark, high contrast), a text size, and the style sheet
every page shares.

Widgets opt into a look with a `role` property (`setProperty("role", "muted")`) rather than
per-widget style sheets, so the whole app changes here.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ui.resources import FONT_FAMILY
from ui.status import TONE_COLOURS

BASE_POINT_SIZE = 11

INK = "#1d2330"
MUTED = "#566173"
LINE = "#d5dae2"
PAGE = "#f3f5f8"
CARD = "#ffffff"
ACCENT = "#1f5fbf"
ACCENT_DARK = "#174a96"
SELECTED = "#e3edfb"
ERROR = "#a4221b"

TEMPLATE = """
QWidget {{ color: {INK}; }}
QMainWindow, QStackedWidget, QWidget#page, QWidget#pageInner {{ background: {PAGE}; }}
QScrollArea#pageScroll {{ background: {PAGE}; border: none; }}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 10px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: 20pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: 14pt; font-weight: bold; }}
QLabel#detailTitle {{ font-size: 17pt; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="fieldName"] {{ color: {MUTED}; font-weight: bold; }}
QLabel[role="error"] {{ color: {ERROR}; background: #fdecea; border: 1px solid #f3c2bd;
    border-radius: 6px; padding: 8px 10px; }}
QLabel[role="note"] {{ background: #fff7e0; border: 1px solid #f0d88c; border-radius: 6px;
    padding: 8px 10px; color: #5c4500; }}
QLabel[role="code"] {{ font-family: "DejaVu Sans Mono", monospace; font-size: 18pt; font-weight: bold;
    background: #f7f9fc; border: 2px dashed {ACCENT}; border-radius: 8px; padding: 16px; color: {INK}; }}
QLabel[role="badge"] {{ border-radius: 9px; padding: 2px 10px; font-size: 9.5pt; font-weight: bold; }}
QLabel[badge="self"] {{ background: #fff1cc; color: #6b4b00; border: 1px solid #e9cf7c; }}
QLabel[badge="credential"] {{ background: #dff3e4; color: #1b5e2c; border: 1px solid #a9d9b5; }}
QLabel[badge="demo"] {{ background: #ece6f7; color: #4a3476; border: 1px solid #cdbfe8; }}
QLabel[role="chip"] {{ background: #eef2f7; border: 1px solid {LINE}; border-radius: 11px;
    padding: 3px 10px; }}
QLineEdit {{ background: {CARD}; border: 1px solid #b9c1cd; border-radius: 6px; padding: 7px 9px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus {{ border: 2px solid {ACCENT}; padding: 6px 8px; }}
QPushButton {{ background: {CARD}; border: 1px solid #b9c1cd; border-radius: 6px; padding: 8px 16px; }}
QPushButton:hover {{ background: #eef2f7; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 7px 15px; }}
QPushButton:disabled {{ color: #9aa3b0; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK};
    font-weight: bold; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid #0b2b5c; }}
QPushButton[primary="true"]:disabled {{ background: #8fa9d3; color: #f0f4fa; }}
QPushButton[role="choice"] {{ text-align: left; padding: 14px 18px; font-size: 12pt; }}
QPushButton[role="choice"]:focus {{ padding: 13px 17px; }}
QPushButton[role="link"] {{ border: none; background: transparent; color: {ACCENT};
    text-decoration: underline; padding: 4px 2px; }}
QPushButton[role="link"]:focus {{ border: 2px solid {ACCENT}; border-radius: 4px; padding: 2px 0px;
    background: {SELECTED}; }}
QCheckBox {{ spacing: 10px; padding: 4px 6px; border-radius: 5px; }}
QCheckBox:focus {{ background: {SELECTED}; }}
QCheckBox::indicator {{ width: 18px; height: 18px; }}
QFrame#header {{ background: {CARD}; border-bottom: 1px solid {LINE}; }}
QFrame#header QLabel {{ background: transparent; }}
QListView {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; outline: none; }}
QListView:focus {{ border: 2px solid {ACCENT}; }}
QScrollArea#recordDetail {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QScrollArea#recordDetail:focus {{ border: 2px solid {ACCENT}; }}
QWidget#detailBody {{ background: {CARD}; }}
QProgressBar {{ border: none; background: #dfe6f1; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
QSplitter::handle {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 4px 2px; }}
QScrollBar::handle:vertical {{ background: #c3cad5; border-radius: 4px; min-height: 32px; }}
QScrollBar::handle:vertical:hover {{ background: #9ea8b7; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
QLabel[role="subheading"] {{ font-size: 12.5pt; font-weight: bold; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QFrame[role="panel"] {{ background: #f8fafc; border: 1px solid {LINE}; border-radius: 8px; }}
QFrame[role="panel"] QLabel {{ background: transparent; }}
QFrame[role="panel"] QLabel[role="badge"] {{ border-radius: 9px; }}
QFrame[role="rule"] {{ border: none; border-top: 1px solid {LINE}; max-height: 1px; }}
QToolButton {{ background: {CARD}; border: 1px solid #b9c1cd; border-radius: 6px; padding: 8px 14px; }}
QToolButton:hover {{ background: #eef2f7; }}
QToolButton:focus {{ border: 2px solid {ACCENT}; padding: 7px 13px; }}
QToolButton:disabled {{ color: #9aa3b0; }}
QDialog {{ background: {PAGE}; }}
QListWidget {{ padding: 2px; }}
QTreeView {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; outline: none;
    selection-background-color: {SELECTED}; selection-color: {INK}; }}
QTreeView:focus {{ border: 2px solid {ACCENT}; }}
QTreeView::item {{ padding: 5px 4px; }}
QTreeView::item:selected {{ background: {SELECTED}; color: {INK}; }}
QHeaderView::section {{ background: #eef2f7; color: {MUTED}; font-weight: bold; border: none;
    border-bottom: 1px solid {LINE}; padding: 5px 8px; }}
QPlainTextEdit {{ background: {CARD}; border: 1px solid #b9c1cd; border-radius: 6px; padding: 6px;
    font-family: "DejaVu Sans Mono", monospace; font-size: 10pt; }}
QPlainTextEdit:focus {{ border: 2px solid {ACCENT}; padding: 5px; }}
QFrame#header QLabel#appMark {{ background: {ACCENT}; color: white; font-weight: bold; font-size: 11pt;
    border-radius: 8px; }}
QFrame[role="panel"] QLabel#verdictMark {{ background: {ACCENT}; color: white; font-weight: bold;
    font-size: 8pt; border-radius: 6px; }}
QFrame#navStrip {{ background: {CARD}; border-bottom: 1px solid {LINE}; }}
QFrame#navStrip QToolButton {{ border: 1px solid transparent; background: transparent; color: {ACCENT};
    padding: 5px 10px; }}
QFrame#navStrip QToolButton:hover {{ background: #eef2f7; }}
QFrame#navStrip QToolButton:focus {{ border: 2px solid {ACCENT}; padding: 4px 9px; background: {SELECTED}; }}
QTabBar#mainNav::tab {{ background: transparent; border: none; border-bottom: 3px solid transparent;
    padding: 8px 16px 7px 16px; margin-right: 4px; color: {MUTED}; font-size: 11.5pt; }}
QTabBar#mainNav::tab:selected {{ color: {INK}; font-weight: bold; border-bottom: 3px solid {ACCENT}; }}
QTabBar#mainNav::tab:hover {{ background: #eef2f7; }}
QTabBar#mainNav:focus {{ outline: none; }}
QTabBar#mainNav::tab:selected:focus {{ background: {SELECTED}; border: 2px solid {ACCENT};
    border-bottom: 3px solid {ACCENT}; border-radius: 4px; }}
QTabWidget::pane {{ border: none; }}
QListWidget::item:selected {{ background: {SELECTED}; color: {INK}; }}
QListWidget[role="checklist"]::item {{ padding: 3px 2px; }}
QTabWidget::tab-bar {{ left: 0; }}
QTabBar::tab {{ background: transparent; border: none; border-bottom: 3px solid transparent; padding: 6px 14px;
    color: {MUTED}; }}
QTabBar::tab:selected {{ color: {INK}; font-weight: bold; border-bottom: 3px solid {ACCENT}; }}
QTabBar::tab:hover {{ background: #eef2f7; }}
QTabBar::tab:selected:focus {{ background: {SELECTED}; border: 2px solid {ACCENT};
    border-bottom: 3px solid {ACCENT}; border-radius: 4px; }}
QPlainTextEdit[role="prose"] {{ font-family: "DejaVu Sans"; font-size: 11pt; }}
QRadioButton {{ spacing: 8px; padding: 4px 6px; border-radius: 5px; }}
QRadioButton:focus {{ background: {SELECTED}; }}
QLabel#aboutMark {{ background: {ACCENT}; color: white; font-weight: bold; font-size: 13pt; border-radius: 10px; }}
QWidget#aboutCreditsBody {{ background: {CARD}; }}
QScrollArea#aboutCredits {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QScrollArea#aboutCredits:focus {{ border: 2px solid {ACCENT}; }}
QScrollArea#pathwayDetail {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QScrollArea#pathwayDetail:focus {{ border: 2px solid {ACCENT}; }}
QWidget#pathwayDetailBody, QWidget#matchBody {{ background: {CARD}; }}
QScrollArea#matchResults {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QScrollArea#matchResults:focus {{ border: 2px solid {ACCENT}; }}
"""  # i18n: not shown

TONE_SHEET = "".join(
    f'QLabel[tone="{tone}"] {{ background: {bg}; color: {ink}; border: 1px solid {border}; }}\n'
    for tone, (bg, ink, border) in TONE_COLOURS.items()
)

LIGHT = {"INK": INK, "MUTED": MUTED, "LINE": LINE, "PAGE": PAGE, "CARD": CARD, "ACCENT": ACCENT,
         "ACCENT_DARK": ACCENT_DARK, "SELECTED": SELECTED, "ERROR": ERROR}
PALETTES: dict[str, dict[str, str]] = {
    "light": LIGHT,
    "dark": {"INK": "#e6e9ef", "MUTED": "#a9b3c2", "LINE": "#3a4250", "PAGE": "#1b1f27", "CARD": "#242a34",
             "ACCENT": "#6ea2ff", "ACCENT_DARK": "#4f86e8", "SELECTED": "#2d3d5c", "ERROR": "#ffb4ab"},
    "high contrast": {"INK": "#000000", "MUTED": "#000000", "LINE": "#000000", "PAGE": "#ffffff",
                      "CARD": "#ffffff", "ACCENT": "#0000c8", "ACCENT_DARK": "#000080", "SELECTED": "#ffff00",
                      "ERROR": "#a00000"},
}
"""The named colours of each theme; the style sheet and the list delegates read them."""

SWAPS: dict[str, dict[str, str]] = {
    "dark": {"#eef2f7": "#2f3642", "#b9c1cd": "#566173", "#fdecea": "#4a1f1c", "#f3c2bd": "#7a3a33",
             "#fff7e0": "#3d3418", "#f0d88c": "#7a6a30", "#5c4500": "#f5e3a8", "#f7f9fc": "#1f242d",
             "#dfe6f1": "#2f3642", "#f8fafc": "#20252e", "#c3cad5": "#4b5565", "#9ea8b7": "#6b7585",
             "#9aa3b0": "#6b7585", "#8fa9d3": "#3b5a8c", "#0b2b5c": "#cfe0ff", "#ffffff": "#242a34",
             "#dff3e4": "#1e3a26", "#1b5e2c": "#b6e6c3", "#a9d9b5": "#2f6b40", "#fde6d2": "#3f2a17",
             "#7f3a00": "#ffd0a8", "#f1bf94": "#7a5030", "#a4221b": "#ffb4ab", "#eceff3": "#2b313c",
             "#3f4856": "#d5dae2", "#cdd3dc": "#4b5565", "#fff1cc": "#3d3418", "#6b4b00": "#f5e3a8",
             "#e9cf7c": "#7a6a30", "#ece6f7": "#2f2740", "#4a3476": "#dacdf5", "#cdbfe8": "#5b4a80"},
    "high contrast": {"#eef2f7": "#ffff00", "#b9c1cd": "#000000", "#9aa3b0": "#555555", "#c3cad5": "#000000",
                      "#9ea8b7": "#000000", "#d5dae2": "#000000", "#566173": "#000000", "#5c4500": "#000000",
                      "#6b4b00": "#000000", "#1b5e2c": "#004000", "#3f4856": "#000000", "#4a3476": "#000000",
                      "#7f3a00": "#000000"},
}
"""Fixed tints in the sheet, swapped so each theme keeps its contrast (text on its background ≥ 4.5:1)."""

THEMES = tuple(PALETTES)


def style_sheet(theme: str = "light", scale: float = 1.0) -> str:
    """The app's style sheet in `theme`, with every point size multiplied by `scale`."""
    palette = PALETTES.get(theme, LIGHT)
    sheet = TEMPLATE.format(**palette) + TONE_SHEET
    for old, new in SWAPS.get(theme, {}).items():
        sheet = re.sub(re.escape(old), new, sheet, flags=re.IGNORECASE)
    if theme == "high contrast":  # i18n: not shown
        sheet += ("QWidget:focus { outline: 3px solid #0000c8; }\n"
                  "QPushButton, QToolButton, QLineEdit, QPlainTextEdit { border-width: 2px; }\n")
    if scale != 1.0:
        sheet = re.sub(r"(\d+(?:\.\d+)?)pt", lambda m: f"{float(m.group(1)) * scale:g}pt", sheet)
    return sheet


STYLE_SHEET = style_sheet()


def _qt_palette(theme: str) -> QPalette:
    """Fusion's palette in the theme's colours (menus, combo boxes and scroll bars the sheet leaves alone)."""
    colours = PALETTES.get(theme, LIGHT)
    palette = QPalette()
    role = QPalette.ColorRole
    for roles, key in (((role.Window, role.Base, role.Button, role.ToolTipBase), "CARD"),
                       ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText), "INK"),
                       ((role.AlternateBase,), "PAGE"), ((role.Highlight,), "ACCENT"), ((role.Link,), "ACCENT"),
                       ((role.PlaceholderText,), "MUTED"), ((role.Mid, role.Dark), "LINE")):
        for one in roles:
            palette.setColor(one, QColor(colours[key]))
    palette.setColor(role.HighlightedText, QColor(colours["CARD"] if theme != "high contrast" else "#ffffff"))
    return palette


def apply(app: QApplication, theme: str = "light", scale: float = 1.0) -> None:
    """Use Fusion (the same on every platform), the bundled font at a readable size, and the sheet.

    The named colours of this module change with the theme, so painters that read them follow too."""
    fusion = QStyleFactory.create("Fusion")  # i18n: not shown
    if fusion is not None:
        app.setStyle(fusion)
    globals().update(PALETTES.get(theme, LIGHT))
    font = QFont(FONT_FAMILY, round(BASE_POINT_SIZE * scale))
    app.setFont(font)
    app.setPalette(_qt_palette(theme))
    app.setStyleSheet(style_sheet(theme, scale))
