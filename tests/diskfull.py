"""Run commands against a database on a really full disk: a tiny tmpfs in a private mount namespace.

The tests call :func:`on_tiny_disks`; it starts this file as a script under ``unshare`` (as root:
a new mount namespace; otherwise also a user namespace mapping the user to root), so the tmpfs is
seen only by the commands run here and disappears with them, whatever happens to the test.

Inside, :func:`_drive` mounts each disk, copies the files in, fills each disk until only the
asked number of bytes is left, runs the steps and prints one JSON object: for each step its exit
code, stdout and stderr, then the SHA-256 and listing of every disk.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FILLER = ".filler"


@dataclass
class Disk:
    path: Path
    size_kb: int
    free_kb: int  # what is left after filling; 0 = full to the last byte


def unshare_command() -> list[str] | None:
    """The ``unshare`` prefix that gives a private mount namespace here, or None if there is none."""
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        return None
    base = [unshare, "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        base.insert(1, "--map-root-user")
    probe = subprocess.run([*base, "true"], capture_output=True)
    return base if probe.returncode == 0 else None


def on_tiny_disks(disks: list[Disk], copies: list[tuple[Path, Path]], steps: list[dict],
                  timeout: float = 240) -> dict:
    """Run ``steps`` (each ``{"argv": [...]}`` or ``{"free": "DISK PATH"}``) with ``disks`` mounted."""
    prefix = unshare_command()
    assert prefix is not None, "no private mount namespace (unshare) on this machine"
    spec = {"disks": [[str(d.path), d.size_kb, d.free_kb] for d in disks],
            "copies": [[str(a), str(b)] for a, b in copies], "steps": steps}
    result = subprocess.run([*prefix, sys.executable, __file__, json.dumps(spec)], capture_output=True,
                            text=True, encoding="utf-8", timeout=timeout)
    assert result.returncode == 0, f"the full-disk driver failed: {result.stderr[-2000:]}"
    return json.loads(result.stdout)


def _fill(folder: Path, leave: int) -> None:
    """Write a filler file until only ``leave`` bytes are free (0: until the disk refuses a byte)."""
    with (folder / FILLER).open("wb", buffering=0) as fh:
        chunk = b"\0" * 4096
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave:
                break
            try:
                fh.write(chunk[: max(1, min(len(chunk), free - leave))])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break


def _listing(folder: Path) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != FILLER:
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _drive(spec: dict) -> dict:
    disks = [Path(p) for p, _, _ in spec["disks"]]
    for folder, size_kb, _ in spec["disks"]:
        Path(folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", folder], check=True)
    for src, dst in spec["copies"]:
        shutil.copyfile(src, dst)
    for folder, _, free_kb in spec["disks"]:
        _fill(Path(folder), free_kb * 1024)
    results = []
    for step in spec["steps"]:
        if "free" in step:
            with contextlib.suppress(FileNotFoundError):
                (Path(step["free"]) / FILLER).unlink()
            results.append({"freed": step["free"]})
            continue
        done = subprocess.run(step["argv"], capture_output=True, text=True, encoding="utf-8", timeout=120)
        results.append({"argv": step["argv"], "rc": done.returncode, "stdout": done.stdout,
                        "stderr": done.stderr})
    return {"steps": results, "files": {str(d): _listing(d) for d in disks}}


if __name__ == "__main__":
    print(json.dumps(_drive(json.loads(sys.argv[1])), ensure_ascii=False))
