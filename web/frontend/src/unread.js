// unread.js keeps the number of the signed-in person's unread notices for the badge in the navigation. It is
// read when the app starts, when it comes back to the foreground and after each action (a new screen, marking
// notices read) — never on a timer, so a phone in a pocket asks nothing.
import { call, signedIn } from "./api.js";

let count = 0;
const listeners = new Set();

// unread is the last count read.
export function unread() {
  return count;
}

// onUnread calls fn with the count each time it changes.
export function onUnread(fn) {
  listeners.add(fn);
}

// setUnread records a count an answer carried (POST /v1/me/notices/read answers it).
export function setUnread(n) {
  if (typeof n !== "number" || n === count) return;
  count = n;
  for (const fn of listeners) fn(n);
}

let asking = null;

// refreshUnread reads the count again; calls while one is under way share it. Without a session, or without
// a network, the count stays as it was.
export function refreshUnread() {
  if (!signedIn()) {
    setUnread(0);
    return Promise.resolve();
  }
  asking ??= call("GET", "/v1/me/notices/unread")
    .then((r) => setUnread(r.unread))
    .catch(() => {})
    .finally(() => (asking = null));
  return asking;
}
