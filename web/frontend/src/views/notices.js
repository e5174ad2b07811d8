// Notices: what happened to the account — for a resident the claims, rewards, refunds and a recovery of the
// key, for a shop its payouts — newest first in pages (beforeId), each with a link to where it is about.
// Unread ones are marked; one or all are marked read, which the badge in the navigation follows. Both apps
// show this screen: the app's notices (resident.js, till.js) give its addresses and the texts that differ.
import { h, uid } from "../dom.js";
import { t, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { setUnread } from "../unread.js";
import { heading, para, button, alert, busy, link } from "../ui.js";

// pageSize is how many notices one page shows.
export const pageSize = 10;

export async function render({ rerender, app }) {
  const cfg = app.notices;
  const first = await call("GET", `/v1/me/notices?limit=${pageSize}`);
  setUnread(first.unread);
  const status = h("div", { "aria-live": "polite" });
  const list = h("ul", { class: "app-cards", "aria-label": t("notices.list") });
  const more = h("div", { class: "app-actions" });
  const allRead = button(t("notices.all_read"), { kind: "secondary" });
  allRead.hidden = first.unread === 0;
  allRead.addEventListener("click", async () => {
    status.replaceChildren();
    try {
      const r = await busy(allRead, () => call("POST", "/v1/me/notices/read"));
      setUnread(r.unread);
      rerender();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });

  const onRead = (r) => {
    setUnread(r.unread);
    allRead.hidden = r.unread === 0;
  };
  const show = (page) => {
    list.append(...page.map((n) => item(n, cfg.where[n.kind], status, onRead)));
    more.replaceChildren();
    if (page.length < pageSize) return;
    const older = button(t("notices.older"), { kind: "secondary" });
    older.addEventListener("click", async () => {
      status.replaceChildren();
      try {
        const next = await busy(older, () => call("GET", `/v1/me/notices?limit=${pageSize}&beforeId=${page[page.length - 1].id}`));
        setUnread(next.unread);
        const firstNew = next.notices.length;
        show(next.notices);
        if (firstNew) list.children[list.children.length - firstNew].querySelector("h2").focus();
        else status.append(alert(t("notices.no_older"), "info"));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status.append(alert(err.message, "error"));
      }
    });
    more.append(older);
  };
  show(first.notices);

  return h(
    "section",
    { class: "app-screen" },
    heading(t("notices.title")),
    h("p", { class: "utrecht-paragraph" }, link(t(cfg.texts.toSettings), cfg.settings)),
    first.notices.length ? h("div", { class: "app-actions" }, allRead) : para(t(cfg.texts.none)),
    status,
    list,
    more,
  );
}

// item is one notice: its title, when, its text, where it is about (to: the address and the link's text, or
// none), and for an unread one a button to mark it read.
function item(n, to, status, onRead) {
  const titleId = uid("notice");
  const unreadNow = !n.read_at;
  const li = h("li", { class: `app-card${unreadNow ? " app-notice-item--unread" : ""}` });
  const mark = unreadNow ? button(t("notices.mark_read"), { kind: "subtle", attrs: { "aria-describedby": titleId } }) : null;
  mark?.addEventListener("click", async () => {
    status.replaceChildren();
    try {
      const r = await busy(mark, () => call("POST", "/v1/me/notices/read", { body: { ids: [n.id] } }));
      onRead(r);
      li.classList.remove("app-notice-item--unread");
      li.querySelector(".app-notice-item__new")?.remove();
      const done = h("p", { class: "utrecht-paragraph", tabindex: "-1", text: t("notices.marked") });
      mark.replaceWith(done);
      done.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  const parts = [
    h(
      "h2",
      { class: "utrecht-heading-3 app-card__title", id: titleId, tabindex: "-1" },
      unreadNow ? h("span", { class: "app-notice-item__new", text: `${t("notices.new")}: ` }) : null,
      n.title,
    ),
    h("p", { class: "utrecht-paragraph app-card__when", text: dateTime(n.created_at) }),
    h("p", { class: "utrecht-paragraph", text: n.body }),
    to ? h("p", { class: "utrecht-paragraph" }, link(t(to.label), to.path)) : null,
    mark ? h("div", { class: "app-actions" }, mark) : null,
  ];
  li.append(...parts.filter(Boolean));
  return li;
}
