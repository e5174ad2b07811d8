// push.js turns the notices by web push on and off on this phone: the platform's public key (GET
// /v1/push/key), the browser's subscription with it, and the subscription handed to the platform (PUT
// /v1/me/push-subscription) or taken back (DELETE). The service worker (sw.js) shows what arrives.
import { call, ApiError } from "./api.js";

// PushError says why push cannot be turned on here; its code names the message to show: "unsupported" (the
// browser has no web push), "unavailable" (the platform sends none), "denied" (the person, or the browser,
// refused notifications) or "no_service" (the browser has no push service to subscribe with).
export class PushError extends Error {
  constructor(code, cause) {
    super(`push: ${code}`);
    this.code = code;
    this.cause = cause;
  }
}

// subscribeTimeout is how long the browser's push service may take to subscribe, in milliseconds.
const subscribeTimeout = 15000;

// supported reports whether this browser has what web push needs.
export function supported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function registration() {
  const reg = await navigator.serviceWorker.getRegistration("/");
  if (!reg) throw new PushError("unsupported");
  return reg;
}

// current is this phone's subscription, or null.
export async function current() {
  if (!supported()) return null;
  const reg = await navigator.serviceWorker.getRegistration("/");
  return reg ? reg.pushManager.getSubscription() : null;
}

// enable subscribes this phone and tells the platform. It throws PushError when push cannot be turned on,
// and ApiError when the platform refused the subscription.
export async function enable() {
  if (!supported()) throw new PushError("unsupported");
  let key;
  try {
    key = await call("GET", "/v1/push/key");
  } catch (err) {
    if (err instanceof ApiError && (err.code === "push_unavailable" || err.status === 404)) throw new PushError("unavailable", err);
    throw err;
  }
  const reg = await registration();
  if (Notification.permission === "denied") throw new PushError("denied");
  // A browser without a reachable push service may never answer: after subscribeTimeout the app says so, and
  // a subscription that arrives later is ended at once.
  const subscribing = reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64url(key.publicKey) });
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PushError("no_service")), subscribeTimeout);
  });
  let sub;
  try {
    sub = await Promise.race([subscribing, late]);
  } catch (err) {
    subscribing.then((s) => s.unsubscribe()).catch(() => {});
    if (err instanceof PushError) throw err;
    if (err?.name === "NotAllowedError" || Notification.permission === "denied") throw new PushError("denied", err);
    throw new PushError("no_service", err);
  } finally {
    clearTimeout(timer);
  }
  const json = sub.toJSON();
  try {
    await call("PUT", "/v1/me/push-subscription", { body: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } } });
  } catch (err) {
    await sub.unsubscribe().catch(() => {});
    throw err;
  }
}

// disable takes the subscription back from the platform and ends it in the browser.
export async function disable() {
  const sub = await current();
  if (!sub) return;
  await call("DELETE", "/v1/me/push-subscription", { body: { endpoint: sub.endpoint } });
  await sub.unsubscribe();
}

// fromBase64url decodes the public key (base64url without padding) into its bytes.
function fromBase64url(s) {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (s.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
