/* Linkwell's page, enhanced: the shortlist kept in this browser (localStorage, asset ids only),
   print and copy buttons, and the map when a tile source is configured. Everything here is
   optional: without it the same forms work through the server. No framework, no tracking. */
(function () {
  "use strict";
  var KEY = "linkwell.shortlist";
  var ID = /^[A-Za-z0-9._:-]{1,100}$/;
  var MESSAGES = null;

  // The page's language: its catalog's words for this script, put in the page by the server.
  function _(text) {
    if (MESSAGES === null) {
      var holder = document.getElementById("js-messages");
      try { MESSAGES = holder ? JSON.parse(holder.textContent) : {}; } catch (e) { MESSAGES = {}; }
    }
    return MESSAGES[text] || text;
  }
  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name] === undefined ? all : String(values[name]); });
  }

  /* Quick exit: the button, or Escape twice within a second, leaves for a neutral site and
     replaces this page in the history, so "Back" does not return here. */
  function quickExit(event) {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) { return; }
    if (event) { event.preventDefault(); }
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(event); }
    lastEscape = now;
  });
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (target) { quickExit(event); }
  });

  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? ids.filter(function (i) { return ID.test(i); }) : [];
    } catch (e) {
      return [];
    }
  }

  function save(ids) {
    try { window.localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode */ }
    showCount(ids);
  }

  function announce(text) {
    var region = document.getElementById("announce");
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  function shortlistUrl(ids) {
    return "/shortlist" + (ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : "");
  }

  function showCount(ids) {
    document.querySelectorAll(".js-shortlist-count").forEach(function (el) { el.textContent = ids.length; });
    document.querySelectorAll(".js-shortlist-link").forEach(function (el) { el.href = shortlistUrl(ids); });
    document.querySelectorAll("form.js-add").forEach(function (form) { markAdded(form, ids); });
  }

  function markAdded(form, ids) {
    var button = form.querySelector("button");
    if (!button) { return; }
    if (!button.dataset.label) { button.dataset.label = button.innerHTML; }
    var added = ids.indexOf(form.dataset.id) !== -1;
    button.innerHTML = added ? escapeHtml(_("On my shortlist")) + "<span class=\"visually-hidden\"> (" +
      escapeHtml(form.dataset.name || "") + ")</span>" : button.dataset.label;
    button.setAttribute("aria-disabled", added ? "true" : "false");
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function enhanceAddButtons() {
    document.querySelectorAll("form.js-add").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var ids = load();
        if (ids.indexOf(form.dataset.id) === -1) {
          ids.push(form.dataset.id);
          save(ids);
          announce(fmt(_("%(name)s added to your shortlist."), { name: form.dataset.name || _("This option") }) + " " +
            (ids.length === 1 ? _("1 option on it.") : fmt(_("%(num)s options on it."), { num: ids.length })));
        } else {
          announce(fmt(_("%(name)s is already on your shortlist."), { name: form.dataset.name || _("This option") }));
        }
      });
    });
  }

  function enhanceShortlistPage() {
    if (document.body.dataset.page !== "shortlist") { return; }
    var params = new URLSearchParams(window.location.search);
    var stored = load();
    if (!params.get("ids") && stored.length) {
      window.location.replace(shortlistUrl(stored));
      return;
    }
    document.querySelectorAll("form.js-remove").forEach(function (form) {
      form.addEventListener("submit", function () {
        save(load().filter(function (i) { return i !== form.dataset.id; }));
      });
    });
    document.querySelectorAll(".js-print").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".js-copy").forEach(function (button) {
      if (!navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var input = document.getElementById(button.dataset.target);
        navigator.clipboard.writeText(input.value).then(function () {
          announce(_("Link copied."));
        }, function () {
          input.select();
          announce(_("Select the link and copy it."));
        });
      });
    });
  }

  function seedFromPage() {
    // A shortlist built without JavaScript (in the address) becomes this browser's shortlist.
    var fromPage = (document.body.dataset.shortlist || "").split(",").filter(function (i) { return ID.test(i); });
    var stored = load();
    if (!stored.length && fromPage.length) { save(fromPage); } else { showCount(stored); }
  }

  function drawMap() {
    var holder = document.getElementById("map");
    var data = document.getElementById("map-points");
    if (!holder || !data || !window.L) { return; }
    var points = JSON.parse(data.textContent);
    var map = window.L.map(holder, { scrollWheelZoom: false });
    window.L.tileLayer(holder.dataset.tiles, {
      attribution: holder.dataset.attribution || "", maxZoom: 19
    }).addTo(map);
    var bounds = [];
    // Numbered pins that match the numbered list of places under the map. They are a picture:
    // the list holds the links (and is what keyboards and screen readers use), so the pins take
    // no clicks and no focus, and close-together pins never make targets too small to hit.
    points.forEach(function (p) {
      var icon = window.L.divIcon({ className: "map-pin", html: String(p.n), iconSize: [28, 28] });
      window.L.marker([p.lat, p.lon], { icon: icon, interactive: false, keyboard: false, alt: "" }).addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 15); } else { map.fitBounds(bounds, { padding: [24, 24] }); }
  }

  /* "Use my location" on the match form: the browser's position, rounded to about 100 m
     (3 decimal places) here, before it leaves the page; sent in the form's body only. */
  function roundPlace(value) { return Math.round(value * 1000) / 1000; }

  function enhanceLocation() {
    var holder = document.getElementById("use-location");
    if (!holder || !navigator.geolocation) { return; }
    var button = holder.querySelector("button");
    var note = document.getElementById("location-note");
    var lat = document.getElementById("lat");
    var lon = document.getElementById("lon");
    holder.hidden = false;
    button.addEventListener("click", function () {
      note.textContent = _("Finding where you are…");
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = roundPlace(position.coords.latitude).toFixed(3);
        lon.value = roundPlace(position.coords.longitude).toFixed(3);
        note.textContent = _("Using your location, rounded to about 100 m. It is not stored.");
      }, function () {
        lat.value = ""; lon.value = "";
        note.textContent = _("Your location could not be found. You can give a postcode instead.");
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
    });
  }

  function suggestUrl(kinds) {
    return function (words) {
      return "/api/v1/suggest?q=" + encodeURIComponent(words) + (kinds ? "&kind=" + kinds : "");
    };
  }

  function withShortlist(path) {
    var ids = load();
    return ids.length ? path + (path.indexOf("?") === -1 ? "?" : "&") + "shortlist=" + ids.join(",") : path;
  }

  // The search boxes: a need or activity searches with it as a filter; a listing opens it.
  function suggestSearches() {
    document.querySelectorAll("input#q").forEach(function (input) {
      window.LinkwellCombobox.attach(input, {
        url: suggestUrl(""),
        live: document.getElementById("announce"),
        choose: function (s) {
          input.value = s.label;
          window.location.assign(s.choose.type === "listing"
            ? "/services/" + encodeURIComponent(s.choose.id)
            : withShortlist("/search?" + s.choose.name + "=" + encodeURIComponent(s.choose.value)));
        }
      });
    });
  }

  // "Things you enjoy": the words after the last comma are suggested for; a need ticks its
  // box under "What would help?", an activity takes the place of the words typed.
  function suggestInterests() {
    var input = document.getElementById("interests");
    if (!input) { return; }
    var typedPart = function () { return input.value.split(",").pop(); };
    var keep = function (text) {
      var parts = input.value.split(",");
      parts.pop();
      parts = parts.map(function (p) { return p.trim(); }).filter(Boolean);
      if (text) { parts.push(text); }
      input.value = parts.join(", ") + (text ? ", " : "");
    };
    window.LinkwellCombobox.attach(input, {
      url: suggestUrl("need,activity"),
      live: document.getElementById("announce"),
      fragment: typedPart,
      choose: function (s) {
        var box = s.kind === "need" && document.getElementById("need-" + s.id);
        if (box) {
          box.checked = true;
          var group = box.closest("details");
          if (group) { group.open = true; }
          keep("");
          announce(fmt(_("Ticked “%(label)s” under What would help."), { label: s.label }));
        } else {
          keep(s.label);
          announce(fmt(_("Added “%(label)s”."), { label: s.label }));
        }
      }
    });
  }

  function focusErrors() {
    var summary = document.querySelector(".error-summary[tabindex]");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    seedFromPage();
    enhanceAddButtons();
    enhanceShortlistPage();
    drawMap();
    enhanceLocation();
    if (window.LinkwellCombobox) {
      suggestSearches();
      suggestInterests();
    }
    focusErrors();
  });
}());
