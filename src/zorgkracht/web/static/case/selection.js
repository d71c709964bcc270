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

export function markSelection() {
  document.querySelectorAll("#picture [data-person-id]").forEach(function (g) {
    g.classList.toggle("selected", g.getAttribute("data-person-id") === state.selected);
  });
  document.querySelectorAll('[data-action="select-person"]').forEach(function (b) {
    b.setAttribute("aria-pressed", String(b.dataset.id === state.selected));
  });
  var c = app.querySelector('[data-action="connect"]');
  if (c) c.setAttribute("aria-pressed", String(state.connect));
}
