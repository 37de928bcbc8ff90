"""The facilitator guide as a static site (`make docs`): it builds with warnings as errors and with no
network, no page loads anything from outside, no link is broken, every handout is linked, the Binder
links open paths that exist, and only the facilitator's terminal points to it."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from workshop import server
from workshop.exercises import modules_dir
from workshop.practice import listed_modules

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "facilitator_guide"
PROGRAM = GUIDE / "program.md"
BINDER = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\"'>]+")
RESOURCE_ATTRIBUTES = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
CSS_OUTSIDE = re.compile(r"(?:url\(\s*['\"]?\s*(?:https?:)?//|@import\s+(?:url\()?\s*['\"]?\s*(?:https?:)?//)", re.I)

# Run in the build's own Python: any connection beyond this machine fails the build.
NO_NETWORK = """
import socket
_connect = socket.socket.connect
def _local_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (host.startswith("127.") or host in ("::1", "localhost")) and "/" not in host:
        raise OSError(f"the guide build tried to reach {address!r}: nothing may be fetched")
    return _connect(self, address)
socket.socket.connect = _local_only
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guide")
    hook = tmp_path_factory.mktemp("no-network")
    (hook / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = {"PYTHONPATH": str(hook), "PATH": "/usr/bin:/bin", "HOME": str(out)}
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(GUIDE), str(out / "html")],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    assert done.returncode == 0, f"the guide did not build cleanly (warnings are errors):\n{done.stderr[-4000:]}"
    return out / "html"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@functools.cache
def soup(page: Path) -> BeautifulSoup:
    """A built page, parsed once for all the tests that read it (html.parser takes about 0.1 s a page);
    the tests only read what they get."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_the_site_has_navigation_search_and_every_guide_page(site: Path) -> None:
    built = {p.relative_to(site).as_posix() for p in pages(site)}
    for page in ("index.html", "search.html", "program.html", "safety.html", "reviewing.html", "authoring.html"):
        assert page in built
    assert "references.html" in built and "handouts.html" in built and "group_agreements.html" in built
    for plan in sorted((GUIDE / "modules").glob("*.md")):
        assert f"modules/{plan.stem}.html" in built, f"{plan.name} is not in the site"
    assert (site / "searchindex.js").is_file()
    navigation = soup(site / "index.html").select(".sidebar-tree a[href]")
    linked = {a["href"].split("#")[0] for a in navigation}
    assert {"program.html", "safety.html", "modules/01_triggers.html"} <= linked


def test_no_page_loads_anything_from_outside(site: Path) -> None:
    problems = []
    for page in pages(site):
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup(page).find_all(tag):
                value = element.get(attribute) or ""
                if value and EXTERNAL.match(value) and not value.startswith("data:"):
                    problems.append(f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>")
    for sheet in site.rglob("*.css"):
        if CSS_OUTSIDE.search(sheet.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{sheet.relative_to(site)} loads a style or font from outside")
    assert not problems, "the site must work offline:\n" + "\n".join(problems)


def ids_in(page: Path) -> set[str]:
    document = soup(page)
    return {e["id"] for e in document.find_all(id=True)} | {
        e["name"] for e in document.find_all("a", attrs={"name": True})
    }


def test_no_link_is_broken(site: Path) -> None:
    anchors: dict[Path, set[str]] = {}
    broken, external = [], 0
    for page in pages(site):
        for element in soup(page).find_all(["a", "link"], href=True):
            href = element["href"]
            if EXTERNAL.match(href):
                external += 1  # not checked: no network here (the Binder links are checked below)
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / unquote(path.split("?")[0])).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in anchors:  # (setdefault would parse the page again for every link to it)
                    anchors[target] = ids_in(target)
                if fragment not in anchors[target]:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert external > 0  # the check saw the outside links it leaves alone


def test_every_handout_is_in_the_site_and_linked(site: Path) -> None:
    made = {p.relative_to(site).as_posix() for p in (site / "handouts").rglob("*.pdf")}
    assert made, "the build made no handouts"
    linked = {a["href"] for a in soup(site / "handouts.html").find_all("a", href=True) if a["href"].endswith(".pdf")}
    assert linked == made
    for module in listed_modules():
        assert f"handouts/a4/{module.folder}-summary.pdf" in made


def binder_links(text: str) -> list[str]:
    return BINDER.findall(text)


def binder_path(link: str) -> str:
    url = urlparse(link.replace("&amp;", "&"))
    urlpath = parse_qs(url.query)["urlpath"][0]
    assert urlpath.startswith("voila/render/"), f"{link}: not a Voila page"
    return urlpath.removeprefix("voila/render/")


def test_every_binder_link_opens_a_path_that_exists() -> None:
    sources = [REPO / "README.md", *sorted(GUIDE.rglob("*.md"))]
    links = [(source, link) for source in sources for link in binder_links(source.read_text(encoding="utf-8"))]
    assert links
    for source, link in links:
        path = binder_path(link)
        assert (REPO / path).is_file(), f"{source.relative_to(REPO)}: {link} opens {path}, which does not exist"
    readme = [binder_path(link) for link in binder_links((REPO / "README.md").read_text(encoding="utf-8"))]
    assert "modules/index.ipynb" in readme, "the README's badge must open the start page"


def test_the_guide_has_a_binder_link_for_every_module() -> None:
    opened = {binder_path(link) for link in binder_links(PROGRAM.read_text(encoding="utf-8"))}
    for module in listed_modules():
        assert f"modules/{module.notebook}" in opened, f"program.md has no Binder link for {module.key}"
    assert "modules/index.ipynb" in opened


def test_binder_path_check_can_fail() -> None:
    assert binder_path("https://mybinder.org/v2/gh/o/r/main?urlpath=voila/render/modules/x.ipynb") == "modules/x.ipynb"
    assert not (
        REPO / binder_path("https://mybinder.org/v2/gh/o/r/main?urlpath=voila/render/modules/nope.ipynb")
    ).exists()


def test_only_the_facilitators_terminal_points_to_the_guide(tmp_path: Path) -> None:
    index = tmp_path / "guide" / "index.html"
    assert "make docs" in server.guide_note(index)
    index.parent.mkdir()
    index.write_text("<html></html>", encoding="utf-8")
    assert index.as_uri() in server.guide_note(index)
    # The server serves the modules folder only; the built guide is outside it.
    assert modules_dir() not in server.GUIDE_INDEX.parents
    participant_side = [
        *modules_dir().rglob("*.ipynb"),
        *(REPO / "widgets").glob("*.py"),
        *(REPO / "workshop" / "web").rglob("*"),
    ]
    for path in participant_side:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "build/guide" not in text and "facilitator_guide" not in text, (
                f"{path} points participants to the guide"
            )


@pytest.mark.browser
def test_the_site_works_offline_in_a_browser(site: Path, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto((site / "index.html").as_uri())
        assert page.get_by_role("link", name="The program: eight meetings, or six").first.is_visible()
        page.goto((site / "search.html").as_uri() + "?q=ladder")
        page.locator("#search-results li, ul.search li").first.wait_for(timeout=15_000)
        results = page.locator("#search-results li, ul.search li").all_inner_texts()
        assert any("Desensitization" in r for r in results), results
        page.goto((site / "program.html").as_uri())
        from support.browser import screenshot

        screenshot(page, "guide-program", full_page=False)
    finally:
        context.close()
    outside = [url for url in requested if not url.startswith(("file:", "data:", "blob:"))]
    assert not outside, f"the site fetched from outside: {outside}"
