/* The selected person (the first of two to connect) and how the page shows it. */
import { t } from "../messages.js";
import { app, nameOf, say, state } from "./state.js";

export function select(id, quiet) {
  state.selected = id;
  markSelection();
  if (quiet) return;
  var name = { name: nameOf(id) };
  if (!id) say(t("Nobody selected."));
  else if (state.view === "genogram") say(t("Selected: %(name)s. Choose a second person for a family relation.", name));
  else say(t("Selected: %(name)s. Choose a second person to connect them.", name));
}

/* Mark the selected person in ``root`` (the document, or only the picture when nothing else
   was redrawn); an element is touched only when its mark changes. */
export function markSelection(root) {
  var scope = root || document;
  var persons = scope === document ? "#picture [data-person-id]" : "[data-person-id]";
  scope.querySelectorAll(persons).forEach(function (g) {
    var on = g.getAttribute("data-person-id") === state.selected;
    if (g.classList.contains("selected") !== on) g.classList.toggle("selected", on);
  });
  scope.querySelectorAll('[data-action="select-person"]').forEach(function (b) {
    var pressed = String(b.dataset.id === state.selected);
    if (b.getAttribute("aria-pressed") !== pressed) b.setAttribute("aria-pressed", pressed);
  });
  var c = app.querySelector('[data-action="connect"]');
  if (c) c.setAttribute("aria-pressed", String(state.connect));
}
