package config

import (
	"net/url"
	"strings"
)

// Web configures the web apps served beside the API.
type Web struct {
	// MapTilesURL is the tile source of the resident app's map of chores, an {z}/{x}/{y} URL template
	// (MAP_TILES_URL, default the Dutch government's base map, PDOK BRT-Achtergrondkaart, in web mercator;
	// "none" shows the chores' positions without a background map).
	MapTilesURL string
	// PublicBaseURL is where residents' phones reach the web apps (PUBLIC_BASE_URL, default
	// http://127.0.0.1:8080 for make run): an absolute http(s) URL without query or fragment, kept without a
	// trailing slash. A payment request's QR code is the link PublicBaseURL/betalen/<id>, which a phone's
	// ordinary camera opens; in production it must be the https address the public uses.
	PublicBaseURL string
}

// DefaultMapTilesURL is PDOK's BRT-Achtergrondkaart (CC BY 4.0 Kadaster) as web mercator tiles.
const DefaultMapTilesURL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"

// DefaultPublicBaseURL is the address make run serves on.
const DefaultPublicBaseURL = "http://127.0.0.1:8080"

func (r *reader) web() Web {
	w := Web{MapTilesURL: r.str("MAP_TILES_URL", DefaultMapTilesURL, false)}
	switch {
	case w.MapTilesURL == "none":
		w.MapTilesURL = ""
	case !strings.HasPrefix(w.MapTilesURL, "https://") && !strings.HasPrefix(w.MapTilesURL, "http://"),
		!strings.Contains(w.MapTilesURL, "{z}") || !strings.Contains(w.MapTilesURL, "{x}") || !strings.Contains(w.MapTilesURL, "{y}"):
		r.fail("MAP_TILES_URL", "must be an http(s) URL template with {z}, {x} and {y}, or none")
	}
	w.PublicBaseURL = strings.TrimRight(r.str("PUBLIC_BASE_URL", DefaultPublicBaseURL, false), "/")
	if u, err := url.Parse(w.PublicBaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.Opaque != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(w.PublicBaseURL, "#") {
		r.fail("PUBLIC_BASE_URL", "must be an absolute http(s) URL without user, query or fragment, such as https://heitje.heerlen.nl")
	}
	return w
}
