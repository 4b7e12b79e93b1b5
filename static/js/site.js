/* Progressive enhancement only: every page works without this file.
 *
 * Quick exit ("Snel weg"): a click on the button, or pressing Shift three times on its own (each press within five
 * seconds of the last; any other key, Shift+letter included, starts the count again), hides the page at once and
 * leaves for a neutral website with location.replace, so the Back button does not return here. Screen readers hear
 * how many presses are left.
 */
(function () {
  "use strict";

  document.documentElement.classList.remove("no-js");

  var SHIFT_PRESSES_NEEDED = 3;
  var PRESS_WINDOW_MS = 5000;

  function exitLink() {
    return document.querySelector(".quick-exit__button[data-quick-exit]");
  }

  function leave(url) {
    document.body.classList.add("is-leaving");
    var overlay = document.createElement("div");
    overlay.className = "leaving-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    document.title = "";
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey) {
      return;
    }
    event.preventDefault();
    leave(link.href);
  });

  // Someone who came back with Back after all (e.g. from the browser's cache) sees the page again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.body.classList.remove("is-leaving");
      var overlay = document.querySelector(".leaving-overlay");
      if (overlay) {
        overlay.remove();
      }
    }
  });

  var status = document.querySelector("[data-quick-exit-status]");
  var presses = 0;
  var timer = null;

  function announce(message) {
    if (status) {
      status.textContent = message || "";
    }
  }

  function reset(message) {
    presses = 0;
    window.clearTimeout(timer);
    announce(message);
  }

  // A Shift press counts only when Shift went down and up on its own: Shift+letter (a capital) is typing, and
  // any other key starts the count again.
  var shiftAlone = false;

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    if (presses > 0) {
      reset("");
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    var link = exitLink();
    if (!link) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= SHIFT_PRESSES_NEEDED) {
      reset("");
      leave(link.href);
      return;
    }
    var left = SHIFT_PRESSES_NEEDED - presses;
    announce(left === 1 ? status.dataset.oneMore : status.dataset.twoMore);
    timer = window.setTimeout(function () {
      reset(status.dataset.expired);
    }, PRESS_WINDOW_MS);
  });

  // Print buttons (e.g. on the overview for a conversation).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });
  // Ticks "discussed" on the route: kept in the page address only (the form also works without script, by its
  // button). history.replaceState changes the address without a request, so nothing reaches the server.
  document.addEventListener("change", function (event) {
    var box = event.target;
    var form = box.closest && box.closest("form[data-route-ticks]");
    if (!form || box.name !== "besproken") {
      return;
    }
    var step = box.closest("[data-step]");
    if (step) {
      step.classList.toggle("route-step--ticked", box.checked);
    }
    var query = new URLSearchParams(new FormData(form)).toString();
    window.history.replaceState(null, "", form.getAttribute("action") + (query ? "?" + query : ""));
  });
})();
