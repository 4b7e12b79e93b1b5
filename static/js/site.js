/* Progressive enhancement only: every page works without this file.
 *
 * One history entry for the whole site: a click on a link to a page of this site, and a search or filter form
 * (method GET), opens the new page with location.replace instead of adding an entry to the tab's history. However
 * many pages someone reads, the site holds one entry, the page open now.
 *
 * Quick exit ("Snel weg"): a click on the button, or pressing Shift three times on its own (each press within five
 * seconds of the last; any other key, Shift+letter included, starts the count again), hides the page at once and
 * leaves for a neutral website with location.replace. That replaces the site's one entry, so Back leads to what was
 * open before the site, never to a page of it. Screen readers hear how many presses are left.
 *
 * What this cannot do: the browser's history list and address-bar suggestions still hold the pages (the safety page
 * says how to delete them). Without JavaScript, links work as usual and Back returns to the site.
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

  // One history entry for the site ------------------------------------------------------------------------------

  function sameSite(url) {
    return url.origin === window.location.origin && (url.protocol === "http:" || url.protocol === "https:");
  }

  function replaceWith(url) {
    var target = new URL(url, window.location.href);
    var samePage = target.pathname === window.location.pathname && target.search === window.location.search;
    window.location.replace(target.href);
    if (samePage && target.hash) {
      // A link within the page (e.g. "Skip to main content") changes only the fragment: replace scrolls there but
      // does not move the keyboard focus like a followed link would, so move it.
      var element = document.getElementById(decodeURIComponent(target.hash.slice(1)));
      if (element) {
        if (!element.hasAttribute("tabindex") && !element.matches("a[href], button, input, select, textarea")) {
          element.setAttribute("tabindex", "-1");
        }
        element.focus();
      }
    }
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // a new tab or window is the visitor's choice and adds nothing to this tab's history
    }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("data-quick-exit") || link.hasAttribute("download")) {
      return;
    }
    if (link.target && link.target !== "_self") {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (!sameSite(url)) {
      return;
    }
    event.preventDefault();
    replaceWith(url.href);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") {
      return; // a POST form is not a page to read; the browser handles it as usual
    }
    var url = new URL(form.action || window.location.href, window.location.href);
    if (!sameSite(url)) {
      return;
    }
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    url.search = new URLSearchParams(data).toString();
    url.hash = "";
    event.preventDefault();
    replaceWith(url.href);
  });

  // Quick exit -----------------------------------------------------------------------------------------------------

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
