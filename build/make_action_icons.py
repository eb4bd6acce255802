"""Copy the toolbar's icons from the Adwaita icon theme and render them to PNG (resources/icons/actions/).

    .venv/bin/python build/make_action_icons.py [--theme /usr/share/icons/Adwaita]

The SVGs are Adwaita's symbolic icons (Debian package adwaita-icon-theme; GNOME Project,
CC-BY-SA 3.0 or LGPL-3, see resources/icons/actions/LICENSE), a few recoloured so that
adding, deleting and exporting stand out. The app loads the PNGs (16, 24 and 48 px):
a PNG needs no plugin and costs nothing at start-up until it is painted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons" / "actions"
GREY, GREEN, RED, BLUE = "#2e3436", "#26a269", "#c01c28", "#1c71d8"
# our name: (Adwaita's symbolic icon, colour)
ICONS = {
    "plan-new": ("actions/document-new-symbolic.svg", GREY),
    "plan-import": ("actions/document-open-symbolic.svg", GREY),
    "plans-list": ("actions/view-list-symbolic.svg", GREY),
    "task-add": ("actions/list-add-symbolic.svg", GREEN),
    "task-add-child": ("actions/format-indent-more-symbolic.svg", GREEN),
    "task-delete": ("actions/edit-delete-symbolic.svg", RED),
    "undo": ("actions/edit-undo-symbolic.svg", GREY),
    "redo": ("actions/edit-redo-symbolic.svg", GREY),
    "export-word": ("actions/document-save-as-symbolic.svg", BLUE),
    "print-preview": ("actions/document-print-preview-symbolic.svg", GREY),
    "preview-pane": ("actions/sidebar-show-right-symbolic.svg", GREY),
}
SIZES = (16, 24, 48)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", default="/usr/share/icons/Adwaita")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting needs it
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (source, colour) in ICONS.items():
        svg = (Path(args.theme) / "scalable" / source).read_text("utf-8").replace("#2e3436", colour)
        (OUT / f"{name}.svg").write_text(svg, "utf-8")
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            image.save(str(OUT / f"{name}-{size}.png"), "PNG")
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
