"""Frozen entry point of the console program ``kehoach`` (PyInstaller needs a script, not a function)."""

import sys

from kehoach_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
