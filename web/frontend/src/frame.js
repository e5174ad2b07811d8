// frame.js is the frame both web apps share (the resident app and the shop's till): the header with the
// navigation and the language switch, and the main area each screen renders into. An app is its name, its
// role (who may use it), its screens and where a signed-in account starts; see resident.js and till.js.
import { h, replace } from "./dom.js";
import { t, lang, setLang, languages } from "./i18n.js";
import { startRouter, match, navigate } from "./router.js";
import { account, resume, logout } from "./session.js";
import { alert, heading, button } from "./ui.js";
import { ApiError } from "./api.js";
import { route } from "./router.js";
import { unread, onUnread, refreshUnread } from "./unread.js";

let root;
let main;
let app;

// start builds app's frame in root, resumes a session the refresh cookie still holds, and shows the screen
// of the address.
export async function start(el, theApp) {
  root = el;
  main = el.querySelector("main");
  app = theApp;
  for (const s of app.screens) route(s.path, s);
  try {
    await resume();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
  if (app.serviceWorker) registerServiceWorker();
  if (app.notices) watchNotices();
  startRouter(show);
}

// watchNotices keeps the badge of unread notices (and the app's warnings, app.banner) current: when the app
// comes back to the foreground, and when a tapped notification asks the app to show a notice's address.
function watchNotices() {
  onUnread(badge);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || !account()) return;
    refreshUnread();
    banner();
  });
  navigator.serviceWorker?.addEventListener("message", (e) => {
    const url = e.data?.type === "heitje-open" ? e.data.url : null;
    if (typeof url === "string" && url.startsWith("/") && !url.startsWith("//")) navigate(url);
  });
}

// badge shows the count of unread notices on the navigation's link to them.
function badge(n) {
  for (const el of root.querySelectorAll(".app-nav__badge")) {
    el.hidden = !n;
    el.querySelector("[aria-hidden]").textContent = String(n);
    el.querySelector(".app-visually-hidden").textContent = ` ${t("nav.unread", { n })}`;
  }
}

// banner shows what the app must warn of on every screen (app.banner answers it, or null), above the screen.
async function banner() {
  const place = root.querySelector(":scope > .app-banner");
  if (!place || !app.banner) return;
  const me = account();
  let node = null;
  place.setAttribute("aria-busy", "true");
  try {
    node = me ? await app.banner(me) : null;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  } finally {
    place.removeAttribute("aria-busy");
  }
  replace(place, node);
}

// show renders the screen of the current address, after the checks of who may see it.
async function show() {
  frame();
  const found = match(location.pathname);
  if (!found) {
    draw(t("notfound.title"), [heading(t("notfound.title")), alert(t("notfound.text"), "warning")]);
    return;
  }
  const { screen, params } = found;
  const me = account();
  if (me && me.role !== app.role) {
    draw(t("wrongapp.title"), wrongApp());
    return;
  }
  if (screen.access === "member" && !me) {
    navigate(`${app.loginPath}?terug=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    return;
  }
  if (screen.access === "guest" && me) {
    navigate(app.home(me), { replace: true });
    return;
  }
  if (screen.redirect) {
    navigate(screen.redirect(me), { replace: true });
    return;
  }
  if (me && app.notices) {
    refreshUnread();
    banner();
  }
  main.setAttribute("aria-busy", "true");
  try {
    const node = await screen.render({ params, query: new URLSearchParams(location.search), me, rerender: show, app });
    draw(t(screen.title), node);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) {
      navigate(`${app.loginPath}?terug=${encodeURIComponent(location.pathname)}`, { replace: true });
      return;
    }
    draw(t(screen.title), [heading(t(screen.title)), alert(err.message, "error")]);
  } finally {
    main.removeAttribute("aria-busy");
  }
}

// wrongApp says that the signed-in account belongs in the other app (a shop in the resident app, say), with
// the way out.
function wrongApp() {
  return [
    heading(t("wrongapp.title")),
    alert(t(`wrongapp.${app.role}`), "warning"),
    h(
      "div",
      { class: "app-actions" },
      button(t("nav.logout"), {
        kind: "secondary",
        onclick: async () => {
          await logout().catch(() => {});
          navigate(app.loginPath);
        },
      }),
    ),
  ];
}

function draw(title, node) {
  replace(main, node);
  document.title = `${title} — ${t(app.name)}`;
  (main.querySelector("h1") ?? main).focus();
}

// frame draws the skip link, the header, the navigation for a signed-in resident and the language switch.
function frame() {
  const me = account();
  const other = languages.find((l) => l !== lang());
  const header = h(
    "header",
    { class: "app-header" },
    h("a", { class: "app-header__name utrecht-link", href: app.homePath, text: t(app.name) }),
    h("button", {
      class: "utrecht-button utrecht-button--subtle app-lang",
      type: "button",
      lang: other,
      text: t(`lang.switch.${other}`),
      onclick: () => {
        setLang(other);
        show();
      },
    }),
  );
  const nav = me
    ? h(
        "nav",
        { class: "app-nav", "aria-label": t("nav.label") },
        h(
          "ul",
          { class: "app-nav__list" },
          app.screens
            .filter((s) => s.nav)
            .map((s) =>
              h(
                "li",
                { class: "app-nav__item" },
                h(
                  "a",
                  {
                    class: "utrecht-link app-nav__link",
                    href: s.nav,
                    "aria-current": (s.exact ? location.pathname === s.nav : location.pathname.startsWith(s.nav)) ? "page" : null,
                  },
                  t(s.navLabel),
                  s.badge
                    ? h(
                        "span",
                        { class: "app-nav__badge", hidden: !unread() },
                        h("span", { "aria-hidden": "true", text: String(unread()) }),
                        // (The space keeps "Berichten" and the count two words in the link's name.)
                        h("span", { class: "app-visually-hidden", text: ` ${t("nav.unread", { n: unread() })}` }),
                      )
                    : null,
                ),
              ),
            ),
          h(
            "li",
            { class: "app-nav__item" },
            h("button", {
              class: "utrecht-button utrecht-button--subtle",
              type: "button",
              text: t("nav.logout"),
              onclick: async () => {
                await logout().catch(() => {});
                navigate(app.loginPath);
              },
            }),
          ),
        ),
      )
    : null;
  const skip = h("a", { class: "utrecht-skip-link app-skip", href: "#main", text: t("nav.skip") });
  skip.addEventListener("click", (e) => {
    e.preventDefault();
    (main.querySelector("h1") ?? main).focus();
  });
  const old = root.querySelectorAll(":scope > .app-skip, :scope > header, :scope > nav");
  old.forEach((n) => n.remove());
  root.prepend(skip, header, ...(nav ? [nav] : []));
  if (app.banner && !root.querySelector(":scope > .app-banner")) main.before(h("div", { class: "app-banner" }));
  if (!me) root.querySelector(":scope > .app-banner")?.replaceChildren();
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
