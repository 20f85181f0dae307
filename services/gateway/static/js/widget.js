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
    ".powered { margin: 1rem 0 0; font-size: 0.9rem; color: var(--linkwell-muted, #4a4a4a); }",
    "[hidden] { display: none !important; }",
    ".vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    ".join-open { margin-top: 0.5rem; } .join-link { display: inline-block; margin-top: 0.5rem; min-height: 44px; line-height: 44px; font-weight: 700; }",
    ".join { margin: 0.75rem 0 0; padding: 0.75rem; border-top: 1px solid var(--linkwell-muted, #4a4a4a); }",
    "fieldset { border: 0; margin: 0 0 0.75rem; padding: 0; } legend { font-weight: 700; padding: 0; margin: 0 0 0.25rem; }",
    ".check { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; } .check label { font-weight: 400; margin: 0; }",
    ".check input { width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0; flex: none; accent-color: var(--linkwell-accent, #00594f); }",
    ".reference { font-size: 1.3rem; font-weight: 700; letter-spacing: 0.05em; }",
    ".lw-combobox { position: relative; flex: 1; } .lw-combobox input { width: 100%; }",
    ".lw-suggestions { position: absolute; z-index: 10; left: 0; right: 0; top: 100%; margin: 0; padding: 0; list-style: none;",
    "  background: #fff; border: 2px solid var(--linkwell-text, #1b1b1b); max-height: 20rem; overflow-y: auto; }",
    ".lw-suggestion { padding: 0.6rem 0.75rem; min-height: 44px; cursor: pointer; border-left: 6px solid transparent; color: #1b1b1b; }",
    ".lw-suggestion[aria-selected='true'] { background: var(--linkwell-focus, #ffbf47); border-left-color: #1b1b1b; }",
    ".lw-suggestion-kind { color: #4a4a4a; } .lw-suggestion[aria-selected='true'] .lw-suggestion-kind { color: #1b1b1b; }"
  ].join("\n");
  var JOIN_FIELDS = ["name", "contact_method", "phone", "email", "good_time", "message",
    "consent_share", "consent_follow_up", "aged_16_or_over"];
  var joins = 0;

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
        el("p", { "class": "hint", id: "lw-postcode-hint", text: "To show what is near you: the first half (like SE6) is enough. It is not stored." }),
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
    function find(params) {
      params.set("per_page", "10");
      call("GET", "/api/v1/services?" + params.toString(), null, status, results, "search");
    }
    search.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = root.getElementById("lw-q").value.trim();
      find(new URLSearchParams(q ? { q: q } : {}));
    });
    suggestions(root.getElementById("lw-q"), find);
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

  // As linkwell.distances writes them: metres under a kilometre, then km to one decimal.
  var DISTANCE_TEXT = /^(?:Less than 100 m|\d+ m|\d+(?:\.\d)? km) away$/;
  function distanceText(km) {
    if (km < 0.1) { return "Less than 100 m away"; }
    if (km < 0.995) { return Math.round(km * 100) * 10 + " m away"; }
    return km.toFixed(1) + " km away";
  }

  function item(result) {
    var asset = Object.assign({}, result, result.asset || {});
    var li = el("li", { "class": "result" });
    var h = heading(1, {});
    h.appendChild(el("a", { href: base + "/services/" + encodeURIComponent(result.id || asset.id), rel: "noopener", text: asset.name || "Listing" }));
    li.appendChild(h);
    if (asset.organization && asset.organization !== asset.name) { li.appendChild(el("p", { "class": "muted", text: "Run by " + asset.organization })); }
    // The distance is shown once, among the facts (the reasons may say it too).
    var reasons = (result.reasons || []).filter(function (r) { return !DISTANCE_TEXT.test(r); });
    if (reasons.length) { li.appendChild(list("Why it might fit", reasons)); }
    if ((result.cautions || []).length) { li.appendChild(list("Worth knowing", result.cautions)); }
    var facts = el("dl", { "class": "facts" });
    var schedule = (asset.schedule || []).map(function (s) { return s.text; }).filter(Boolean);
    fact(facts, "When", schedule.join("; "));
    var place = (asset.places || [])[0];
    fact(facts, "Where", place ? [place.name, place.address].filter(Boolean).join(", ") : "");
    if (result.distance_km !== undefined && result.distance_km !== null) { fact(facts, "Distance", distanceText(Number(result.distance_km))); }
    fact(facts, "Cost", (asset.cost || {}).text || "");
    fact(facts, "How to join", asset.how_to_join || "");
    fact(facts, "Last confirmed", asset.last_confirmed || "Not known");
    li.appendChild(facts);
    if (asset.stale || result.stale) { li.appendChild(el("p", { "class": "stale", text: "Not confirmed for over a year: check with them before going." })); }
    li.appendChild(joinControl(result.id || asset.id, asset.name || "this group"));
    return li;
  }

  /* "I'd like to join": a short form under the result, posted with the partner key. Nothing
     typed is kept: the form is removed once sent, and nothing goes into storage or addresses. */
  function joinControl(assetId, name) {
    if (!key) {  // the iframe has no key of its own: Linkwell's own join page does the same
      return el("a", { "class": "join-link", href: base + "/services/" + encodeURIComponent(assetId) + "/join", rel: "noopener" },
        [document.createTextNode("I’d like to join"), el("span", { "class": "vh", text: " " + name })]);
    }
    var id = "lw-j" + (++joins);
    var wrap = el("div", {});
    var open = el("button", { type: "button", "class": "join-open", "aria-expanded": "false", "aria-controls": id },
      [document.createTextNode("I’d like to join"), el("span", { "class": "vh", text: " " + name })]);
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
    var form = el("form", { id: id, "class": "join", novalidate: "", "aria-label": "Ask to join " + name }, [
      joinField(id, "name", "Your first name, or the name you like to be called",
        el("input", { id: id + "-name", name: "name", type: "text", autocomplete: "given-name", maxlength: "100" })),
      el("fieldset", { id: id + "-contact_method" }, [
        el("legend", { text: "How should the group get in touch?" }),
        el("p", { "class": "error", id: id + "-contact_method-error", hidden: "" }),
        radio(id, "phone", "By phone"), radio(id, "email", "By email")
      ]),
      joinField(id, "phone", "Phone number (if you chose phone)",
        el("input", { id: id + "-phone", name: "phone", type: "tel", autocomplete: "tel", maxlength: "30" }), "A UK number, like 07700 900123"),
      joinField(id, "email", "Email address (if you chose email)",
        el("input", { id: id + "-email", name: "email", type: "email", autocomplete: "email", maxlength: "254", spellcheck: "false" })),
      joinField(id, "good_time", "A good time to get in touch (optional)",
        el("input", { id: id + "-good_time", name: "good_time", type: "text", maxlength: "200" }), "For example: weekday mornings"),
      joinField(id, "message", "Anything you would like the group to know (optional)",
        el("textarea", { id: id + "-message", name: "message", rows: "3", maxlength: "1000" })),
      // For form-filling robots: hidden from people and from assistive technology.
      el("div", { hidden: "", "aria-hidden": "true" }, [
        el("label", { "for": id + "-website", text: "Leave this empty" }),
        el("input", { id: id + "-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" })
      ]),
      joinCheck(id, "consent_share", "I agree to share these details with the group", "Needed: we only send them to this group, for this purpose."),
      joinCheck(id, "consent_follow_up", "I am happy to be contacted later to see how it went (optional)"),
      joinCheck(id, "aged_16_or_over", "I am 16 or over", "If you are under 16, please talk to a trusted adult or your GP practice: they can help you find something that suits you."),
      el("p", { "class": "status", id: id + "-status", role: "status", "aria-live": "polite" }),
      el("button", { type: "submit", text: "Send to the group" })
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
    status.textContent = "Sending…";
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
      status.textContent = answer.json.message || "Something went wrong. Please try again.";
    }, function () {
      status.textContent = "Linkwell could not be reached. Please try again in a minute.";
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
      msg.textContent = "Error: " + text;
      msg.hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + msg.id).trim());
      first = first || (field.tagName === "FIELDSET" ? field.querySelector("input") : field);
    });
    var status = form.querySelector("#" + id + "-status");
    status.textContent = others.length ? others.join(" ") : "There is a problem: see the messages by the form.";
    if (first) { first.focus(); }
  }

  function joined(form, json) {
    var done = el("div", { "class": "join" }, [
      heading(2, { text: "Thank you: we are passing this to the group", tabindex: "-1" }),
      el("p", {}, [document.createTextNode("Your reference is "), el("span", { "class": "reference", text: json.reference || "" }),
        document.createTextNode(". Please keep it.")]),
      el("p", { text: json.what_happens_next || "" }),
      el("p", { text: json.how_to_withdraw || "" })
    ]);
    var open = form.previousSibling;
    if (open) { open.remove(); }
    form.replaceWith(done);  // the typed details go with the form
    done.firstChild.focus();
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
