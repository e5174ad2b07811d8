package privacy

import (
	"slices"
	"sort"
)

// Register is the register of processing (AVG art. 30; seed 000 §27 with its six additions), produced by
// the system from the datasets declared next to the data and the configured retention periods, so it is
// always what the code does.
type Register struct {
	Title       string            `json:"title"`
	Controller  Party             `json:"controller"`
	DPO         Party             `json:"data_protection_officer"`
	Processors  []Processor       `json:"processors"`
	Joint       string            `json:"joint_controllers"`
	Application Application       `json:"application"`
	Activities  []RegisterEntry   `json:"activities"`
	Retention   []RetentionPeriod `json:"retention"`
	Notices     []NoticeRef       `json:"privacy_notices"`
	Documents   []string          `json:"documents"`
	Review      string            `json:"review"`
	Inventory   []Table           `json:"inventory"`
}

// Party is a controller or officer with contact details.
type Party struct {
	Name    string `json:"name"`
	Role    string `json:"role"`
	Contact string `json:"contact"`
}

// Processor processes personal data on the controller's behalf (AVG art. 28; seed 000 §24).
type Processor struct {
	Name      string `json:"name"`
	Task      string `json:"task"`
	Agreement string `json:"agreement"`
	Location  string `json:"location"`
}

// Application is the software that supports the processing (seed 000 §27, addition 4).
type Application struct {
	Name       string   `json:"name"`
	Version    string   `json:"version"`
	Components []string `json:"components"`
}

// RegisterEntry is one activity with what the classification adds: its data categories, tables and the
// periods of its retention categories.
type RegisterEntry struct {
	Activity
	DataCategories   []string          `json:"data_categories"`
	Tables           []string          `json:"tables"`
	RetentionPeriods []RetentionPeriod `json:"retention_periods"`
}

// NoticeRef names one version of the privacy notice.
type NoticeRef struct {
	Version string `json:"version"`
	Title   string `json:"title"`
	SHA256  string `json:"sha256"`
}

// Register builds the register.
func (s *Service) Register() Register {
	periods := s.opts.Retention.Periods()
	r := Register{
		Title:      "Register of processing: 't Heerlens Heitje",
		Controller: Party{Name: "Gemeente Heerlen", Role: "controller (seed 000 §1, §4)", Contact: s.opts.Contact},
		DPO: Party{Name: "Functionaris gegevensbescherming, gemeente Heerlen", Role: "supervises this register (seed 000 §27, §29)",
			Contact: "through " + s.opts.Contact + "; contact details on the municipality's website and in the AP's register"},
		Processors: []Processor{{Name: "Co-Town", Task: "hosts and manages the software and hardware infrastructure, " +
			"including the private proof-of-authority chain (seed 000 §1, §32)",
			Agreement: "processor agreement after the VNG standard (Handreiking Standaard Verwerkersovereenkomst Gemeenten, seed 000 §24)",
			Location:  "the Netherlands / EU only; sub-processors only with written consent (002 Bijl.1 art 8)"}},
		Joint: "None. Project partners such as CBS receive anonymised aggregates only; research partners receive contact " +
			"details only of people who consented, each export logged.",
		Application: Application{Name: "Heerlens Heitje", Version: s.opts.Version, Components: []string{
			"API (Go, Gin) on the municipality's servers", "PostgreSQL: every personal field, encrypted at column level where sensitive",
			"proof photo folder on the municipality's servers", "private Clique proof-of-authority chain: addresses, amounts and opaque references only",
			"resident wallet on the phone: the private key never leaves it"}},
		Retention: periods,
		Documents: []string{"privacy policy 't Heerlens Heitje (seed 000)", "privacy regulation of the municipality of Heerlen, 23 June 2020",
			"processor agreement with Co-Town", "DPIA 't Heerlens Heitje (new technology: blockchain, app, photos; seed 000 §28)",
			"docs/privacy.md: export format, retention configuration, erasure"},
		Review: "evaluated and updated every six months (seed 000 §33); the register itself is generated, so it changes with the code",
	}
	for _, n := range notices {
		r.Notices = append(r.Notices, NoticeRef{Version: n.Version, Title: n.Title, SHA256: n.SHA256})
	}
	for _, d := range s.datasets {
		r.Inventory = append(r.Inventory, d.Tables...)
	}
	for _, d := range s.datasets {
		e := RegisterEntry{Activity: d.Activity}
		for _, t := range r.Inventory {
			for _, c := range t.Columns {
				if c.Kind.personal() && slices.Contains(c.Activities, d.Activity.ID) {
					e.DataCategories = appendNew(e.DataCategories, c.Category)
					e.Tables = appendNew(e.Tables, t.Name)
				}
			}
		}
		sort.Strings(e.DataCategories)
		for _, p := range periods {
			if slices.Contains(d.Activity.Retention, p.Category) {
				e.RetentionPeriods = append(e.RetentionPeriods, p)
			}
		}
		r.Activities = append(r.Activities, e)
	}
	return r
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
