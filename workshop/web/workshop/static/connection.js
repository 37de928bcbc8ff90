// Say at once when answers can no longer be saved. Every answer travels to the kernel over its websocket;
// when that socket closes (the server stopped, the network dropped, the kernel was shut down) the
// kernel can no longer save, and a "Saved" already on screen would be a promise the page cannot keep.
// So every exercise's status changes to words that say so (read out by screen readers: the statuses are
// live regions), and a notice at the top of the page says what to do. This script runs in <head>,
// before Voila opens any socket, so that it sees them all.
(function () {
  "use strict";

  var LOST = "Not saved: the connection was lost. Copy your text, then reload the page.";
  var NativeWebSocket = window.WebSocket;
  var lost = false;
  var leaving = false;

  window.addEventListener("beforeunload", function () {
    leaving = true; // closing sockets on purpose: not a lost connection
  });

  function markStatuses() {
    document.querySelectorAll(".ws-exercise").forEach(function (exercise) {
      var statuses = exercise.querySelectorAll(".ws-status");
      var status = statuses[statuses.length - 1]; // the exercise's own status line is its last one
      if (status && status.textContent !== LOST) {
        status.textContent = LOST;
      }
    });
  }

  function connectionLost() {
    if (lost || leaving) {
      return;
    }
    lost = true;
    document.body.classList.add("ws-connection-lost");
    var notice = document.createElement("div");
    notice.className = "ws-connection-notice";
    notice.setAttribute("role", "alert");
    notice.textContent = LOST;
    var main = document.getElementById("ws-main");
    (main || document.body).insertBefore(notice, (main || document.body).firstChild);
    markStatuses();
    // A widget that re-renders later must not show "Saved" again for text the kernel never received.
    new MutationObserver(markStatuses).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function TrackedWebSocket(url, protocols) {
    var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    if (/\/api\/kernels\//.test(String(url))) {
      socket.addEventListener("close", connectionLost);
    }
    return socket;
  }
  TrackedWebSocket.prototype = NativeWebSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    TrackedWebSocket[name] = NativeWebSocket[name];
  });
  window.WebSocket = TrackedWebSocket;
})();
