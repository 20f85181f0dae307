/* Renders the OpenAPI document with the copy of Redoc served from this site. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var holder = document.getElementById("api");
  window.Redoc.init(holder.dataset.specUrl, {
    hideDownloadButton: false,
    disableSearch: false,
    theme: { colors: { primary: { main: "#00594f" } }, typography: { fontFamily: "system-ui, sans-serif", headings: { fontFamily: "system-ui, sans-serif" } } }
  }, holder);
});

/* Redoc jumps from an operation's h2 to h5 for "Query parameters" and the like, which skips
   levels for people who move by headings. Once it has drawn, each heading that skips is told
   its real level (aria-level), without touching the elements Redoc owns. */
(function () {
  "use strict";
  function levelOf(h) { return parseInt(h.getAttribute("aria-level") || h.tagName.slice(1), 10); }
  function fix() {
    var previous = 1;
    document.querySelectorAll("#api h1, #api h2, #api h3, #api h4, #api h5, #api h6").forEach(function (h) {
      var level = parseInt(h.tagName.slice(1), 10);
      if (level > previous + 1) {
        h.setAttribute("role", "heading");
        h.setAttribute("aria-level", String(previous + 1));
      }
      previous = levelOf(h);
    });
  }
  var pending = null;
  new MutationObserver(function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(fix, 50);
  }).observe(document.documentElement, { childList: true, subtree: true });
}());
