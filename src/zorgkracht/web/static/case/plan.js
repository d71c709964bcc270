/* The plan page and the meeting screen: every form is one edit operation of the edits API.
 *
 * A form says which operation it makes: data-op="add_action" (fields as the operation's fields),
 * data-op="update_action" data-id="ac1" (the fields become "changes"), data-op="set_record"
 * data-record="intake" (the fields become "value"), data-op="set_step" data-step="2". A field's
 * data-type says how to read it: int, float, date, time, bool, list (checked boxes), persons
 * (action persons: person, part, hours a week), invitees. An empty typed field is null; an add
 * leaves nulls out. The answer's inverse goes on the undo stack. An edit of one action asks for
 * that action's part of the page in the same answer and swaps in only what changed (refresh);
 * after any other edit the page's main part and the map with its plan layer are loaded again.
 * A refusal (422) shows each problem next to the field it names.
 *
 * Persons are picked from the lists or by clicking them on the picture: the last picker that was
 * used (or whose "pick on the map" button was pressed) gets the person clicked; a person the
 * client does not want asked stays disabled, and the reason is said. */
import { post } from "./api.js";
import { inLanguage, t } from "../messages.js";

var root = document.getElementById("plan-app");
var state = { caseId: root.dataset.caseId, version: root.dataset.version, undo: [], busy: false, picker: null };

function say(text) { var s = document.getElementById("plan-status"); if (s) s.textContent = text; }

/* An edit of one action shown on this page asks for that action's part of the page in the same
 * answer (?part=action: its item, the plan load and the badges on this page's view). This page
 * shows no picture of the edit's answer, so it says it has the last one (drawn=): a plan edit
 * leaves the map as it was, and from the page's second edit on the answer carries an empty
 * patch instead of the whole SVG. */
function send(op) {
  var url = "/api/cases/" + encodeURIComponent(state.caseId) + "/edits?lang=" + encodeURIComponent(root.dataset.lang) +
    "&drawn=" + encodeURIComponent(state.version);
  if (op.op === "update_action" && document.getElementById("action-item-" + op.id))
    url += "&part=action&view=" + encodeURIComponent(root.dataset.view);
  return post(url, state.version, op);
}

function value(el) {
  var type = el.dataset.type || "text";
  if (type === "bool") return el.checked;
  var v = el.value.trim();
  if (type === "text") return el.value;
  if (type === "tristate") return v === "" ? null : v === "true";
  if (v === "") return null;
  if (type === "int") return parseInt(v, 10);
  if (type === "float") return parseFloat(v.replace(",", "."));
  return v;  // date, time, code
}

function readPersons(box) {
  var rows = [];
  box.querySelectorAll("[data-person-row]").forEach(function (row) {
    var check = row.querySelector('input[type="checkbox"]');
    if (!check.checked) return;
    var item = { person: check.value };
    var part = row.querySelector('[data-sub="part"]'), hours = row.querySelector('[data-sub="hours_per_week"]');
    if (part && part.value) item.part = part.value;
    if (hours && hours.value.trim() !== "") item.hours_per_week = parseFloat(hours.value.replace(",", "."));
    rows.push(item);
  });
  return rows;
}

function readInvitees(box) {
  var before = {};
  try { JSON.parse(box.dataset.existing || "[]").forEach(function (i) { before[i.person] = i; }); } catch (e) { /* none */ }
  var list = [];
  box.querySelectorAll('input[type="checkbox"]:checked').forEach(function (c) {
    list.push(before[c.value] || { person: c.value });
  });
  return list;
}

export function readForm(form) {
  var fields = {};
  form.querySelectorAll("[data-field]").forEach(function (el) {
    var name = el.dataset.field, type = el.dataset.type;
    if (type === "list") {
      fields[name] = Array.prototype.map.call(el.querySelectorAll('input[type="checkbox"]:checked'), function (c) { return c.value; });
    } else if (type === "persons") fields[name] = readPersons(el);
    else if (type === "invitees") fields[name] = readInvitees(el);
    else fields[name] = value(el);
  });
  return fields;
}

