// beheer.js is the municipal console's script. The console's pages work without it (plain forms); it only
// adds what a page asks for by its elements: the map to pick a chore's place ([data-chore-map-wrap]) and
// the keyboard shortcuts of a reviewer working through a queue ([data-key]). Each is a module of its own,
// loaded only on a page that has its elements.
const map = document.querySelector("[data-chore-map-wrap]");
if (map) import("./beheer/map.js").then((m) => m.pickOnMap(map));
if (document.querySelector("[data-key]")) import("./beheer/keys.js").then((m) => m.shortcuts(document));
