package privacy

import (
	"fmt"
	"slices"
	"strings"
)

// Kind says what a database column holds, as far as privacy is concerned. Every column of every table is
// classified; a test of the live schema fails on one that is not.
type Kind string

// The kinds of column.
const (
	// Personal is information about an identified or identifiable person: shown in their export, removed
	// or anonymised at erasure.
	Personal Kind = "personal"
	// Pseudonymous points to a person only through other data kept apart (a chain address, an account id
	// in bookkeeping): shown in their export; erasure removes what it points through.
	Pseudonymous Kind = "pseudonymous"
	// Withheld is a person's credential, key or keyed hash: held and named in their export, never shown.
	Withheld Kind = "withheld"
	// NotPersonal says nothing about a person; its classification gives the reason.
	NotPersonal Kind = "not_personal"
)

// Column is one classified column. Personal, pseudonymous and withheld columns name a data category and
// the activities (register entries) they serve; a not-personal column says why it is not.
type Column struct {
	Name       string   `json:"name"`
	Kind       Kind     `json:"kind"`
	Category   string   `json:"category,omitempty"`
	Label      string   `json:"label"`
	Activities []string `json:"activities,omitempty"`
	// Sealed is an encrypted column (AES-256-GCM, internal/secrets); the export shows it decrypted.
	Sealed bool `json:"sealed,omitempty"`
}

// Link finds the rows of a table that are about one person, and says which of their columns the person's
// export shows: the data about that person, and not-personal context such as an id or a title (other
// columns of the row may be about someone else, such as the payer of a shop's payment). Where is SQL over the table's columns with the named parameters @account (the account id),
// @wallet (its chain address, lowercase) and @username_key (the keyed hash of its username for login
// throttling); it stays out of the published register.
type Link struct {
	Where   string   `json:"-"`
	Columns []string `json:"columns"`
	// Title heads the rows in the export, such as "Your claims".
	Title string `json:"title"`
}

// Table is the classification of one table: its columns, the links to the people its rows are about, and
// the retention category that bounds how long its rows are kept.
type Table struct {
	Name      string            `json:"name"`
	Columns   []Column          `json:"columns"`
	Links     []Link            `json:"links,omitempty"`
	Retention RetentionCategory `json:"retention,omitempty"`
}

// Column returns the named column's classification.
func (t Table) Column(name string) (Column, bool) {
	i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Name == name })
	if i < 0 {
		return Column{}, false
	}
	return t.Columns[i], true
}

// Dataset is what one part of the platform declares next to its data: its register entry and the
// classification of its tables. internal/store keeps one per aggregate (accounts_register.go, …).
type Dataset struct {
	Activity Activity `json:"activity"`
	Tables   []Table  `json:"tables"`
}

// Activity is one processing activity: one entry of the register of processing (AVG art. 30 and the six
// additions of seed 000 §27).
type Activity struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Purposes   []string     `json:"purposes"`
	LegalBases []LegalBasis `json:"legal_bases"`
	// Subjects are the categories of people the data is about.
	Subjects   []string `json:"data_subjects"`
	Recipients []string `json:"recipients"`
	// Transfers to third countries or international organisations.
	Transfers string `json:"transfers"`
	// Retention names the retention categories that apply; the register shows their configured periods.
	Retention []RetentionCategory `json:"retention"`
	Security  []string            `json:"security_measures"`
	// Processing is the type of processing (collection, storage, consultation, …).
	Processing []string `json:"processing"`
	Origin     string   `json:"origin"`
	// Outside lists the data kept outside the database, such as the proof photo files.
	Outside []string `json:"outside_database,omitempty"`
	// Automated says whether decisions are automated or based on profiling (AVG art. 22).
	Automated string `json:"automated_decisions"`
	DPIA      string `json:"dpia"`
}

// LegalBasis is one ground of AVG art. 6 with why it applies.
type LegalBasis struct {
	Basis       string `json:"basis"`
	Explanation string `json:"explanation"`
}

