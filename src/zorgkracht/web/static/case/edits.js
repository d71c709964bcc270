/* Making changes: operations are sent in order, each answer redraws the picture and the page's
 * fragments; undo and redo keep stacks of the inverse operations (an entry may hold several). */
import { send } from "./api.js";
import { inLanguage, t } from "../messages.js";
import { addHitAreas, reveal } from "./picture.js";
import { markSelection } from "./selection.js";
import { app, picture, readData, say, state } from "./state.js";

export function apply(answer) {
  state.version = String(answer.version);
  app.dataset.version = state.version;
  document.querySelectorAll('input[name="version"]').forEach(function (i) { i.value = state.version; });
  // only what the answer brings is replaced, and only that is looked through afterwards (a
  // person moved: the picture and its table; the person list and the analysis stay)
  var swapped = [];
  // a patch names parts the page shows; one that is not there means the page is not what the
  // server thought it was: then the page is loaded again
  var svg = picture && picture.querySelector("svg");
  var patched = !(picture && answer.patch) ||
    (svg && putParts(svg, ":scope > g > ", answer.patch, document.createElementNS("http://www.w3.org/2000/svg", "g"), []));
  if (picture && answer.svg) { picture.innerHTML = answer.svg; swapped.push(picture); }
  if (picture && (answer.svg || answer.patch)) state.drawn = state.version;
  var frags = answer.fragments || {};
  Object.keys(frags).forEach(function (name) {
    var box = document.getElementById("fragment-" + name);
    if (box) { box.innerHTML = frags[name]; swapped.push(box); }
  });
  // of a fragment drawn here before, only the rows that changed (a tie: the row of the person
  // it is listed under and the table's row)
  var patches = answer.fragment_patches || {};
  patched = patched && Object.keys(patches).every(function (name) {
    var box = document.getElementById("fragment-" + name);
    return box && putParts(box, "", patches[name], document.createElement("template"), swapped);
  });
  if (!patched) { location.reload(); return; }
  var people = frags.people !== undefined || patches.people !== undefined;
  // #case-data is in the person list; when only some of it changed, the answer says what
  if (frags.people !== undefined || (patches.people && patches.people['id="case-data"'])) state.data = readData();
  else if (answer.data_changes && answer.data_changes["case-data"]) {
    changeData(state.data, answer.data_changes["case-data"]);
    var script = document.getElementById("case-data");
    if (script) script.textContent = JSON.stringify(state.data);  // never stale for a reader
  }
  swapped.forEach(reveal);
  addHitAreas();
  markSelection(people ? document : picture);
}

/* What changed of the page's data (services/redraw.py json_changes): whole values, entries of
 * the objects by id (new ones come last, as on the server) and the entries removed. */
function changeData(data, changes) {
  Object.keys(changes.values || {}).forEach(function (key) { data[key] = changes.values[key]; });
  Object.keys(changes.entries || {}).forEach(function (key) {
    var into = data[key], given = changes.entries[key];
    Object.keys(given).forEach(function (id) { into[id] = given[id]; });
  });
  Object.keys(changes.drop || {}).forEach(function (key) {
    changes.drop[key].forEach(function (id) { delete data[key][id]; });
  });
}

/* Put in the parts that changed (the attribute that finds each, under ``root`` and after
 * ``scope`` → its new text: SVG elements two levels down in the picture, a fragment's rows),
 * parsed in ``holder`` (an SVG group or an HTML template); false, changing nothing, when one of
 * them is not there. What is put in goes into ``swapped``, to be looked through afterwards. */
function putParts(root, scope, parts, holder, swapped) {
  var keys = Object.keys(parts), found = [];
  for (var i = 0; i < keys.length; i++) {
    var el = root.querySelector(scope + "[" + keys[i] + "]");
    if (!el) return false;
    found.push(el);
  }
  var into = holder.content || holder;
  keys.forEach(function (key, i) {
    holder.innerHTML = parts[key];
    var fresh = into.firstElementChild;
    if (fresh) { found[i].replaceWith(fresh); swapped.push(fresh); } else found[i].remove();
  });
  return true;
}

/* Run operations in order; resolve with their inverses in reverse order (one undo entry). */
export function runAll(ops) {
  var inverses = [];
  var chain = Promise.resolve();
  var last = null;
  ops.forEach(function (op) {
    chain = chain.then(function () {
      // an operation may be a function of the previous answer (the id of what was just added)
      var next = typeof op === "function" ? op(last) : op;
      if (!next) return null;
      return send(next).then(function (answer) { apply(answer); last = answer; inverses.unshift(answer.undo); });
    });
  });
  return chain.then(function () { return inverses; }, function (err) {
    // whatever was done before the failure can still be undone
    if (inverses.length) state.undo.push(inverses);
    throw err;
  });
}

export function perform(ops, form, anchor) {
  if (state.busy) return Promise.resolve(false);
  state.busy = true;
  say(t("Saving…"));
  return runAll(ops).then(function (inverses) {
    state.undo.push(inverses);
    state.redo = [];
    say(t("Saved."));
    return true;
  }, function (err) { report(err, form, anchor); return false; })
    .finally(function () { state.busy = false; updateUndo(); });
}

