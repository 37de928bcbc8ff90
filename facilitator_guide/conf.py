"""Sphinx configuration of the facilitator guide site (`make docs`; CI builds it with warnings as errors).

Sphinx with MyST reads the guide's Markdown as it is; the Furo theme ships its own styles and scripts and
uses the system's fonts, so the site works offline: nothing is fetched when it is built or viewed
(tests/test_docs.py checks the built pages for any outside resource and any broken link). The handouts are
made into the site by `workshop handouts` (see _ext/workshop_guide.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "Rejection Resilience Workshop: facilitator guide"
author = "The Rejection Resilience Workshop"
copyright = "the Rejection Resilience Workshop, MIT licence"
root_doc = "index"
extensions = ["myst_parser", "workshop_guide"]
source_suffix = {".md": "markdown"}
# README.md is the guide's front page on a code host; index.md includes it for the site.
exclude_patterns = ["README.md", "_build", "_ext", "**/.ipynb_checkpoints"]

myst_heading_anchors = 3  # "#a-90-minute-group-session" links, as on a code host
myst_enable_extensions = ["tasklist"]  # the fidelity checklists' "- [ ]"

html_theme = "furo"
html_title = "Facilitator guide"
html_short_title = "Facilitator guide"
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_permalinks = True
html_theme_options = {"navigation_with_keys": True}
language = "en"
