"""Shared by start.py and test.py: make the project's virtualenv and install into it (idempotent)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure(extras: str = "") -> Path:
    """Create .venv if needed and install the project (editable) with ``extras``; return its python."""
    python = venv_python()
    if not python.exists():
        print("Đang tạo môi trường Python (.venv)…", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras.replace(',', '-')}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Đang cài các thư viện cần thiết (lần đầu mất vài phút)…", flush=True)
        target = f".[{extras}]" if extras else "."
        subprocess.check_call([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                               "-e", target], cwd=ROOT)
        stamp.write_text(digest)
    return python


def run(python: Path, args: list[str]) -> int:
    return subprocess.call([str(python), *args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit("Use scripts/start.py or scripts/test.py")
