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

/* Run operations in order; resolve with their inverses in reverse order (one undo entry). */
export function runAll(ops) {
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

export function perform(ops, form) {
  if (state.busy) return Promise.resolve(false);
  state.busy = true;
  say(t("Saving…"));
  return runAll(ops).then(function (inverses) {
    state.undo.push(inverses);
    state.redo = [];
    say(t("Saved."));
    return true;
  }, function (err) { report(err, form); return false; })
    .finally(function () { state.busy = false; updateUndo(); });
}

export function history(from, to, done) {
  if (state.busy || !from.length) return;
  state.busy = true;
  var entry = from.pop();
  runAll(entry).then(function (inverses) { to.push(inverses); say(done); },
    function (err) { report(err, null); })
    .finally(function () { state.busy = false; updateUndo(); });
}

export function undo() { history(state.undo, state.redo, t("Undone.")); }
export function redo() { history(state.redo, state.undo, t("Redone.")); }

export function report(err, form) {
  if (!err || !err.status) { say(t("No connection with the server; nothing was saved.")); return; }
  if (err.status === 409) { say(t("Someone else saved this case in the meantime. Reload the page.")); return; }
  var e = (err.body && err.body.error) || {};
  var message = e.message ? inLanguage(e.message) : String(err.status);
  var problems = e.problems || [];
  var shown = false;
  if (form) {
    clearErrors(form);
    problems.forEach(function (p) {
      var field = p.where.split("/").pop();
      var slot = form.querySelector('[data-error-for="' + field + '"]');
      if (slot) {
        slot.textContent = inLanguage(p); slot.hidden = false; shown = true;
        var input = form.querySelector('[name="' + field + '"]');
        if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
      }
    });
    if (!shown) {
      var general = form.querySelector('[data-error-for=""]');
      general.textContent = message + problems.map(function (p) { return " " + inLanguage(p); }).join(";");
      general.hidden = false;
    }
  }
  var reason = message + problems.map(function (p) { return " " + p.where + ": " + inLanguage(p); }).join(";");
  say(t("Not saved: %(reason)s", { reason: reason }));
}

export function clearErrors(form) {
  form.querySelectorAll("[data-error-for]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
}

export function updateUndo() {
  var u = app.querySelector('[data-action="undo"]'), r = app.querySelector('[data-action="redo"]');
  if (u) u.disabled = !state.undo.length;
  if (r) r.disabled = !state.redo.length;
}
