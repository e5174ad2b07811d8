package config

import "strings"

// Web configures the web apps served beside the API.
type Web struct {
	// MapTilesURL is the tile source of the resident app's map of chores, an {z}/{x}/{y} URL template
	// (MAP_TILES_URL, default the Dutch government's base map, PDOK BRT-Achtergrondkaart, in web mercator;
	// "none" shows the chores' positions without a background map).
	MapTilesURL string
}

// DefaultMapTilesURL is PDOK's BRT-Achtergrondkaart (CC BY 4.0 Kadaster) as web mercator tiles.
const DefaultMapTilesURL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"

func (r *reader) web() Web {
	w := Web{MapTilesURL: r.str("MAP_TILES_URL", DefaultMapTilesURL, false)}
	switch {
	case w.MapTilesURL == "none":
		w.MapTilesURL = ""
	case !strings.HasPrefix(w.MapTilesURL, "https://") && !strings.HasPrefix(w.MapTilesURL, "http://"),
		!strings.Contains(w.MapTilesURL, "{z}") || !strings.Contains(w.MapTilesURL, "{x}") || !strings.Contains(w.MapTilesURL, "{y}"):
		r.fail("MAP_TILES_URL", "must be an http(s) URL template with {z}, {x} and {y}, or none")
	}
	return w
}
