/* Keyboard: Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes (not while typing or in a dialog);
 * the view tabs are a real ARIA tab list, the arrow keys move between them. */
import { addPerson } from "./dialogs.js";
import { redo, undo } from "./edits.js";

/* Alt+N adds a person from anywhere on the page (not while a dialog is open). */
export function initAddKey() {
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== "KeyN") return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    addPerson(null, null);
  });
}

export function initUndoKeys() {
  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || document.querySelector("dialog[open]")) return;
    var key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); undo(); }
    else if (key === "y" || (key === "z" && event.shiftKey)) { event.preventDefault(); redo(); }
  });
}

export function initTabs() {
  var list = document.getElementById("view-tabs");
  if (!list) return;
  var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
  tabs.forEach(function (tab) {
    tab.tabIndex = tab.getAttribute("aria-selected") === "true" ? 0 : -1;
    tab.addEventListener("keydown", function (event) {
      var i = tabs.indexOf(tab), next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") next = tabs[(i + 1) % tabs.length];
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = tabs[(i - 1 + tabs.length) % tabs.length];
      else if (event.key === "Home") next = tabs[0];
      else if (event.key === "End") next = tabs[tabs.length - 1];
      else if (event.key === " ") { event.preventDefault(); tab.click(); return; }
      if (next) { event.preventDefault(); tabs.forEach(function (t) { t.tabIndex = -1; }); next.tabIndex = 0; next.focus(); }
    });
  });
}

/* The person list's items are laid out only near the screen (case.css, content-visibility), so
 * the browser scrolls a button that gets the focus (Tab, or the focus put back after an edit)
 * into view by the guessed heights of the items before it; once those are laid out, the button
 * can be below the window. Bring it into view again for a few frames, until it stays there. */
export function initFocusInView() {
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!el.closest || !el.closest(".person-list")) return;
    var frames = 0, still = 0;
    function check() {
      if (document.activeElement !== el || frames++ > 20) return;
      var box = el.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) { el.scrollIntoView({ block: "center" }); still = 0; }
      else if (++still >= 3) return;
      requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  });
}
