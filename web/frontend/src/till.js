// till.js is the shop's till at /kassa: asking for a payment with a QR code and seeing it paid, refunds, the
// day's takings, the payouts, the shop's details as the municipality holds them, and the shop's notices (a
// payout paid) with their unread badge and settings. It shares the frame, the API client, the texts and the
// notices' screens with the resident app; the shop's key stays on the server.
import * as loginView from "./views/login.js";
import * as counter from "./views/till/counter.js";
import * as refunds from "./views/till/refunds.js";
import * as takings from "./views/till/takings.js";
import * as payouts from "./views/till/payouts.js";
import * as statement from "./views/till/statement.js";
import * as shop from "./views/till/shop.js";
import * as noticesView from "./views/notices.js";
import * as settingsView from "./views/settings.js";

const screens = [
  { path: "/kassa/inloggen", title: "till.login_title", access: "guest", render: loginView.render },
  { path: "/kassa", title: "till.title", access: "member", render: counter.render, nav: "/kassa", navLabel: "till.nav.counter", exact: true },
  { path: "/kassa/terugbetalen", title: "till.refunds.title", access: "member", render: refunds.render, nav: "/kassa/terugbetalen", navLabel: "till.nav.refunds" },
  { path: "/kassa/omzet", title: "till.takings.title", access: "member", render: takings.render, nav: "/kassa/omzet", navLabel: "till.nav.takings" },
  { path: "/kassa/uitbetalingen", title: "till.payouts.title", access: "member", render: payouts.render, nav: "/kassa/uitbetalingen", navLabel: "till.nav.payouts" },
  { path: "/kassa/uitbetalingen/:id", title: "till.statement.title", access: "member", render: statement.render },
  { path: "/kassa/gegevens", title: "till.shop.title", access: "member", render: shop.render, nav: "/kassa/gegevens", navLabel: "till.nav.shop" },
  { path: "/kassa/berichten", title: "notices.title", access: "member", render: noticesView.render, nav: "/kassa/berichten", navLabel: "nav.notices", badge: true, exact: true },
  { path: "/kassa/berichten/instellingen", title: "settings.title", access: "member", render: settingsView.render },
];

export const till = {
  name: "till.name",
  role: "shop",
  homePath: "/kassa",
  loginPath: "/kassa/inloggen",
  home: (me) => (me ? "/kassa" : "/kassa/inloggen"),
  screens,
  serviceWorker: false,
  // notices: the badge of unread notices in the navigation, and what the notices' screens link to here. The
  // till has no web push (no service worker); the shop fills in its e-mail address under its details.
  notices: {
    path: "/kassa/berichten",
    settings: "/kassa/berichten/instellingen",
    address: "/kassa/gegevens",
    push: false,
    where: { payout_paid: { path: "/kassa/uitbetalingen", label: "till.notices.go.payouts" } },
    texts: {
      none: "till.notices.none",
      toSettings: "till.notices.to_settings",
      noAddress: "till.settings.no_address",
      addressRequired: "till.settings.email_address_required",
      addAddress: "till.settings.add_address",
    },
  },
};
