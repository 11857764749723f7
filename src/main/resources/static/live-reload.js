// rapport-kb: reloads an article page when its article changes on the server, as a docs dev
// server does. The server sends "articles-changed" events on /events: {"slugs": [...], "all": false},
// or "all": true when any article may have changed.
(function () {
  "use strict";

  var main = document.querySelector("[data-live-slug]");
  if (!main || !window.EventSource) {
    return;
  }
  var slug = main.getAttribute("data-live-slug");
  var source = new EventSource("/events");

  // Sent by the server once this page is registered for changes.
  source.addEventListener("ready", function () {
    document.documentElement.setAttribute("data-live-reload", "connected");
  });

  source.addEventListener("error", function () {
    // The browser reconnects by itself, for example after the server restarts.
    document.documentElement.setAttribute("data-live-reload", "reconnecting");
  });

  source.addEventListener("articles-changed", function (event) {
    var change;
    try {
      change = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (change.all || (change.slugs || []).indexOf(slug) >= 0) {
      source.close();
      window.location.reload();
    }
  });

  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
