"""Translations: Vietnamese source strings, English from ``data/kehoach_en.qm``, Qt's own buttons too.

Every user-visible string goes through ``QCoreApplication.translate("Context", "…")``
with an explicit context, so ``pyside6-lupdate`` finds it (see ``i18n/README.md``).
Qt ships no ``qtbase_vi.qm``; ours (``data/qtbase_vi.qm``, built from
``i18n/qtbase_vi.ts``) translates the standard dialog buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

LANGUAGES = ("vi", "en")
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


def data_file(name: str) -> Path:
    return Path(__file__).resolve().parent.parent / "data" / name  # the package's data, in source and bundle


def current_language() -> str:
    value = QSettings().value(SETTINGS_KEY, "vi")
    return value if value in LANGUAGES else "vi"


def set_language(language: str) -> None:
    QSettings().setValue(SETTINGS_KEY, language if language in LANGUAGES else "vi")


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load our catalogue and Qt's for ``language`` (default: the saved choice); return it."""
    language = language or current_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedKingdom))
    candidates: list[Path] = []
    if language == "vi":
        candidates.append(data_file("qtbase_vi.qm"))
    else:
        from PySide6.QtCore import QLibraryInfo  # (English only: its enums need not be built otherwise)

        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        candidates += [qt_dir / "qtbase_en.qm", data_file("kehoach_en.qm")]
    for path in candidates:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
