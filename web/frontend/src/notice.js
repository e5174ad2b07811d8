// notice.js shows the privacy notice (Markdown from the API) as headings, paragraphs and lists, built as
// elements so nothing in it is parsed as HTML; it folds away under its title.
import { h } from "./dom.js";
import { t } from "./i18n.js";

export function notice(n) {
  const body = h("div", { class: "app-notice__text" });
  let list = null;
  for (const raw of n.text.split("\n")) {
    const line = raw.trim();
    if (!line) {
      list = null;
      continue;
    }
    const hm = /^(#{1,4})\s+(.*)$/.exec(line);
    if (hm) {
      list = null;
      const level = Math.min(hm[1].length + 1, 4);
      body.append(h(`h${level}`, { class: `utrecht-heading-${level}`, text: inline(hm[2]) }));
    } else if (/^[-*]\s+/.test(line)) {
      if (!list) {
        list = h("ul", { class: "utrecht-unordered-list" });
        body.append(list);
      }
      list.append(h("li", { class: "utrecht-unordered-list__item", text: inline(line.replace(/^[-*]\s+/, "")) }));
    } else {
      list = null;
      body.append(h("p", { class: "utrecht-paragraph", text: inline(line) }));
    }
  }
  return h(
    "details",
    { class: "app-notice" },
    h("summary", { class: "app-notice__summary", text: t("notice.summary", { title: n.title, version: n.version }) }),
    body,
  );
}

// inline drops Markdown's emphasis and link syntax, keeping the words (and a link's address in brackets).
function inline(s) {
  return s.replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)").replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, "$1");
}
