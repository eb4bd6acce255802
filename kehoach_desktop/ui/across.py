"""Placeholder: being written (issue #12)."""

from __future__ import annotations


def open_unit_tasks(window) -> None:
    raise NotImplementedError


def open_search_all(window) -> None:
    raise NotImplementedError
