"""workshop/voila_handlers.py: what both ways of serving Voila share (the page handlers are exercised by every
browser test; here, the compiled-template cache on its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import jinja2
import nbformat
import pytest
import voila.notebook_renderer
from support.own_loop import run_on_own_loop
from voila.exporter import VoilaExporter

from workshop import voila_handlers
from workshop.voila_handlers import (
    CompiledTemplates,
    RenderedMarkdown,
    TemplateCachingVoilaExporter,
    replace_voila_handlers,
)


class CountingEnvironment(jinja2.Environment):
    compiled: ClassVar[list[str]] = []

    def compile(self, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        CountingEnvironment.compiled.append(str(name))
        return super().compile(source, name, *args, **kwargs)


def environment(folder: Path, cache: CompiledTemplates) -> jinja2.Environment:
    """A new environment for each page, as Voila makes one per request."""
    return CountingEnvironment(loader=jinja2.FileSystemLoader(folder), enable_async=True, bytecode_cache=cache)


def render(env: jinja2.Environment, name: str) -> str:
    # An async environment, as Voila's: awaited on a loop of its own (a browser test may hold this thread's).
    return run_on_own_loop(env.get_template(name).render_async(who="<you>"))


def test_a_template_is_compiled_once_across_environments_and_again_when_it_changes(tmp_path: Path) -> None:
    (tmp_path / "base.j2").write_text("<main>{% block body %}{% endblock %}</main>", encoding="utf-8")
    (tmp_path / "page.j2").write_text("{% extends 'base.j2' %}{% block body %}Hello {{ who | e }}{% endblock %}")
    cache = CompiledTemplates()
    CountingEnvironment.compiled = []

    assert render(environment(tmp_path, cache), "page.j2") == "<main>Hello &lt;you&gt;</main>"
    assert sorted(CountingEnvironment.compiled) == ["base.j2", "page.j2"]

    CountingEnvironment.compiled = []
    assert render(environment(tmp_path, cache), "page.j2") == "<main>Hello &lt;you&gt;</main>"
    assert CountingEnvironment.compiled == [], "the second page compiled its templates again"

    (tmp_path / "page.j2").write_text("{% extends 'base.j2' %}{% block body %}Hi {{ who | e }}{% endblock %}")
    assert render(environment(tmp_path, cache), "page.j2") == "<main>Hi &lt;you&gt;</main>"
    assert CountingEnvironment.compiled == ["page.j2"], "an edited template is compiled afresh, the rest reused"


def test_a_plain_environment_never_reads_code_compiled_for_voilas_async_one(tmp_path: Path) -> None:
    (tmp_path / "page.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    cache = CompiledTemplates()
    key = cache.get_cache_key("page.j2", str(tmp_path / "page.j2"))
    assert key != jinja2.BytecodeCache().get_cache_key("page.j2", str(tmp_path / "page.j2"))


def test_voilas_renderer_uses_the_caching_exporter_once_the_handlers_are_replaced() -> None:
    original = voila.notebook_renderer.VoilaExporter
    try:
        voila.notebook_renderer.VoilaExporter = VoilaExporter
        replace_voila_handlers([])
        assert voila.notebook_renderer.VoilaExporter is TemplateCachingVoilaExporter
        exporter = TemplateCachingVoilaExporter(template_name="lab")
        assert isinstance(exporter.environment.bytecode_cache, CompiledTemplates)
        assert exporter.environment.is_async
    finally:
        voila.notebook_renderer.VoilaExporter = original


def preprocessed(exporter: VoilaExporter, monkeypatch: Any) -> int:
    """How many times ``exporter`` checks a two-cell notebook while preprocessing it."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hi"), nbformat.v4.new_code_cell("1")])
    checks = []
    real_validate = nbformat.validate

    def counting_validate(*args: Any, **kwargs: Any) -> Any:
        checks.append(1)
        return real_validate(*args, **kwargs)

    monkeypatch.setattr(nbformat, "validate", counting_validate)
    exporter._preprocess(notebook, exporter._init_resources({"config_dir": "."}))
    return len(checks)


