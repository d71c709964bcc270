/* Sending the dialogs: each form becomes one or more operations (a person added where the
 * double-click was is added and then pinned there, one undo entry). After adding a person the
 * focus goes to that person in the list, to go on with their other fields. */
import { close, editTie, letters, tieBetween, value } from "./dialogs.js";
import { perform } from "./edits.js";
import { checked, fillOtherParent, showDirection, showSection, submitFamily } from "./family.js";
import { PERSON, TIE, addCondition, changed, readAll, renumber } from "./fields.js";
import { submitEvent, submitInstrument } from "./records.js";
import { select } from "./selection.js";
import { state } from "./state.js";

var ADD_FIELDS = ["name", "role", "gender", "zone", "frequency"];

function submitPerson(form) {
  var fields = readAll(form, PERSON);
  if (state.pending.kind === "edit-person") {
    var id = state.pending.id;
    var changes = changed(fields, state.pending.before);
    var ops = [];
    if (Object.keys(changes).length) ops.push({ op: "update_person", id: id, changes: changes });
    var member = form.elements.household.checked;
    if (member !== ((state.data.household || []).indexOf(id) >= 0)) {
      ops.push({ op: "set_household", id: id, member: member });
    }
    form.querySelectorAll('input[name="member_of"]').forEach(function (box) {
      var domain = state.data.domains[box.value];
      var was = !!domain && domain.members.indexOf(id) >= 0;
      if (box.checked && !was) ops.push({ op: "add_to_domain", domain: box.value, person: id });
      if (!box.checked && was) ops.push({ op: "remove_from_domain", domain: box.value, person: id });
    });
    if (!ops.length) return Promise.resolve(true);
    return perform(ops, form);
  }
  var op = { op: "add_person", support: letters(form), household: form.elements.household.checked };
  ADD_FIELDS.forEach(function (k) { if (fields[k] !== null && fields[k] !== "") op[k] = fields[k]; });
  if (!op.name) op.name = "";  // the server names the empty name next to the field
  if (state.pending.circle) op.circle = state.pending.circle;
  if (value(form, "domain")) op.domain = value(form, "domain");
  var point = state.pending.point, added = null;
  var ops = [op];
  // place the new person where the double-click was: add, then pin the position
  if (point && state.view !== "netwerkschema") {
    ops.push(function (answer) { return { op: "set_position", view: state.view, id: answer.undo.id, x: point.x, y: point.y }; });
  }
  ops.push(function (answer) { if (!added && answer) added = answer.undo.id; return null; });
  return perform(ops, form).then(function (ok) {
    if (ok && added) state.focusAfter = '[data-person-row="' + CSS.escape(added) + '"] [data-action="edit-person"]';
    return ok;
  });
}

function submitTie(form) {
  var fields = readAll(form, TIE);
  if (state.pending.id) {
    var changes = changed(fields, state.data.ties[state.pending.id] || {});
    if (!Object.keys(changes).length) return Promise.resolve(true);
    return perform([{ op: "update_tie", id: state.pending.id, changes: changes }], form);
  }
  var op = { op: "add_tie", a: state.pending.a, b: state.pending.b };
  Object.keys(fields).forEach(function (k) { if (fields[k] !== null) op[k] = fields[k]; });
  return perform([op], form);
}

function submitDomain(form) {
  var name = value(form, "name").trim();
  var chosen = Array.prototype.filter.call(form.querySelectorAll('input[name="members"]'), function (b) { return b.checked; })
    .map(function (b) { return b.value; });
  var kind = value(form, "kind") || "other", note = form.elements.note.value;
  if (state.pending.kind !== "rename-domain") {
    return perform([{ op: "add_domain", name: name, kind: kind, members: chosen, note: note }], form);
  }
  var id = state.pending.id, domain = state.data.domains[id], ops = [], changes = {};
  if (name !== domain.name) changes.name = name;
  if (kind !== domain.kind) changes.kind = kind;
  if (note !== (domain.note || "")) changes.note = note;
  if (Object.keys(changes).length) ops.push({ op: "update_domain", id: id, changes: changes });
  chosen.forEach(function (p) { if (domain.members.indexOf(p) < 0) ops.push({ op: "add_to_domain", domain: id, person: p }); });
  domain.members.forEach(function (p) { if (chosen.indexOf(p) < 0) ops.push({ op: "remove_from_domain", domain: id, person: p }); });
  if (!ops.length) return Promise.resolve(true);
  return perform(ops, form);
}

