// map.js lets a chore manager pick a chore's place on a map of the municipality (Leaflet, the resident app's
// map library). The typed latitude and longitude fields stay what the form sends: a click on the map fills
// them in, and typing in them moves the marker. The municipality's area is drawn as a rectangle. Without a
// tile source, or when no tile can be fetched, the frame, the area and the marker still work on a plain
// background; the marker is a vector, so it needs no image.
import L from "leaflet";

export function pickOnMap(wrap) {
  const box = wrap.querySelector("[data-chore-map]");
  const status = wrap.querySelector("[data-chore-map-status]");
  const lat = document.getElementById(box.dataset.lat);
  const lng = document.getElementById(box.dataset.lng);
  const [minLat, minLng, maxLat, maxLng] = box.dataset.bounds.split(",").map(Number);
  wrap.hidden = false;

  const map = L.map(box, { zoomControl: true, attributionControl: true, zoomSnap: 0.25 });
  if (box.dataset.tiles) {
    L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  }
  const area = L.latLngBounds([minLat, minLng], [maxLat, maxLng]);
  L.rectangle(area, { interactive: false, color: "#1f5f8b", weight: 3, dashArray: "8 6", fillOpacity: 0.04 }).addTo(map);
  map.fitBounds(area, { padding: [12, 12] });

  let marker = null;
  const place = (at) => {
    if (marker) marker.setLatLng(at);
    else marker = L.circleMarker(at, { interactive: false, radius: 10, weight: 3, color: "#1f5f8b", fillColor: "#f2b705", fillOpacity: 0.9 }).addTo(map);
  };
  const read = () => {
    const a = number(lat.value);
    const b = number(lng.value);
    if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) place([a, b]);
  };
  read();
  lat.addEventListener("input", read);
  lng.addEventListener("input", read);

  map.on("click", (e) => {
    const a = e.latlng.lat.toFixed(6);
    const b = e.latlng.lng.toFixed(6);
    lat.value = a;
    lng.value = b;
    place(e.latlng);
    status.textContent = box.dataset.picked.replace("{lat}", a).replace("{lng}", b);
  });
}

// number reads a coordinate as people type it: with a decimal point or a comma.
function number(s) {
  const t = s.trim().replace(",", ".");
  return t === "" ? NaN : Number(t);
}
