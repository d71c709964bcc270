/* The drawn picture: wide hit areas over persons, domains and lines, and the way from a pointer
 * event to a point in the picture (and to the circle of the network schema under it). */
import { picture } from "./state.js";

/* A transparent rectangle over each person's box, at least 44 px on screen, so that a
   finger or a shaky hand can take hold of them (drawn last, on top of the symbol). */
export function addHitAreas() {
  var svg = picture.querySelector("svg"), m = svg && svg.getScreenCTM();
  var scale = m ? Math.abs(m.a) || 1 : 1;
  var min = 44 / scale;
  picture.querySelectorAll("[data-person-id][data-bbox], [data-domain-id][data-bbox]").forEach(function (g) {
    if (g.querySelector(".zk-hit")) return;
    var b = g.getAttribute("data-bbox").split(/[ ,]+/).map(Number);
    if (b.length !== 4 || b.some(isNaN)) return;
    var w = Math.max(b[2], min), h = Math.max(b[3], min);
    var r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    r.setAttribute("class", "zk-hit");
    r.setAttribute("x", b[0] + b[2] / 2 - w / 2); r.setAttribute("y", b[1] + b[3] / 2 - h / 2);
    r.setAttribute("width", w); r.setAttribute("height", h);
    r.setAttribute("rx", 6); r.setAttribute("fill", "transparent");
    // a domain may hold persons: its area goes underneath them, a person's on top
    if (g.hasAttribute("data-domain-id")) g.insertBefore(r, g.firstChild); else g.appendChild(r);
  });
  // the thin lines of the genogram get a wide invisible band on top, to click or tap them
  picture.querySelectorAll("[data-couple-id], [data-family], [data-emotion-id]").forEach(function (g) {
    if (g.querySelector(".zk-hit-line")) return;
    g.querySelectorAll("path").forEach(function (line) {
      var band = line.cloneNode(false);
      band.removeAttribute("stroke-dasharray");
      band.setAttribute("class", "zk-hit-line");
      band.setAttribute("fill", "none");
      band.setAttribute("stroke", "transparent");
      band.setAttribute("stroke-width", 24 / scale);
      band.setAttribute("stroke-linecap", "butt");
      g.appendChild(band);
    });
  });
}

/* What works only with the script (the toolbar, the hints) is shown once the script runs. */
export function reveal(root) {
  root.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
}

export function svgRoot() { return picture.querySelector("svg"); }

export function toSvg(event) {
  var svg = svgRoot(), m = svg && svg.getScreenCTM();
  if (!m) return null;
  var p = svg.createSVGPoint(); p.x = event.clientX; p.y = event.clientY;
  var q = p.matrixTransform(m.inverse());
  return { x: q.x, y: q.y };
}

export function symbolCentre(g) {
  var shape = g.querySelector("rect:not(.zk-hit), circle, ellipse, polygon, path, use");
  var box = (shape || g).getBBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function ringAt(point) {
  var schema = picture.querySelector("[data-center]");
  if (!schema) return null;
  var c = schema.getAttribute("data-center").split(/[ ,]+/).map(Number);
  var r = Math.hypot(point.x - c[0], point.y - c[1]);
  var rings = schema.querySelectorAll("[data-r-outer]");
  for (var i = 0; i < rings.length; i++) {
    var inner = Number(rings[i].getAttribute("data-r-inner")), outer = Number(rings[i].getAttribute("data-r-outer"));
    if (r >= inner && r <= outer) return rings[i].getAttribute("data-circle");
  }
  return null;
}
