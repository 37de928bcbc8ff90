"""Voila's request handlers as the workshop needs them, for `workshop serve` and for the Jupyter server extension.

Both serve Voila with the same fixes (see ``replace_voila_handlers``): the page sets Jupyter's _xsrf
cookie, participants' pages load no MathJax, /voila/files needs the token (or the hub's login) like
every other page, and page templates are compiled and markdown cells rendered once per process
(``CompiledTemplates``, ``RenderedMarkdown``).
``ContentSecurityPolicyTransform`` puts the workshop's policy on every response of a tornado application.
Importing this module imports Voila and Jupyter Server: the CLI imports it lazily.
"""

from __future__ import annotations

from typing import Any

import jinja2
import traitlets
import voila.notebook_renderer
from jupyter_server.base.handlers import JupyterHandler
from tornado import httputil, web
from voila.exporter import VoilaExporter
from voila.static_file_handler import AllowListFileHandler
from voila.tornado.handler import TornadoVoilaHandler

from workshop.content_policy import CONTENT_SECURITY_POLICY


def page_config_without_mathjax(page_config: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Voila's page config with MathJax off. Under a Jupyter server, jupyter-server-mathjax gives Voila a
    MathJax URL and the page loads it: the workshop has no formulas, and MathJax's font probe breaks the
    Content-Security-Policy. `workshop serve` gives no URL, so this changes nothing there."""
    return {**page_config, "fullMathjaxUrl": None, "mathjaxConfig": None}


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled page templates, kept in memory for the life of the server process.

    Voila makes a new exporter, so a new Jinja environment, for every page request, and so compiled its
    page templates (index.html.j2 and everything it extends) again on every visit: the largest part of the
    server's CPU for a page (py-spy, `make bench`). Jinja's bytecode cache is its own answer to that; a
    template whose source changed has another checksum and is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Voila's environments are async (their code differs from a plain environment's): say so in the key.
        return super().get_cache_key(name, filename) + ":voila-async"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


class RenderedMarkdown:
    """Markdown cells rendered to HTML, kept for the life of the server process.

    Voila renders every markdown cell of a page on every visit, between running one code cell and the next,
    so the page's kernel waits for it (module 4: 24 cells, about 10 ms). A cell's HTML depends only on its
    text and the renderer's settings, except where it inlines an image file (which may change): HTML with an
    image in it is never kept. The oldest entries go first beyond ``limit``."""

    def __init__(self, limit: int = 2048) -> None:
        self.limit = limit
        self._html: dict[tuple[Any, ...], str] = {}

    def get(self, key: tuple[Any, ...]) -> str | None:
        return self._html.get(key)

    def keep(self, key: tuple[Any, ...], html: str) -> None:
        if "<img" in html:
            return
        if len(self._html) >= self.limit:
            del self._html[next(iter(self._html))]
        self._html[key] = html


RENDERED_MARKDOWN = RenderedMarkdown()


class TemplateCachingVoilaExporter(VoilaExporter):
    """Voila's exporter, its Jinja environment using ``COMPILED_TEMPLATES``, markdown cells rendered once per
    process (``RENDERED_MARKDOWN``), and the notebook checked once after nbconvert's preprocessors rather than
    after each of them (twelve, most of them off in Voila: about 7 ms on a module page, before its kernel
    starts; an invalid result still raises)."""

    @traitlets.default("optimistic_validation")
    def _validate_once(self) -> bool:
        return True

    @property
    def environment(self) -> jinja2.Environment:
        environment = super().environment
        environment.bytecode_cache = COMPILED_TEMPLATES
        return environment

    @jinja2.pass_context  # as Voila's: the template's filter gets the cell from the context
    def markdown2html(self, context: Any, source: str) -> str:
        if context["cell"].get("attachments"):  # a cell's own images: render it afresh, as Voila does
            return str(super().markdown2html(context, source))
        key = (source, self.markdown_renderer_class, self.anchor_link_text)
        html = RENDERED_MARKDOWN.get(key)
        if html is None:
            html = str(super().markdown2html(context, source))
            RENDERED_MARKDOWN.keep(key, html)
        return html


def reuse_compiled_templates() -> None:
    """Make Voila's page renderer use ``TemplateCachingVoilaExporter`` (it names its exporter class in its
    own module, with no setting for it)."""
    voila.notebook_renderer.VoilaExporter = TemplateCachingVoilaExporter


class XsrfCookieVoilaHandler(TornadoVoilaHandler):
    """Voila's notebook page, with two fixes.

    Voila's page never sets the _xsrf cookie, yet its beforeunload beacon to /voila/api/shutdown sends that
    cookie's value; without it every page leave is a 403 and the kernel lingers until culled. And MathJax
    stays off (``page_config_without_mathjax``), after any page-config hook the deployment configured."""

    def initialize(self, **kwargs: Any) -> None:
        super().initialize(**kwargs)
        configured_hook = self.page_config_hook

        def hook(page_config: dict[str, Any], **hook_kwargs: Any) -> dict[str, Any]:
            if configured_hook is not None:
                page_config = configured_hook(page_config, **hook_kwargs)
            return page_config_without_mathjax(page_config)

        self.page_config_hook = hook

    async def get(self, path: str | None = None) -> Any:
        self.xsrf_token  # noqa: B018 - reading the property is what sets the cookie
        return await super().get(path)


class AuthenticatedAllowListFileHandler(JupyterHandler, AllowListFileHandler):
    """Voila's /voila/files handler does not check the token (or the hub's login); this one does."""

    @web.authenticated
    def get(self, path: str, include_body: bool = True) -> Any:
        return AllowListFileHandler.get(self, path, include_body)

    @web.authenticated
    def head(self, path: str) -> Any:
        return AllowListFileHandler.head(self, path)


# Voila's handler class -> the workshop's, wherever Voila's routes are made.
VOILA_HANDLER_REPLACEMENTS: dict[type, type] = {
    TornadoVoilaHandler: XsrfCookieVoilaHandler,
    AllowListFileHandler: AuthenticatedAllowListFileHandler,
}


def replace_voila_handlers(handlers: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Voila's route list with the workshop's handlers swapped in (``VOILA_HANDLER_REPLACEMENTS``)."""
    reuse_compiled_templates()
    return [
        (handler[0], VOILA_HANDLER_REPLACEMENTS.get(handler[1], handler[1]), *handler[2:])
        if len(handler) > 1
        else handler
        for handler in handlers
    ]


class ContentSecurityPolicyTransform(web.OutputTransform):
    """The workshop's Content-Security-Policy on every response of the application, whatever handler made
    it: Jupyter's pages, Voila's static files, redirects and error pages alike."""

    def transform_first_chunk(
        self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes, finishing: bool
    ) -> tuple[int, httputil.HTTPHeaders, bytes]:
        headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return status_code, headers, chunk
