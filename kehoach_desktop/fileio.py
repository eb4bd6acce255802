"""Writing exports safely: to a temporary file beside the target, then moved into place.

If the target is open in Word or Excel (locked on Windows), read-only, or the disk
is full, the old file is left as it was and the user gets one clear message.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import StorageError, describe_os_error


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one step."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise StorageError(f"{target} là một thư mục; hãy cho biết tên tệp cần ghi.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix + ".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, target)) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        if target.exists() and not os.access(target, os.W_OK):
            raise StorageError(f"Tệp {target} chỉ cho phép đọc; tệp cũ được giữ nguyên. Hãy chọn tên khác.")
        _replace(tmp, target)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, target)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(tmp: Path, target: Path) -> None:
    with contextlib.suppress(OSError):  # mkstemp makes 0600; the file is the user's like any other they save
        os.chmod(tmp, 0o666 & ~_umask())
    try:
        os.replace(tmp, target)
    except PermissionError:
        raise StorageError(
            f"Không ghi được {target}: tệp đang mở trong Word/Excel hoặc bị khóa. "
            "Hãy đóng tệp rồi xuất lại; tệp cũ được giữ nguyên.") from None


def write_bytes(target: str | os.PathLike[str], data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_with(target: str | os.PathLike[str], writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the result into place."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_saved(target: str | os.PathLike[str], save: Callable[[BinaryIO], object]) -> Path:
    """For a writer that saves into a file object (openpyxl's ``wb.save``): made in memory, then written.

    openpyxl leaves its zip open when the disk fills mid-save, and the zip then complains with a
    traceback when the program exits; from memory the write fails whole, with the usual message.
    """
    buffer = io.BytesIO()
    save(buffer)
    return write_bytes(target, buffer.getvalue())
