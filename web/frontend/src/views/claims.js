// The resident's claims: each chore taken on, where it stands, and the way to finish it.
import { h } from "../dom.js";
import { t, euros, dateTime } from "../i18n.js";
import { call } from "../api.js";
import { heading, para, link } from "../ui.js";

export async function render() {
  const { claims } = await call("GET", "/v1/me/claims?limit=100");
  return h(
    "section",
    { class: "app-screen" },
    heading(t("claims.title")),
    claims.length === 0
      ? h("p", { class: "utrecht-paragraph" }, t("claims.none"), " ", link(t("claims.find"), "/klussen"))
      : h(
          "ul",
          { class: "app-cards", "aria-label": t("claims.list_label") },
          claims.map((c) =>
            h(
              "li",
              { class: "app-card" },
              h("h2", { class: "utrecht-heading-3 app-card__title" }, link(c.chore_title, `/mijn-klussen/${c.id}`)),
              h("p", { class: "utrecht-paragraph app-card__facts" }, statusBadge(c.status), " ", t("claims.reward", { amount: euros(c.reward_cents) })),
              h("p", { class: "utrecht-paragraph app-card__when", text: t("claims.claimed_at", { when: dateTime(c.claimed_at) }) }),
            ),
          ),
        ),
  );
}

// statusBadge shows a claim's status as a labelled badge.
export function statusBadge(status) {
  return h("span", { class: `utrecht-status-badge app-status app-status--${status}`, text: t(`claim.status.${status}`) });
}
