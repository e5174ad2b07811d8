// dom.js builds elements without HTML strings, so no text from the server or the user is ever parsed as
// markup (and the Content-Security-Policy needs no inline anything).

// h makes an element. attrs: "class", "text" (its text), "on<event>" (a listener), booleans (set when true),
// and any other attribute; children: nodes, strings, numbers, arrays of them, or null (skipped).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// replace empties el and puts children in it.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;

// uid is an id unique in the page, for labels and descriptions.
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}
