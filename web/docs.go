package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"sort"
	"strings"
)

// The API's documentation for people, at /docs: the OpenAPI document (GET /v1/openapi.json) read into
// one page, without script, grouped by resource, in the page's language around the operations' own
// (English) summaries.

// apiDoc is the part of the OpenAPI document the page shows.
type apiDoc struct {
	Info struct {
		Title, Version, Description string
		Contact                     struct{ Name, Email, URL string }
	}
	Servers []struct{ URL string }
	Paths   map[string]map[string]json.RawMessage
}

// docOperation is one operation as the page lists it.
type docOperation struct {
	ID, Method, Path, Summary string
	Callers, Privilege        string
	Status                    string
	Params                    []docParam
	Body                      []docField
	BodyType                  string
}

type docParam struct {
	Name, In, Description string
	Required              bool
}

type docField struct {
	Name, Type, Description string
	Required                bool
}

// docGroup is the operations on one resource (/me, /admin/payouts, ...).
type docGroup struct {
	ID, Name   string
	Operations []docOperation
}

// docsPage is what docs/page.html shows.
type docsPage struct {
	Lang, Other, Title, Version, Base string
	Contact                           struct{ Name, Email, URL string }
	Groups                            []docGroup
}

// readAPIDoc reads the OpenAPI document into the page's groups.
func readAPIDoc(b []byte) (docsPage, error) {
	var d apiDoc
	if err := json.Unmarshal(b, &d); err != nil {
		return docsPage{}, fmt.Errorf("web: the API document: %w", err)
	}
	p := docsPage{Title: d.Info.Title, Version: d.Info.Version, Contact: d.Info.Contact}
	if len(d.Servers) > 0 {
		p.Base = d.Servers[0].URL
	}
	groups := map[string]*docGroup{}
	for path, item := range d.Paths {
		for method, raw := range item {
			if method == "servers" || method == "parameters" {
				continue
			}
			var op struct {
				OperationID string `json:"operationId"`
				Summary     string
				Callers     string `json:"x-callers"`
				Privilege   string `json:"x-privilege"`
				Parameters  []struct {
					Name, In, Description string
					Required              bool
				}
				RequestBody struct {
					Content map[string]struct{ Schema docSchema }
				} `json:"requestBody"`
				Responses map[string]json.RawMessage
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return docsPage{}, fmt.Errorf("web: the API document: %s %s: %w", method, path, err)
			}
			full := path
			if _, beside := item["servers"]; !beside {
				full = p.Base + path
			}
			o := docOperation{ID: op.OperationID, Method: strings.ToUpper(method), Path: full, Summary: op.Summary,
				Callers: op.Callers, Privilege: op.Privilege}
			for code := range op.Responses {
				if code[0] == '2' {
					o.Status = code
				}
			}
			for _, prm := range op.Parameters {
				o.Params = append(o.Params, docParam{Name: prm.Name, In: prm.In, Description: prm.Description, Required: prm.Required})
			}
			for mediaType, c := range op.RequestBody.Content {
				o.BodyType = mediaType
				o.Body = c.Schema.fields()
			}
			name := groupOf(path)
			g := groups[name]
			if g == nil {
				g = &docGroup{ID: "groep-" + strings.NewReplacer("/", "-", "{", "", "}", "").Replace(strings.Trim(name, "/")), Name: name}
				groups[name] = g
			}
			g.Operations = append(g.Operations, o)
		}
	}
	for _, g := range groups {
		sort.Slice(g.Operations, func(i, j int) bool {
			a, b := g.Operations[i], g.Operations[j]
			return a.Path < b.Path || a.Path == b.Path && methodOrder(a.Method) < methodOrder(b.Method)
		})
		p.Groups = append(p.Groups, *g)
	}
	sort.Slice(p.Groups, func(i, j int) bool { return p.Groups[i].Name < p.Groups[j].Name })
	return p, nil
}

// groupOf is the resource a path belongs to: its first segment, and for /admin its second.
func groupOf(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	n := 1
	if parts[0] == "admin" && len(parts) > 1 {
		n = 2
	}
	return "/" + strings.Join(parts[:n], "/")
}

func methodOrder(m string) int {
	return strings.Index("GET PUT POST PATCH DELETE", m)
}

// docSchema is as much of a JSON schema as the page shows: an object's top-level fields.
type docSchema struct {
	Type        string
	Properties  map[string]docSchema
	Required    []string
	Description string
	Format      string
	Items       *docSchema
}

func (s docSchema) fields() []docField {
	var out []docField
	for name, f := range s.Properties {
		typ := f.Type
		if f.Format != "" {
			typ += " (" + f.Format + ")"
		}
		if f.Type == "array" && f.Items != nil {
			typ = "array of " + f.Items.Type
		}
		req := false
		for _, r := range s.Required {
			req = req || r == name
		}
		out = append(out, docField{Name: name, Type: typ, Description: f.Description, Required: req})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// docs answers /docs: the API's documentation, in the visitor's language (the lang cookie, or ?lang=).
func (s *Server) docs(w http.ResponseWriter, r *http.Request) {
	lang := s.messages.Language(r)
	if q := r.URL.Query().Get("lang"); q != "" {
		if _, ok := s.messages[q]; ok {
			lang = q
		}
	}
	p := s.apiDocs
	p.Lang, p.Other = lang, Languages[0]
	if lang == Languages[0] {
		p.Other = Languages[1]
	}
	var b bytes.Buffer
	if err := s.docsTmpl.Execute(&b, p); err != nil {
		s.deps.Log.Error("web: docs page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b.Bytes())
}

// docsFiles are the page's template and texts (docs/messages/<lang>.json, apart from the apps' catalog,
// which the apps' bundle carries).
//
//go:embed docs
var docsFiles embed.FS

// docsTemplate parses docs/page.html with its texts.
func docsTemplate() (*template.Template, error) {
	sub, err := fs.Sub(docsFiles, "docs")
	if err != nil {
		return nil, err
	}
	cat, err := LoadCatalog(sub)
	if err != nil {
		return nil, err
	}
	return template.New("page.html").Funcs(template.FuncMap{"t": cat.T, "breakable": breakable}).ParseFS(sub, "page.html")
}

// breakable lets a long path wrap after each slash on a narrow screen.
func breakable(path string) template.HTML {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = template.HTMLEscapeString(p)
	}
	return template.HTML(strings.Join(parts, "/<wbr>"))
}
