  /* Part of the partner widget (see widget.js): the answers as a list, with their facts,
     reasons and distances, and the notes when nothing or something urgent matched. */

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
