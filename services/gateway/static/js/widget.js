/* Linkwell partner widget: search and a short "What are you looking for?" form, drawn inside
   the partner's page in a shadow root, talking only to the Linkwell site this script came
   from. No cookies, no storage, no analytics, no requests anywhere else.

   <script src="https://LINKWELL/widget.js" data-key="lw_..." async></script>

   Theme it from the partner page with CSS variables on the widget or any ancestor:
   --linkwell-accent, --linkwell-font, --linkwell-text, --linkwell-background,
   --linkwell-muted, --linkwell-focus, --linkwell-radius. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = new URL(script.src, window.location.href).origin;
  var key = script.getAttribute("data-key") || "";
  var level = Math.min(6, Math.max(1, parseInt(script.getAttribute("data-heading-level") || "2", 10) || 2));
  var title = script.getAttribute("data-title") || "Find local groups and activities";

  var CSS = [
    ":host { all: initial; display: block; font-family: var(--linkwell-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);",
    "  color: var(--linkwell-text, #1b1b1b); background: var(--linkwell-background, #fff); line-height: 1.5; font-size: 1rem; }",
    "* { box-sizing: border-box; }",
    ".lw { padding: 1rem; border: 1px solid var(--linkwell-muted, #4a4a4a); border-radius: var(--linkwell-radius, 6px); }",
    ".lw-title { font-size: 1.4rem; margin: 0 0 0.75rem; line-height: 1.25; }",
    "form { margin: 0 0 1.25rem; }",
    "label { display: block; font-weight: 700; margin: 0 0 0.25rem; }",
    ".hint { color: var(--linkwell-muted, #4a4a4a); margin: 0 0 0.4rem; }",
    "input, textarea { font: inherit; color: inherit; background: #fff; width: 100%; min-height: 44px; padding: 0.4rem 0.5rem; border: 2px solid var(--linkwell-text, #1b1b1b); border-radius: 0; }",
    "textarea { min-height: 4.5rem; }",
    ".row { display: flex; gap: 0.5rem; } .row input { flex: 1; }",
    ".field { margin-bottom: 0.75rem; }",
    "button { font: inherit; font-weight: 700; min-height: 44px; padding: 0.5rem 1.1rem; color: #fff; background: var(--linkwell-accent, #00594f);",
    "  border: 2px solid var(--linkwell-accent, #00594f); border-radius: var(--linkwell-radius, 6px); cursor: pointer; }",
    "a { color: var(--linkwell-accent, #00594f); }",
    "a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--linkwell-text, #1b1b1b); box-shadow: 0 0 0 6px var(--linkwell-focus, #ffbf47); }",
    "a:focus-visible { background: var(--linkwell-focus, #ffbf47); color: var(--linkwell-text, #1b1b1b); }",
    ".error { color: #b00020; font-weight: 700; margin: 0 0 0.25rem; }",
    "[aria-invalid='true'] { border-color: #b00020; }",
    ".results { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }",
    ".result { border: 1px solid var(--linkwell-muted, #4a4a4a); border-left: 6px solid var(--linkwell-accent, #00594f); border-radius: var(--linkwell-radius, 6px); padding: 0.75rem; }",
    ".result h3, .result h4, .result h5, .result h6 { font-size: 1.1rem; margin: 0 0 0.25rem; }",
    ".muted { color: var(--linkwell-muted, #4a4a4a); margin: 0 0 0.25rem; }",
    ".result ul { margin: 0.25rem 0; padding-left: 1.25rem; }",
    ".facts { margin: 0.25rem 0 0; } .facts dt { font-weight: 700; display: inline; } .facts dd { display: inline; margin: 0; }",
    ".facts div { margin: 0 0 0.1rem; }",
    ".stale { background: #fff4d6; border-left: 4px solid #8a5a00; padding: 0.25rem 0.5rem; }",
    ".status:empty { display: none; } .status { margin: 0 0 0.75rem; font-weight: 700; }",
    ".powered { margin: 1rem 0 0; font-size: 0.9rem; color: var(--linkwell-muted, #4a4a4a); }"
  ].join("\n");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function heading(offset, attrs) {
    return el("h" + Math.min(6, level + offset), attrs);
  }

  function build(root) {
    var section = el("section", { "class": "lw", "aria-labelledby": "lw-title" });
    section.appendChild(heading(0, { id: "lw-title", "class": "lw-title", text: title }));
    var search = el("form", { role: "search", "aria-label": "Search local groups and activities", novalidate: "" }, [
      el("label", { "for": "lw-q", text: "Search by a word" }),
      el("p", { "class": "hint", id: "lw-q-hint", text: "For example: walking, choir, coffee morning" }),
      el("div", { "class": "row" }, [
        el("input", { id: "lw-q", type: "search", name: "q", "aria-describedby": "lw-q-hint" }),
        el("button", { type: "submit", text: "Search" })
      ])
    ]);
    var match = el("form", { novalidate: "" }, [
      el("div", { "class": "field" }, [
        el("label", { "for": "lw-about", text: "What are you looking for?" }),
        el("p", { "class": "hint", id: "lw-about-hint", text: "In your own words, for example: something to get me out of the house on weekday mornings" }),
        el("p", { "class": "error", id: "lw-about-error", hidden: "" }),
        el("textarea", { id: "lw-about", name: "about", rows: "3", "aria-describedby": "lw-about-hint" })
      ]),
      el("div", { "class": "field" }, [
        el("label", { "for": "lw-postcode", text: "Your postcode (optional)" }),
        el("p", { "class": "hint", id: "lw-postcode-hint", text: "To show what is near you. It is not stored." }),
        el("p", { "class": "error", id: "lw-postcode-error", hidden: "" }),
        el("input", { id: "lw-postcode", name: "postcode", type: "text", autocomplete: "postal-code", "aria-describedby": "lw-postcode-hint" })
      ]),
      el("button", { type: "submit", text: "Find options" })
    ]);
    var status = el("p", { "class": "status", role: "status", "aria-live": "polite" });
    var results = el("div", { "class": "results-holder" });
    var powered = el("p", { "class": "powered" }, [document.createTextNode("Listings from "),
      el("a", { href: base + "/", rel: "noopener", text: "Linkwell" })]);
    [search, match, status, results, powered].forEach(function (n) { section.appendChild(n); });
    root.appendChild(section);
    search.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = root.getElementById("lw-q").value.trim();
      var params = new URLSearchParams({ per_page: "10" });
      if (q) { params.set("q", q); }
      call("GET", "/api/v1/services?" + params.toString(), null, status, results, "search");
    });
    match.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(root);
      var about = root.getElementById("lw-about").value.trim();
      var postcode = root.getElementById("lw-postcode").value.trim();
      if (!about) {
        showError(root, "about", "Tell us a little about what you are looking for");
        status.textContent = "There is a problem: see the message by the form.";
        return;
      }
      var body = { about: about, limit: 10 };
      if (postcode) { body.location = { postcode: postcode }; body.max_travel_km = 5; }
      call("POST", "/api/v1/match", body, status, results, "match");
    });
  }

  function clearErrors(root) {
    ["about", "postcode"].forEach(function (name) {
      var msg = root.getElementById("lw-" + name + "-error");
      var field = root.getElementById("lw-" + name);
      msg.hidden = true; msg.textContent = "";
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", "lw-" + name + "-hint");
    });
  }

  function showError(root, name, message) {
    var msg = root.getElementById("lw-" + name + "-error");
    var field = root.getElementById("lw-" + name);
    msg.textContent = "Error: " + message;
    msg.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "lw-" + name + "-hint lw-" + name + "-error");
    field.focus();
  }

  function call(method, path, body, status, holder, kind) {
    status.textContent = "Looking…";
    var headers = { "Accept": "application/json" };
    if (key) { headers["X-API-Key"] = key; }
    if (body) { headers["Content-Type"] = "application/json"; }
    window.fetch(base + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    }).then(function (answer) {
      if (answer.status === 200) {
        render(answer.json, holder, status, kind);
      } else if (answer.status === 400 && kind === "match") {
        var errors = answer.json.errors || {};
        var root = holder.getRootNode();
        var where = errors.location || errors.postcode ? "postcode" : "about";
        showError(root, where, flatten(errors)[0] || answer.json.message || "Please check the form");
        status.textContent = "There is a problem: see the message by the form.";
      } else if (answer.status === 503) {
        status.textContent = kind === "match" ? "Matching is not answering right now. Please try the search, or try again in a minute." :
          "Search is not answering right now. Please try again in a minute.";
      } else {
        status.textContent = answer.json.message || "Something went wrong. Please try again.";
      }
    }, function () {
      status.textContent = "Linkwell could not be reached. Please try again in a minute.";
    });
  }

  function flatten(value) {
    if (typeof value === "string") { return [value]; }
    if (Array.isArray(value)) { return value.reduce(function (a, v) { return a.concat(flatten(v)); }, []); }
    if (value && typeof value === "object") { return Object.keys(value).reduce(function (a, k) { return a.concat(flatten(value[k])); }, []); }
    return [];
  }

  function render(json, holder, status, kind) {
    var results = json.results || [];
    holder.textContent = "";
    var count = results.length + (kind === "search" && json.total > results.length ? " of " + json.total : "");
    status.textContent = results.length ? count + " option" + (results.length === 1 ? "" : "s") + " found." :
      "Nothing found. Try other words.";
    if (json.safety) { holder.appendChild(safetyNote(json.safety)); }
    var list = el("ol", { "class": "results" });
    results.forEach(function (result) { list.appendChild(item(result)); });
    holder.appendChild(list);
  }

  function safetyNote(safety) {
    var text = typeof safety === "string" ? safety : (safety.message || "If you need help now, call 999 or NHS 111.");
    return el("p", { "class": "stale", role: "alert", text: text });
  }

  function item(result) {
    var asset = Object.assign({}, result, result.asset || {});
    var li = el("li", { "class": "result" });
    var h = heading(1, {});
    h.appendChild(el("a", { href: base + "/services/" + encodeURIComponent(result.id || asset.id), rel: "noopener", text: asset.name || "Listing" }));
    li.appendChild(h);
    if (asset.organization && asset.organization !== asset.name) { li.appendChild(el("p", { "class": "muted", text: "Run by " + asset.organization })); }
    if ((result.reasons || []).length) { li.appendChild(list("Why it might fit", result.reasons)); }
    if ((result.cautions || []).length) { li.appendChild(list("Worth knowing", result.cautions)); }
    var facts = el("dl", { "class": "facts" });
    var schedule = (asset.schedule || []).map(function (s) { return s.text; }).filter(Boolean);
    fact(facts, "When", schedule.join("; "));
    var place = (asset.places || [])[0];
    fact(facts, "Where", place ? [place.name, place.address].filter(Boolean).join(", ") : "");
    if (result.distance_km !== undefined && result.distance_km !== null) { fact(facts, "Distance", Number(result.distance_km).toFixed(1) + " km away"); }
    fact(facts, "Cost", (asset.cost || {}).text || "");
    fact(facts, "How to join", asset.how_to_join || "");
    fact(facts, "Last confirmed", asset.last_confirmed || "Not known");
    li.appendChild(facts);
    if (asset.stale || result.stale) { li.appendChild(el("p", { "class": "stale", text: "Not confirmed for over a year: check with them before going." })); }
    return li;
  }

  function list(label, items) {
    var wrap = el("div", {}, [el("p", { "class": "muted", text: label + ":" })]);
    var ul = el("ul");
    items.forEach(function (text) { ul.appendChild(el("li", { text: text })); });
    wrap.appendChild(ul);
    return wrap;
  }

  function fact(dl, name, value) {
    if (value) { dl.appendChild(el("div", {}, [el("dt", { text: name + ": " }), el("dd", { text: value })])); }
  }

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
  build(root);
}());
