"""Where the curriculum, the dashboard's pages and the guide's agreements are read from: the repository's
folders in a checkout, the package's own copies when installed from a wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop import locations

REPO = Path(__file__).resolve().parents[1]


def test_a_checkout_reads_the_repository_folders_where_authors_edit() -> None:
    for name in ("modules", "dashboard", "facilitator_guide"):
        assert locations.bundled_folder(name) == REPO / name


def test_an_installed_package_reads_its_own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "workshop"
    (package / locations.BUNDLED / "modules").mkdir(parents=True)
    monkeypatch.setattr(locations.package_files, "files", lambda name: package)
    assert locations.bundled_folder("modules") == package / locations.BUNDLED / "modules"
    # Something the wheel does not carry is looked for beside the package (and its absence then reported).
    assert locations.bundled_folder("dashboard") == locations.REPOSITORY / "dashboard"
