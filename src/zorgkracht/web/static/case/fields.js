/* Reading and filling the fields of a dialog by kind, so that every field of a person, a tie or
 * a life event goes the same way from the case data into the form and back into an operation.
 * Kinds: text, textnull (empty is null), code (select, empty is null), code! (never empty),
 * int, float (empty is null; what is no number goes to the server as typed, which names it),
 * bool (one checkbox), bool? (a select of unknown/yes/no), set (checkboxes of one name),
 * radio, radioint, date (empty is null), conditions (the rows of illness and substance use). */

export var PERSON = {
  name: "text", role: "code", gender: "code!", circle: "code", zone: "code", frequency: "code",
  birth_year: "int", death_year: "int", deceased: "bool", age: "int", identities: "set",
  pet: "textnull", organisation: "bool", conditions: "conditions", pregnant: "bool",
  weight: "int", education: "code", age_group: "code", network_zone: "code!", status: "code", sensitive: "bool",
  wish: "code", energy: "code", may_ask: "bool?", receives_care: "bool", own_needs: "bool",
  note: "text"
};

export var TIE = {
  strength: "radioint", quality: "radio", direction: "code!", support: "set", reciprocal: "bool?",
  care_hours_per_week: "float", care_months: "int", care_since: "date", care_tasks: "set",
  client_care_hours_per_week: "float", client_care_months: "int", client_care_tasks: "set",
  sensitive: "bool", note: "text"
};

export var EVENT = {
  title: "text", year: "int", date: "date", valence: "radioint", persons: "set",
  sensitive: "bool", note: "text"
};

function all(form, name) { return Array.prototype.slice.call(form.querySelectorAll('[name="' + name + '"]')); }
function number(text, parse) {
  var s = text.trim().replace(",", ".");
  if (s === "") return null;
  var n = parse(s);
  return isNaN(n) || !/^-?\d+(\.\d+)?$/.test(s) ? text.trim() : n;  // the server names a bad one
}

export function read(form, name, kind) {
  var el = form.elements[name];
  switch (kind) {
    case "text": return el.value.trim();
    case "textnull": return el.value.trim() === "" ? null : el.value.trim();
    case "code": case "date": return el.value === "" ? null : el.value;
    case "code!": return el.value;
    case "int": return number(el.value, function (s) { return /\./.test(s) ? NaN : parseInt(s, 10); });
    case "float": return number(el.value, parseFloat);
    case "bool": return el.checked;
    case "bool?": return el.value === "" ? null : el.value === "true";
    case "set": return all(form, name).filter(function (b) { return b.checked; }).map(function (b) { return b.value; }).sort();
    case "radio": case "radioint":
      var on = all(form, name).filter(function (b) { return b.checked; })[0];
      if (!on) return null;
      return kind === "radioint" ? Number(on.value) : on.value;
    case "conditions":
      return Array.prototype.map.call(form.querySelectorAll("[data-condition]"), function (row) {
        return { kind: row.querySelector('[data-name="kind"]').value,
                 state: row.querySelector('[data-name="state"]').value,
                 note: row.dataset.note || "" };
      });
  }
  return null;
}

export function fill(form, name, kind, value) {
  var el = form.elements[name];
  switch (kind) {
    case "bool": el.checked = !!value; return;
    case "bool?": el.value = value == null ? "" : String(value); return;
    case "set": all(form, name).forEach(function (b) { b.checked = (value || []).indexOf(b.value) >= 0; }); return;
    case "radio": case "radioint":
      all(form, name).forEach(function (b) { b.checked = String(value) === b.value; }); return;
    case "conditions": setConditions(form, value || []); return;
  }
  el.value = value == null ? "" : String(value);
}

export function readAll(form, spec) {
  var out = {};
  Object.keys(spec).forEach(function (k) { if (form.elements[k] || spec[k] === "conditions") out[k] = read(form, k, spec[k]); });
  return out;
}

export function fillAll(form, spec, record) {
  Object.keys(spec).forEach(function (k) { if (form.elements[k] || spec[k] === "conditions") fill(form, k, spec[k], record[k]); });
}

/* The fields whose value differs from ``before`` (sets compared sorted). */
export function changed(fields, before) {
  var out = {};
  Object.keys(fields).forEach(function (k) {
    var was = before[k] == null ? null : before[k];
    if (JSON.stringify(fields[k]) !== JSON.stringify(was)) out[k] = fields[k];
  });
  return out;
}

export function setConditions(form, list) {
  var box = form.querySelector("[data-condition-list]");
  if (!box) return;
  box.textContent = "";
  list.forEach(function (c) { addCondition(form, c); });
}

var rows = 0;
export function addCondition(form, c) {
  var box = form.querySelector("[data-condition-list]");
  var row = form.querySelector("[data-condition-template]").content.firstElementChild.cloneNode(true);
  box.appendChild(row);
  renumber(form);
  rows += 1;
  row.querySelectorAll("[data-name]").forEach(function (select) {
    var id = "pd-condition-" + rows + "-" + select.dataset.name;
    select.id = id;
    row.querySelector('[data-for="' + select.dataset.name + '"]').setAttribute("for", id);
  });
  if (c) {
    row.querySelector('[data-name="kind"]').value = c.kind;
    row.querySelector('[data-name="state"]').value = c.state || "present";
    row.dataset.note = c.note || "";
  }
  return row;
}

/* data-field names as the server's problems name them: conditions.#1.kind, ... */
export function renumber(form) {
  form.querySelectorAll("[data-condition]").forEach(function (row, i) {
    row.querySelectorAll("[data-name]").forEach(function (select) {
      select.dataset.field = "conditions.#" + (i + 1) + "." + select.dataset.name;
    });
  });
}
