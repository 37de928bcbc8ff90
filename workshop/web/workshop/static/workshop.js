// Accessibility fixes for ipywidgets, applied as widgets appear (they render after the page loads).
// - A slider (role="slider") gets its widget's visible label as its accessible name (aria-labelledby).
// - An element with class "ws-status" (an exercise's "Saved" message) is announced politely.
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
    // The readout next to a slider shows the value; screen readers get it from aria-valuenow.
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
    root.querySelectorAll("[role=slider]").forEach(nameSlider);
    root.querySelectorAll(".ws-status").forEach(announceStatus);
  }

  function start() {
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
