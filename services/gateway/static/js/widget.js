/* Linkwell partner widget: search and a short "What are you looking for?" form, drawn inside
   the partner's page in a shadow root, talking only to the Linkwell site this script came
   from. No cookies, no storage, no analytics, no requests anywhere else.

   <script src="https://LINKWELL/widget.js" data-key="lw_..." async></script>

   Theme it from the partner page with CSS variables on the widget or any ancestor:
   --linkwell-accent, --linkwell-font, --linkwell-text, --linkwell-background,
   --linkwell-muted, --linkwell-focus, --linkwell-radius.

   The gateway serves this file and the parts in widget/ as one script (web/embed.py,
   WIDGET_PARTS), inside one function: this file first (settings, words, the form, the
   calls), then widget/results.js, widget/join.js and widget/start.js (draws it; last). They
   share that function's scope, so each is indented as its body. */
  var script = document.currentScript;
  if (!script) { return; }
  var base = new URL(script.src, window.location.href).origin;
  var key = script.getAttribute("data-key") || "";
  var level = Math.min(6, Math.max(1, parseInt(script.getAttribute("data-heading-level") || "2", 10) || 2));
  var customTitle = script.getAttribute("data-title");
  var wantedLang = script.getAttribute("data-lang") || "";
  var MESSAGES = {};
  var UNIT = "km";
  var LANG = { lang: "en", dir: "ltr", languages: [] };
  var EXIT = "about:blank";  // until Linkwell says which neutral site (messages.json)

  var CSS = [
    ":host { all: initial; display: block; font-family: var(--linkwell-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);",
    "  color: var(--linkwell-text, #1b1b1b); background: var(--linkwell-background, #fff); line-height: 1.5; font-size: 1rem; }",
    "* { box-sizing: border-box; }",
    ".lw { padding: 1rem; border: 1px solid var(--linkwell-muted, #4a4a4a); border-radius: var(--linkwell-radius, 6px); }",
    ".quick-exit-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; justify-content: flex-end; margin: 0 0 0.5rem; }",
    "button.quick-exit { background: #8b0000; border-color: #8b0000; }",
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
    ".link-button { background: none; border: 0; padding: 0; color: inherit; text-decoration: underline; cursor: pointer; font: inherit; }",
    ".results { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }",
    ".result { border: 1px solid var(--linkwell-muted, #4a4a4a); border-left: 6px solid var(--linkwell-accent, #00594f); border-radius: var(--linkwell-radius, 6px); padding: 0.75rem; }",
    ".result h3, .result h4, .result h5, .result h6 { font-size: 1.1rem; margin: 0 0 0.25rem; }",
    ".muted { color: var(--linkwell-muted, #4a4a4a); margin: 0 0 0.25rem; }",
    ".result ul { margin: 0.25rem 0; padding-left: 1.25rem; }",
    ".facts { margin: 0.25rem 0 0; } .facts dt { font-weight: 700; display: inline; } .facts dd { display: inline; margin: 0; }",
    ".facts div { margin: 0 0 0.1rem; }",
    ".stale { background: #fff4d6; border-left: 4px solid #8a5a00; padding: 0.25rem 0.5rem; }",
    ".status:empty { display: none; } .status { margin: 0 0 0.75rem; font-weight: 700; }",
    ".powered { margin: 1rem 0 0; font-size: 0.9rem; color: var(--linkwell-muted, #4a4a4a); }",
    "[hidden] { display: none !important; }",
    ".vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    ".join-open { margin-top: 0.5rem; } .join-link { display: inline-block; margin-top: 0.5rem; min-height: 44px; line-height: 44px; font-weight: 700; }",
    ".join { margin: 0.75rem 0 0; padding: 0.75rem; border-top: 1px solid var(--linkwell-muted, #4a4a4a); }",
    "fieldset { border: 0; margin: 0 0 0.75rem; padding: 0; } legend { font-weight: 700; padding: 0; margin: 0 0 0.25rem; }",
    ".check { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; } .check label { font-weight: 400; margin: 0; }",
    ".check input { width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0; flex: none; accent-color: var(--linkwell-accent, #00594f); }",
    ".reference { font-size: 1.3rem; font-weight: 700; letter-spacing: 0.05em; }",
    ".langs { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0 0 0.75rem; }",
    "button.lang, button.secondary { color: var(--linkwell-accent, #00594f); background: #fff; }",
    "button.lang[aria-pressed='true'] { color: #fff; background: var(--linkwell-accent, #00594f); }",
    "[dir='rtl'] .result { border-left: 1px solid var(--linkwell-muted, #4a4a4a); border-right: 6px solid var(--linkwell-accent, #00594f); }",
    "[dir='rtl'] .result ul { padding-left: 0; padding-right: 1.25rem; }",
    ".lw-combobox { position: relative; flex: 1; } .lw-combobox input { width: 100%; }",
    ".lw-suggestions { position: absolute; z-index: 10; left: 0; right: 0; top: 100%; margin: 0; padding: 0; list-style: none;",
    "  background: #fff; border: 2px solid var(--linkwell-text, #1b1b1b); max-height: 20rem; overflow-y: auto; }",
    ".lw-suggestion { padding: 0.6rem 0.75rem; min-height: 44px; cursor: pointer; border-left: 6px solid transparent; color: #1b1b1b; }",
    ".lw-suggestion[aria-selected='true'] { background: var(--linkwell-focus, #ffbf47); border-left-color: #1b1b1b; }",
    ".lw-suggestion-kind { color: #4a4a4a; } .lw-suggestion[aria-selected='true'] .lw-suggestion-kind { color: #1b1b1b; }"
  ].join("\n");
  var joins = 0;
  var here = null;  // the person's place from "Use my location", already rounded
  var last = null;  // the last thing asked, asked again after a change of language

  /* The widget's words in the person's language: from Linkwell's catalogs, fetched with the
     browser's own Accept-Language (or the page's data-lang, or the person's choice). */
  function _(text) { return MESSAGES[text] || text; }
  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name] === undefined ? all : String(values[name]); });
  }

  function loadLanguage(code, done) {
    var url = base + "/widget/messages.json" + (code ? "?lang=" + encodeURIComponent(code) : "");
    window.fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (json) {
      if (json) {
        MESSAGES = json.messages || {};
        UNIT = json.distance_unit || "km";
        EXIT = json.quick_exit || EXIT;
        LANG = { lang: json.lang || "en", dir: json.dir || "ltr", languages: json.languages || [] };
      }
      done();
    }, function () { done(); });
  }

  function languageSwitcher(root) {
    if (LANG.languages.length < 2) { return null; }
    var ul = el("ul", { "class": "langs" });
    LANG.languages.forEach(function (language) {
      var current = language.code === LANG.lang;
      var button = el("button", { type: "button", "class": "lang", lang: language.code, dir: language.dir,
        "aria-pressed": current ? "true" : "false", text: language.name });
      button.addEventListener("click", function () { if (!current) { switchLanguage(root, language.code); } });
      ul.appendChild(el("li", {}, [button]));
    });
    return el("nav", { "aria-label": _("Language") + (LANG.lang === "en" ? "" : " / Language") }, [ul]);
  }

  // Another language keeps everything typed, and asks again what was asked last.
  function switchLanguage(root, code) {
    var kept = {};
    ["lw-q", "lw-about", "lw-postcode"].forEach(function (id) { kept[id] = root.getElementById(id).value; });
    var again = last;
    loadLanguage(code, function () {
      root.textContent = "";
      build(root);
      Object.keys(kept).forEach(function (id) { root.getElementById(id).value = kept[id]; });
      if (here) { showHere(root); }
      if (again) {
        var form = again.kind === "search" ? root.querySelector("form[role='search']") : root.getElementById("lw-about").form;
        form.requestSubmit();
      }
      var chosen = root.querySelector("button.lang[aria-pressed='true']");
      if (chosen) { chosen.focus(); }
    });
  }

  /* "Use my location": the browser's position, rounded to about 100 m (3 decimal places:
     111 m north-south, less east-west in Britain) before it goes anywhere. Linkwell never
     sees the exact point; nothing is kept once the page is closed. */
  function roundPlace(value) { return Math.round(value * 1000) / 1000; }

  function locationControl(root) {
    if (!navigator.geolocation) { return null; }
    var note = el("p", { "class": "hint", id: "lw-here", "aria-live": "polite" });
    var button = el("button", { type: "button", "class": "secondary", text: _("Use my location") });
    button.addEventListener("click", function () {
      note.textContent = _("Finding where you are…");
      navigator.geolocation.getCurrentPosition(function (position) {
        here = { lat: roundPlace(position.coords.latitude), lon: roundPlace(position.coords.longitude) };
        showHere(root);
      }, function () {
        here = null;
        note.textContent = _("Your location could not be found. You can give a postcode instead.");
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
    });
    return el("div", { "class": "field" }, [button, note]);
  }

  function showHere(root) {
    var note = root.getElementById("lw-here");
    if (note) { note.textContent = _("Using your location, rounded to about 100 m. It is not stored."); }
  }

  var JOIN_FIELDS = ["name", "contact_method", "phone", "email", "good_time", "message",
    "consent_share", "consent_follow_up", "aged_16_or_over"];

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

  /* Quick exit: the button, or Escape twice within a second, leaves for a neutral site and
     replaces the page in the history (the whole partner page: the person may be watched). */
  function quickExit() {
    try { window.top.location.replace(EXIT); } catch (e) { window.location.replace(EXIT); }
  }
  function quickExitBar() {
    var button = el("button", { type: "button", "class": "quick-exit", text: _("Leave this site quickly") });
    button.addEventListener("click", quickExit);
    return el("div", { "class": "quick-exit-bar" }, [button, el("span", { "class": "muted", text: _("or press Escape twice") })]);
  }
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(); }
    lastEscape = now;
  });

  function build(root) {
    var section = el("section", { "class": "lw", "aria-labelledby": "lw-title" });
    section.setAttribute("lang", LANG.lang === "en" ? "en-GB" : LANG.lang);
    section.setAttribute("dir", LANG.dir);
    section.appendChild(quickExitBar());
    section.appendChild(heading(0, { id: "lw-title", "class": "lw-title", text: customTitle || _("Find local groups and activities") }));
    var switcher = languageSwitcher(root);
    var search = el("form", { role: "search", "aria-label": _("Search local groups and activities"), novalidate: "" }, [
      el("label", { "for": "lw-q", text: _("Search by a word") }),
      el("p", { "class": "hint", id: "lw-q-hint", text: _("For example: walking, choir, coffee morning") }),
      el("div", { "class": "row" }, [
        el("input", { id: "lw-q", type: "search", name: "q", "aria-describedby": "lw-q-hint" }),
        el("button", { type: "submit", text: _("Search") })
      ])
    ]);
    var match = el("form", { novalidate: "" }, [
      el("div", { "class": "field" }, [
        el("label", { "for": "lw-about", text: _("What are you looking for?") }),
        el("p", { "class": "hint", id: "lw-about-hint", text: _("In your own words, for example: something to get me out of the house on weekday mornings") }),
        el("p", { "class": "error", id: "lw-about-error", hidden: "" }),
        el("textarea", { id: "lw-about", name: "about", rows: "3", "aria-describedby": "lw-about-hint" })
      ]),
      el("div", { "class": "field" }, [
        el("label", { "for": "lw-postcode", text: _("Your postcode (optional)") }),
        el("p", { "class": "hint", id: "lw-postcode-hint", text: _("To show what is near you: the first half (like SE6) is enough. It is not stored.") }),
        el("p", { "class": "error", id: "lw-postcode-error", hidden: "" }),
        el("input", { id: "lw-postcode", name: "postcode", type: "text", autocomplete: "postal-code", "aria-describedby": "lw-postcode-hint" })
      ]),
      locationControl(root),
      el("button", { type: "submit", text: _("Find options") })
    ]);
    var status = el("p", { "class": "status", role: "status", "aria-live": "polite" });
    var results = el("div", { "class": "results-holder" });
    var powered = el("p", { "class": "powered" }, [document.createTextNode(_("Listings from") + " "),
      el("a", { href: base + "/", rel: "noopener", text: "Linkwell" })]);
    [switcher, search, match, status, results, powered].forEach(function (n) { section.appendChild(n); });
    root.appendChild(section);
    search.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = root.getElementById("lw-q").value.trim();
      last = { kind: "search" };
      searchWith(q ? { q: q } : {});
    });
    // Searches started from an answer: the words as typed, online options, a related need.
    function searchWith(extra) {
      var params = new URLSearchParams(Object.assign({ per_page: "10" }, extra));
      call("GET", "/api/v1/services?" + params.toString(), null, status, results, "search",
        { again: searchWith, record: recordUnmet, words: extra.q || "" });
    }
    function recordUnmet(words, done) {
      call("POST", "/api/v1/unmet-needs", { words: words }, status, null, "unmet", { done: done });
    }
    // A suggestion chosen searches with it (a need or activity as a filter, a listing by name).
    suggestions(root.getElementById("lw-q"), function (params) {
      var extra = {};
      params.forEach(function (value, name) { extra[name] = value; });
      last = { kind: "search" };
      searchWith(extra);
    });
    match.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(root);
      var about = root.getElementById("lw-about").value.trim();
      var postcode = root.getElementById("lw-postcode").value.trim();
      if (!about) {
        showError(root, "about", _("Tell us a little about what you are looking for"));
        status.textContent = _("There is a problem: see the message by the form.");
        return;
      }
      var body = { about: about, limit: 10 };
      if (postcode) { body.location = { postcode: postcode }; body.max_travel_km = 5; }
      else if (here) { body.location = { lat: here.lat, lon: here.lon }; body.max_travel_km = 5; }
      last = { kind: "match" };
      call("POST", "/api/v1/match", body, status, results, "match");
    });
  }

  // Suggestions as people type (combobox.js, served in this same script): a need or activity
  // searches with it as a filter, a listing by its name.
  function suggestions(input, find) {
    var combobox = window.LinkwellCombobox;
    if (!combobox) { return; }
    var headers = { "Accept": "application/json" };
    if (key) { headers["X-API-Key"] = key; }
    combobox.attach(input, {
      hiddenClass: "vh",
      headers: headers,
      url: function (words) { return base + "/api/v1/suggest?q=" + encodeURIComponent(words); },
      choose: function (s) {
        input.value = s.label;
        var params = new URLSearchParams();
        if (s.choose.type === "filter") { params.set(s.choose.name, s.choose.value); } else { params.set("q", s.label); }
        find(params);
      }
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
    msg.textContent = _("Error:") + " " + message;
    msg.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "lw-" + name + "-hint lw-" + name + "-error");
    field.focus();
  }

  function call(method, path, body, status, holder, kind, actions) {
    status.textContent = _("Looking…");
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
      if (kind === "unmet") {
        status.textContent = answer.status === 201 ? _("Thank you: we have noted that nothing was found.") :
          (answer.json.message || _("Something went wrong. Please try again."));
        if (answer.status === 201) { actions.done(); }
      } else if (answer.status === 200) {
        render(answer.json, holder, status, kind, actions);
      } else if (answer.status === 400 && kind === "match") {
        var errors = answer.json.errors || {};
        var root = holder.getRootNode();
        var where = errors.location || errors.postcode ? "postcode" : "about";
        showError(root, where, flatten(errors)[0] || answer.json.message || _("Please check the form"));
        status.textContent = _("There is a problem: see the message by the form.");
      } else if (answer.status === 503) {
        status.textContent = kind === "match" ? _("Matching is not answering right now. Please try the search, or try again in a minute.") :
          _("Search is not answering right now. Please try again in a minute.");
      } else {
        status.textContent = answer.json.message || _("Something went wrong. Please try again.");
      }
    }, function () {
      status.textContent = _("Linkwell could not be reached. Please try again in a minute.");
    });
  }
