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

// A push is a notice (payload JSON {title, body, url}): shown as a notification that opens the app at its
// address. Anything but a path of this app opens the notices.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const url = typeof data.url === "string" && data.url.startsWith("/") && !data.url.startsWith("//") ? data.url : "/berichten";
  event.waitUntil(
    self.registration.showNotification(data.title || "Heerlens Heitje", {
      body: data.body || "",
      icon: "/static/icons/icon-192.png",
      data: { url },
    }),
  );
});

// Clicking the notification focuses an open window of the app and shows the notice's address there (the app
// listens for the message), or opens a new window at it.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url ?? "/berichten";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin && !new URL(w.url).pathname.startsWith("/kassa"));
      if (!open) return self.clients.openWindow(url);
      return open.focus().then((w) => (w ?? open).postMessage({ type: "heitje-open", url }));
    }),
  );
});
