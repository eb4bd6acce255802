"""Draw the application icon with QPainter and write resources/icons/kehoach.png and kehoach.ico.

    python build/make_icon.py

The .ico holds 16…48 px as 32-bit bitmaps (what Explorer, the taskbar and NSIS read
everywhere) and 256 px as PNG (the large Explorer view). Run it again only to change
the drawing; the files are committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
BITMAP_SIZES = (16, 24, 32, 48)
PNG_SIZES = (256,)

RED = QColor("#c62828")
YELLOW = QColor("#fdd835")
INK = QColor("#37474f")


def draw(size: int) -> QImage:
    """The icon at ``size`` px: a red tile, a white page with text lines and a yellow tick."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 64.0
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(1 * s, 1 * s, 62 * s, 62 * s), 12 * s, 12 * s)

    page = QPainterPath()
    page.moveTo(15 * s, 9 * s)
    page.lineTo(40 * s, 9 * s)
    page.lineTo(50 * s, 19 * s)
    page.lineTo(50 * s, 55 * s)
    page.lineTo(15 * s, 55 * s)
    page.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(page)
    p.setBrush(QColor("#e0e0e0"))
    fold = QPainterPath()
    fold.moveTo(40 * s, 9 * s)
    fold.lineTo(40 * s, 19 * s)
    fold.lineTo(50 * s, 19 * s)
    fold.closeSubpath()
    p.drawPath(fold)

    p.setPen(QPen(INK, max(1.0, 3 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (20, 28, 36):
        p.drawLine(QPointF(21 * s, y * s), QPointF((36 if y == 20 else 44) * s, y * s))
    p.setPen(QPen(YELLOW.darker(115), max(1.5, 5 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    tick = QPainterPath()
    tick.moveTo(24 * s, 45 * s)
    tick.lineTo(30 * s, 50 * s)
    tick.lineTo(42 * s, 40 * s)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA bitmap as stored inside an .ico: header, bottom-up pixels, AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = []
    for y in reversed(range(size)):
        line = bytes(argb.constScanLine(y))[: size * 4]  # little-endian ARGB32 is B, G, R, A
        rows.append(line)
    mask_row = b"\x00" * (((size + 31) // 32) * 4)
    return header + b"".join(rows) + mask_row * size


def ico_bytes(entries: list[tuple[int, bytes]]) -> bytes:
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    blobs = []
    for size, blob in entries:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs.append(blob)
    return out + b"".join(blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "kehoach.png").write_bytes(png_bytes(draw(256)))
    entries = [(n, dib_bytes(draw(n))) for n in BITMAP_SIZES] + [(n, png_bytes(draw(n))) for n in PNG_SIZES]
    (ICONS / "kehoach.ico").write_bytes(ico_bytes(entries))
    for name in ("kehoach.png", "kehoach.ico"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
