"""Dragging tasks in the tree with the mouse, as a user does.

Qt's offscreen platform (used by the other UI tests) ends every drag at once, so
these drags run in a process of their own on Qt's ``minimal`` platform, where Qt's
own drag loop runs and follows the mouse (tests/ui/drag_with_mouse.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kehoach_desktop.services import Store
from tests.conftest import load_fixture

SCRIPT = Path(__file__).with_name("drag_with_mouse.py")


def test_dragging_tasks_with_the_mouse(tmp_path):
    db = tmp_path / "kehoach.sqlite"
    with Store.open(db) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "", "signers": []})
        plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
        titles = [t.title for t in store.plans.load(plan_id).sections[1].tasks]
    env = dict(os.environ, QT_QPA_PLATFORM="minimal", KEHOACH_DATA_DIR=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, str(SCRIPT), str(db), str(plan_id)], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    steps = {s["step"]: s["tasks"] for s in map(json.loads, result.stdout.splitlines())}

    onto = steps["onto"]  # task 3 dropped onto task 1 becomes its sub-task a); the rest renumber
    assert [n for n, _, _ in onto] == ["1", "2", "3", "4", "5", "6"]
    assert onto[0][1] == titles[0] and onto[0][2] == [titles[2]]
    assert [t for _, t, _ in steps["undone"]] == titles  # Ctrl+Z puts it back
    above = steps["above"]  # dropped on task 1's top edge: placed before it
    assert [t for _, t, _ in above] == [titles[2], titles[0], titles[1], *titles[3:]]
    assert [n for n, _, _ in above] == ["1", "2", "3", "4", "5", "6", "7"]
