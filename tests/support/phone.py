"""Checks for a page at phone size: sideways scrolling, the bar and its help control, touch target sizes,
text-field widths, and fields left in sight when the on-screen keyboard opens.

Each takes a Playwright page (made with the ``phone_page`` fixture) and returns what is wrong, so a test's
assertion message names it; an empty list means the page passed.
"""

from __future__ import annotations

from typing import Any

from support.browser import PHONE

# The bar at the top (title and "Need help now?") is one slim line: 3.25rem at the default 16 px.
BAR_MAX_PX = 56
MIN_TARGET_PX = 24  # WCAG 2.2, 2.5.8
# What a participant taps, other than links inside running text (axe's target-size rule checks their spacing).
TAPPED = (
    "header summary, main input[type=radio], main input[type=checkbox], main button, main select, "
    "main input[type=text], main textarea, main [role=slider], main .widget-readout, .ws-nav a, .ws-banner a, "
    ".ws-modules a"
)
WIDTHS_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || box.left < -1) && !e.closest('.ws-skip-link');
  }).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
  // Boxes that scroll sideways inside themselves (ipywidgets' boxes and JupyterLab's outputs scroll what is
  // too wide for them); a text area wraps its text, a slider's track is sized by its widget.
  const inner = [...document.querySelectorAll('main *')].filter(e => {
    const x = getComputedStyle(e).overflowX;
    return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TEXTAREA';
  }).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} scrolls inside`);
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: [...wide, ...inner].slice(0, 5)};
}"""
SMALL_JS = """([selector, least]) => [...document.querySelectorAll(selector)].filter(e => {
  const box = e.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && (box.width < least || box.height < least);
}).map(e => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 40)}"`
  + ` ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)"""
# Text fields use the width of their exercise (less its padding): none squeezed beside something else.
NARROW_FIELDS_JS = """() => [...document.querySelectorAll('.ws-exercise textarea, .ws-exercise input[type=text]')].filter(f => {
  const box = f.closest('.ws-exercise'), style = getComputedStyle(box);
  const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return f.getBoundingClientRect().width > 0 && f.getBoundingClientRect().width < 0.75 * inner;
}).map(f => `${f.getAttribute('aria-label') || f.closest('.widget-text, .widget-textarea, .widget-combobox')?.querySelector('label')?.textContent}`
  + ` ${Math.round(f.getBoundingClientRect().width)} px`)"""
HELP_IN_REACH_JS = """() => {
  const help = document.querySelector('header summary.ws-help-summary'), box = help.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.top >= 0 && box.bottom <= window.innerHeight && !!hit && help.contains(hit);
}"""
# Where a focused field lands while the on-screen keyboard takes the lower part of the screen.
FIELD_PLACE_JS = """field => {
  const box = field.getBoundingClientRect(), bar = document.querySelector('.ws-bar').getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, barBottom: bar.bottom, height: window.innerHeight};
}"""
FIELD_IN_SIGHT_JS = """field => {
  const box = field.getBoundingClientRect(), bar = document.querySelector('.ws-bar').getBoundingClientRect();
  const room = window.innerHeight - bar.bottom;
  return box.top >= bar.bottom - 1 && box.top + Math.min(box.height, room) <= window.innerHeight + 1;
}"""
KEYBOARD_OPEN = {"width": 390, "height": 450}  # a phone's screen less a typical on-screen keyboard


def help_in_reach(page: Any) -> bool:
    """The "Need help now?" control is on screen and nothing covers it."""
    return bool(page.evaluate(HELP_IN_REACH_JS))


def fields_hidden_by_the_keyboard(page: Any) -> list[str]:
    """Each text field, tapped low on the screen, then the on-screen keyboard opening (the window gets
    shorter): where the field does not end up wholly between the bar and the keyboard."""
    from playwright.sync_api import Error

    hidden = []
    fields = page.locator("main textarea:visible, main input[type=text]:visible")
    for n in range(fields.count()):
        field = fields.nth(n)
        field.evaluate("field => field.scrollIntoView({block: 'end'})")
        field.focus()
        page.set_viewport_size(KEYBOARD_OPEN)
        try:
            page.wait_for_function(FIELD_IN_SIGHT_JS, arg=field.element_handle(), timeout=2_000)
        except Error:
            hidden.append(f"{field.get_attribute('aria-label') or n}: {field.evaluate(FIELD_PLACE_JS)}")
        finally:
            page.set_viewport_size(PHONE)
    return hidden


def sideways(page: Any) -> dict[str, Any]:
    """Page and element widths beyond the window (empty ``wide`` and equal widths: no sideways scrolling)."""
    return dict(page.evaluate(WIDTHS_JS))


def scrolls_sideways(page: Any) -> bool:
    widths = sideways(page)
    return widths["scrollWidth"] > widths["width"] or bool(widths["wide"])


def small_targets(page: Any) -> list[str]:
    """Controls a participant taps that are under 24 x 24 CSS px."""
    return list(page.evaluate(SMALL_JS, [TAPPED, MIN_TARGET_PX]))


def narrow_fields(page: Any) -> list[str]:
    """Text fields in an exercise narrower than three quarters of the exercise's inner width."""
    return list(page.evaluate(NARROW_FIELDS_JS))


def bar_height(page: Any) -> float:
    box = page.locator(".ws-bar").bounding_box()
    assert box is not None, "no .ws-bar on the page"
    return float(box["height"])


# Words of the page's own text (its markdown and the widgets' words) that the layout split across two lines.
# Only ordinary words count: a web address or DOI longer than a phone's line is meant to break.
SPLIT_WORDS_JS = """(longest) => {
  const found = [];
  const areas = document.querySelectorAll('.jp-RenderedHTMLCommon, .widget-html, .widget-label');
  const brokenOverLines = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
  };
  for (const area of areas) {
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const token of node.data.matchAll(/\\S+/gu)) {
        if (token[0].length > longest) continue;  // an address, a DOI: allowed to break
        // A hyphen or a slash may end a line; the letters between them may not.
        for (const word of token[0].matchAll(/[\\p{L}\\p{N}'’]{2,}/gu)) {
          const start = token.index + word.index;
          if (brokenOverLines(node, start, start + word[0].length)) found.push(word[0]);
        }
      }
    }
  }
  return found;
}"""
LONGEST_ORDINARY_WORD = 16


def split_words(page: Any) -> list[str]:
    """Words shown broken over two lines, in text whose space-separated pieces are up to 16 characters (longer
    ones, addresses and DOIs, may break; a hyphen or slash may end a line)."""
    return list(page.evaluate(SPLIT_WORDS_JS, LONGEST_ORDINARY_WORD))
