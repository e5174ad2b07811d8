// session.js knows who is signed in: the account (GET /v1/me) once the app holds an access token.
import { call, refresh, signedIn, logout as apiLogout, login as apiLogin } from "./api.js";
import { forget, saveAccount, loadAccount } from "./cache.js";
import { setUnread } from "./unread.js";
import { disable as endPush } from "./push.js";

let me = null;

// account is the signed-in account, or null.
export function account() {
  return me;
}

// resume picks up a session the refresh cookie still holds (after a reload); it reports whether there is one.
// Without a network the account the phone saw last stands in, so the app can show what it kept.
export async function resume() {
  if (!signedIn()) {
    const r = await refresh();
    if (r === "offline") {
      me = loadAccount();
      return me !== null;
    }
    if (!r) return false;
  }
  await reload();
  return true;
}

// reload reads the account again (after binding a key, say).
export async function reload() {
  me = await call("GET", "/v1/me");
  saveAccount(me);
  return me;
}

export async function login(username, password) {
  await apiLogin(username, password);
  await reload();
}

// logout ends the session; this phone's web push ends with it, so a phone passed on shows nobody's notices.
export async function logout() {
  await endPush().catch(() => {});
  me = null;
  forget();
  setUnread(0);
  await apiLogout();
}
