// The service worker keeps the app for use without a network: the shell and the built files are stored when
// it installs (APP_FILES and APP_VERSION are set by build.mjs). A screen's address is asked of the network
// first and answered from the stored shell when there is none; the built files come from the store. The API
// (/v1) is never stored here: the app keeps its own copy of the balance and history, marked as such.
/* global APP_FILES, APP_VERSION */
const cache = `heitje-${APP_VERSION}`;
const shell = "/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cache)
      .then((c) => c.addAll([shell, "/manifest.webmanifest", ...APP_FILES]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("heitje-") && k !== cache).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/v1/")) return;
  if (req.mode === "navigate") {
    if (url.pathname === "/kassa" || url.pathname.startsWith("/kassa/")) return; // the till needs the network anyway
    event.respondWith(fetch(req).catch(() => caches.match(shell, { cacheName: cache })));
    return;
  }
  if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(req, { cacheName: cache }).then((hit) => hit ?? fetch(req)));
  }
});
