/* Life events (on the levenslijn tab) and instruments (the questionnaires): their dialogs, and
 * the operations add_event / update_event / remove_event and set_instrument /
 * remove_instrument. */
import { dialog, open } from "./dialogs.js";
import { perform } from "./edits.js";
import { EVENT, changed, fillAll, readAll } from "./fields.js";
import { nameOf, state } from "./state.js";

function personBoxes(box, name, chosen) {
  box.textContent = "";
  Object.keys(state.data.persons).forEach(function (id, i) {
    var label = document.createElement("label"), input = document.createElement("input"), span = document.createElement("span");
    label.className = "toggle";
    input.type = "checkbox"; input.name = name; input.value = id; input.id = "ed-person-" + i;
    input.checked = chosen.indexOf(id) >= 0;
    span.textContent = nameOf(id);
    label.appendChild(input); label.appendChild(document.createTextNode(" ")); label.appendChild(span);
    box.appendChild(label);
  });
}

export function editEvent(id) {
  var dlg = dialog("event-dialog"), form = dlg.querySelector("form");
  var e = id ? (state.data.events || {})[id] : null;
  form.reset();
  personBoxes(dlg.querySelector("[data-event-persons]"), "persons", e ? e.persons : []);
  if (e) fillAll(form, EVENT, e);
  dlg.querySelector("[data-remove-event]").hidden = !e;
  state.pending = { kind: e ? "edit-event" : "add-event", id: id, before: e };
  open(dlg, e ? "edit" : "add");
  form.elements.title.focus();
}

export function submitEvent(form) {
  var fields = readAll(form, EVENT);
  if (state.pending.kind === "edit-event") {
    var changes = changed(fields, state.pending.before);
    if (!Object.keys(changes).length) return Promise.resolve(true);
    return perform([{ op: "update_event", id: state.pending.id, changes: changes }], form);
  }
  var op = { op: "add_event" };
  Object.keys(fields).forEach(function (k) { if (fields[k] !== null) op[k] = fields[k]; });
  return perform([op], form);
}

export function removeEvent(id, anchor) {
  return perform([{ op: "remove_event", id: id }], null, anchor);
}

function responseOf(code, respondent) {
  return (state.data.instruments || []).filter(function (r) {
    return r.instrument === code && (r.respondent || "") === (respondent || "");
  })[0] || null;
}

export function editInstrument(code, respondent, fresh) {
  var dlg = dialog("instrument-dialog"), form = dlg.querySelector("form");
  var r = fresh ? null : responseOf(code, respondent);
  form.reset();
  dlg.querySelectorAll("[data-instrument]").forEach(function (section) { section.hidden = section.dataset.instrument !== code; });
  var section = dlg.querySelector('[data-instrument="' + code + '"]');
  dlg.querySelector("[data-instrument-name]").textContent = section ? section.dataset.name : code;
  var select = form.elements.respondent;
  select.length = 1;
  Object.keys(state.data.persons).forEach(function (id) {
    if (id !== state.data.client) select.add(new Option(nameOf(id), id));
  });
  select.value = r ? (r.respondent || "") : (respondent || "");
  form.elements.taken_on.value = r && r.taken_on ? r.taken_on : new Date().toISOString().slice(0, 10);
  if (r) {
    Object.keys(r.answers).forEach(function (n) {
      var v = r.answers[n];
      var radio = form.querySelector('input[name="' + code + "-" + n + '"][value="' + (v == null ? "" : v) + '"]');
      if (radio) radio.checked = true;
    });
  }
  dlg.querySelector("[data-remove-instrument]").hidden = !r;
  state.pending = { kind: "instrument", code: code, before: r };
  open(dlg, r ? "edit" : "add");
}

export function submitInstrument(form) {
  var code = state.pending.code, answers = {};
  var section = form.querySelector('[data-instrument="' + code + '"]');
  section.querySelectorAll("fieldset[data-field]").forEach(function (set, i) {
    var on = set.querySelector("input:checked");
    answers[String(i + 1)] = on && on.value !== "" ? Number(on.value) : null;
  });
  var respondent = form.elements.respondent.value || null;
  var ops = [];
  var before = state.pending.before;
  // answered by someone else than before: the old answers make way for the new ones
  if (before && (before.respondent || null) !== respondent) {
    ops.push({ op: "remove_instrument", instrument: code, respondent: before.respondent || null });
  }
  ops.push({ op: "set_instrument", instrument: code, answers: answers,
             taken_on: form.elements.taken_on.value || null, respondent: respondent });
  return perform(ops, form);
}

export function removeInstrument(code, respondent, anchor) {
  return perform([{ op: "remove_instrument", instrument: code, respondent: respondent || null }], null, anchor);
}
