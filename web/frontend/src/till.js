// till.js is the shop's till at /kassa: asking for a payment with a QR code and seeing it paid, refunds, the
// day's takings, the payouts and the shop's details as the municipality holds them. It shares the frame, the
// API client and the texts with the resident app; the shop's key stays on the server.
import * as loginView from "./views/login.js";
import * as counter from "./views/till/counter.js";
import * as refunds from "./views/till/refunds.js";
import * as takings from "./views/till/takings.js";
import * as payouts from "./views/till/payouts.js";
import * as statement from "./views/till/statement.js";
import * as shop from "./views/till/shop.js";

const screens = [
  { path: "/kassa/inloggen", title: "till.login_title", access: "guest", render: loginView.render },
  { path: "/kassa", title: "till.title", access: "member", render: counter.render, nav: "/kassa", navLabel: "till.nav.counter", exact: true },
  { path: "/kassa/terugbetalen", title: "till.refunds.title", access: "member", render: refunds.render, nav: "/kassa/terugbetalen", navLabel: "till.nav.refunds" },
  { path: "/kassa/omzet", title: "till.takings.title", access: "member", render: takings.render, nav: "/kassa/omzet", navLabel: "till.nav.takings" },
  { path: "/kassa/uitbetalingen", title: "till.payouts.title", access: "member", render: payouts.render, nav: "/kassa/uitbetalingen", navLabel: "till.nav.payouts" },
  { path: "/kassa/uitbetalingen/:id", title: "till.statement.title", access: "member", render: statement.render },
  { path: "/kassa/gegevens", title: "till.shop.title", access: "member", render: shop.render, nav: "/kassa/gegevens", navLabel: "till.nav.shop" },
];

export const till = {
  name: "till.name",
  role: "shop",
  homePath: "/kassa",
  loginPath: "/kassa/inloggen",
  home: (me) => (me ? "/kassa" : "/kassa/inloggen"),
  screens,
  serviceWorker: false,
};