export function opOf(form) {
  var kind = form.dataset.op, fields = readForm(form);
  if (kind.indexOf("update_") === 0) return { op: kind, id: form.dataset.id, changes: fields };
  if (kind === "set_record") {
    var v = {};
    Object.keys(fields).forEach(function (k) { if (fields[k] !== null) v[k] = fields[k]; });
    return { op: kind, record: form.dataset.record, value: v };
  }
  var op = { op: kind };
  if (form.dataset.step) op.step = parseInt(form.dataset.step, 10);
  Object.keys(fields).forEach(function (k) { if (fields[k] !== null) op[k] = fields[k]; });
  return op;
}

/* Send operations in order; one undo entry of their inverses. */
export function perform(ops, form, anchor) {
  if (state.busy) return Promise.resolve(false);
  state.busy = true;
  say(t("Saving…"));
  var inverses = [], last = null;
  var chain = Promise.resolve();
  ops.forEach(function (op) {
    chain = chain.then(function () {
      return send(op).then(function (answer) { state.version = String(answer.version); inverses.unshift(answer.undo); last = answer; });
    });
  });
  return chain.then(function () {
    state.undo.push(inverses);
    return refresh(ops, last).then(function () { say(t("Saved.")); return true; });
  }, function (err) {
    if (inverses.length) state.undo.push(inverses);
    report(err, form, anchor);
    return false;
  }).finally(function () { state.busy = false; updateUndo(); });
}

function undo() {
  if (state.busy || !state.undo.length) return;
  var entry = state.undo.pop();
  state.busy = true;
  var chain = Promise.resolve(), last = null;
  entry.forEach(function (op) { chain = chain.then(function () { return send(op).then(function (a) { state.version = String(a.version); last = a; }); }); });
  chain.then(function () { return refresh(entry, last); }).then(function () { say(t("Undone.")); },
    function (err) { report(err, null, document.querySelector('[data-plan-undo]')); })
    .finally(function () { state.busy = false; updateUndo(); });
}

function updateUndo() {
  document.querySelectorAll("[data-plan-undo]").forEach(function (b) { b.disabled = !state.undo.length; });
}

/* After ``ops``: when they all changed one action shown on this page, only what that changes,
 * from the last answer's part (the action, the plan load, the badges: no second request); else
 * the page. Then "zk:plan-updated" on #plan-app, in the task that changed the page. */
function refresh(ops, answer) {
  var id = ops.length && ops.every(function (op) { return op.op === "update_action" && op.id === ops[0].id; }) ? ops[0].id : null;
  var here = id && document.getElementById("action-item-" + id);
  if (!here || !answer || !answer.part) return reload().then(updated);
  var part = document.createElement("template");
  part.innerHTML = answer.part;
  var doc = part.content;
  var again = doc.getElementById("plan-part");
  if (again) { state.version = again.dataset.version; root.dataset.version = state.version; }
  var load = doc.getElementById("plan-load"), oldLoad = document.getElementById("plan-load");
  if (load && oldLoad && load.innerHTML !== oldLoad.innerHTML) oldLoad.replaceWith(load);
  // the map follows the network, which a plan edit does not change: only its badges
  var badges = doc.querySelector("#plan-badges-part .plan-badges");
  var oldBadges = document.querySelector("#plan-picture .plan-badges");
  if (badges && oldBadges) oldBadges.replaceWith(document.importNode(badges, true));
  var item = doc.getElementById("action-item-" + id);
  if (item) updateItem(here, item);
  updated();
  return Promise.resolve();
}

function updated() { root.dispatchEvent(new CustomEvent("zk:plan-updated")); }

/* The action's item as the server drew it after the edit. A closed item is replaced; an open one
 * keeps its elements (its filled list of persons, the focus, no layout forced by removing the
 * focused field): its summary is replaced when it changed and its form takes the saved values. */
function updateItem(here, fresh) {
  var details = here.querySelector("details"), form = here.querySelector("form");
  var freshForm = fresh.querySelector("form");
  if (!details || !details.open || !form || !freshForm) {
    here.replaceWith(fresh);
    markPicked();
    return;
  }
  var summary = details.querySelector("summary"), freshSummary = fresh.querySelector("summary");
  if (summary && freshSummary && summary.innerHTML !== freshSummary.innerHTML) summary.replaceWith(freshSummary);
  clearErrors(form);
  freshForm.querySelectorAll("[data-field]").forEach(function (el) {
    var mine = form.querySelector('[data-field="' + el.dataset.field + '"]');
    if (!mine) return;
    if (el.dataset.type === "persons") syncPersons(mine, el);
    else if (el.dataset.type === "bool") { if (mine.checked !== el.checked) mine.checked = el.checked; }
    else if (mine.value !== el.value) mine.value = el.value;
  });
}

