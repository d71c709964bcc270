/* Family relations on the genogram: the family dialog for two chosen persons (partners, parent
 * and child, or an emotional relation), changing or removing a relation that is there, and a
 * click on one of the genogram's lines. */
import { t } from "../messages.js";
import { dialog, open, value } from "./dialogs.js";
import { perform } from "./edits.js";
import { toSvg } from "./picture.js";
import { nameOf, picture, state } from "./state.js";

export function checked(form, name) {
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
export function showSection(form, kind) {
  form.querySelectorAll("[data-section]").forEach(function (el) { el.hidden = el.dataset.section !== kind; });
  showDirection(form);
}
export function showDirection(form) {
  var option = form.elements.emotion_type.options[form.elements.emotion_type.selectedIndex];
  form.querySelector("[data-directed-only]").hidden = !(option && option.hasAttribute("data-directed"));
}
export function fillOtherParent(form) {
  var a = state.pending.a, b = state.pending.b;
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
export function addFamily(a, b, kind) {
  var dlg = dialog("family-dialog"), form = dlg.querySelector("form");
  form.reset();
  state.pending = { kind: "family", a: a, b: b };
  dlg.querySelector("[data-family-names]").textContent = nameOf(a) + " – " + nameOf(b);
  dlg.querySelector('[data-parent-label="a"]').textContent = t("%(parent)s is a parent of %(child)s", { parent: nameOf(a), child: nameOf(b) });
  dlg.querySelector('[data-parent-label="b"]').textContent = t("%(parent)s is a parent of %(child)s", { parent: nameOf(b), child: nameOf(a) });
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
export function editRelation(kind, id) {
  var dlg = dialog("family-dialog"), form = dlg.querySelector("form");
  var rel = (state.data[kind === "couple" ? "couples" : kind === "child" ? "children" : "emotions"] || {})[id];
  if (!rel) return;
  form.reset();
  state.pending = { kind: kind, id: id, before: rel };
  var names;
  if (kind === "couple") {
    form.elements.couple_type.value = rel.type;
    form.elements.start_year.value = rel.start_year == null ? "" : rel.start_year;
    form.elements.end_year.value = rel.end_year == null ? "" : rel.end_year;
    names = nameOf(rel.a) + " – " + nameOf(rel.b);
  } else if (kind === "child") {
    form.elements.child_type.value = rel.type;
    var parents = rel.parents.map(nameOf).join(" " + t("and") + " ");
    names = t("%(child)s, child of %(parents)s", { child: nameOf(rel.child), parents: parents });
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
export function lineClicked(g, event) {
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

export function submitFamily(form) {
  var kind = state.pending.kind;
  if (kind === "family") {
    var a = state.pending.a, b = state.pending.b, relation = checked(form, "relation"), op;
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
  var before = state.pending.before, changes = {};
  var fields = kind === "couple"
    ? { type: value(form, "couple_type"), start_year: year(form, "start_year"), end_year: year(form, "end_year") }
    : kind === "child" ? { type: value(form, "child_type") } : { type: value(form, "emotion_type") };
  if (kind === "emotion" && value(form, "direction") === "ba") { fields.a = before.b; fields.b = before.a; }
  Object.keys(fields).forEach(function (k) {
    if (fields[k] !== (before[k] == null ? null : before[k])) changes[k] = fields[k];
  });
  if (!Object.keys(changes).length) return Promise.resolve(true);
  return perform([{ op: "update_" + kind, id: state.pending.id, changes: changes }], form);
}
