// router.js maps the app's addresses to screens, so the browser's back and forward buttons, links and
// reloads all land on the right screen. The server answers every screen's address with the same shell.

const routes = [];
let render = () => {};

// route registers a screen for a pattern such as "/betalen/:id".
export function route(pattern, screen) {
  const names = [];
  const re = new RegExp(
    "^" + pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), "([^/]+)")).replace(/\/$/, "") + "/?$",
  );
  routes.push({ re, names, screen });
}

// match finds the screen and its parameters for a path.
export function match(path) {
  for (const r of routes) {
    const m = r.re.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { screen: r.screen, params };
    }
  }
  return null;
}

// navigate shows the screen of path and records it in the history (replace: instead of the current entry).
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  render();
}

// startRouter renders now and on every history move; links to paths of this origin stay in the app.
export function startRouter(fn) {
  render = fn;
  addEventListener("popstate", () => render());
  document.addEventListener("click", (e) => {
    const a = e.target.closest?.("a[href]");
    if (!a || a.target || a.hasAttribute("download") || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/v1/") || url.pathname.startsWith("/static/")) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
  render();
}