/* A list of persons takes the saved choice: a list still to be filled takes the fresh rows (only
 * those chosen); a filled one keeps its rows and takes each person's box, part and hours. */
function syncPersons(mine, fresh) {
  var list = mine.querySelector(".picker-list"), freshList = fresh.querySelector(".picker-list");
  if (!list || !freshList) return;
  if (mine.dataset.lazyFid) { list.replaceWith(freshList); return; }
  var saved = {};
  freshList.querySelectorAll("[data-person-row]").forEach(function (row) { saved[row.dataset.person] = row; });
  list.querySelectorAll("[data-person-row]").forEach(function (row) {
    var from = saved[row.dataset.person];
    delete saved[row.dataset.person];
    var box = row.querySelector('input[type="checkbox"]');
    if (box && box.checked !== Boolean(from)) box.checked = Boolean(from);
    ["part", "hours_per_week"].forEach(function (sub) {
      var el = row.querySelector('[data-sub="' + sub + '"]');
      if (!el) return;
      var other = from && from.querySelector('[data-sub="' + sub + '"]');
      var v = other ? other.value : (el.tagName === "SELECT" && el.options.length ? el.options[0].value : "");
      if (el.value !== v) el.value = v;
    });
  });
  Object.keys(saved).forEach(function (pid) { list.appendChild(saved[pid]); });
}

/* The main part of the page, loaded again after a change (the open details stay open). */
function reload() {
  return swap(window.location.href, ["plan-picture", "plan-main"], "plan-app");
}

/* Fetch ``url`` and put its elements ``ids`` in place of this page's, in one task (one frame);
 * the case's version from the ``versioned`` element. */
function swap(url, ids, versioned) {
  var open = Array.prototype.map.call(document.querySelectorAll("details[open][id]"), function (d) { return d.id; });
  return fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
    .then(function (r) { return r.text(); })
    .then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      ids.forEach(function (id) {
        var fresh = doc.getElementById(id), here = document.getElementById(id);
        if (fresh && here) here.replaceWith(fresh);
      });
      var again = doc.getElementById(versioned);
      if (again) { state.version = again.dataset.version; root.dataset.version = state.version; }
      open.forEach(function (id) { var d = document.getElementById(id); if (d) d.open = true; });
      markPicked();
    });
}

function clearErrors(form) {
  form.querySelectorAll("[data-error-added]").forEach(function (el) { el.remove(); });
  form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  var general = form.querySelector("[data-error-general]");
  if (general) { general.hidden = true; general.textContent = ""; }
}

function controlFor(form, where) {
  var parts = where.split("/").filter(Boolean);
  for (var i = 0; i < parts.length; i++) {
    var key = parts[i];
    var el = form.querySelector('[data-field="' + key + '"]');
    if (el) return el;
  }
  return null;
}

function report(err, form, anchor) {
  var message, problems = [];
  if (!err || !err.status) message = t("No connection with the server; nothing was saved.");
  else if (err.status === 409) message = t("Someone else saved this case in the meantime. Reload the page.");
  else {
    var e = (err.body && err.body.error) || {};
    message = e.message ? inLanguage(e.message) : String(err.status);
    problems = e.problems || [];
  }
  var rest = [];
  if (form) {
    clearErrors(form);
    var first = null;
    problems.forEach(function (p) {
      var control = controlFor(form, p.where || "");
      if (!control) { rest.push(inLanguage(p)); return; }
      var slot = document.createElement("p");
      slot.className = "error"; slot.dataset.errorAdded = ""; slot.setAttribute("role", "alert");
      slot.id = "err-" + Math.random().toString(36).slice(2);
      slot.textContent = inLanguage(p);
      control.insertAdjacentElement("afterend", slot);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", slot.id);
      if (!first) first = control;
    });
    if (!first || rest.length) {
      var general = form.querySelector("[data-error-general]");
      if (general) { general.textContent = [message].concat(rest).join(" "); general.hidden = false; }
    }
    if (first && first.focus) first.focus();
  } else if (anchor) {
    var near = document.createElement("p");
    near.className = "error"; near.setAttribute("role", "alert"); near.dataset.errorAdded = "";
    near.textContent = [message].concat(problems.map(function (p) { return inLanguage(p); })).join(" ");
    anchor.insertAdjacentElement("afterend", near);
  }
  say(t("Not saved: %(reason)s", { reason: [message].concat(problems.map(function (p) { return inLanguage(p); })).join(" ") }));
}

