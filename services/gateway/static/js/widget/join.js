  /* Part of the partner widget (see widget.js). */

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
