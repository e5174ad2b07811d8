package privacy

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown writes the register as a Markdown document for people: the parties, each activity with the
// seven items of art. 30 and the six of seed 000 §27, the retention periods, and the column inventory.
func (r Register) Markdown() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	list := func(title string, items []string) {
		p("- **%s**:", title)
		if len(items) == 0 {
			p(" none\n")
			return
		}
		p("\n")
		for _, it := range items {
			p("  - %s\n", it)
		}
	}
	p("# %s\n\n", r.Title)
	p("- **Controller**: %s, %s. Contact: %s\n", r.Controller.Name, r.Controller.Role, r.Controller.Contact)
	p("- **Data protection officer**: %s, %s. Contact: %s\n", r.DPO.Name, r.DPO.Role, r.DPO.Contact)
	for _, pr := range r.Processors {
		p("- **Processor**: %s: %s. Agreement: %s. Location: %s\n", pr.Name, pr.Task, pr.Agreement, pr.Location)
	}
	p("- **Joint controllers**: %s\n", r.Joint)
	p("- **Application**: %s %s: %s\n", r.Application.Name, r.Application.Version, strings.Join(r.Application.Components, "; "))
	p("- **Review**: %s\n\n", r.Review)
	for _, a := range r.Activities {
		p("## %s (`%s`)\n\n", a.Name, a.ID)
		list("Purposes", a.Purposes)
		bases := make([]string, len(a.LegalBases))
		for i, lb := range a.LegalBases {
			bases[i] = lb.Basis + ": " + lb.Explanation
		}
		list("Legal basis", bases)
		list("Categories of people", a.Subjects)
		list("Categories of personal data", a.DataCategories)
		list("Recipients", a.Recipients)
		p("- **Transfers outside the EEA**: %s\n", a.Transfers)
		periods := make([]string, len(a.RetentionPeriods))
		for i, rp := range a.RetentionPeriods {
			periods[i] = fmt.Sprintf("%s: %s, then %s", rp.Label, rp.Period, rp.Action)
		}
		list("Erasure periods", periods)
		list("Security measures", a.Security)
		list("Type of processing", a.Processing)
		p("- **Origin of the data**: %s\n", a.Origin)
		list("Kept outside the database", a.Outside)
		p("- **Automated decisions**: %s\n", a.Automated)
		p("- **(D)PIA**: %s\n", a.DPIA)
		p("- **Tables**: %s\n\n", strings.Join(a.Tables, ", "))
	}
	p("## Retention periods\n\n| category | what | period | then |\n| --- | --- | --- | --- |\n")
	for _, rp := range r.Retention {
		p("| `%s` | %s | %s | %s |\n", rp.Category, rp.Label, rp.Period, rp.Action)
	}
	p("\n## Privacy notices\n\n")
	for _, n := range r.Notices {
		p("- %s: %s (sha256 %s)\n", n.Version, n.Title, n.SHA256)
	}
	p("\n## Documents\n\n")
	for _, d := range r.Documents {
		p("- %s\n", d)
	}
	p("\n## Inventory of the database\n\nEvery column of every table, classified. Personal and pseudonymous columns appear in the " +
		"person's export; withheld ones (credentials, keys, keyed hashes) are named there but not shown.\n")
	for _, t := range r.Inventory {
		p("\n### `%s` (retention: %s)\n\n| column | kind | category | meaning | activities |\n| --- | --- | --- | --- | --- |\n", t.Name, t.Retention)
		for _, c := range t.Columns {
			kind := string(c.Kind)
			if c.Sealed {
				kind += ", encrypted"
			}
			p("| `%s` | %s | %s | %s | %s |\n", c.Name, kind, c.Category, strings.ReplaceAll(c.Label, "|", "/"), strings.Join(c.Activities, ", "))
		}
	}
	return b.Bytes()
}
