// map.js draws the chores on a map of Heerlen with Leaflet. It is its own chunk of the bundle, loaded when a
// resident asks for the map. Markers are drawn as vectors, so they need no image files; a tile that cannot be
// fetched leaves the background empty and the chores still show.
import L from "leaflet";
import { h } from "./dom.js";
import { t, euros } from "./i18n.js";

export function drawMap(area, chores) {
  const box = h("div", { class: "app-map", role: "region", "aria-label": t("chores.map_label") });
  area.replaceChildren(box, h("p", { class: "utrecht-paragraph app-map__note", text: t("chores.map_note") }));
  const map = L.map(box, { zoomControl: true, attributionControl: true });
  const tiles = document.body.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: t("chores.map_attribution") }).addTo(map);
  }
  const points = [];
  for (const c of chores) {
    const at = [c.location.lat, c.location.lng];
    points.push(at);
    L.circleMarker(at, { radius: 9, weight: 2, color: "#1f5f8b", fillColor: "#f2b705", fillOpacity: 0.9 })
      .bindPopup(() => {
        const a = h("a", { class: "utrecht-link", href: `/klussen/${c.id}`, text: c.title });
        return h("div", {}, a, h("br"), t("chores.reward", { amount: euros(c.reward_cents) }));
      })
      .addTo(map);
  }
  if (points.length) map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
  else map.setView([50.888, 5.98], 13);
}
