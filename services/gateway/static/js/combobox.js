/* Suggestions as people type: the WAI-ARIA Authoring Practices "combobox with listbox popup"
   (editable, list autocomplete, no automatic selection) over GET /api/v1/suggest.

   The text box keeps focus; Down and Up move through the suggestions (aria-activedescendant),
   Home and End go to the first and last while one is active, Enter chooses the active one (or
   submits the form as typed when none is), Escape closes the list (or, closed, clears the
   box). A polite live region says how many suggestions there are. Requests wait until typing
   pauses, and an answer older than the words in the box is dropped.

   Used by linkwell.js on the pages and by widget.js inside its shadow root:
   LinkwellCombobox.attach(input, { url: function (q) {...}, headers: {...},
                                    choose: function (suggestion) {...}, fragment: fn }) */
(function (global) {
  "use strict";
  var DELAY = 200;
  var KINDS = { need: "need", activity: "activity", listing: "listing" };
  var made = 0;

  function describe(s) {
    if (s.kind === "listing") { return s.organization ? "listing, " + s.organization : "listing"; }
    return KINDS[s.kind] + ", " + s.count + (s.count === 1 ? " listing" : " listings");
  }

  function attach(input, options) {
    var root = input.getRootNode ? input.getRootNode() : document;
    var own = root.ownerDocument || root;
    var n = ++made;
    var list = own.createElement("ul");
    // The page's own live region where it has one; else one of ours (aria-live, no role, so
    // the page's one "status" stays the only one).
    var status = options.live || own.createElement("div");
    var wrapper = own.createElement("div");
    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    var last = null;

    list.id = (input.id || "lw-combo") + "-suggestions-" + n;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", options.label || "Suggestions");
    list.className = "lw-suggestions";
    list.hidden = true;
    if (!options.live) {
      status.className = options.hiddenClass || "visually-hidden";
      status.setAttribute("aria-live", "polite");
    }
    wrapper.className = "lw-combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    if (!options.live) { wrapper.appendChild(status); }

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    function typed() { return options.fragment ? options.fragment(input) : input.value; }

    function say(text) {
      status.textContent = "";
      global.setTimeout(function () { status.textContent = text; }, 50);
    }

    function open(isOpen) {
      list.hidden = !isOpen;
      input.setAttribute("aria-expanded", isOpen ? "true" : "false");
      if (!isOpen) { highlight(-1); }
    }

    function highlight(index) {
      active = index;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", items[index].id);
      if (items[index].scrollIntoView) { items[index].scrollIntoView({ block: "nearest" }); }
    }

    function show(suggestions) {
      last = suggestions;
      list.textContent = "";
      items = suggestions.map(function (s, i) {
        var li = own.createElement("li");
        var kind = own.createElement("span");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "lw-suggestion";
        li.appendChild(own.createTextNode(s.label));
        kind.className = "lw-suggestion-kind";
        kind.textContent = " (" + describe(s) + ")";
        li.appendChild(kind);
        // mousedown, not click: the text box keeps focus, so the list is not closed first
        li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(i); });
        list.appendChild(li);
        return li;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      open(items.length > 0);
      say(items.length ? items.length + (items.length === 1 ? " suggestion" : " suggestions") +
        ". Use the up and down arrows to choose." : "No suggestions.");
    }

    function ask() {
      var words = typed().trim();
      var ticket = ++asked;
      if (!words) { show([]); return; }
      global.fetch(options.url(words), { headers: options.headers || {}, credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (answer) {
          if (ticket === asked) { show(answer.suggestions || []); }
        }, function () { /* no suggestions: the form still works as typed */ });
    }

    function pick(index) {
      var chosen = last && last[index];
      open(false);
      if (chosen) { options.choose(chosen, input); }
    }

    input.addEventListener("input", function () {
      global.clearTimeout(timer);
      timer = global.setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var isOpen = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!isOpen) { if (items.length) { open(true); highlight(0); } else { ask(); } return; }
          highlight(active >= items.length - 1 ? 0 : active + 1);
          return;
        case "ArrowUp":
          event.preventDefault();
          if (!isOpen) { if (items.length) { open(true); highlight(items.length - 1); } return; }
          highlight(active <= 0 ? items.length - 1 : active - 1);
          return;
        case "Home":
        case "End":
          if (isOpen && active >= 0) {
            event.preventDefault();
            highlight(event.key === "Home" ? 0 : items.length - 1);
          }
          return;
        case "Enter":
          if (isOpen && active >= 0) {
            event.preventDefault();
            pick(active);
          }
          return;
        case "Escape":
          if (isOpen) {
            event.preventDefault();
            open(false);
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            items = [];
          }
          return;
        default:
          return;
      }
    });

    input.addEventListener("blur", function () { open(false); });
    return { close: function () { open(false); } };
  }

  global.LinkwellCombobox = { attach: attach, describe: describe };
}(window));