def test_the_exporter_checks_the_notebook_once_after_its_preprocessors_not_after_each(monkeypatch: Any) -> None:
    assert preprocessed(VoilaExporter(template_name="lab"), monkeypatch) > 5  # Voila's own: once per preprocessor
    assert preprocessed(TemplateCachingVoilaExporter(template_name="lab"), monkeypatch) == 1


def test_a_notebook_broken_by_a_preprocessor_is_still_refused() -> None:
    def breaks(notebook: Any, resources: Any) -> Any:
        notebook.cells[0]["cell_type"] = "not a cell type"
        return notebook, resources

    exporter = TemplateCachingVoilaExporter(template_name="lab")
    exporter.register_preprocessor(breaks, enabled=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    with pytest.raises(nbformat.ValidationError):
        exporter._preprocess(notebook, exporter._init_resources({"config_dir": "."}))


# --- markdown cells rendered once ------------------------------------------------------------------


@pytest.fixture
def renders(monkeypatch: Any, tmp_path: Path) -> list[str]:
    """Voila's own markdown rendering, counted, under a fresh cache; files are served from ``tmp_path``."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    monkeypatch.setattr(voila_handlers, "RENDERED_MARKDOWN", RenderedMarkdown(limit=3))
    rendered: list[str] = []
    real = VoilaExporter.markdown2html

    def counting(self: VoilaExporter, context: Any, source: str) -> Any:
        rendered.append(source)
        return real(self, context, source)

    monkeypatch.setattr(VoilaExporter, "markdown2html", counting)
    monkeypatch.setattr(
        TemplateCachingVoilaExporter, "contents_manager", FileContentsManager(root_dir=str(tmp_path)), raising=False
    )
    return rendered


def markdown(exporter: VoilaExporter, source: str, **cell: Any) -> str:
    return str(exporter.markdown2html({"cell": nbformat.v4.new_markdown_cell(source, **cell)}, source))


def test_a_markdown_cell_is_rendered_once_and_shown_as_voila_renders_it(renders: list[str]) -> None:
    text = "## Check-in\n\nTake a *moment*, then [go on](next.ipynb).\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    first = markdown(TemplateCachingVoilaExporter(template_name="lab"), text)
    again = markdown(TemplateCachingVoilaExporter(template_name="lab"), text)  # another visit, another exporter
    assert renders == [text]
    assert first == again
    assert "<em>moment</em>" in first and "<table>" in first
    assert markdown(TemplateCachingVoilaExporter(template_name="lab", anchor_link_text="#"), text) != first
    assert renders == [text, text]  # other settings, rendered for them


def test_the_page_template_renders_markdown_cells_through_the_cache(renders: list[str]) -> None:
    exporter = TemplateCachingVoilaExporter(template_name="lab")
    template = exporter.environment.from_string("{{ cell.source | markdown2html }}")
    cell = nbformat.v4.new_markdown_cell("Take a *moment*.")
    pages = [run_on_own_loop(template.render_async(cell=cell)) for _ in range(2)]
    assert pages[0] == pages[1] and "<em>moment</em>" in pages[0]
    assert renders == [cell.source]


def test_markdown_that_shows_an_image_file_is_rendered_on_every_visit(renders: list[str], tmp_path: Path) -> None:
    exporter = TemplateCachingVoilaExporter(template_name="lab")
    (tmp_path / "picture.png").write_bytes(b"first")
    first = markdown(exporter, "![A picture](picture.png)")
    (tmp_path / "picture.png").write_bytes(b"second")
    second = markdown(exporter, "![A picture](picture.png)")
    assert len(renders) == 2
    assert first != second  # the file's new content, inlined


def test_a_cell_with_attachments_is_rendered_on_every_visit(renders: list[str]) -> None:
    exporter = TemplateCachingVoilaExporter(template_name="lab")
    attachments = {"dot.png": {"image/png": "iVBORw0KGgo="}}
    for _ in range(2):
        markdown(exporter, "A dot: ![dot](attachment:dot.png)", attachments=attachments)
    assert len(renders) == 2


def test_the_oldest_rendered_cells_go_first_beyond_the_limit(renders: list[str]) -> None:
    exporter = TemplateCachingVoilaExporter(template_name="lab")
    for text in ("one", "two", "three", "four", "one", "four"):
        markdown(exporter, text)
    assert renders == ["one", "two", "three", "four", "one"]  # "one" had gone to make room for "four"
