/* Sending the dialogs: each form becomes one or more operations (a person added where the
 * double-click was is added and then pinned there, one undo entry). */
import { send } from "./api.js";
import { t } from "../messages.js";
import { close, editTie, letters, orNull, tieBetween, value } from "./dialogs.js";
import { apply, perform, report, updateUndo } from "./edits.js";
import { checked, fillOtherParent, showDirection, showSection, submitFamily } from "./family.js";
import { select } from "./selection.js";
import { say, state } from "./state.js";

function submitPerson(form) {
  var fields = {
    name: value(form, "name").trim(), role: orNull(value(form, "role")),
    gender: value(form, "gender") || "unknown", circle: orNull(value(form, "circle")),
    zone: orNull(value(form, "zone")), frequency: orNull(value(form, "frequency"))
  };
  if (state.pending.kind === "edit-person") {
    var changes = {};
    Object.keys(fields).forEach(function (k) {
      var before = state.pending.before[k] == null ? null : state.pending.before[k];
      if (fields[k] !== before) changes[k] = fields[k];
    });
    var ops = [];
    if (Object.keys(changes).length) ops.push({ op: "update_person", id: state.pending.id, changes: changes });
    var member = form.elements.household.checked;
    if (member !== ((state.data.household || []).indexOf(state.pending.id) >= 0)) {
      ops.push({ op: "set_household", id: state.pending.id, member: member });
    }
    form.querySelectorAll('input[name="member_of"]').forEach(function (box) {
      var domain = state.data.domains[box.value];
      var was = !!domain && domain.members.indexOf(state.pending.id) >= 0;
      if (box.checked && !was) ops.push({ op: "add_to_domain", domain: box.value, person: state.pending.id });
      if (!box.checked && was) ops.push({ op: "remove_from_domain", domain: box.value, person: state.pending.id });
    });
    if (!ops.length) return Promise.resolve(true);
    return perform(ops, form);
  }
  var op = { op: "add_person", support: letters(form), household: form.elements.household.checked };
  Object.keys(fields).forEach(function (k) { if (fields[k] !== null) op[k] = fields[k]; });
  if (value(form, "domain")) op.domain = value(form, "domain");
  var point = state.pending.point;
  if (!point || state.view === "netwerkschema") return perform([op], form);
  // place the new person where the double-click was: add, then pin the position
  if (state.busy) return Promise.resolve(false);
  state.busy = true;
  say(t("Saving…"));
  var inverses = [];
  return send(op).then(function (answer) {
    apply(answer); inverses.unshift(answer.undo);
    return send({ op: "set_position", view: state.view, id: answer.undo.id, x: point.x, y: point.y });
  }).then(function (answer) {
    apply(answer); inverses.unshift(answer.undo);
  }).then(function () { return true; }, function (err) { report(err, form); return false; })
    .then(function (ok) {
      if (inverses.length) { state.undo.push(inverses); state.redo = []; }
      if (ok) say(t("Saved."));
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
  if (state.pending.id) return perform([{ op: "update_tie", id: state.pending.id, changes: fields }], form);
  var op = { op: "add_tie", a: state.pending.a, b: state.pending.b };
  Object.keys(fields).forEach(function (k) { op[k] = fields[k]; });
  return perform([op], form);
}

function submitDomain(form) {
  var name = value(form, "name").trim();
  if (state.pending.kind === "rename-domain") return perform([{ op: "rename_domain", id: state.pending.id, name: name }], form);
  return perform([{ op: "add_domain", name: name, kind: value(form, "kind") || "other" }], form);
}

export function initForms() {
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
      perform([{ op: "remove_tie", id: state.pending.id }], form).then(function (ok) { if (ok) close(dlg); });
    });
    var removeRelation = form.querySelector("[data-remove-relation]");
    if (removeRelation) removeRelation.addEventListener("click", function () {
      perform([{ op: "remove_" + state.pending.kind, id: state.pending.id }], form).then(function (ok) { if (ok) close(dlg); });
    });
    var tieInstead = form.querySelector("[data-tie-instead]");
    if (tieInstead) tieInstead.addEventListener("click", function () {
      var a = state.pending.a, b = state.pending.b;
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
}
