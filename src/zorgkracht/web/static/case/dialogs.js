/* The dialogs of the drawing tools: opening and closing them, reading their fields, and filling
 * the person, tie and domain dialogs for adding or changing (state.pending says which). */
import { clearErrors } from "./edits.js";
import { PERSON, TIE, fillAll } from "./fields.js";
import { nameOf, state } from "./state.js";

export function dialog(id) { return document.getElementById(id); }
export function open(dlg, mode) {
  var form = dlg.querySelector("form");
  clearErrors(form);
  var title = dlg.querySelector("[data-title-add]");
  if (title) title.textContent = mode === "edit" ? title.dataset.titleEdit : title.dataset.titleAdd;
  dlg.querySelectorAll("[data-add-only]").forEach(function (el) { el.hidden = mode === "edit"; });
  dlg.querySelectorAll("[data-edit-only]").forEach(function (el) { el.hidden = mode !== "edit"; });
  dlg.dataset.mode = mode;
  dlg.querySelectorAll("details").forEach(function (d) { d.open = false; });
  if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
  var fields = form.querySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select");
  var first = Array.prototype.filter.call(fields, function (el) { return !el.closest("[hidden]"); })[0];
  if (first) first.focus();
}
export function close(dlg) { if (dlg.close) dlg.close(); else dlg.removeAttribute("open"); }
export function value(form, name) { var el = form.elements[name]; return el ? el.value : ""; }
export function orNull(text) { return text === "" ? null : text; }
export function letters(form) {
  return Array.prototype.slice.call(form.querySelectorAll('input[name="support"]:checked')).map(function (i) { return i.value; });
}

export function addPerson(point, circle) {
  var dlg = dialog("person-dialog"), form = dlg.querySelector("form");
  form.reset();
  var domain = form.elements.domain;
  domain.length = 1;
  Object.keys(state.data.domains).forEach(function (id) {
    domain.add(new Option(state.data.domains[id].name, id));
  });
  form.elements.gender.value = "unknown";
  form.querySelectorAll("[data-circle-key]").forEach(function (b) { b.classList.toggle("preset", b.value === circle); });
  state.pending = { kind: "add-person", point: point, circle: circle || null };
  open(dlg, "add");
}

export function editPerson(id) {
  var dlg = dialog("person-dialog"), form = dlg.querySelector("form"), p = state.data.persons[id];
  if (!p) return;
  form.reset();
  fillAll(form, PERSON, p);
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
  state.pending = { kind: "edit-person", id: id, before: p };
  open(dlg, "edit");
  dlg.querySelector("[data-domain-boxes]").hidden = !Object.keys(domains).length;
}

export function tieBetween(a, b) {
  var ties = state.data.ties;
  for (var id in ties) {
    if ((ties[id].a === a && ties[id].b === b) || (ties[id].a === b && ties[id].b === a)) return id;
  }
  return null;
}

export function editTie(id, a, b) {
  var dlg = dialog("tie-dialog"), form = dlg.querySelector("form");
  form.reset();
  var t = id ? state.data.ties[id] : null;
  if (t) {
    a = t.a; b = t.b;
    fillAll(form, TIE, t);
  } else if (a === state.data.client || b === state.data.client) {
    if (b === state.data.client) { b = a; a = state.data.client; }
    form.elements.direction.value = "to_client";
  }
  dlg.querySelector("[data-tie-names]").textContent = nameOf(a) + " – " + nameOf(b);
  dlg.querySelector("[data-remove-tie]").hidden = !t;
  state.pending = { kind: "tie", id: id, a: a, b: b };
  open(dlg, t ? "edit" : "add");
}

export function editDomain(id) {
  var dlg = dialog("domain-dialog"), form = dlg.querySelector("form");
  form.reset();
  var domain = id ? state.data.domains[id] : null;
  form.elements.name.value = domain ? domain.name : "";
  form.elements.kind.value = domain ? domain.kind : "other";
  form.elements.note.value = domain ? domain.note || "" : "";
  var box = dlg.querySelector("[data-domain-members]"), members = id ? state.data.domains[id].members : [];
  box.textContent = "";
  Object.keys(state.data.persons).forEach(function (pid, i) {
    if (pid === state.data.client) return;
    var label = document.createElement("label"), input = document.createElement("input"), span = document.createElement("span");
    label.className = "toggle";
    input.type = "checkbox"; input.name = "members"; input.value = pid; input.id = "dd-member-" + i;
    input.checked = members.indexOf(pid) >= 0;
    span.textContent = nameOf(pid);
    label.appendChild(input); label.appendChild(document.createTextNode(" ")); label.appendChild(span);
    box.appendChild(label);
  });
  box.closest("fieldset").hidden = !box.children.length;
  state.pending = { kind: id ? "rename-domain" : "add-domain", id: id };
  open(dlg, id ? "edit" : "add");
}
