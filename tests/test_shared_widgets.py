"""widgets/shared.py: shared layout and style models, and widgets opened once built (fewer messages a page)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import comm
import ipywidgets as w
import pytest

import widgets  # noqa: F401  (installs the sharing, as every page does)
from widgets.shared import SharedModelError, opened_when_built

REPO = Path(__file__).resolve().parents[1]


class RecordingComm(comm.base_comm.BaseComm):
    """A comm that keeps what it would send to the page."""

    sent: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    def publish_msg(
        self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any
    ) -> None:
        RecordingComm.sent.append((msg_type, json.loads(json.dumps(data or {}, default=str))))


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    RecordingComm.sent = []
    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: RecordingComm(**kwargs))
    return RecordingComm.sent


def test_widgets_without_a_layout_or_style_share_one_model_each(sent: list) -> None:
    first, second = w.HTML("a"), w.HTML("b")
    assert first.layout is second.layout and first.style is second.style
    wide = {"description_width": "initial"}
    assert w.Textarea(style=wide).style is w.Textarea(style=dict(wide)).style
    assert w.Button(layout={"width": "auto"}).layout is w.Button(layout={"width": "auto"}).layout
    assert w.Button(layout={"width": "auto"}).layout is not first.layout
    own = w.Layout(width="auto")
    assert w.Button(layout=own).layout is own  # a Layout object passed in stays the widget's own
    layouts = [data for kind, data in sent if kind == "comm_open" and data["state"]["_model_name"] == "LayoutModel"]
    assert len(layouts) <= 3  # the empty one and the "auto" one (if not made by an earlier test), and `own`


def test_a_shared_model_cannot_be_changed_but_an_own_one_can(sent: list) -> None:
    html = w.HTML("x")
    with pytest.raises(SharedModelError, match="shared by several widgets"):
        html.layout.display = "none"
    assert html.layout.display is None
    button = w.Button(layout=w.Layout())
    button.layout.display = "none"
    assert button.layout.display == "none" and w.Button().layout.display is None


def test_a_closed_shared_model_is_made_again(sent: list) -> None:
    old = w.HTML("x").layout
    old.close()
    fresh = w.HTML("y").layout
    assert fresh is not old and fresh.comm is not None


def test_widgets_built_together_open_once_with_their_final_state_after_their_parts(sent: list) -> None:
    with opened_when_built():
        label = w.HTML("first")
        label.add_class("ws-status")
        label.value = "restored"
        box = w.VBox([label])
        box.add_class("ws-exercise")
        late = w.HTML("added later")
        box.children = (*box.children, late)  # a part built after its parent
        assert label.comm is None and sent == []
    assert [kind for kind, _ in sent].count("comm_msg") == 0
    opened = [data["state"] for kind, data in sent if kind == "comm_open"]
    names = [state.get("value") or state["_model_name"] for state in opened]
    assert names.index("restored") < names.index("VBoxModel") and names.index("added later") < names.index("VBoxModel")
    label_state = next(state for state in opened if state.get("value") == "restored")
    box_state = next(state for state in opened if state["_model_name"] == "VBoxModel")
    assert label_state["_dom_classes"] == ["ws-status"] and box_state["_dom_classes"] == ["ws-exercise"]
    assert box_state["children"] == [f"IPY_MODEL_{label.model_id}", f"IPY_MODEL_{late.model_id}"]
    # Once open, a change is an update again.
    label.value = "saved"
    assert sent[-1][0] == "comm_msg" and sent[-1][1]["state"] == {"value": "saved"}


def test_a_page_imports_only_the_widget_files_of_the_kinds_it_shows() -> None:
    script = """
import sys
from widgets.page import Page
page = Page("reframing", show_banner=False)
for exercise in page.module:
    page.exercise_widget(exercise.id.split(".", 1)[1])
print(" ".join(sorted(m for m in sys.modules if m.startswith("widgets."))))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    loaded = set(result.stdout.split())
    assert {"widgets.thought_record", "widgets.checkin", "widgets.choice"} <= loaded
    assert not loaded & {"widgets.dashboard", "widgets.charts", "widgets.landing", "widgets.card_sort"}
