// resident.js is the resident app: its screens — each with its address, its title (a message key), who may
// see it ("guest": signed out, "member": signed in, "any") and its place in the navigation — and where a
// resident starts.
import * as welcome from "./views/welcome.js";
import * as register from "./views/register.js";
import * as loginView from "./views/login.js";
import * as waiting from "./views/waiting.js";
import * as choresView from "./views/chores.js";
import * as choreView from "./views/chore.js";
import * as claimsView from "./views/claims.js";
import * as claimView from "./views/claim.js";
import * as balanceView from "./views/balance.js";
import * as keyView from "./views/key.js";
import * as scanView from "./views/scan.js";
import * as payView from "./views/pay.js";
import * as dataView from "./views/data.js";
import * as noticesView from "./views/notices.js";
import * as settingsView from "./views/settings.js";
import * as recoveryView from "./views/recovery.js";

// home is where the app starts: signed out the welcome, signed in the key first, then the chores.
function home(me) {
  if (!me) return "/welkom";
  return me.wallet_address ? "/klussen" : "/sleutel";
}

const screens = [
  { path: "/", title: "app.name", access: "any", redirect: (me) => home(me) },
  { path: "/welkom", title: "welcome.title", access: "guest", render: welcome.render },
  { path: "/registreren", title: "register.title", access: "guest", render: register.render },
  { path: "/inloggen", title: "login.title", access: "guest", render: loginView.render },
  { path: "/wachten", title: "waiting.title", access: "any", render: waiting.render },
  { path: "/klussen", title: "chores.title", access: "member", render: choresView.render, nav: "/klussen", navLabel: "nav.chores" },
  { path: "/klussen/:id", title: "chore.title", access: "member", render: choreView.render },
  { path: "/mijn-klussen", title: "claims.title", access: "member", render: claimsView.render, nav: "/mijn-klussen", navLabel: "nav.claims" },
  { path: "/mijn-klussen/:id", title: "claim.title", access: "member", render: claimView.render },
  { path: "/saldo", title: "balance.title", access: "member", render: balanceView.render, nav: "/saldo", navLabel: "nav.balance" },
  { path: "/betalen", title: "scan.title", access: "member", render: scanView.render, nav: "/betalen", navLabel: "nav.pay" },
  { path: "/betalen/:id", title: "pay.title", access: "member", render: payView.render },
  { path: "/sleutel", title: "key.title", access: "member", render: keyView.render, nav: "/sleutel", navLabel: "nav.key" },
  { path: "/gegevens", title: "data.title", access: "member", render: dataView.render, nav: "/gegevens", navLabel: "nav.data" },
  { path: "/berichten", title: "notices.title", access: "member", render: noticesView.render, nav: "/berichten", navLabel: "nav.notices", badge: true, exact: true },
  { path: "/berichten/instellingen", title: "settings.title", access: "member", render: settingsView.render },
  { path: "/herstel", title: "recovery.title", access: "member", render: recoveryView.render },
];

export const resident = {
  name: "app.name",
  role: "resident",
  homePath: "/",
  loginPath: "/inloggen",
  waitingPath: "/wachten",
  registerPath: "/registreren",
  home,
  screens,
  serviceWorker: true,
  // notices: the badge of unread notices in the navigation, and what the notices' screens (views/notices.js,
  // views/settings.js) link to here; banner: the warning of an open recovery of the key this phone holds, on
  // every screen.
  notices: {
    path: "/berichten",
    settings: "/berichten/instellingen",
    address: "/gegevens",
    push: true,
    where: {
      claim_approved: { path: "/mijn-klussen", label: "notices.go.mijn-klussen" },
      claim_rejected: { path: "/mijn-klussen", label: "notices.go.mijn-klussen" },
      claim_needs_info: { path: "/mijn-klussen", label: "notices.go.mijn-klussen" },
      reward_arrived: { path: "/saldo", label: "notices.go.saldo" },
      payment_refunded: { path: "/saldo", label: "notices.go.saldo" },
      recovery_asked: { path: "/herstel", label: "notices.go.herstel" },
      recovery_approved: { path: "/herstel", label: "notices.go.herstel" },
      recovery_cancelled: { path: "/herstel", label: "notices.go.herstel" },
    },
    texts: {
      none: "notices.none",
      toSettings: "notices.to_settings",
      noAddress: "settings.no_address",
      addressRequired: "settings.email_address_required",
      addAddress: "settings.add_address",
    },
  },
  banner: recoveryView.warning,
};
