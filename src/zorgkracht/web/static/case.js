/* Zorgkracht: drawing in place on the case page. Vanilla, no libraries.
 *
 * Every change is one operation sent to POST /api/cases/{id}/edits with If-Match; the answer
 * brings the redrawn picture, the page fragments and the operation that undoes the change.
 * Undo and redo keep stacks of such inverse operations (an entry may hold several).
 */
(function () {
  "use strict";
  var app = document.getElementById("case-app");
  if (!app || app.dataset.editable !== "true") { initTabs(); return; }

  var state = {
    caseId: app.dataset.caseId,
    version: app.dataset.version,
    view: app.dataset.view,
    lang: app.dataset.lang,
    undo: [],
    redo: [],
    selected: null,
    connect: false,
    busy: false,
    data: readData()
  };
  var nl = state.lang !== "en";
  var T = {
    saved: nl ? "Opgeslagen." : "Saved.",
    saving: nl ? "Bezig met opslaan…" : "Saving…",
    undone: nl ? "Ongedaan gemaakt." : "Undone.",
    redone: nl ? "Opnieuw gedaan." : "Redone.",
    selected: nl ? "Geselecteerd: %s. Kies een tweede persoon om ze te verbinden." : "Selected: %s. Choose a second person to connect them.",
    selectedFamily: nl ? "Geselecteerd: %s. Kies een tweede persoon voor een familierelatie." : "Selected: %s. Choose a second person for a family relation.",
    parentOf: nl ? "%s is ouder van %s" : "%s is a parent of %s",
    childOf: nl ? "%s, kind van %s" : "%s, child of %s",
    and: nl ? " en " : " and ",
    deselected: nl ? "Niemand geselecteerd." : "Nobody selected.",
    connectHint: nl ? "Kies de eerste persoon, dan de tweede." : "Choose the first person, then the second.",
    confirmRemove: nl ? "%s verwijderen, met alle banden? (Ongedaan maken kan.)" : "Remove %s with all their ties? (You can undo this.)",
    conflict: nl ? "Iemand anders heeft deze casus intussen opgeslagen. Laad de pagina opnieuw." : "Someone else saved this case in the meantime. Reload the page.",
    failed: nl ? "Niet opgeslagen: " : "Not saved: ",
    network: nl ? "Geen verbinding met de server; er is niets opgeslagen." : "No connection with the server; nothing was saved."
  };

  function readData() {
    var el = document.getElementById("case-data");
    var empty = { persons: {}, ties: {}, domains: {}, couples: {}, children: {}, emotions: {} };
    try { return el ? JSON.parse(el.textContent) : empty; }
    catch (e) { return empty; }
  }
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) return meta.content;
    var field = document.querySelector('input[name="csrf_token"]');
    return field ? field.value : "";
  }
  function say(text) { var s = document.getElementById("edit-status"); if (s) s.textContent = text; }
  function fmt(text) {  // each %s in turn takes the next argument
    for (var i = 1; i < arguments.length; i++) text = text.replace("%s", arguments[i]);
    return text;
  }
  function nameOf(id) {
    var p = state.data.persons[id] || state.data.domains[id];
    return p ? p.name : id;
  }

  // --- talking to the server -----------------------------------------------------------------
  function send(op) {
    var url = "/api/cases/" + encodeURIComponent(state.caseId) + "/edits?view=" +
      encodeURIComponent(state.view) + "&lang=" + encodeURIComponent(state.lang) + "&fragments=true";
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "If-Match": '"' + state.version + '"',
                 "X-CSRF-Token": csrf(), "Accept": "application/json" },
      body: JSON.stringify(op)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) { var err = new Error("http"); err.status = response.status; err.body = body; throw err; }
        return body;
      });
    });
  }

  function apply(answer) {
    state.version = String(answer.version);
    app.dataset.version = state.version;
    document.querySelectorAll('input[name="version"]').forEach(function (i) { i.value = state.version; });
    var picture = document.getElementById("picture");
    if (picture && answer.svg) picture.innerHTML = answer.svg;
    var frags = answer.fragments || {};
    Object.keys(frags).forEach(function (name) {
      var box = document.getElementById("fragment-" + name);
      if (box) box.innerHTML = frags[name];
    });
    state.data = readData();
    reveal(document);
    addHitAreas();
    markSelection();
  }

  /* A transparent rectangle over each person's box, at least 44 px on screen, so that a
     finger or a shaky hand can take hold of them (drawn last, on top of the symbol). */
  function addHitAreas() {
    var svg = picture.querySelector("svg"), m = svg && svg.getScreenCTM();
    var scale = m ? Math.abs(m.a) || 1 : 1;
    var min = 44 / scale;
    picture.querySelectorAll("[data-person-id][data-bbox], [data-domain-id][data-bbox]").forEach(function (g) {
      if (g.querySelector(".zk-hit")) return;
      var b = g.getAttribute("data-bbox").split(/[ ,]+/).map(Number);
      if (b.length !== 4 || b.some(isNaN)) return;
      var w = Math.max(b[2], min), h = Math.max(b[3], min);
      var r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      r.setAttribute("class", "zk-hit");
      r.setAttribute("x", b[0] + b[2] / 2 - w / 2); r.setAttribute("y", b[1] + b[3] / 2 - h / 2);
      r.setAttribute("width", w); r.setAttribute("height", h);
      r.setAttribute("rx", 6); r.setAttribute("fill", "transparent");
      // a domain may hold persons: its area goes underneath them, a person's on top
      if (g.hasAttribute("data-domain-id")) g.insertBefore(r, g.firstChild); else g.appendChild(r);
    });
    // the thin lines of the genogram get a wide invisible band on top, to click or tap them
    picture.querySelectorAll("[data-couple-id], [data-family], [data-emotion-id]").forEach(function (g) {
      if (g.querySelector(".zk-hit-line")) return;
      g.querySelectorAll("path").forEach(function (line) {
        var band = line.cloneNode(false);
        band.removeAttribute("stroke-dasharray");
        band.setAttribute("class", "zk-hit-line");
        band.setAttribute("fill", "none");
        band.setAttribute("stroke", "transparent");
        band.setAttribute("stroke-width", 24 / scale);
        band.setAttribute("stroke-linecap", "butt");
        g.appendChild(band);
      });
    });
  }

  /* Run operations in order; resolve with their inverses in reverse order (one undo entry). */
  function runAll(ops) {
    var inverses = [];
    var chain = Promise.resolve();
    ops.forEach(function (op) {
      chain = chain.then(function () {
        return send(op).then(function (answer) { apply(answer); inverses.unshift(answer.undo); });
      });
    });
    return chain.then(function () { return inverses; }, function (err) {
      // whatever was done before the failure can still be undone
      if (inverses.length) state.undo.push(inverses);
      throw err;
    });
  }

  function perform(ops, form) {
    if (state.busy) return Promise.resolve(false);
    state.busy = true;
    say(T.saving);
    return runAll(ops).then(function (inverses) {
      state.undo.push(inverses);
      state.redo = [];
      say(T.saved);
      return true;
    }, function (err) { report(err, form); return false; })
      .finally(function () { state.busy = false; updateUndo(); });
  }

  function history(from, to, done) {
    if (state.busy || !from.length) return;
    state.busy = true;
    var entry = from.pop();
    runAll(entry).then(function (inverses) { to.push(inverses); say(done); },
      function (err) { report(err, null); })
      .finally(function () { state.busy = false; updateUndo(); });
  }

  function report(err, form) {
    if (!err || !err.status) { say(T.network); return; }
    if (err.status === 409) { say(T.conflict); return; }
    var e = (err.body && err.body.error) || {};
    var message = e.message ? (nl ? e.message.nl : e.message.en) : String(err.status);
    var problems = e.problems || [];
    var shown = false;
    if (form) {
      clearErrors(form);
      problems.forEach(function (p) {
        var field = p.where.split("/").pop();
        var slot = form.querySelector('[data-error-for="' + field + '"]');
        if (slot) {
          slot.textContent = nl ? p.nl : p.en; slot.hidden = false; shown = true;
          var input = form.querySelector('[name="' + field + '"]');
          if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
        }
      });
      if (!shown) {
        var general = form.querySelector('[data-error-for=""]');
        general.textContent = message + problems.map(function (p) { return " " + (nl ? p.nl : p.en); }).join(";");
        general.hidden = false;
      }
    }
    say(T.failed + message + problems.map(function (p) { return " " + p.where + ": " + (nl ? p.nl : p.en); }).join(";"));
  }

  function clearErrors(form) {
    form.querySelectorAll("[data-error-for]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  function updateUndo() {
    var u = app.querySelector('[data-action="undo"]'), r = app.querySelector('[data-action="redo"]');
    if (u) u.disabled = !state.undo.length;
    if (r) r.disabled = !state.redo.length;
  }

  // --- dialogs -------------------------------------------------------------------------------
  function dialog(id) { return document.getElementById(id); }
  function open(dlg, mode) {
    var form = dlg.querySelector("form");
    clearErrors(form);
    var title = dlg.querySelector("[data-title-add]");
    if (title) title.textContent = mode === "edit" ? title.dataset.titleEdit : title.dataset.titleAdd;
    dlg.querySelectorAll("[data-add-only]").forEach(function (el) { el.hidden = mode === "edit"; });
    dlg.querySelectorAll("[data-edit-only]").forEach(function (el) { el.hidden = mode !== "edit"; });
    dlg.dataset.mode = mode;
    if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
    var fields = form.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select");
    var first = Array.prototype.filter.call(fields, function (el) { return !el.closest("[hidden]"); })[0];
    if (first) first.focus();
  }
  function close(dlg) { if (dlg.close) dlg.close(); else dlg.removeAttribute("open"); }
  function value(form, name) { var el = form.elements[name]; return el ? el.value : ""; }
  function orNull(text) { return text === "" ? null : text; }
  function letters(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="support"]:checked')).map(function (i) { return i.value; });
  }

  var pending = {};  // what the open dialog is about

  function addPerson(point, circle) {
    var dlg = dialog("person-dialog"), form = dlg.querySelector("form");
    form.reset();
    var domain = form.elements.domain;
    domain.length = 1;
    Object.keys(state.data.domains).forEach(function (id) {
      domain.add(new Option(state.data.domains[id].name, id));
    });
    form.elements.gender.value = "unknown";
    if (circle) form.elements.circle.value = circle;
    pending = { kind: "add-person", point: point };
    open(dlg, "add");
  }

  function editPerson(id) {
    var dlg = dialog("person-dialog"), form = dlg.querySelector("form"), p = state.data.persons[id];
    if (!p) return;
    form.reset();
    ["name", "role", "gender", "circle", "zone", "frequency"].forEach(function (k) {
      form.elements[k].value = p[k] == null ? "" : p[k];
    });
    form.elements.household.checked = (state.data.household || []).indexOf(id) >= 0;
    // the domains this person belongs to, as checkboxes (add_to_domain / remove_from_domain)
    var list = dlg.querySelector("[data-domain-list]");
    list.textContent = "";
    var domains = state.data.domains || {};
    Object.keys(domains).forEach(function (d) {
      var label = document.createElement("label"), box = document.createElement("input"), span = document.createElement("span");
      label.className = "toggle";
      box.type = "checkbox"; box.name = "member_of"; box.value = d;
      box.checked = domains[d].members.indexOf(id) >= 0;
      span.textContent = domains[d].name;
      label.appendChild(box); label.appendChild(document.createTextNode(" ")); label.appendChild(span);
      list.appendChild(label);
    });
    pending = { kind: "edit-person", id: id, before: p };
    open(dlg, "edit");
    dlg.querySelector("[data-domain-boxes]").hidden = !Object.keys(domains).length;
  }

  function tieBetween(a, b) {
    var ties = state.data.ties;
    for (var id in ties) {
      if ((ties[id].a === a && ties[id].b === b) || (ties[id].a === b && ties[id].b === a)) return id;
    }
    return null;
  }

  function editTie(id, a, b) {
    var dlg = dialog("tie-dialog"), form = dlg.querySelector("form");
    form.reset();
    var t = id ? state.data.ties[id] : null;
    if (t) {
      a = t.a; b = t.b;
      form.querySelector('input[name="strength"][value="' + t.strength + '"]').checked = true;
      form.querySelector('input[name="quality"][value="' + t.quality + '"]').checked = true;
      form.elements.direction.value = t.direction;
      form.elements.reciprocal.value = t.reciprocal == null ? "" : String(t.reciprocal);
      t.support.forEach(function (l) { form.querySelector('input[name="support"][value="' + l + '"]').checked = true; });
    } else if (a === state.data.client || b === state.data.client) {
      if (b === state.data.client) { b = a; a = state.data.client; }
      form.elements.direction.value = "to_client";
    }
    dlg.querySelector("[data-tie-names]").textContent = nameOf(a) + " – " + nameOf(b);
    dlg.querySelector("[data-remove-tie]").hidden = !t;
    pending = { kind: "tie", id: id, a: a, b: b };
    open(dlg, t ? "edit" : "add");
  }

  function editDomain(id) {
    var dlg = dialog("domain-dialog"), form = dlg.querySelector("form");
    form.reset();
    if (id) form.elements.name.value = state.data.domains[id].name;
    else form.elements.kind.value = "other";
    pending = { kind: id ? "rename-domain" : "add-domain", id: id };
    open(dlg, id ? "edit" : "add");
  }

  // --- family relations (genogram) ------------------------------------------------------------
  function checked(form, name) {
    var el = form.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : "";
  }
  function year(form, name) {
    var text = value(form, name).trim();
    return text === "" ? null : /^\d+$/.test(text) ? Number(text) : text;  // the server names a bad one
  }
  function partnersOf(id) {
    var out = [], couples = state.data.couples || {};
    Object.keys(couples).forEach(function (c) {
      var other = couples[c].a === id ? couples[c].b : couples[c].b === id ? couples[c].a : null;
      if (other && other !== id && out.indexOf(other) < 0) out.push(other);
    });
    return out;
  }
  function showSection(form, kind) {
    form.querySelectorAll("[data-section]").forEach(function (el) { el.hidden = el.dataset.section !== kind; });
    showDirection(form);
  }
  function showDirection(form) {
    var option = form.elements.emotion_type.options[form.elements.emotion_type.selectedIndex];
    form.querySelector("[data-directed-only]").hidden = !(option && option.hasAttribute("data-directed"));
  }
  function fillOtherParent(form) {
    var a = pending.a, b = pending.b;
    var parent = checked(form, "parent") === "b" ? b : a, child = parent === a ? b : a;
    var select = form.elements.other_parent;
    select.length = 1;
    var partners = partnersOf(parent).filter(function (p) { return p !== child; });
    partners.forEach(function (p) { select.add(new Option(nameOf(p), p)); });
    select.value = partners.length === 1 ? partners[0] : "";
  }
  function fillDirection(form, a, b) {
    var options = form.elements.direction.options;
    options[0].text = nameOf(a) + " → " + nameOf(b);
    options[1].text = nameOf(b) + " → " + nameOf(a);
    form.elements.direction.value = "ab";
  }

  /* Two persons chosen on the genogram: partners, parent and child, or an emotional relation. */
  function addFamily(a, b, kind) {
    var dlg = dialog("family-dialog"), form = dlg.querySelector("form");
    form.reset();
    pending = { kind: "family", a: a, b: b };
    dlg.querySelector("[data-family-names]").textContent = nameOf(a) + " – " + nameOf(b);
    dlg.querySelector('[data-parent-label="a"]').textContent = fmt(T.parentOf, nameOf(a), nameOf(b));
    dlg.querySelector('[data-parent-label="b"]').textContent = fmt(T.parentOf, nameOf(b), nameOf(a));
    var pa = state.data.persons[a] || {}, pb = state.data.persons[b] || {};
    var older = pa.birth_year != null && pb.birth_year != null && pb.birth_year < pa.birth_year ? "b" : "a";
    form.querySelector('input[name="parent"][value="' + older + '"]').checked = true;
    form.querySelector('input[name="relation"][value="' + (kind || "couple") + '"]').checked = true;
    fillOtherParent(form);
    fillDirection(form, a, b);
    showSection(form, kind || "couple");
    dlg.querySelector("[data-remove-relation]").hidden = true;
    open(dlg, "add");
    form.querySelector('input[name="relation"]:checked').focus();
  }

  /* A couple, child relation or emotional relation that is there: change its type (and years)
     or remove it. */
  function editRelation(kind, id) {
    var dlg = dialog("family-dialog"), form = dlg.querySelector("form");
    var rel = (state.data[kind === "couple" ? "couples" : kind === "child" ? "children" : "emotions"] || {})[id];
    if (!rel) return;
    form.reset();
    pending = { kind: kind, id: id, before: rel };
    var names;
    if (kind === "couple") {
      form.elements.couple_type.value = rel.type;
      form.elements.start_year.value = rel.start_year == null ? "" : rel.start_year;
      form.elements.end_year.value = rel.end_year == null ? "" : rel.end_year;
      names = nameOf(rel.a) + " – " + nameOf(rel.b);
    } else if (kind === "child") {
      form.elements.child_type.value = rel.type;
      names = fmt(T.childOf, nameOf(rel.child), rel.parents.map(nameOf).join(T.and));
    } else {
      form.elements.emotion_type.value = rel.type;
      fillDirection(form, rel.a, rel.b);
      names = nameOf(rel.a) + " – " + nameOf(rel.b);
    }
    dlg.querySelector("[data-family-names]").textContent = names;
    showSection(form, kind);
    dlg.querySelector("[data-remove-relation]").hidden = false;
    open(dlg, "edit");
  }

  /* A click on a line of the genogram: which relation it draws. */
  function lineClicked(g, event) {
    var data = state.data;
    if (g.hasAttribute("data-emotion-id")) { editRelation("emotion", g.getAttribute("data-emotion-id")); return; }
    if (g.hasAttribute("data-child-id")) { editRelation("child", g.getAttribute("data-child-id")); return; }
    var children = data.children || {};
    if (g.hasAttribute("data-couple-id")) {
      var cid = g.getAttribute("data-couple-id");
      if ((data.couples || {})[cid]) { editRelation("couple", cid); return; }
      // two parents drawn together without a couple relation: offer to make them partners
      for (var k in children) {
        if (children[k].family === "c:" + cid && children[k].parents.length === 2) {
          addFamily(children[k].parents[0], children[k].parents[1], "couple");
          return;
        }
      }
      return;
    }
    var key = g.getAttribute("data-family");
    var candidates = Object.keys(children).filter(function (k) { return children[k].family === key; });
    if (!candidates.length) return;
    // the child whose symbol is nearest (left to right) to the click on the bar or line
    var at = toSvg(event), best = candidates[0], distance = Infinity;
    candidates.forEach(function (k) {
      var box = picture.querySelector('[data-person-id="' + CSS.escape(children[k].child) + '"][data-bbox]');
      if (!box || !at) return;
      var b = box.getAttribute("data-bbox").split(/[ ,]+/).map(Number);
      var d = Math.abs(b[0] + b[2] / 2 - at.x);
      if (d < distance) { distance = d; best = k; }
    });
    editRelation("child", best);
  }

  function submitFamily(form) {
    var kind = pending.kind;
    if (kind === "family") {
      var a = pending.a, b = pending.b, relation = checked(form, "relation"), op;
      if (relation === "couple") {
        op = { op: "add_couple", a: a, b: b, type: value(form, "couple_type") };
        ["start_year", "end_year"].forEach(function (k) { var y = year(form, k); if (y !== null) op[k] = y; });
      } else if (relation === "child") {
        var parent = checked(form, "parent") === "b" ? b : a;
        var parents = [parent];
        if (value(form, "other_parent")) parents.push(value(form, "other_parent"));
        op = { op: "add_child", child: parent === a ? b : a, parents: parents, type: value(form, "child_type") };
      } else {
        var back = value(form, "direction") === "ba";
        op = { op: "add_emotion", a: back ? b : a, b: back ? a : b, type: value(form, "emotion_type") };
      }
      return perform([op], form);
    }
    var before = pending.before, changes = {};
    var fields = kind === "couple"
      ? { type: value(form, "couple_type"), start_year: year(form, "start_year"), end_year: year(form, "end_year") }
      : kind === "child" ? { type: value(form, "child_type") } : { type: value(form, "emotion_type") };
    if (kind === "emotion" && value(form, "direction") === "ba") { fields.a = before.b; fields.b = before.a; }
    Object.keys(fields).forEach(function (k) {
      if (fields[k] !== (before[k] == null ? null : before[k])) changes[k] = fields[k];
    });
    if (!Object.keys(changes).length) return Promise.resolve(true);
    return perform([{ op: "update_" + kind, id: pending.id, changes: changes }], form);
  }

  function submitPerson(form) {
    var fields = {
      name: value(form, "name").trim(), role: orNull(value(form, "role")),
      gender: value(form, "gender") || "unknown", circle: orNull(value(form, "circle")),
      zone: orNull(value(form, "zone")), frequency: orNull(value(form, "frequency"))
    };
    if (pending.kind === "edit-person") {
      var changes = {};
      Object.keys(fields).forEach(function (k) {
        var before = pending.before[k] == null ? null : pending.before[k];
        if (fields[k] !== before) changes[k] = fields[k];
      });
      var ops = [];
      if (Object.keys(changes).length) ops.push({ op: "update_person", id: pending.id, changes: changes });
      var member = form.elements.household.checked;
      if (member !== ((state.data.household || []).indexOf(pending.id) >= 0)) {
        ops.push({ op: "set_household", id: pending.id, member: member });
      }
      form.querySelectorAll('input[name="member_of"]').forEach(function (box) {
        var domain = state.data.domains[box.value];
        var was = !!domain && domain.members.indexOf(pending.id) >= 0;
        if (box.checked && !was) ops.push({ op: "add_to_domain", domain: box.value, person: pending.id });
        if (!box.checked && was) ops.push({ op: "remove_from_domain", domain: box.value, person: pending.id });
      });
      if (!ops.length) return Promise.resolve(true);
      return perform(ops, form);
    }
    var op = { op: "add_person", support: letters(form), household: form.elements.household.checked };
    Object.keys(fields).forEach(function (k) { if (fields[k] !== null) op[k] = fields[k]; });
    if (value(form, "domain")) op.domain = value(form, "domain");
    var point = pending.point;
    if (!point || state.view === "netwerkschema") return perform([op], form);
    // place the new person where the double-click was: add, then pin the position
    if (state.busy) return Promise.resolve(false);
    state.busy = true;
    say(T.saving);
    var inverses = [];
    return send(op).then(function (answer) {
      apply(answer); inverses.unshift(answer.undo);
      return send({ op: "set_position", view: state.view, id: answer.undo.id, x: point.x, y: point.y });
    }).then(function (answer) {
      apply(answer); inverses.unshift(answer.undo);
    }).then(function () { return true; }, function (err) { report(err, form); return false; })
      .then(function (ok) {
        if (inverses.length) { state.undo.push(inverses); state.redo = []; }
        if (ok) say(T.saved);
        state.busy = false; updateUndo();
        return ok;
      });
  }

  function submitTie(form) {
    var fields = {
      strength: Number(value(form, "strength") || form.querySelector('input[name="strength"]:checked').value),
      quality: form.querySelector('input[name="quality"]:checked').value,
      direction: value(form, "direction"),
      support: letters(form),
      reciprocal: value(form, "reciprocal") === "" ? null : value(form, "reciprocal") === "true"
    };
    if (pending.id) return perform([{ op: "update_tie", id: pending.id, changes: fields }], form);
    var op = { op: "add_tie", a: pending.a, b: pending.b };
    Object.keys(fields).forEach(function (k) { op[k] = fields[k]; });
    return perform([op], form);
  }

  function submitDomain(form) {
    var name = value(form, "name").trim();
    if (pending.kind === "rename-domain") return perform([{ op: "rename_domain", id: pending.id, name: name }], form);
    return perform([{ op: "add_domain", name: name, kind: value(form, "kind") || "other" }], form);
  }

  document.querySelectorAll(".edit-dialog form").forEach(function (form) {
    var dlg = form.closest("dialog");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var kind = form.dataset.form;
      var run = kind === "person" ? submitPerson : kind === "tie" ? submitTie : kind === "family" ? submitFamily : submitDomain;
      run(form).then(function (ok) { if (ok) { close(dlg); select(null, true); } });
    });
    form.querySelectorAll("[data-close]").forEach(function (b) {
      b.addEventListener("click", function () { close(dlg); });
    });
    var remove = form.querySelector("[data-remove-tie]");
    if (remove) remove.addEventListener("click", function () {
      perform([{ op: "remove_tie", id: pending.id }], form).then(function (ok) { if (ok) close(dlg); });
    });
    var removeRelation = form.querySelector("[data-remove-relation]");
    if (removeRelation) removeRelation.addEventListener("click", function () {
      perform([{ op: "remove_" + pending.kind, id: pending.id }], form).then(function (ok) { if (ok) close(dlg); });
    });
    var tieInstead = form.querySelector("[data-tie-instead]");
    if (tieInstead) tieInstead.addEventListener("click", function () {
      var a = pending.a, b = pending.b;
      close(dlg);
      editTie(tieBetween(a, b), a, b);
    });
    if (form.dataset.form === "family") {
      form.addEventListener("change", function (event) {
        var name = event.target.name;
        if (name === "relation") showSection(form, checked(form, "relation"));
        else if (name === "parent") fillOtherParent(form);
        else if (name === "emotion_type") showDirection(form);
      });
    }
  });

  // --- selection and connecting ----------------------------------------------------------------
  function select(id, quiet) {
    state.selected = id;
    markSelection();
    if (!quiet) say(id ? fmt(state.view === "genogram" ? T.selectedFamily : T.selected, nameOf(id)) : T.deselected);
  }
  function markSelection() {
    document.querySelectorAll("#picture [data-person-id]").forEach(function (g) {
      g.classList.toggle("selected", g.getAttribute("data-person-id") === state.selected);
    });
    document.querySelectorAll('[data-action="select-person"]').forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.id === state.selected));
    });
    var c = app.querySelector('[data-action="connect"]');
    if (c) c.setAttribute("aria-pressed", String(state.connect));
  }
  function choose(id) {
    if (state.selected && state.selected !== id) {
      var a = state.selected;
      state.connect = false;
      select(null, true);
      if (state.view === "genogram") addFamily(a, id);
      else editTie(tieBetween(a, id), a, id);
    } else if (state.selected === id) {
      select(null);
    } else {
      select(id);
    }
  }

  // --- buttons (toolbar and person list) --------------------------------------------------------
  app.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button || button.disabled) return;
    var id = button.dataset.id;
    switch (button.dataset.action) {
      case "add-person": addPerson(null, null); break;
      case "add-domain": editDomain(null); break;
      case "connect":
        state.connect = !state.connect;
        select(null, true);
        say(state.connect ? T.connectHint : T.deselected);
        break;
      case "undo": history(state.undo, state.redo, T.undone); break;
      case "redo": history(state.redo, state.undo, T.redone); break;
      case "edit-person": editPerson(id); break;
      case "select-person": choose(id); break;
      case "remove-person":
        if (window.confirm(fmt(T.confirmRemove, nameOf(id)))) perform([{ op: "remove_person", id: id }], null);
        break;
      case "edit-tie": editTie(id); break;
      case "edit-relation": editRelation(button.dataset.kind, id); break;
      case "edit-domain": editDomain(id); break;
      case "remove-domain":
        if (window.confirm(fmt(T.confirmRemove, nameOf(id)))) perform([{ op: "remove_domain", id: id }], null);
        break;
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || document.querySelector("dialog[open]")) return;
    var key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); history(state.undo, state.redo, T.undone); }
    else if (key === "y" || (key === "z" && event.shiftKey)) { event.preventDefault(); history(state.redo, state.undo, T.redone); }
  });

  // --- pointer: select, drag, double-click ------------------------------------------------------
  var picture = document.getElementById("picture");
  var drag = null;

  function svgRoot() { return picture.querySelector("svg"); }
  function toSvg(event) {
    var svg = svgRoot(), m = svg && svg.getScreenCTM();
    if (!m) return null;
    var p = svg.createSVGPoint(); p.x = event.clientX; p.y = event.clientY;
    var q = p.matrixTransform(m.inverse());
    return { x: q.x, y: q.y };
  }
  function symbolCentre(g) {
    var shape = g.querySelector("rect:not(.zk-hit), circle, ellipse, polygon, path, use");
    var box = (shape || g).getBBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  function ringAt(point) {
    var schema = picture.querySelector("[data-center]");
    if (!schema) return null;
    var c = schema.getAttribute("data-center").split(/[ ,]+/).map(Number);
    var r = Math.hypot(point.x - c[0], point.y - c[1]);
    var rings = schema.querySelectorAll("[data-r-outer]");
    for (var i = 0; i < rings.length; i++) {
      var inner = Number(rings[i].getAttribute("data-r-inner")), outer = Number(rings[i].getAttribute("data-r-outer"));
      if (r >= inner && r <= outer) return rings[i].getAttribute("data-circle");
    }
    return null;
  }
  var LINES = "[data-couple-id], [data-family], [data-child-id], [data-emotion-id]";
  function target(event) {
    return event.target.closest && event.target.closest("[data-person-id], [data-domain-id], [data-tie-id], " + LINES);
  }
  function draggable(g) { return g.hasAttribute("data-person-id") || g.hasAttribute("data-domain-id"); }

  picture.addEventListener("pointerdown", function (event) {
    var g = target(event);
    if (!g || event.button > 0 || !svgRoot()) return;
    var start = toSvg(event);
    if (!start) return;
    drag = { g: g, start: start, x: event.clientX, y: event.clientY, moved: false, pointer: event.pointerId };
  });
  picture.addEventListener("pointermove", function (event) {
    if (!drag || drag.pointer !== event.pointerId || !draggable(drag.g)) return;
    if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 6) return;
    if (!drag.moved) { drag.moved = true; drag.g.classList.add("dragging"); picture.setPointerCapture(event.pointerId); }
    var now = toSvg(event);
    if (now) drag.g.setAttribute("transform", "translate(" + (now.x - drag.start.x) + " " + (now.y - drag.start.y) + ")");
    event.preventDefault();
  });
  function endDrag(event) {
    if (!drag || drag.pointer !== event.pointerId) return;
    var d = drag; drag = null;
    if (!d.moved) {
      var pid = d.g.getAttribute("data-person-id"), tid = d.g.getAttribute("data-tie-id");
      if (pid) choose(pid); else if (tid) editTie(tid); else if (!draggable(d.g)) lineClicked(d.g, event);
      return;
    }
    d.g.classList.remove("dragging");
    var now = toSvg(event) || d.start;
    var centre = symbolCentre(d.g);  // getBBox ignores the group's own transform
    var to = { x: centre.x + now.x - d.start.x, y: centre.y + now.y - d.start.y };
    var id = d.g.getAttribute("data-person-id") || d.g.getAttribute("data-domain-id");
    var ops = [];
    if (state.view === "netwerkschema" && d.g.hasAttribute("data-person-id")) {
      var circle = ringAt(to);
      var before = state.data.persons[id] && state.data.persons[id].circle;
      if (circle && circle !== before) ops.push({ op: "set_circle", id: id, circle: circle });
    }
    if (!ops.length) ops.push({ op: "set_position", view: state.view, id: id, x: Math.round(to.x * 10) / 10, y: Math.round(to.y * 10) / 10 });
    perform(ops, null).then(function (ok) { if (!ok) d.g.removeAttribute("transform"); });
  }
  picture.addEventListener("pointerup", endDrag);
  picture.addEventListener("pointercancel", function (event) {
    if (drag && drag.pointer === event.pointerId) { drag.g.removeAttribute("transform"); drag = null; }
  });
  picture.addEventListener("dblclick", function (event) {
    var g = target(event);
    if (g && g.hasAttribute("data-person-id")) { editPerson(g.getAttribute("data-person-id")); return; }
    if (g && g.hasAttribute("data-domain-id")) { editDomain(g.getAttribute("data-domain-id")); return; }
    if (g) return;
    var point = toSvg(event);
    addPerson(point, point && state.view === "netwerkschema" ? ringAt(point) : null);
  });

  // --- start -----------------------------------------------------------------------------------
  function reveal(root) {
    root.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
  }
  reveal(document);
  addHitAreas();
  initTabs();
  updateUndo();

  // --- tabs: a real ARIA tab list, arrow keys move between the tabs ------------------------------
  function initTabs() {
    var list = document.getElementById("view-tabs");
    if (!list) return;
    var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
    tabs.forEach(function (tab) {
      tab.tabIndex = tab.getAttribute("aria-selected") === "true" ? 0 : -1;
      tab.addEventListener("keydown", function (event) {
        var i = tabs.indexOf(tab), next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") next = tabs[(i + 1) % tabs.length];
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = tabs[(i - 1 + tabs.length) % tabs.length];
        else if (event.key === "Home") next = tabs[0];
        else if (event.key === "End") next = tabs[tabs.length - 1];
        else if (event.key === " ") { event.preventDefault(); tab.click(); return; }
        if (next) { event.preventDefault(); tabs.forEach(function (t) { t.tabIndex = -1; }); next.tabIndex = 0; next.focus(); }
      });
    });
  }
})();
