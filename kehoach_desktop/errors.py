"""Known errors (a clear Vietnamese message for the user) versus bugs (a traceback in the log).

Everything the user can cause or fix — bad input, a locked or read-only file, a
full disk, a corrupt or newer database — is a :class:`KnownError`. The CLI and
the UI show its message and nothing else. Any other exception is a bug: it is
written with its traceback to the log file and the user is told where.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error with a message meant for the user, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(KnownError):
    """Input the user gave (a file, a date, a field) cannot be used as it is."""


class NotFound(KnownError):
    """A plan, task or unit named by the user does not exist."""


class StorageError(KnownError):
    """The database or a file cannot be read or written (locked, read-only, disk full, corrupt)."""


def describe_os_error(exc: OSError, path: object) -> str:
    """One Vietnamese sentence for an OSError met while writing or reading ``path``."""
    import errno

    code = exc.errno
    if code == errno.ENOSPC:
        return f"Ổ đĩa đã đầy, không ghi được {path}. Hãy giải phóng dung lượng rồi thử lại."
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Không có quyền ghi vào {path} (tệp đang mở trong Word/Excel, chỉ đọc, "
                "hoặc thư mục bị khóa). Hãy đóng tệp hoặc chọn nơi khác.")
    if code == errno.ENOENT:
        return f"Không tìm thấy {path}."
    if code == errno.EISDIR:
        return f"{path} là một thư mục, không phải tệp."
    if code in (errno.EEXIST, errno.ENOTDIR):
        return f"{path} đã có và là một tệp, không phải thư mục; hãy chọn một thư mục."
    return f"Lỗi khi truy cập {path}: {exc.strerror or exc}."
