"""Folders the workshop reads that live beside the package in a checkout and inside it in a wheel.

A development checkout (``pip install -e .``, what the Makefile and Binder use) reads the repository's own
``modules/``, ``dashboard/`` and ``facilitator_guide/`` folders, where authors edit. A wheel
(``pip install .``) carries copies of them inside the package, under ``workshop/_bundled/``
(pyproject.toml: ``[tool.hatch.build.targets.wheel.sources]``), found here with importlib.resources.
"""

from __future__ import annotations

from importlib import resources as package_files
from pathlib import Path

BUNDLED = "_bundled"
REPOSITORY = Path(__file__).resolve().parent.parent


def bundled_folder(name: str) -> Path:
    """``name`` as the installed package carries it, else the repository's folder of that name.

    The path may not exist (a broken install); callers say so, naming it."""
    shipped = package_files.files("workshop") / BUNDLED / name
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped.resolve()
    return REPOSITORY / name
