// The open chores: a list (the main view, nearest first when the phone may tell where it is) and a map of
// the same chores. The map is drawn by Leaflet, loaded only when asked for; its background tiles come from
// the configured source, and the chores' positions show even when no tile can be fetched.
import { h } from "../dom.js";
import { t, euros, distance, dateTime } from "../i18n.js";
import { call } from "../api.js";
import { heading, para, button, alert, link } from "../ui.js";

export async function render({ query, rerender }) {
  const near = query.get("bij");
  const path = near ? `/v1/chores?near=${encodeURIComponent(near)}&limit=100` : "/v1/chores?limit=100";
  const { chores } = await call("GET", path);
  const status = h("div", { "aria-live": "polite" });
  const locate = button(near ? t("chores.near_again") : t("chores.near_me"), {
    kind: "secondary",
    onclick: () => {
      status.replaceChildren();
      if (!("geolocation" in navigator)) {
        status.append(alert(t("chores.no_location"), "warning"));
        return;
      }
      locate.disabled = true;
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const at = `${pos.coords.latitude.toFixed(5)},${pos.coords.longitude.toFixed(5)}`;
          history.replaceState(null, "", `/klussen?bij=${at}`);
          rerender();
        },
        () => {
          locate.disabled = false;
          status.append(alert(t("chores.no_location"), "warning"));
        },
        { maximumAge: 60000, timeout: 15000 },
      );
    },
  });
  const mapArea = h("div", { class: "app-map-area" });
  const showMap = button(t("chores.show_map"), {
    kind: "secondary",
    onclick: async () => {
      showMap.remove();
      const { drawMap } = await import("../map.js");
      drawMap(mapArea, chores);
    },
  });
  return h(
    "section",
    { class: "app-screen" },
    heading(t("chores.title")),
    para(near ? t("chores.intro_near") : t("chores.intro")),
    h("div", { class: "app-actions" }, locate, showMap),
    status,
    mapArea,
    chores.length === 0
      ? para(t("chores.none"))
      : h("ul", { class: "app-cards", "aria-label": t("chores.list_label") }, chores.map((c) => card(c))),
  );
}

function card(c) {
  return h(
    "li",
    { class: "app-card" },
    h("h2", { class: "utrecht-heading-3 app-card__title" }, link(c.title, `/klussen/${c.id}`)),
    h(
      "p",
      { class: "utrecht-paragraph app-card__facts" },
      [
        t("chores.reward", { amount: euros(c.reward_cents) }),
        c.location.area,
        t("chores.places_left", { n: c.places_left }),
        c.distance_m !== undefined ? t("chores.away", { distance: distance(c.distance_m) }) : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    h("p", { class: "utrecht-paragraph app-card__when", text: t("chores.until", { when: dateTime(c.closes_at) }) }),
  );
}
