"""Placeholder: being written (issue #12)."""

from __future__ import annotations


def open_derive(window) -> None:
    raise NotImplementedError