// The legal bases of AVG art. 6(1) the platform relies on (seed 000 §7).
const (
	BasisContract   = "performance of a contract (AVG art. 6(1)(b))"
	BasisObligation = "legal obligation (AVG art. 6(1)(c))"
	BasisPublicTask = "public task (AVG art. 6(1)(e))"
	BasisConsent    = "consent (AVG art. 6(1)(a))"
)

// personalKinds are the kinds a link may list and an export shows or names.
func (k Kind) personal() bool { return k == Personal || k == Pseudonymous || k == Withheld }

// Tables returns every classified table of the datasets, in declaration order.
func Tables(ds []Dataset) []Table {
	var out []Table
	for _, d := range ds {
		out = append(out, d.Tables...)
	}
	return out
}

// Validate checks the declarations against themselves: every activity id is unique and has its purposes and
// legal bases; every table and column appears once; a personal, pseudonymous or withheld column names a data
// category and activities that exist; a not-personal column says why; a link lists only columns of its table
// (not-personal ones give context, such as an id or a title), and every column about a person is in some
// link, so that the export shows it. (The test of the live schema checks that
// every column of the database is declared.)
func Validate(ds []Dataset) error {
	acts := map[string]bool{}
	for _, d := range ds {
		a := d.Activity
		if a.ID == "" || acts[a.ID] || len(a.Purposes) == 0 || len(a.LegalBases) == 0 || a.Name == "" {
			return fmt.Errorf("privacy: activity %q needs a unique id, a name, purposes and legal bases", a.ID)
		}
		acts[a.ID] = true
	}
	tables := map[string]bool{}
	for _, t := range Tables(ds) {
		if tables[t.Name] {
			return fmt.Errorf("privacy: table %s is declared twice", t.Name)
		}
		tables[t.Name] = true
		if err := validateTable(t, acts); err != nil {
			return err
		}
	}
	return nil
}

func validateTable(t Table, acts map[string]bool) error {
	cols := map[string]bool{}
	for _, c := range t.Columns {
		if cols[c.Name] {
			return fmt.Errorf("privacy: %s.%s is declared twice", t.Name, c.Name)
		}
		cols[c.Name] = true
		switch {
		case c.Label == "":
			return fmt.Errorf("privacy: %s.%s needs a label (for a not-personal column: why it is not)", t.Name, c.Name)
		case c.Kind == NotPersonal && (c.Category != "" || len(c.Activities) > 0 || c.Sealed):
			return fmt.Errorf("privacy: %s.%s is not personal but has a category, activities or encryption", t.Name, c.Name)
		case c.Kind != NotPersonal && !c.Kind.personal():
			return fmt.Errorf("privacy: %s.%s has no known kind", t.Name, c.Name)
		case c.Kind.personal() && (c.Category == "" || len(c.Activities) == 0):
			return fmt.Errorf("privacy: %s.%s is personal data without a category or an activity", t.Name, c.Name)
		}
		for _, a := range c.Activities {
			if !acts[a] {
				return fmt.Errorf("privacy: %s.%s names the unknown activity %q", t.Name, c.Name, a)
			}
		}
	}
	linked := map[string]bool{}
	for _, l := range t.Links {
		if l.Where == "" || l.Title == "" || len(l.Columns) == 0 {
			return fmt.Errorf("privacy: a link of %s needs a condition, a title and columns", t.Name)
		}
		for _, name := range l.Columns {
			if _, ok := t.Column(name); !ok {
				return fmt.Errorf("privacy: a link of %s lists %q, which is not a column of it", t.Name, name)
			}
			linked[name] = true
		}
	}
	for _, c := range t.Columns {
		if c.Kind.personal() && !linked[c.Name] {
			return fmt.Errorf("privacy: %s.%s is about a person but no link exports it", t.Name, c.Name)
		}
	}
	return nil
}

// FieldName is the name a column has in an export: a sealed column without its _enc suffix, since the
// export shows it decrypted.
func (c Column) FieldName() string {
	if c.Sealed {
		return strings.TrimSuffix(c.Name, "_enc")
	}
	return c.Name
}
