package privacy

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"time"

	"github.com/heerlen/heitje/internal/calendar"
)

// JSON is the export as indented JSON, with the photos inline in base64.
func (e Export) JSON() ([]byte, error) { return json.MarshalIndent(e, "", "  ") }

// HTML is the export as one readable, self-contained page (seed 000 §17: a complete overview in
// understandable form), the photos embedded.
func (e Export) HTML() ([]byte, error) {
	return e.html(func(p ExportPhoto) template.URL {
		return template.URL("data:" + p.ContentType + ";base64," + base64.StdEncoding.EncodeToString(p.Data))
	})
}

// Zip is the export as a zip file: export.json (photos by file name, not inline), export.html and the
// photos under photos/.
func (e Export) Zip() ([]byte, error) {
	page, err := e.html(func(p ExportPhoto) template.URL { return template.URL(p.File) })
	if err != nil {
		return nil, err
	}
	bare := e
	bare.Photos = make([]ExportPhoto, len(e.Photos))
	for i, p := range e.Photos {
		p.Data = nil
		bare.Photos[i] = p
	}
	doc, err := bare.JSON()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	files := []struct {
		name string
		data []byte
	}{{"export.json", doc}, {"export.html", page}}
	for _, p := range e.Photos {
		files = append(files, struct {
			name string
			data []byte
		}{p.File, p.Data})
	}
	for _, f := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: e.GeneratedAt})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (e Export) html(src func(ExportPhoto) template.URL) ([]byte, error) {
	var buf bytes.Buffer
	err := exportPage.Execute(&buf, struct {
		Export
		Src func(ExportPhoto) template.URL
	}{e, src})
	return buf.Bytes(), err
}

// show writes one value of a row for people: text as it is, times in the municipality's time, structures
// as compact JSON, nothing for null.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			return t.In(amsterdam).Format("2 Jan 2006 15:04:05 MST")
		}
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "yes"
		}
		return "no"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

var exportPage = template.Must(template.New("export").Funcs(template.FuncMap{
	"show": show,
	"when": func(t time.Time) string { return t.In(amsterdam).Format("2 Jan 2006 15:04:05 MST") },
	"cell": func(row map[string]any, field string) string { return show(row[field]) },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your data at 't Heerlens Heitje</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}img{max-width:20em;margin:.5em}</style>
</head><body>
<h1>Your data at 't Heerlens Heitje</h1>
<p>Everything the municipality of Heerlen holds about the account <strong>{{.Subject.Username}}</strong> ({{.Subject.Role}}, id {{.Subject.ID}}), as of {{when .GeneratedAt}}. Format {{.Format}}.</p>
<h2>About this processing</h2>
<p>Controller: {{.About.Controller}}. Questions: {{.About.Contact}}. Privacy notice version {{.About.NoticeVersion}}.</p>
<h3>Purposes</h3><ul>{{range .About.Purposes}}<li>{{.}}</li>{{end}}</ul>
<h3>Recipients</h3><ul>{{range .About.Recipients}}<li>{{.}}</li>{{end}}</ul>
<h3>How long it is kept</h3><ul>{{range .About.Retention}}<li>{{.Label}}: {{.Period}} — {{.Action}}</li>{{end}}</ul>
<p>Source: {{.About.Source}}</p><p>Automated decisions: {{.About.AutomatedDecisions}}</p>
<p>{{.About.NotOnChain}} {{.About.ChainAddressMeaning}}</p>
<h3>Your rights</h3><ul>{{range .About.Rights}}<li>{{.}}</li>{{end}}</ul><p>Complaints: {{.About.Complaints}}</p>
<h2>Your data</h2>
{{range .Records}}{{if .Rows}}<h3>{{.Title}}</h3><p><small>table {{.Table}}</small></p>
<table><tr>{{range .Fields}}<th>{{.Label}}</th>{{end}}</tr>
{{$fields := .Fields}}{{range $row := .Rows}}<tr>{{range $fields}}<td>{{cell $row .Name}}</td>{{end}}</tr>
{{end}}</table>{{end}}{{end}}
{{if .Withheld}}<h2>Held but not shown</h2><p>These are credentials, keys and keyed hashes: they would tell you nothing and a thief of this file a lot.</p>
<ul>{{range .Withheld}}<li>{{.Label}} <small>({{.Table}}.{{.Field}})</small></li>{{end}}</ul>{{end}}
{{if .Photos}}<h2>Your proof photos</h2>{{range .Photos}}<figure><img src="{{call $.Src .}}" alt="photo {{.N}} of claim {{.ClaimID}}"><figcaption>claim {{.ClaimID}}, photo {{.N}}</figcaption></figure>{{end}}{{end}}
</body></html>
`))

// amsterdam is the municipality's time zone, for times shown to people.
var amsterdam = calendar.Zone()

// days describes a period of whole days for people: "30 days", "7 years".
func days(d time.Duration) string {
	n := int(d / (24 * time.Hour))
	switch {
	case n >= 365 && n%365 == 0:
		return fmt.Sprintf("%d years", n/365)
	case n >= 365:
		return fmt.Sprintf("%d days (about %d years)", n, (n+182)/365)
	}
	return fmt.Sprintf("%d days", n)
}
