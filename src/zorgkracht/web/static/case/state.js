/* What the case page's scripts share: the #case-app element, the picture and the state of the
 * editor (the case as the page last drew it, undo and redo, the selection, the open dialog). */
export var app = document.getElementById("case-app");
export var picture = document.getElementById("picture");

export var state = {
  caseId: null,
  version: null,
  drawn: null,  // the version whose picture is on the page (the edits' answers may patch it)
  view: null,
  lang: null,
  undo: [],
  redo: [],
  selected: null,
  connect: false,
  busy: false,
  data: null,
  pending: {}  // what the open dialog is about
};

export function initState() {
  state.caseId = app.dataset.caseId;
  state.version = app.dataset.version;
  state.drawn = app.dataset.version;
  state.view = app.dataset.view;
  state.lang = app.dataset.lang;
  state.data = readData();
}

export function readData() {
  var el = document.getElementById("case-data");
  var empty = { persons: {}, ties: {}, domains: {}, couples: {}, children: {}, emotions: {} };
  try { return el ? JSON.parse(el.textContent) : empty; }
  catch (e) { return empty; }
}

export function say(text) { var s = document.getElementById("edit-status"); if (s) s.textContent = text; }

export function nameOf(id) {
  var p = state.data.persons[id] || state.data.domains[id];
  return p ? p.name : id;
}
