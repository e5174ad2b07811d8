package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
)

// Languages are the languages of the web apps, Dutch first: every text is in messages/nl.json, and
// messages/en.json has the same keys.
var Languages = []string{"nl", "en"}

// Catalog holds every text of the web apps by language and key.
type Catalog map[string]map[string]string

// LoadCatalog reads messages/<lang>.json for each language. Every language must have exactly the keys of
// Dutch, the first.
func LoadCatalog(fsys fs.FS) (Catalog, error) {
	c := Catalog{}
	for _, lang := range Languages {
		b, err := fs.ReadFile(fsys, "messages/"+lang+".json")
		if err != nil {
			return nil, fmt.Errorf("web: messages: %w", err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("web: messages/%s.json: %w", lang, err)
		}
		c[lang] = m
	}
	for _, lang := range Languages[1:] {
		if missing, extra := diffKeys(c[Languages[0]], c[lang]); len(missing)+len(extra) > 0 {
			return nil, fmt.Errorf("web: messages/%s.json lacks %v and has %v beyond messages/%s.json", lang, missing,
				extra, Languages[0])
		}
	}
	return c, nil
}

func diffKeys(want, got map[string]string) (missing, extra []string) {
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra
}

// T is the text of key in lang; an unknown language falls back to Dutch, an unknown key shows the key.
func (c Catalog) T(lang, key string) string {
	if m, ok := c[lang]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if s, ok := c[Languages[0]][key]; ok {
		return s
	}
	return key
}

// Language is the visitor's language: the one the app's language switch chose (the lang cookie), else
// Dutch — the apps are Dutch first, whatever language the browser prefers.
func (c Catalog) Language(r *http.Request) string {
	if ck, err := r.Cookie("lang"); err == nil {
		if _, ok := c[ck.Value]; ok {
			return ck.Value
		}
	}
	return Languages[0]
}

// Messages is the catalog of the web apps' texts: the console shows the same error texts.
func Messages() (Catalog, error) { return LoadCatalog(files) }
