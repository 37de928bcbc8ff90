// Accessibility fixes for ipywidgets, applied as widgets appear (they render after the page loads).
// - A slider (role="slider") gets its widget's visible label as its accessible name (aria-labelledby).
// - An element with class "ws-status" (an exercise's "Saved" message) is announced politely.
// - A set of radio buttons becomes one radio group named by its label, with a shared input name, so a
//   screen reader hears the question and arrow keys move between the choices (one Tab stop per group).
// - A slider's editable number gets a name too ("Value: <label>").
// - In a rating scale (class "ws-scale"), an option named "0 Not at all" shows "0" in its cell: the anchor
//   words move into a span that only screen readers read (widgets/style.py hides it; the words are printed
//   under the scale), so the radio is still named "0 Not at all".
// - A focused text field stays in sight between the bar at the top and an on-screen keyboard: when the
//   window shrinks (the keyboard opens) or a field takes focus, a field that is cut off is scrolled into
//   view (scroll-padding in workshop.css keeps it below the bar).
// Voila also moves the rendered notebook into a JupyterLab shell appended to <body>, outside every
// landmark; the shell is put back inside <main>, where the skip link points.
(function () {
  "use strict";

  var nextId = 0;

  function ensureId(element) {
    if (!element.id) {
      nextId += 1;
      element.id = "ws-label-" + nextId;
    }
    return element.id;
  }

  function nameSlider(slider) {
    if (slider.hasAttribute("aria-labelledby") || slider.hasAttribute("aria-label")) {
      return;
    }
    var widget = slider.closest(".widget-slider, .widget-hslider, .widget-vslider, .jupyter-widgets");
    if (!widget) {
      return;
    }
    var label = widget.querySelector(".widget-label");
    if (label && label.textContent.trim()) {
      slider.setAttribute("aria-labelledby", ensureId(label));
    }
    // The editable number next to a slider is a second way to set it: it needs a name of its own.
    var readout = widget.querySelector(".widget-readout");
    if (readout && label && !readout.hasAttribute("aria-label")) {
      readout.setAttribute("aria-label", "Value: " + label.textContent.trim());
    }
  }

  function groupRadios(widget) {
    var box = widget.querySelector(".widget-radio-box");
    var label = widget.querySelector(".widget-label");
    if (!box) {
      return;
    }
    if (box.getAttribute("role") !== "radiogroup") {
      box.setAttribute("role", "radiogroup");
    }
    if (label && label.textContent.trim() && !box.hasAttribute("aria-labelledby")) {
      box.setAttribute("aria-labelledby", ensureId(label));
    }
    if (!box.dataset.wsName) {
      nextId += 1;
      box.dataset.wsName = "ws-radio-" + nextId;
    }
    if (widget.classList.contains("ws-scale")) {
      box.querySelectorAll("label").forEach(tuckAnchorWords);
    }
    // Re-rendered options come without a name: give every input the group's name each time.
    box.querySelectorAll("input[type=radio]").forEach(function (input) {
      if (input.name !== box.dataset.wsName) {
        input.name = box.dataset.wsName;
      }
    });
  }

  function tuckAnchorWords(label) {
    if (label.querySelector(".ws-anchor-word")) {
      return;
    }
    var text = label.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) {
      return;
    }
    var space = text.textContent.indexOf(" ");
    if (space < 1) {
      return;
    }
    var words = document.createElement("span");
    words.className = "ws-anchor-word";
    words.textContent = text.textContent.slice(space);
    text.textContent = text.textContent.slice(0, space);
    label.insertBefore(words, text.nextSibling);
  }

  function announceStatus(element) {
    if (element.getAttribute("role") !== "status") {
      element.setAttribute("role", "status");
    }
    if (element.getAttribute("aria-live") !== "polite") {
      element.setAttribute("aria-live", "polite");
    }
  }

  function moveShellIntoMain() {
    var main = document.getElementById("ws-main");
    var shell = document.querySelector("body > .jp-LabShell");
    if (!main || !shell) {
      return;
    }
    main.appendChild(shell);
    // The shell lays its panels out from its own size: let it measure itself again in its new place.
    window.dispatchEvent(new Event("resize"));
  }

  function fix(root) {
    if (!root.querySelectorAll) {
      return;
    }
    if (root.matches && root.matches("[role=slider]")) {
      nameSlider(root);
    }
    if (root.classList && root.classList.contains("ws-status")) {
      announceStatus(root);
    }
    var radios = root.closest && root.closest(".widget-radio");
    if (radios) {
      groupRadios(radios);
    }
    root.querySelectorAll("[role=slider]").forEach(nameSlider);
    root.querySelectorAll(".widget-radio").forEach(groupRadios);
    root.querySelectorAll(".ws-status").forEach(announceStatus);
  }

  var FIELDS = "textarea, input, select, [contenteditable=true]";

  function keepFocusedFieldInView() {
    var field = document.activeElement;
    if (!field || !field.matches || !field.matches(FIELDS) || !field.closest("main")) {
      return;
    }
    var bar = document.querySelector(".ws-bar");
    var top = bar ? bar.getBoundingClientRect().bottom : 0;
    var bottom = window.visualViewport ? window.visualViewport.height : window.innerHeight;
    var box = field.getBoundingClientRect();
    if (box.top < top || box.bottom > bottom) {
      field.scrollIntoView({ block: box.height > bottom - top ? "start" : "nearest" });
    }
  }

  function start() {
    document.addEventListener("focusin", function () {
      window.requestAnimationFrame(keepFocusedFieldInView);
    });
    (window.visualViewport || window).addEventListener("resize", keepFocusedFieldInView);
    moveShellIntoMain();
    fix(document.body);
    new MutationObserver(function (mutations) {
      moveShellIntoMain();
      mutations.forEach(function (mutation) {
        if (mutation.type === "attributes") {
          fix(mutation.target);
        }
        mutation.addedNodes.forEach(fix);
      });
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class", "role"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
