/* The pointer on the picture: a click selects (or opens a tie or a line's relation), a drag moves
 * a person or domain (on the network schema, to another circle), a double-click opens a person
 * or domain, or adds someone on an empty spot. */
import { addPerson, editDomain, editPerson, editTie } from "./dialogs.js";
import { perform } from "./edits.js";
import { lineClicked } from "./family.js";
import { ringAt, svgRoot, symbolCentre, toSvg } from "./picture.js";
import { picture, state } from "./state.js";
import { choose } from "./toolbar.js";

var drag = null;
var LINES = "[data-couple-id], [data-family], [data-child-id], [data-emotion-id]";

function target(event) {
  return event.target.closest && event.target.closest("[data-person-id], [data-domain-id], [data-tie-id], " + LINES);
}
function draggable(g) { return g.hasAttribute("data-person-id") || g.hasAttribute("data-domain-id"); }

export function initPointer() {
  // a finger on a person or domain drags it instead of scrolling the page (touch-action is not
  // honoured on every SVG element); elsewhere on the picture a finger still scrolls
  picture.addEventListener("touchstart", function (event) {
    var g = target(event);
    if (g && draggable(g)) event.preventDefault();
  }, { passive: false });
  picture.addEventListener("pointerdown", function (event) {
    var g = target(event);
    if (!g || event.button > 0 || !svgRoot()) return;
    var start = toSvg(event);
    if (!start) return;
    drag = { g: g, start: start, x: event.clientX, y: event.clientY, moved: false, pointer: event.pointerId };
  });
  picture.addEventListener("pointermove", function (event) {
    if (!drag || drag.pointer !== event.pointerId || !draggable(drag.g)) return;
    if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 6) return;
    if (!drag.moved) {
      drag.moved = true; drag.g.classList.add("dragging"); picture.setPointerCapture(event.pointerId);
      var selected = window.getSelection();
      if (selected && !selected.isCollapsed) selected.removeAllRanges();
    }
    var now = toSvg(event);
    if (now) drag.g.setAttribute("transform", "translate(" + (now.x - drag.start.x) + " " + (now.y - drag.start.y) + ")");
    event.preventDefault();
  });
  function endDrag(event) {
    if (!drag || drag.pointer !== event.pointerId) return;
    var d = drag; drag = null;
    if (!d.moved) {
      var pid = d.g.getAttribute("data-person-id"), tid = d.g.getAttribute("data-tie-id");
      if (pid) choose(pid); else if (tid) editTie(tid); else if (!draggable(d.g)) lineClicked(d.g, event);
      return;
    }
    d.g.classList.remove("dragging");
    var now = toSvg(event) || d.start;
    var centre = symbolCentre(d.g);  // getBBox ignores the group's own transform
    var to = { x: centre.x + now.x - d.start.x, y: centre.y + now.y - d.start.y };
    var id = d.g.getAttribute("data-person-id") || d.g.getAttribute("data-domain-id");
    var ops = [];
    if (state.view === "netwerkschema" && d.g.hasAttribute("data-person-id")) {
      var circle = ringAt(to);
      var before = state.data.persons[id] && state.data.persons[id].circle;
      if (circle && circle !== before) ops.push({ op: "set_circle", id: id, circle: circle });
    }
    if (!ops.length) ops.push({ op: "set_position", view: state.view, id: id, x: Math.round(to.x * 10) / 10, y: Math.round(to.y * 10) / 10 });
    // saved: the answer replaced the group, or (a patch that left it as it was) it goes back
    // to where the picture draws it; refused: it goes back too
    perform(ops, null).then(function () { if (d.g.isConnected) d.g.removeAttribute("transform"); });
  }
  picture.addEventListener("pointerup", endDrag);
  picture.addEventListener("pointercancel", function (event) {
    if (drag && drag.pointer === event.pointerId) { drag.g.removeAttribute("transform"); drag = null; }
  });
  picture.addEventListener("dblclick", function (event) {
    var g = target(event);
    if (g && g.hasAttribute("data-person-id")) { editPerson(g.getAttribute("data-person-id")); return; }
    if (g && g.hasAttribute("data-domain-id")) { editDomain(g.getAttribute("data-domain-id")); return; }
    if (g) return;
    var point = toSvg(event);
    addPerson(point, point && state.view === "netwerkschema" ? ringAt(point) : null);
  });
}
