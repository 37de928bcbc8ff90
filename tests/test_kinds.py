"""workshop/kinds/__init__.py: the registry of exercise kinds, each kind's file imported when first needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.kinds import all_kinds, kind_class
from workshop.kinds.checkin import CheckOut

REPO = Path(__file__).resolve().parents[1]


def test_a_module_loads_only_the_kind_files_it_declares() -> None:
    # A fresh interpreter, as a page's kernel is.
    script = (
        "import json, sys\n"
        "from workshop.exercises import find_module\n"
        "module = find_module('reframing')\n"
        "loaded = sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('workshop.kinds.'))\n"
        "print(json.dumps([loaded, sorted({e.kind for e in module})]))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    loaded, declared = json.loads(found.stdout)
    assert "questionnaire" not in loaded and "exposure_ladder" not in loaded  # declared by other modules only
    files = {kind_class(kind).__module__.rsplit(".", 1)[1] for kind in declared}
    assert set(loaded) == files | {"base"}


def test_every_kind_is_found_in_whichever_file_declares_it() -> None:
    kinds = all_kinds()
    assert kind_class("checkout") is CheckOut  # declared in checkin.py
    assert all(kind_class(name) is cls for name, cls in kinds.items())
    assert {"checkin", "thought_record", "practice_log"} <= set(kinds)


def test_an_unknown_kind_is_refused_naming_the_kinds_there_are() -> None:
    with pytest.raises(KeyError) as refused:
        kind_class("essay")
    assert "essay" in str(refused.value)
    assert all(name in str(refused.value) for name in all_kinds())