export function history(from, to, done) {
  if (state.busy || !from.length) return;
  state.busy = true;
  var entry = from.pop();
  runAll(entry).then(function (inverses) { to.push(inverses); say(done); },
    function (err) { report(err, null, app.querySelector('[data-action="undo"]')); })
    .finally(function () { state.busy = false; updateUndo(); });
}

export function undo() { history(state.undo, state.redo, t("Undone.")); }
export function redo() { history(state.redo, state.undo, t("Redone.")); }

/* A refused or failed save: the message goes next to the control that caused it (the server's
 * problems name the field, e.g. "changes/strength"), or next to the form's buttons, or after
 * the button that was pressed (``anchor``); the user's input stays as it was. */
export function report(err, form, anchor) {
  var message;
  var problems = [];
  if (!err || !err.status) message = t("No connection with the server; nothing was saved.");
  else if (err.status === 409) message = t("Someone else saved this case in the meantime. Reload the page.");
  else {
    var e = (err.body && err.body.error) || {};
    message = e.message ? inLanguage(e.message) : String(err.status);
    problems = e.problems || [];
  }
  var shown = false;
  if (form) {
    clearErrors(form);
    var first = null;
    problems.forEach(function (p) {
      var control = controlFor(form, p.where || "");
      if (!control) return;
      showAt(control, inLanguage(p), p.where);
      if (!first) first = control;
      shown = true;
    });
    if (first) { var input = first.matches("fieldset") ? first.querySelector("input, select") : first; if (input) input.focus(); }
    if (!shown) {
      var general = form.querySelector('[data-error-for=""]');
      general.textContent = message + problems.map(function (p) { return " " + inLanguage(p); }).join(";");
      general.hidden = false;
    }
  } else if (anchor) {
    clearNear(anchor);
    var slot = document.createElement("p");
    slot.className = "error"; slot.setAttribute("role", "alert"); slot.dataset.errorNear = "";
    slot.textContent = message + problems.map(function (p) { return " " + inLanguage(p); }).join(";");
    slot.id = "error-near-" + Math.random().toString(36).slice(2);
    anchor.insertAdjacentElement("afterend", slot);
    anchor.setAttribute("aria-describedby", slot.id);
  }
  if (err && err.status === 409) { say(message); return; }
  var reason = message + problems.map(function (p) { return " " + p.where + ": " + inLanguage(p); }).join(";");
  say(t("Not saved: %(reason)s", { reason: reason }));
}

function visible(list) {
  return Array.prototype.filter.call(list, function (el) { return !el.closest("[hidden]"); })[0] || null;
}

/* The control a problem's "where" names: the longest tail of its path that is a control's
   data-field or name ("changes/conditions/#1/kind" → "conditions.#1.kind"). */
export function controlFor(form, where) {
  var parts = where.split("/").filter(Boolean);
  for (var i = 0; i < parts.length; i++) {
    var key = parts.slice(i).join(".");
    if (!/^[\w.#-]+$/.test(key)) continue;
    var el = visible(form.querySelectorAll('[data-field="' + key + '"]')) ||
      visible(form.querySelectorAll('[name="' + key + '"]'));
    if (el) {
      var control = el.type === "radio" || el.type === "checkbox" ? (el.closest("fieldset") || el) : el;
      control.dataset.errorKey = key;
      return control;
    }
  }
  return null;
}

function showAt(control, text, where) {
  var details = control.closest("details");
  if (details) details.open = true;
  // the field's own slot when the template has one, else a new one next to the control
  var own = control.form && control.form.querySelector('[data-error-for="' + control.dataset.errorKey + '"]:not([data-added])');
  var slot = own || document.createElement("p");
  slot.textContent = text;
  if (own) {
    own.hidden = false;
    if (!own.id) own.id = "error-" + where.replace(/[^\w-]/g, "-");
  } else {
    slot.className = "error"; slot.dataset.errorFor = where; slot.dataset.added = "";
    slot.id = "error-" + where.replace(/[^\w-]/g, "-");
  }
  if (own) {
    // already in place
  } else if (control.matches("fieldset")) {
    var legend = control.querySelector("legend");
    if (legend) legend.insertAdjacentElement("afterend", slot); else control.prepend(slot);
  } else {
    var field = control.closest(".field");
    if (field && field.querySelector("label")) field.querySelector("label").insertAdjacentElement("afterend", slot);
    else control.insertAdjacentElement("beforebegin", slot);
  }
  var target = control.matches("fieldset") ? control : control;
  target.setAttribute("aria-invalid", "true");
  var described = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && document.getElementById(id); });
  described.push(slot.id);
  target.setAttribute("aria-describedby", described.join(" "));
}

function clearNear(anchor) {
  var next = anchor.nextElementSibling;
  if (next && next.hasAttribute("data-error-near")) next.remove();
}

export function clearErrors(form) {
  form.querySelectorAll("[data-error-for][data-added]").forEach(function (el) { el.remove(); });
  form.querySelectorAll("[data-error-for]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
}

export function updateUndo() {
  var u = app.querySelector('[data-action="undo"]'), r = app.querySelector('[data-action="redo"]');
  if (u) u.disabled = !state.undo.length;
  if (r) r.disabled = !state.redo.length;
}
