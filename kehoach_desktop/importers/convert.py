"""Old Word files (.doc), .odt and .rtf: converted to .docx by LibreOffice when it is installed.

Many communes still keep plans as .doc. KeHoach Desktop does not parse the binary
format itself; if LibreOffice (or its ``soffice``) is on the machine, it converts the
file headless into a temporary folder, and the .docx is imported as usual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CONVERTIBLE = (".doc", ".odt", ".rtf")
TIMEOUT = 120  # seconds; a big .doc converts in a few


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.name == "nt":
        for base in (os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                     os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")):
            candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if candidate.exists():
                return str(candidate)
    return None


class ConversionFailed(Exception):
    pass


@contextmanager
def converted_to_docx(path: Path, soffice: str) -> Iterator[Path]:
    """Yield a .docx made from ``path`` by LibreOffice (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as folder:
        work = Path(folder)
        source = work / f"input{path.suffix.lower()}"  # a plain name: no quoting trouble on any OS
        shutil.copyfile(path, source)
        profile = (work / "profile").as_uri()  # its own profile: works while the user has LibreOffice open
        try:
            subprocess.run([soffice, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile}",
                            "--convert-to", "docx", "--outdir", str(work / "out"), str(source)],
                           capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ConversionFailed(type(exc).__name__) from None
        result = work / "out" / "input.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise ConversionFailed("no output")
        yield result
