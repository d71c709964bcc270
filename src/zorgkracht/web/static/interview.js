/* Interview mode without page reloads. Every form on these pages also works without this file:
 * here the same forms are posted with fetch (Accept: application/json), the answer is shown in
 * place and the map panel is redrawn. Answers are sent one at a time, each with the latest
 * case version, so that quick changes never overtake each other. */
import { inLanguage, t } from "./messages.js";

var root = document.querySelector(".iv");
if (root && window.fetch) { start(); }

function start() {
  var live = document.getElementById("iv-live");
  var queue = Promise.resolve();

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  function say(text) {
    if (!live) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function setVersion(version) {
    document.querySelectorAll('input[name="version"]').forEach(function (input) {
      input.value = String(version);
    });
  }
  function post(form, extra) {
    var body = new URLSearchParams(new FormData(form));
    if (extra) { Object.keys(extra).forEach(function (k) { body.set(k, extra[k]); }); }
    body.set("version", form.querySelector('input[name="version"]').value);
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf() }
    }).then(function (response) {
      var json = (response.headers.get("content-type") || "").indexOf("application/json") >= 0;
      if (!json) { return { ok: false, status: response.status, data: {} }; }
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }
  function clearErrors(form) {
    form.querySelectorAll(".iv-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }
  function showErrors(form, result) {
    var error = (result.data && result.data.error) || {};
    var problems = (error.problems || []).map(function (p) { return { where: p.where, text: inLanguage(p) }; });
    var first = null;
    if (result.status === 409) {
      problems = [{ where: "form", text: t("Someone else changed this case in the meantime. Reload the page to see the latest state.") }];
    }
    if (!problems.length) {
      var message = error.message ? inLanguage(error.message) : t("Not saved. Check the answer and try again.");
      problems = [{ where: "form", text: message }];
    }
    problems.forEach(function (p) {
      var where = (p.where || "form").split("/")[0];
      var box = document.getElementById("iv-" + where + "-error") || document.getElementById("iv-form-error");
      if (box) {
        box.textContent = (box.hidden ? "" : box.textContent + " ") + p.text;
        box.hidden = false;
      }
      var field = form.querySelector('[name="' + where + '"]');
      if (field && field.type !== "hidden") {
        field.setAttribute("aria-invalid", "true");
        first = first || field;
      }
    });
    say(t("Not saved. Check the answer and try again."));
    if (first) { first.focus(); }
  }

  /* --- the map panel ------------------------------------------------------------------- */
  function refreshMap(view) {
    var panel = document.getElementById("iv-map");
    if (!panel) { return Promise.resolve(); }
    var wanted = view || panel.dataset.view;
    panel.classList.add("iv-busy");
    var url = panel.dataset.mapUrl + "?view=" + encodeURIComponent(wanted);
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { panel.classList.remove("iv-busy"); return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#iv-map");
        if (!fresh) { panel.classList.remove("iv-busy"); return; }
        var details = panel.querySelector("details");
        var wasOpen = details && details.open;
        panel.replaceWith(fresh);
        var freshDetails = fresh.querySelector("details");
        if (freshDetails && wasOpen) { freshDetails.open = true; }
      })
      .catch(function () { panel.classList.remove("iv-busy"); });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".iv-views a[data-view]");
    if (!link) { return; }
    event.preventDefault();
    var view = link.dataset.view;
    refreshMap(view).then(function () {
      var url = new URL(window.location.href);
      url.searchParams.set("view", view);
      window.history.replaceState(null, "", url.toString());
      var current = document.querySelector('.iv-views a[data-view="' + view + '"]');
      if (current) { current.focus(); }
    });
  });

  /* --- keys: 1 to 4 choose the circle, P G A E W tick support (one Tab reaches each group) - */
  document.querySelectorAll(".iv-keys").forEach(function (group) {
    group.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || !event.key || event.key.length !== 1) { return; }
      var key = event.key.toUpperCase();
      var box = null;
      group.querySelectorAll("input").forEach(function (input) {
        if (input.value.toUpperCase() === key) { box = input; }
      });
      if (!box) { return; }
      event.preventDefault();
      box.checked = box.type === "radio" ? true : !box.checked;
      box.focus();
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });

  /* --- name generators ----------------------------------------------------------------- */
  var namesForm = document.querySelector('form[data-iv="names"]');
  if (namesForm) {
    /* Enter on a circle or a support box adds the person, as it does in the name field */
    namesForm.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key === "Enter" && target && (target.type === "radio" || target.type === "checkbox")) {
        event.preventDefault();
        namesForm.requestSubmit();
      }
    });
    /* the couple's type only for a partner, the other parent only for a child */
    var relation = namesForm.querySelector('select[name="role"]');
    var showFor = function () {
      var chosen = relation ? relation.options[relation.selectedIndex] : null;
      var role = chosen ? chosen.dataset.role : "";
      namesForm.querySelectorAll("[data-for-role]").forEach(function (field) {
        field.hidden = field.dataset.forRole !== role;
      });
    };
    if (relation) { relation.addEventListener("change", showFor); }
    showFor();
    var defaults = Array.prototype.map.call(namesForm.querySelectorAll('input[name="circle"]'), function (radio) { return radio.checked; });
    namesForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var nameInput = namesForm.querySelector('input[name="name"]');
      var another = namesForm.querySelector('input[name="another_person"]');
      var notice = document.getElementById("iv-notice");
      queue = queue.then(function () {
        clearErrors(namesForm);
        return post(namesForm).then(function (result) {
          if (!result.ok) { showErrors(namesForm, result); return; }
          var data = result.data;
          setVersion(data.version);
          var person = data.person;
          if (data.created) {
            addToList(person, data.version);
            notice.textContent = t("Added:") + " " + person.name + (data.note ? " " + data.note : "");
            notice.hidden = false;
            nameInput.value = "";
            another.checked = false;
            namesForm.querySelectorAll('input[name="circle"]').forEach(function (radio, i) { radio.checked = defaults[i]; });
            namesForm.querySelectorAll('input[name="support"], input[name="organisation"]').forEach(function (box) { box.checked = false; });
            var gender = namesForm.querySelector('select[name="gender"]');
            if (gender) { gender.value = ""; }
            document.getElementById("iv-same").hidden = true;
            say(t("Added:") + " " + person.name + (data.note ? " " + data.note : ""));
            nameInput.focus();
            return refreshMap();
          }
          notice.textContent = "";
          var strong = document.createElement("strong");
          strong.textContent = person.name;
          notice.appendChild(strong);
          notice.appendChild(document.createTextNode(
            (person.role ? " (" + person.role + ") " : " ") + t("is already in the network and was not added again. Is this someone else with the same name? Tick the box below and add again.")));
          notice.hidden = false;
          document.getElementById("iv-same").hidden = false;
          say(person.name + " " + t("is already in the network and was not added again. Is this someone else with the same name? Tick the box below and add again."));
          nameInput.focus();
        });
      }).catch(function () { say(t("The server cannot be reached. Your last answer was not saved.")); });
    });
  }
  function addToList(person, version) {
    var list = document.getElementById("iv-people");
    var template = document.getElementById("iv-person-template");
    if (!list || !template) { return; }
    var item = template.content.querySelector("li").cloneNode(true);
    item.dataset.personId = person.id;
    var link = item.querySelector(".iv-person-name");
    link.textContent = person.name;
    link.href = person.about;
    item.querySelector(".iv-role").textContent = person.role;
    var form = item.querySelector("form");
    form.action = form.getAttribute("action") + encodeURIComponent(person.id);
    form.querySelector('input[name="version"]').value = String(version);
    item.querySelector("button .visually-hidden").textContent = " " + person.name;
    list.appendChild(item);
    var count = document.getElementById("iv-count");
    if (count) { count.textContent = String(list.children.length); }
  }

  /* --- interpreters and who-knows-whom: save every change at once ------------------------ */
  var pending = 0;
  document.querySelectorAll('form[data-iv="autosave"]').forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!pending) { return; }
      /* an answer is still being saved: send the form when it is, with the newest version */
      event.preventDefault();
      var submitter = event.submitter;
      queue.then(function () {
        if (submitter && submitter.name) {
          var go = document.createElement("input");
          go.type = "hidden";
          go.name = submitter.name;
          go.value = submitter.value;
          form.appendChild(go);
        }
        form.submit();
      });
    });
    form.addEventListener("change", function () {
      pending += 1;
      queue = queue.then(function () {
        clearErrors(form);
        return post(form, { go: "stay" }).then(function (result) {
          if (!result.ok) { showErrors(form, result); return; }
          setVersion(result.data.version);
          say(t("Saved."));
          return refreshMap();
        });
      }).catch(function () { say(t("The server cannot be reached. Your last answer was not saved.")); })
        .then(function () { pending -= 1; });
    });
  });
}
