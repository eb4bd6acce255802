#!/usr/bin/env bash
# The Linux build, from a fresh clone: installs what is missing (makensis, binutils, the venv with
# PyInstaller), then runs build/build.py, which builds dist/kehoach-desktop, starts the frozen
# programs, writes the portable zip and compiles build/installer.nsi with makensis -WX.
#   build/build_linux.sh [build.py options, e.g. --no-timing]
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v makensis >/dev/null || missing+=(nsis)
command -v objdump >/dev/null || missing+=(binutils)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
python3 -c 'import sys; sys.path.insert(0, "scripts"); import _venv; _venv.ensure("build")'
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python build/build.py "$@"
