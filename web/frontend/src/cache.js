// cache.js keeps the last balance and history the phone saw, per account, and who was signed in (id,
// made-up username and key address: nothing else of the account), so the app can show them without a
// network (marked as such). Signing out removes it all.
const prefix = "heitje.saldo.";
const accountKey = "heitje.account";

export function saveAccount(a) {
  try {
    localStorage.setItem(accountKey, JSON.stringify({ id: a.id, username: a.username, role: a.role, status: a.status, wallet_address: a.wallet_address }));
  } catch {
    // As below.
  }
}

export function loadAccount() {
  try {
    return JSON.parse(localStorage.getItem(accountKey) ?? "null");
  } catch {
    return null;
  }
}

export function save(accountID, data) {
  try {
    localStorage.setItem(prefix + accountID, JSON.stringify({ at: new Date().toISOString(), ...data }));
  } catch {
    // A full or refused storage only costs the offline view.
  }
}

export function load(accountID) {
  try {
    return JSON.parse(localStorage.getItem(prefix + accountID) ?? "null");
  } catch {
    return null;
  }
}

export function forget() {
  for (const k of Object.keys(localStorage)) if (k.startsWith(prefix) || k === accountKey) localStorage.removeItem(k);
}
