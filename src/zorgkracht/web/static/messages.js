/* The texts the page scripts show, in the page's language: the one way to say a thing in the
 * scripts. The server translates them with the Babel catalogues (the English ids are declared in
 * zorgkracht/i18n/scripts.py) and embeds them in the page:
 *
 *   <script type="application/json" id="zk-messages">{"lang": "nl", "messages": {id: text}}</script>
 *
 * t(id, values) is the scripts' _(): the text of an English id, with %(name)s filled in.
 * inLanguage(thing) picks the text of something the server says in both languages ({nl, en}:
 * an error message, a problem with a field). */
var data = read();

function read() {
  var el = document.getElementById("zk-messages");
  try { return (el && JSON.parse(el.textContent)) || {}; }
  catch (e) { return {}; }
}

/* "nl" or "en", as the server chose it (zorgkracht.i18n.language). */
export var lang = data.lang || "nl";

export function t(id, values) {
  var text = (data.messages && data.messages[id]) || id;
  if (!values) return text;
  return text.replace(/%\((\w+)\)s/g, function (all, name) { return String(values[name]); });
}

export function inLanguage(thing) { return thing[lang]; }
