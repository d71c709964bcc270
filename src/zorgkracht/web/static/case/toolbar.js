/* The buttons of the toolbar and the person list, and choosing persons: a first choice selects,
 * a second one connects the two (a tie, or on the genogram a family relation). */
import { t } from "../messages.js";
import { addPerson, editDomain, editPerson, editTie, tieBetween } from "./dialogs.js";
import { perform, redo, undo } from "./edits.js";
import { addFamily, editRelation } from "./family.js";
import { editEvent, editInstrument, removeEvent, removeInstrument } from "./records.js";
import { select } from "./selection.js";
import { app, nameOf, say, state } from "./state.js";

export function choose(id) {
  if (state.selected && state.selected !== id) {
    var a = state.selected;
    state.connect = false;
    select(null, true);
    if (state.view === "genogram") addFamily(a, id);
    else editTie(tieBetween(a, id), a, id);
  } else if (state.selected === id) {
    select(null);
  } else {
    select(id);
  }
}

function confirmRemove(id) {
  return window.confirm(t("Remove %(name)s with all their ties? (You can undo this.)", { name: nameOf(id) }));
}

export function initToolbar() {
  app.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button || button.disabled) return;
    var id = button.dataset.id;
    switch (button.dataset.action) {
      case "add-person": addPerson(null, null); break;
      case "add-domain": editDomain(null); break;
      case "connect":
        state.connect = !state.connect;
        select(null, true);
        say(state.connect ? t("Choose the first person, then the second.") : t("Nobody selected."));
        break;
      case "undo": undo(); break;
      case "redo": redo(); break;
      case "edit-person": editPerson(id); break;
      case "select-person": choose(id); break;
      case "remove-person":
        if (confirmRemove(id)) perform([{ op: "remove_person", id: id }], null, button);
        break;
      case "edit-tie": editTie(id); break;
      case "edit-relation": editRelation(button.dataset.kind, id); break;
      case "edit-domain": editDomain(id); break;
      case "remove-domain":
        if (confirmRemove(id)) perform([{ op: "remove_domain", id: id }], null, button);
        break;
      case "add-event": editEvent(null); break;
      case "edit-event": editEvent(id); break;
      case "remove-event": removeEvent(id, button); break;
      case "edit-instrument": editInstrument(button.dataset.instrument, button.dataset.respondent, button.hasAttribute("data-new")); break;
      case "remove-instrument": removeInstrument(button.dataset.instrument, button.dataset.respondent, button); break;
    }
  });
}
