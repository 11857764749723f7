// rapport-kb: page layout helpers. The table of contents marks the section being read; on a narrow
// screen the search filters start folded behind their "Filters" button. Pages work without this.
(function () {
  "use strict";

  // "On this page": the link of the last heading scrolled past the sticky header is marked.
  var toc = document.querySelector(".toc");
  if (toc) {
    var links = Array.prototype.slice.call(toc.querySelectorAll("a[href^='#']"));
    var targets = links
      .map(function (link) {
        return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      });
    var pending = false;
    var mark = function () {
      pending = false;
      var line = 100;
      var current = -1;
      targets.forEach(function (target, index) {
        if (target && target.getBoundingClientRect().top <= line) {
          current = index;
        }
      });
      if (current < 0 && targets.length) {
        current = 0;
      }
      links.forEach(function (link, index) {
        if (index === current) {
          link.setAttribute("aria-current", "location");
        } else {
          link.removeAttribute("aria-current");
        }
      });
    };
    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(mark);
      }
    }, { passive: true });
    window.addEventListener("hashchange", mark);
    mark();
  }

  // Search filters: open where there is room beside the results, folded on a phone.
  var panel = document.querySelector("details.facet-panel");
  if (panel && window.matchMedia("(max-width: 56rem)").matches) {
    panel.open = false;
  }
})();