/* --- lazy person lists ------------------------------------------------------------------- */

/* An action's list of persons comes with only those chosen (data-lazy-fid); everyone else is
 * added from the one template when the form is opened or picked into, in the network's order,
 * with ids of this form. */
function fillLazy(picker) {
  var fid = picker && picker.dataset.lazyFid;
  if (!fid) return;
  var template = document.getElementById(picker.dataset.lazyTemplate || "person-rows-template");
  var list = picker.querySelector(".picker-list");
  if (!template || !list) return;
  delete picker.dataset.lazyFid;
  var have = {};
  list.querySelectorAll("[data-person-row]").forEach(function (row) { have[row.dataset.person] = row; });
  var rows = [];
  template.content.querySelectorAll("[data-person-row]").forEach(function (row) {
    var own = have[row.dataset.person];
    if (own) { rows.push(own); return; }
    var copy = row.cloneNode(true);
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id], [for], [aria-describedby]"))).forEach(function (el) {
      ["id", "for", "aria-describedby"].forEach(function (name) {
        var v = el.getAttribute(name);
        if (v) el.setAttribute(name, v.replace("__FID__", fid));
      });
    });
    rows.push(copy);
  });
  rows.forEach(function (row) { list.appendChild(row); });
}

function fillLazyIn(container) {
  if (container && container.querySelectorAll) container.querySelectorAll("[data-lazy-fid]").forEach(fillLazy);
}

document.addEventListener("toggle", function (ev) {
  if (ev.target.open) fillLazyIn(ev.target);
}, true);

/* --- picking persons on the picture ------------------------------------------------------ */

function markPicked() {
  document.querySelectorAll("[data-pick]").forEach(function (b) {
    var pressed = state.picker && b.closest("[data-picker]") === state.picker ? "true" : "false";
    if (b.getAttribute("aria-pressed") !== pressed) b.setAttribute("aria-pressed", pressed);
  });
}

function pickOnMap(pid) {
  var picker = state.picker;
  if (!picker || !document.body.contains(picker)) { say(root.dataset.pickFirst); return; }
  fillLazy(picker);
  var box = picker.querySelector('input[type="checkbox"][value="' + CSS.escape(pid) + '"]');
  if (!box) return;
  if (box.disabled) { say(box.dataset.reason || ""); return; }
  box.checked = !box.checked;
  box.dispatchEvent(new Event("change", { bubbles: true }));
  var label = box.closest("label");
  say((label ? label.textContent.trim() : pid) + ": " + (box.checked ? "✓" : "–"));
}

document.addEventListener("click", function (ev) {
  var target = ev.target;
  var person = target.closest && target.closest("#plan-picture [data-person-id]");
  if (person) { pickOnMap(person.dataset.personId); return; }
  var pick = target.closest("[data-pick]");
  if (pick) { state.picker = pick.closest("[data-picker]"); fillLazy(state.picker); markPicked(); return; }
  var remove = target.closest("[data-remove]");
  if (remove) {
    ev.preventDefault();
    perform([{ op: remove.dataset.remove, id: remove.dataset.id }], null, remove);
    return;
  }
  var direct = target.closest("[data-send]");
  if (direct) {
    ev.preventDefault();
    perform([JSON.parse(direct.dataset.send)], null, direct);
    return;
  }
  if (target.closest("[data-plan-undo]")) { ev.preventDefault(); undo(); }
});

document.addEventListener("focusin", function (ev) {
  var picker = ev.target.closest && ev.target.closest("[data-picker]");
  if (picker && picker !== state.picker) { state.picker = picker; fillLazy(picker); markPicked(); }
});

document.addEventListener("submit", function (ev) {
  var form = ev.target;
  if (!form.dataset.op) return;
  ev.preventDefault();
  perform([opOf(form)], form).then(function (ok) {
    if (ok && form.dataset.op.indexOf("add_") === 0 && document.body.contains(form)) form.reset();
  });
});

document.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
updateUndo();
root.dataset.ready = "true";
