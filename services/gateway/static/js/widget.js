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

  function flatten(value) {
    if (typeof value === "string") { return [value]; }
    if (Array.isArray(value)) { return value.reduce(function (a, v) { return a.concat(flatten(v)); }, []); }
    if (value && typeof value === "object") { return Object.keys(value).reduce(function (a, k) { return a.concat(flatten(value[k])); }, []); }
    return [];
  }

  function render(json, holder, status, kind, actions) {
    var results = json.results || [];
    holder.textContent = "";
    var more = kind === "search" && json.total > results.length;
    status.textContent = !results.length ? ((json.alternatives || {}).text || _("Nothing found. Try other words.")) :
      more ? fmt(_("%(shown)s of %(total)s options found."), { shown: results.length, total: json.total }) :
      results.length === 1 ? _("1 option found.") : fmt(_("%(num)s options found."), { num: results.length });
    if (json.safety) { holder.appendChild(safetyNote(json.safety)); }
    // What was done with the place typed: "Distances are from the middle of SE6".
    var place = (json.understood || {}).location || {};
    if (place.note) { holder.appendChild(el("p", { "class": "place-note", text: place.note + "." })); }
    // Only a search answers with one spelling to undo (a match lists the words it read).
    var spelling = kind === "search" ? (json.understood || {}).spelling : null;
    if (spelling && actions) { holder.appendChild(spellingNote(spelling, actions)); }
    if (kind === "search" && json.alternatives && actions) { holder.appendChild(offers(json.alternatives, spelling, actions)); }
    var list = el("ol", { "class": "results" });
    results.forEach(function (result) { list.appendChild(item(result)); });
    holder.appendChild(list);
  }

  function linkButton(text, onClick) {
    var button = el("button", { type: "button", "class": "link-button", text: text });
    button.addEventListener("click", onClick);
    return button;
  }

  // "Showing results for choir. Search instead for chior" (the words exactly as typed).
  function spellingNote(spelling, actions) {
    return el("p", { "class": "spelling" }, [document.createTextNode(_("Showing results for") + " "),
      el("strong", { text: spelling.corrected }), document.createTextNode(". "),
      linkButton(fmt(_("Search instead for %(words)s"), { words: spelling.typed }), function () {
        actions.again({ q: spelling.typed, as_typed: "true" });
      })]);
  }

  // Nothing matched: what is near instead, and a way to say it is missing.
  function offers(alternatives, spelling, actions) {
    var box = el("div", { "class": "alternatives" });
    var items = [];
    if (alternatives.online) {
      items.push(el("li", {}, [document.createTextNode(alternatives.online.text + " "),
        linkButton(_("Show online and phone options"), function () {
          actions.again({ q: spelling ? spelling.corrected : actions.words, delivery: "online,phone" });
        })]));
    }
    (alternatives.related || []).forEach(function (related) {
      items.push(el("li", {}, [linkButton(related.label + " (" + related.total + ")", function () {
        actions.again({ concept: related.id });
      })]));
    });
    if (items.length) { box.appendChild(el("ul", {}, items)); }
    var words = actions.words;
    if (words) {
      var tell = linkButton(_("Tell us this is missing"), function () {
        actions.record(words, function () { tell.disabled = true; });
      });
      box.appendChild(el("p", {}, [tell]));
    }
    return box;
  }

  /* Urgent help first, in the person's language: the matcher's words are in the catalogs
     (services/matcher/safety.py), so _() finds them. */
  function safetyNote(safety) {
    var box = el("div", { "class": "stale", role: "alert" });
    box.appendChild(heading(1, { text: _("If you need help now") }));
    var text = typeof safety === "string" ? safety : safety.message;
    if (text) { box.appendChild(el("p", { text: _(text) })); }
    var routes = (safety && safety.routes) || [];
    if (routes.length) {
      var ul = el("ul");
      routes.forEach(function (route) {
        var li = el("li", {}, [el("strong", { text: route.name ? _(route.name) : "" })]);
        if (route.contact) {
          li.appendChild(document.createTextNode(": "));
          if (/^[0-9 ]+$/.test(route.contact)) {
            li.appendChild(document.createTextNode(_("call") + " "));
            li.appendChild(el("a", { href: "tel:" + route.contact.replace(/ /g, ""), text: route.contact }));
          } else {
            li.appendChild(document.createTextNode(_(route.contact)));
          }
        }
        if (route.when) { li.appendChild(document.createTextNode(". " + _(route.when))); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    box.appendChild(el("p", {}, [el("strong", { text: _("If someone is in danger right now, call 999.") })]));
    return box;
  }

  // As linkwell.distances writes them: metres under a kilometre, then km to one decimal; or
  // miles to one decimal where the deployment says so (in English, as the matcher's reasons).
  var DISTANCE_TEXT = /^(?:Less than 100 m|\d+ m|\d+(?:\.\d)? km|Less than 0\.1 miles|\d+(?:\.\d)? miles) away$/;
  function number(value, places) {
    try {
      return new Intl.NumberFormat(LANG.lang, { minimumFractionDigits: places, maximumFractionDigits: places }).format(value);
    } catch (e) { return value.toFixed(places); }
  }
  function distanceText(km) {
    if (UNIT === "miles") {
      var miles = Math.round(km / 1.609344 * 10) / 10;
      if (miles < 0.1) { return _("Less than 0.1 miles away"); }
      return fmt(_("%(n)s miles away"), { n: number(miles, 1) });
    }
    if (km < 0.1) { return _("Less than 100 m away"); }
    if (km < 0.995) { return fmt(_("%(n)s m away"), { n: number(Math.round(km * 100) * 10, 0) }); }
    return fmt(_("%(n)s km away"), { n: number(km, 1) });
  }

  function item(result) {
    var asset = Object.assign({}, result, result.asset || {});
    var li = el("li", { "class": "result" });
    var h = heading(1, {});
    h.appendChild(el("a", { href: base + "/services/" + encodeURIComponent(result.id || asset.id), rel: "noopener", text: asset.name || _("Listing") }));
    li.appendChild(h);
    if (asset.organization && asset.organization !== asset.name) { li.appendChild(el("p", { "class": "muted", text: fmt(_("Run by %(organization)s"), { organization: asset.organization }) })); }
    // The distance is shown once, among the facts (the reasons may say it too).
    var reasons = (result.reasons || []).filter(function (r) { return !DISTANCE_TEXT.test(r); });
    if (reasons.length) { li.appendChild(list(_("Why it might fit"), reasons)); }
    if ((result.cautions || []).length) { li.appendChild(list(_("Worth knowing"), result.cautions)); }
    var facts = el("dl", { "class": "facts" });
    var schedule = (asset.schedule || []).map(function (s) { return s.text; }).filter(Boolean);
    fact(facts, _("When"), schedule.join("; "));
    var place = (asset.places || [])[0];
    fact(facts, _("Where"), place ? [place.name, place.address].filter(Boolean).join(", ") : "");
    if (result.distance_km !== undefined && result.distance_km !== null) { fact(facts, _("Distance"), distanceText(Number(result.distance_km))); }
    fact(facts, _("Space"), capacityText(result.capacity || asset.capacity));
    fact(facts, _("Cost"), (asset.cost || {}).text || "");
    fact(facts, _("How to join"), asset.how_to_join || "");
    fact(facts, _("Last confirmed"), asset.last_confirmed || _("Not known"));
    li.appendChild(facts);
    if (asset.stale || result.stale) { li.appendChild(el("p", { "class": "stale", text: _("Not confirmed for over a year: check with them before going.") })); }
    li.appendChild(joinControl(result.id || asset.id, asset.name || _("this group")));
    return li;
  }

  /* "I'd like to join": a short form under the result, posted with the partner key. Nothing
     typed is kept: the form is removed once sent, and nothing goes into storage or addresses. */
  function joinControl(assetId, name) {
    if (!key) {  // the iframe has no key of its own: Linkwell's own join page does the same
      return el("a", { "class": "join-link", href: base + "/services/" + encodeURIComponent(assetId) + "/join" + (LANG.lang !== "en" ? "?lang=" + LANG.lang : ""), rel: "noopener" },
        [document.createTextNode(_("I’d like to join")), el("span", { "class": "vh", text: " " + name })]);
    }
    var id = "lw-j" + (++joins);
    var wrap = el("div", {});
    var open = el("button", { type: "button", "class": "join-open", "aria-expanded": "false", "aria-controls": id },
      [document.createTextNode(_("I’d like to join")), el("span", { "class": "vh", text: " " + name })]);
    var form = joinForm(id, assetId, name);
    form.hidden = true;
    open.addEventListener("click", function () {
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) { form.querySelector("input").focus(); }
    });
    wrap.appendChild(open);
    wrap.appendChild(form);
    return wrap;
  }

  function joinField(id, name, label, input, hint) {
    var described = (hint ? id + "-" + name + "-hint " : "");
    input.setAttribute("aria-describedby", described.trim());
    if (!described) { input.removeAttribute("aria-describedby"); }
    return el("div", { "class": "field" }, [
      el("label", { "for": id + "-" + name, text: label }),
      hint ? el("p", { "class": "hint", id: id + "-" + name + "-hint", text: hint }) : null,
      el("p", { "class": "error", id: id + "-" + name + "-error", hidden: "" }),
      input
    ]);
  }

  function joinCheck(id, name, label, hint) {
    var box = el("input", { type: "checkbox", id: id + "-" + name, name: name, value: "yes" });
    if (hint) { box.setAttribute("aria-describedby", id + "-" + name + "-hint"); }
    return el("div", { "class": "field" }, [
      el("p", { "class": "error", id: id + "-" + name + "-error", hidden: "" }),
      hint ? el("p", { "class": "hint", id: id + "-" + name + "-hint", text: hint }) : null,
      el("div", { "class": "check" }, [box, el("label", { "for": id + "-" + name, text: label })])
    ]);
  }

  function radio(id, value, label) {
    return el("div", { "class": "check" }, [
      el("input", { type: "radio", id: id + "-contact-" + value, name: "contact_method", value: value }),
      el("label", { "for": id + "-contact-" + value, text: label })
    ]);
  }

  function joinForm(id, assetId, name) {
    var form = el("form", { id: id, "class": "join", novalidate: "", "aria-label": fmt(_("Ask to join %(name)s"), { name: name }) }, [
      joinField(id, "name", _("Your first name, or the name you like to be called"),
        el("input", { id: id + "-name", name: "name", type: "text", autocomplete: "given-name", maxlength: "100" })),
      el("fieldset", { id: id + "-contact_method" }, [
        el("legend", { text: _("How should the group get in touch?") }),
        el("p", { "class": "error", id: id + "-contact_method-error", hidden: "" }),
        radio(id, "phone", _("By phone")), radio(id, "email", _("By email"))
      ]),
      joinField(id, "phone", _("Phone number (if you chose phone)"),
        el("input", { id: id + "-phone", name: "phone", type: "tel", autocomplete: "tel", maxlength: "30" }), _("A UK number, like 07700 900123")),
      joinField(id, "email", _("Email address (if you chose email)"),
        el("input", { id: id + "-email", name: "email", type: "email", autocomplete: "email", maxlength: "254", spellcheck: "false" })),
      joinField(id, "good_time", _("A good time to get in touch (optional)"),
        el("input", { id: id + "-good_time", name: "good_time", type: "text", maxlength: "200" }), _("For example: weekday mornings")),
      joinField(id, "message", _("Anything you would like the group to know (optional)"),
        el("textarea", { id: id + "-message", name: "message", rows: "3", maxlength: "1000" })),
      // For form-filling robots: hidden from people and from assistive technology.
      el("div", { hidden: "", "aria-hidden": "true" }, [
        el("label", { "for": id + "-website", text: _("Leave this empty") }),
        el("input", { id: id + "-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" })
      ]),
      joinCheck(id, "consent_share", _("I agree to share these details with the group"), _("Needed: we only send them to this group, for this purpose.")),
      joinCheck(id, "consent_follow_up", _("I am happy to be contacted later to see how it went (optional)")),
      joinCheck(id, "aged_16_or_over", _("I am 16 or over"), _("If you are under 16, please talk to a trusted adult or your GP practice: they can help you find something that suits you.")),
      el("p", { "class": "status", id: id + "-status", role: "status", "aria-live": "polite" }),
      el("button", { type: "submit", text: _("Send to the group") })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      sendJoin(form, id, assetId);
    });
    return form;
  }

  function joinBody(form, assetId) {
    var value = function (name) { var f = form.elements[name]; return f ? String(f.value || "").trim() : ""; };
    var chosen = form.querySelector("input[name='contact_method']:checked");
    var body = { asset_id: assetId, name: value("name"), good_time: value("good_time"), message: value("message"),
      website: value("website"), consent_share: form.elements.consent_share.checked,
      consent_follow_up: form.elements.consent_follow_up.checked, aged_16_or_over: form.elements.aged_16_or_over.checked };
    if (chosen) { body.contact_method = chosen.value; }
    if (value("phone")) { body.phone = value("phone"); }
    if (value("email")) { body.email = value("email"); }
    return body;
  }

  function sendJoin(form, id, assetId) {
    var status = form.querySelector("#" + id + "-status");
    clearJoinErrors(form, id);
    status.textContent = _("Sending…");
    window.fetch(base + "/api/v1/referrals", {
      method: "POST", headers: { "Accept": "application/json", "Content-Type": "application/json", "X-API-Key": key },
      body: JSON.stringify(joinBody(form, assetId)),
      credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    }).then(function (answer) {
      if (answer.status === 201) { joined(form, answer.json); return; }
      if (answer.status === 400) { showJoinErrors(form, id, answer.json); return; }
      status.textContent = answer.json.message || _("Something went wrong. Please try again.");
    }, function () {
      status.textContent = _("Linkwell could not be reached. Please try again in a minute.");
    });
  }

  function clearJoinErrors(form, id) {
    JOIN_FIELDS.forEach(function (name) {
      var msg = form.querySelector("#" + id + "-" + name + "-error");
      msg.hidden = true; msg.textContent = "";
      var field = form.querySelector("#" + id + "-" + name);
      field.removeAttribute("aria-invalid");
      var hint = form.querySelector("#" + id + "-" + name + "-hint");
      if (hint) { field.setAttribute("aria-describedby", hint.id); } else { field.removeAttribute("aria-describedby"); }
    });
  }

  function showJoinErrors(form, id, json) {
    var errors = json.errors || {};
    var first = null;
    var others = [];
    Object.keys(errors).forEach(function (name) {
      var text = flatten(errors[name]).join(" ");
      var msg = form.querySelector("#" + id + "-" + name + "-error");
      if (JOIN_FIELDS.indexOf(name) < 0 || !msg) { others.push(text); return; }
      var field = form.querySelector("#" + id + "-" + name);
      msg.textContent = _("Error:") + " " + text;
      msg.hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + msg.id).trim());
      first = first || (field.tagName === "FIELDSET" ? field.querySelector("input") : field);
    });
    var status = form.querySelector("#" + id + "-status");
    status.textContent = others.length ? others.join(" ") : _("There is a problem: see the messages by the form.");
    if (first) { first.focus(); }
  }

  function joined(form, json) {
    var done = el("div", { "class": "join" }, [
      heading(2, { text: _("Thank you: we are passing this to the group"), tabindex: "-1" }),
      el("p", {}, [document.createTextNode(_("Your reference is") + " "), el("span", { "class": "reference", text: json.reference || "" }),
        document.createTextNode(". " + _("Please keep it."))]),
      el("p", { lang: "en", dir: "ltr", text: json.what_happens_next || "" }),
      el("p", { lang: "en", dir: "ltr", text: json.how_to_withdraw || "" })
    ]);
    var open = form.previousSibling;
    if (open) { open.remove(); }
    form.replaceWith(done);  // the typed details go with the form
    done.firstChild.focus();
  }

  function list(label, items) {
    var wrap = el("div", {}, [el("p", { "class": "muted", text: label + ":" })]);
    // The matcher's reasons are in English: said so, for screen readers' voices.
    var ul = LANG.lang === "en" ? el("ul") : el("ul", { lang: "en", dir: "ltr" });
    items.forEach(function (text) { ul.appendChild(el("li", { text: text })); });
    wrap.appendChild(ul);
    return wrap;
  }

  // Space now, as the group said and when (an old statement counts as not known).
  function capacityText(found) {
    if (!found || !found.updated) { return ""; }
    var words = { open: _("Space now"), waiting: _("Waiting list"), full: _("Full for now") }[found.state] || _("Not known");
    return words + " (" + fmt(_("said %(date)s"), { date: found.updated }) + ")";
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
  loadLanguage(wantedLang, function () { build(root); });
}());