var SUBMIT = { person: submitPerson, tie: submitTie, family: submitFamily, event: submitEvent, instrument: submitInstrument, domain: submitDomain };

function typing(el) {
  var tag = (el.tagName || "").toLowerCase();
  return tag === "textarea" || tag === "select" || (tag === "input" && ["checkbox", "radio", "button", "submit"].indexOf(el.type) < 0);
}

/* Keys in the person dialog: P, G, A, E, W toggle a support letter and 1-4 save in that circle
   (when not typing in a field); Enter in a field saves with the plain Save button. */
function keys(form) {
  form.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var el = event.target;
    if (event.key === "Enter" && el.tagName === "INPUT" && el.type !== "submit" && el.type !== "button") {
      event.preventDefault();
      form.requestSubmit(form.querySelector("[data-save]"));
      return;
    }
    if (form.dataset.form !== "person" || typing(el) || form.closest("dialog").dataset.mode !== "add") return;
    var letter = form.querySelector('[data-letter-keys] input[value="' + event.key.toUpperCase() + '"]');
    if (letter && event.key.length === 1) { event.preventDefault(); letter.checked = !letter.checked; letter.focus(); return; }
    var circle = form.querySelector('[data-circle-key="' + event.key + '"]');
    if (circle) { event.preventDefault(); saveInCircle(form, circle); }
  });
  form.querySelectorAll("[data-circle-key]").forEach(function (b) {
    b.addEventListener("click", function () { saveInCircle(form, b); });
  });
}

/* A circle button of a new person: that circle, and save. */
function saveInCircle(form, button) {
  state.pending.circle = button.value;
  form.querySelectorAll("[data-circle-key]").forEach(function (b) { b.classList.toggle("preset", b === button); });
  form.requestSubmit(form.querySelector("[data-save]"));
}

export function initForms() {
  document.querySelectorAll(".edit-dialog form").forEach(function (form) {
    var dlg = form.closest("dialog");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      SUBMIT[form.dataset.form](form).then(function (ok) {
        if (!ok) return;
        close(dlg);
        select(null, true);
        if (state.focusAfter) {
          var target = document.querySelector(state.focusAfter);
          state.focusAfter = null;
          if (target) target.focus();
        }
      });
    });
    keys(form);
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
    var removeEv = form.querySelector("[data-remove-event]");
    if (removeEv) removeEv.addEventListener("click", function () {
      perform([{ op: "remove_event", id: state.pending.id }], form).then(function (ok) { if (ok) close(dlg); });
    });
    var removeInst = form.querySelector("[data-remove-instrument]");
    if (removeInst) removeInst.addEventListener("click", function () {
      var before = state.pending.before;
      perform([{ op: "remove_instrument", instrument: state.pending.code, respondent: before.respondent || null }], form)
        .then(function (ok) { if (ok) close(dlg); });
    });
    var tieInstead = form.querySelector("[data-tie-instead]");
    if (tieInstead) tieInstead.addEventListener("click", function () {
      var a = state.pending.a, b = state.pending.b;
      close(dlg);
      editTie(tieBetween(a, b), a, b);
    });
    var addCond = form.querySelector("[data-add-condition]");
    if (addCond) addCond.addEventListener("click", function () {
      addCondition(form, null).querySelector("select").focus();
    });
    form.addEventListener("click", function (event) {
      var b = event.target.closest("[data-remove-condition]");
      if (!b) return;
      b.closest("[data-condition]").remove();
      renumber(form);
      addCond.focus();
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
