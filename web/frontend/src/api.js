// api.js talks to the platform's JSON API (/v1) for the app. The access token lives only in this module's
// memory; the refresh token is an HttpOnly cookie the browser keeps and sends to /v1/auth only, so a page
// reload or a new tab gets a fresh access token without asking for the password again.
import { t, has } from "./i18n.js";

let access = null;

// ApiError is an answer other than success: the HTTP status (0 when the network failed), the API's stable
// code, the field a validation error is about, a text for the person, and the reason the municipality gave
// (for a suspended account at sign-in).
export class ApiError extends Error {
  constructor(status, code, field, message, reason) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.reason = reason;
  }
}

// message is the text to show for an error code (and field), in the app's language.
export function message(code, field) {
  if (field && has(`error.field.${field}`)) return t(`error.field.${field}`);
  if (has(`error.code.${code}`)) return t(`error.code.${code}`);
  return t("error.code.unknown");
}

// call sends a request and returns the decoded JSON (null for an empty answer). opts.body is sent as JSON,
// or as is when it is FormData; opts.headers adds headers; opts.raw returns the Response itself. An expired
// access token is renewed once through the cookie.
export async function call(method, path, opts = {}) {
  let res = await send(method, path, opts);
  if (res.status === 401 && access && !path.startsWith("/v1/auth/")) {
    if ((await refresh()) === true) res = await send(method, path, opts);
  }
  if (opts.raw && res.ok) return res;
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = body?.error ?? {};
    const code = e.code ?? `http_${res.status}`;
    throw new ApiError(res.status, code, e.field, message(code, e.field), e.reason);
  }
  return body;
}

async function send(method, path, opts) {
  const headers = { ...(opts.headers ?? {}) };
  if (access) headers.Authorization = `Bearer ${access}`;
  let body = opts.body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(body);
  }
  try {
    return await fetch(path, { method, headers, body, credentials: "same-origin", signal: opts.signal, cache: "no-store" });
  } catch (err) {
    if (err?.name === "AbortError") throw err;
    throw new ApiError(0, "offline", undefined, t("error.code.offline"));
  }
}

// login exchanges a username and password for an access token (kept here) and the refresh cookie.
export async function login(username, password) {
  const r = await call("POST", "/v1/auth/login", { body: { username, password, cookie: true } });
  access = r.access_token;
}

let refreshing = null;

// refresh gets a new access token through the refresh cookie: true when it did, false when there is no
// session, "offline" when the network failed. Calls at the same time share one request, and tabs take
// turns: the server ends a session whose refresh token is used twice.
export function refresh() {
  // Tabs of one browser share the cookie: the Web Locks API makes them take turns, so each renews with the
  // cookie the one before it left.
  const once = () => (navigator.locks ? navigator.locks.request("heitje-refresh", refreshOnce) : refreshOnce());
  refreshing ??= once().finally(() => (refreshing = null));
  return refreshing;
}

async function refreshOnce() {
  try {
    const res = await fetch("/v1/auth/refresh", { method: "POST", credentials: "same-origin", cache: "no-store" });
    if (!res.ok) {
      access = null;
      return false;
    }
    access = (await res.json()).access_token;
    return true;
  } catch {
    return "offline";
  }
}

// logout ends the session on the server (its refresh cookie and access tokens) and forgets the token.
export async function logout() {
  try {
    await call("POST", "/v1/auth/logout");
  } finally {
    access = null;
  }
}

// signedIn reports whether the app holds an access token.
export function signedIn() {
  return access !== null;
}

// bearer is the access token, for the event stream reader; null when signed out.
export function bearer() {
  return access;
}

// upload posts a form (photos) and reports the share sent through onProgress (0 to 1); fetch cannot tell
// upload progress, so this uses XMLHttpRequest. It answers like call.
export async function upload(path, form, onProgress) {
  let r = await xhr(path, form, onProgress);
  if (r.status === 401 && access && (await refresh()) === true) r = await xhr(path, form, onProgress);
  let body = null;
  try {
    body = r.text ? JSON.parse(r.text) : null;
  } catch {
    body = null;
  }
  if (r.status >= 200 && r.status < 300) return body;
  if (r.status === 0) throw new ApiError(0, "offline", undefined, t("error.code.offline"));
  const e = body?.error ?? {};
  const code = e.code ?? `http_${r.status}`;
  throw new ApiError(r.status, code, e.field, message(code, e.field));
}

function xhr(path, form, onProgress) {
  return new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open("POST", path);
    if (access) x.setRequestHeader("Authorization", `Bearer ${access}`);
    x.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    x.onload = () => resolve({ status: x.status, text: x.responseText });
    x.onerror = () => resolve({ status: 0, text: "" });
    x.send(form);
  });
}
