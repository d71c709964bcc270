/* Talking to the server: every change is one operation sent to POST /api/cases/{id}/edits with
 * If-Match (the version the page shows) and the CSRF token. A refusal rejects with an Error that
 * carries the status and the error body ({error: {message: {nl, en}, problems}}). */
import { state } from "./state.js";

export function csrf() {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) return meta.content;
  var field = document.querySelector('input[name="csrf_token"]');
  return field ? field.value : "";
}

export function send(op) {
  var url = "/api/cases/" + encodeURIComponent(state.caseId) + "/edits?view=" +
    encodeURIComponent(state.view) + "&lang=" + encodeURIComponent(state.lang) + "&fragments=true" +
    (state.drawn ? "&drawn=" + encodeURIComponent(state.drawn) : "");
  return post(url, state.version, op);
}

/* POST one operation to ``url`` over ``version``; the answer's body, or an Error with status and
 * body (the case page's send, and the plan page's). */
export function post(url, version, op) {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "If-Match": '"' + version + '"',
               "X-CSRF-Token": csrf(), "Accept": "application/json" },
    body: JSON.stringify(op)
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) { var err = new Error("http"); err.status = response.status; err.body = body; throw err; }
      return body;
    });
  });
}
