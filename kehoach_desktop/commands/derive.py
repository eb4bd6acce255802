"""``kehoach`` commands: see :mod:`kehoach_desktop.commands`."""

from __future__ import annotations

from collections.abc import Callable


def register(add: Callable) -> None:
    """Add this module's commands to the parser (none yet)."""
