/* Zorgkracht: drawing in place on the case page. Vanilla ES modules, no libraries, no build step.
 *
 * Every change is one operation sent to POST /api/cases/{id}/edits with If-Match; the answer
 * brings the redrawn picture, the page fragments and the operation that undoes the change.
 * Undo and redo keep stacks of such inverse operations (an entry may hold several).
 *
 * The modules, by concern: state (what the page knows), api (the server), edits (sending
 * changes, undo and redo, errors), picture (hit areas, pointer to picture), selection, dialogs,
 * family (the genogram's relations), fields (every field of a person, tie or life event, into
 * the form and back), records (life events and instruments), forms (sending the dialogs),
 * toolbar, pointer, keyboard (undo keys, Alt+N, the view tabs, a focused list button kept in
 * view); ../messages.js has the page's texts. */
import { updateUndo } from "./edits.js";
import { initForms } from "./forms.js";
import { initAddKey, initFocusInView, initTabs, initUndoKeys } from "./keyboard.js";
import { addHitAreas, reveal } from "./picture.js";
import { initPointer } from "./pointer.js";
import { app, initState } from "./state.js";
import { initToolbar } from "./toolbar.js";

if (app && app.dataset.editable === "true") {
  initState();
  initForms();
  initToolbar();
  initUndoKeys();
  initAddKey();
  initFocusInView();
  initPointer();
  reveal(document);
  addHitAreas();
  initTabs();
  updateUndo();
} else {
  initTabs();
}
document.documentElement.dataset.ready = String(performance.now());  // benchmarks/bench_browser.py: the handlers are attached
