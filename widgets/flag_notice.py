"""Who learns of a safety flag, and when, in words that are true for the mode this page runs in."""

from __future__ import annotations

import ipywidgets as w

from workshop import config
from workshop.safety import who_sees_flags
from workshop.text import html_literal


class FlagNotice(w.HTML):
    def __init__(self, **kwargs: object) -> None:
        mode = config.deployment()
        text = who_sees_flags(group=mode == config.GROUP, binder=mode == config.BINDER, hub=mode == config.HUB)
        super().__init__(value=f"<p><strong>Who is told.</strong> {html_literal(text)}</p>", **kwargs)
        self.add_class("ws-flag-notice")
