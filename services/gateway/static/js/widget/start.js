  /* Part of the partner widget (see widget.js), served last: the host element beside the
     script tag (or in data-target), its shadow root and styles, then the words and form. */

  var host = document.createElement("div");
  host.className = "linkwell-widget";
  var target = script.getAttribute("data-target") && document.querySelector(script.getAttribute("data-target"));
  if (target) { target.appendChild(host); } else { script.parentNode.insertBefore(host, script.nextSibling); }
  var root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", { text: CSS }));
  }
  loadLanguage(wantedLang, function () { build(root); });
