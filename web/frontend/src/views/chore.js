// One chore: what it asks, where, the reward and the places left, and taking it on.
import { h } from "../dom.js";
import { t, euros, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { navigate } from "../router.js";
import { heading, para, button, alert, busy, dataList, link } from "../ui.js";

export async function render({ params, me }) {
  const c = await call("GET", `/v1/chores/${encodeURIComponent(params.id)}`);
  const status = h("div", { "aria-live": "polite" });
  const take = button(t("chore.claim"), {
    onclick: async () => {
      status.replaceChildren();
      try {
        const claim = await busy(take, () => call("POST", `/v1/chores/${encodeURIComponent(c.id)}/claims`));
        navigate(`/mijn-klussen/${claim.id}?nieuw=1`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status.append(alert(err.message, "error"));
        if (err.code === "wallet_not_bound") status.append(h("p", { class: "utrecht-paragraph" }, link(t("key.make"), "/sleutel")));
      }
    },
  });
  const canClaim = c.status === "open" && c.places_left > 0;
  return h(
    "section",
    { class: "app-screen" },
    heading(c.title),
    para(c.description),
    dataList([
      [t("chore.reward"), euros(c.reward_cents)],
      [t("chore.where"), c.location.area],
      [t("chore.places"), t("chore.places_of", { left: c.places_left, capacity: c.capacity })],
      [t("chore.opens"), dateTime(c.opens_at)],
      [t("chore.closes"), dateTime(c.closes_at)],
    ]),
    status,
    canClaim ? (me?.wallet_address ? h("div", { class: "app-actions" }, take) : alert(t("chore.key_first"), "info")) : alert(t(`chore.state.${c.status === "open" ? "full" : c.status}`), "info"),
    !me?.wallet_address && canClaim ? h("p", { class: "utrecht-paragraph" }, link(t("key.make"), "/sleutel")) : null,
    h("p", { class: "utrecht-paragraph" }, link(t("chore.back"), "/klussen")),
  );
}
