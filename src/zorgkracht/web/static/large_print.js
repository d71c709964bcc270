// Large print (issue 13): the picture on the case page and in the interview's map drawn
// LARGE_PRINT times larger, for reading it together with the client; names are then at least
// 18 px. The same option as the renderer's (zorgkracht.render.svg.LARGE_PRINT and enlarged():
// the root's width and height grow, the drawing stays): the choice is remembered per browser in
// the cookie zk_large_print, which the picture exports of the case page read as well.
const COOKIE = "zk_large_print";
const LARGE_PRINT = 1.5;

function isOn() {
  return document.cookie.split(/;\s*/).includes(COOKIE + "=1");
}

function apply() {
  const on = isOn();
  for (const svg of document.querySelectorAll(".picture-box > svg, .iv-figure > svg")) {
    const width = parseFloat(svg.getAttribute("width"));
    const height = parseFloat(svg.getAttribute("height"));
    if (!width || !height || svg.hasAttribute("data-large-print")) continue;
    const w = on ? `${width * LARGE_PRINT}px` : "";
    const h = on ? `${height * LARGE_PRINT}px` : "";
    if (svg.style.width !== w) svg.style.width = w;
    if (svg.style.height !== h) svg.style.height = h;
  }
  for (const button of document.querySelectorAll('button[data-action="large-print"]')) {
    button.hidden = false;
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest('button[data-action="large-print"]');
  if (!button) return;
  document.cookie = `${COOKIE}=${isOn() ? 0 : 1}; path=/; max-age=31536000; SameSite=Lax`;
  apply();
});
// the case page and the interview replace the picture after an edit: keep it large
new MutationObserver(apply).observe(document.body, { childList: true, subtree: true });
apply();
