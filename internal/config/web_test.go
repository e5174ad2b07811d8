package config

import (
	"strings"
	"testing"
)

// TestPublicBaseURL: make run's address unless set; a trailing slash is dropped and a path kept; anything
// but an absolute http(s) URL without user, query or fragment is refused naming the variable.
func TestPublicBaseURL(t *testing.T) {
	for value, want := range map[string]string{
		"":                              "http://127.0.0.1:8080",
		"https://heitje.heerlen.nl":     "https://heitje.heerlen.nl",
		"https://heitje.heerlen.nl/":    "https://heitje.heerlen.nl",
		" https://heerlen.nl/heitje// ": "https://heerlen.nl/heitje",
		"http://192.168.1.20:8080":      "http://192.168.1.20:8080",
		"https://heerlen.nl:8443/a/b/c": "https://heerlen.nl:8443/a/b/c",
	} {
		m := map[string]string{}
		if value != "" {
			m["PUBLIC_BASE_URL"] = value
		}
		c, err := Load(env(m), 0)
		if err != nil || c.PublicBaseURL != want {
			t.Errorf("PUBLIC_BASE_URL=%q: %q %v, want %q", value, c.PublicBaseURL, err, want)
		}
	}
	for _, value := range []string{"heitje.heerlen.nl", "/betalen", "ftp://heerlen.nl", "https://", "https:heerlen.nl",
		"https://heerlen.nl/?app=1", "https://heerlen.nl?", "https://heerlen.nl/#top", "https://heerlen.nl#",
		"https://kassa:geheim@heerlen.nl", "heitje://pay", "https://heer len.nl"} {
		if _, err := Load(env(map[string]string{"PUBLIC_BASE_URL": value}), 0); err == nil || !strings.Contains(err.Error(), "PUBLIC_BASE_URL") {
			t.Errorf("PUBLIC_BASE_URL=%q: %v, want an error naming it", value, err)
		}
	}
}
