"""A mistyped module.toml is that module's problem only: its page says so (with the help control), every
other page serves, and the commands print the message, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from support.server import Server, run_workshop_server, workshop_command

from workshop.errors import WorkshopError
from workshop.exercises import ExerciseDeclarationError, load_module, loadable_modules, module_index

REPO = Path(__file__).resolve().parent.parent


def page_notebook(key: str, names: list[str]) -> dict:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": f"# Module {key}"}]
    sources = [
        f'from widgets.page import Page\npage = Page("{key}")',
        *(f'page.show("{n}")' for n in names),
        "page.nav()",
    ]
    cells += [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s} for s in sources
    ]
    kernel = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    return {"cells": cells, "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5}


@pytest.fixture
def modules_root(tmp_path: Path) -> Path:
    root = tmp_path / "modules"
    root.mkdir()
    shutil.copy(REPO / "modules" / "index.ipynb", root / "index.ipynb")
    for folder, key, field in (("01_fine", "fine", "prompt"), ("02_broken", "broken", "promt")):
        (root / folder).mkdir()
        (root / folder / "module.toml").write_text(
            f'key = "{key}"\ntitle = "Module {key}"\norder = {folder[1]}\n\n'
            f'[[exercises]]\nid = "note"\nkind = "reflection"\n{field} = "What would you like to remember?"\n',
            encoding="utf-8",
        )
        (root / folder / f"{key}.ipynb").write_text(json.dumps(page_notebook(key, ["note"])), encoding="utf-8")
    return root


def test_the_error_names_the_file_the_exercise_and_the_field(modules_root: Path) -> None:
    with pytest.raises(ExerciseDeclarationError) as caught:
        load_module(modules_root / "02_broken")
    message = str(caught.value)
    assert "02_broken/module.toml" in message and "'note'" in message and "'promt'" in message
    assert isinstance(caught.value, WorkshopError)
    infos, problems = module_index(modules_root)
    assert [m.key for m in infos] == ["fine", "broken"] and problems == []  # still listed: its page explains
    loaded, problems = loadable_modules(modules_root)
    assert [m.key for m in loaded] == ["fine"] and "promt" in problems[0]


def test_review_build_prints_the_message_and_no_traceback(modules_root: Path, tmp_path: Path) -> None:
    env = Server(data_dir=tmp_path / "data", modules_dir=modules_root).environment()
    result = subprocess.run(
        [*workshop_command(), "review", "build"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert result.stderr.startswith("workshop: ") and "promt" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.browser
def test_the_broken_page_explains_itself_and_every_other_page_serves(modules_root: Path, tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    with run_workshop_server(tmp_path / "data", modules_dir=modules_root) as server:
        page.goto(server.page_url("/voila/render/02_broken/broken.ipynb"), wait_until="commit")
        expect(page.get_by_text("This module cannot be shown right now")).to_be_visible(timeout=120_000)
        expect(page.get_by_text("promt", exact=False)).to_be_visible()
        expect(page.locator(".ws-help summary")).to_be_visible()  # the help control is there too
        page.goto(server.page_url("/voila/render/01_fine/fine.ipynb"), wait_until="commit")
        expect(page.get_by_role("textbox", name="What would you like to remember?")).to_be_visible(timeout=120_000)
        page.goto(server.page_url("/voila/render/index.ipynb"), wait_until="commit")
        expect(page.get_by_role("link", name="Module broken", exact=False)).to_be_visible(timeout=120_000)
        log = server.log_text()
    assert "promt" in log and "Traceback" not in log
