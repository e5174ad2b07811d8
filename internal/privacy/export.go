package privacy

import (
	"context"
	"fmt"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
)

// ExportFormat names the version of the export's JSON structure (portability, AVG art. 20: structured,
// commonly used and machine-readable; documented in docs/privacy.md).
const ExportFormat = "heitje-export/1"

// Export is everything the platform holds about one person, in understandable form (seed 000 §17): every
// row the register links to them with every personal column (sealed ones decrypted), the proof photos as
// files, the staff who looked at their data (the audit log rows about them are among the records), and
// what the law says the answer must also tell: purposes, recipients, retention, rights.
type Export struct {
	Format      string         `json:"format"`
	GeneratedAt time.Time      `json:"generated_at"`
	Subject     ExportSubject  `json:"subject"`
	About       About          `json:"about"`
	Records     []Record       `json:"records"`
	Withheld    []WithheldData `json:"withheld"`
	Photos      []ExportPhoto  `json:"photos"`
}

// ExportSubject says whose export it is.
type ExportSubject struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Role     string `json:"role"`
}

// WithheldData is data held about the person that the export names but does not show: credentials, keys
// and keyed hashes, which would give nothing to the person and much to a thief of the file.
type WithheldData struct {
	Table string `json:"table"`
	Field string `json:"field"`
	Label string `json:"label"`
}

// ExportPhoto is one proof photo, as stored (re-encoded, without metadata). File is its name inside the
// zip download.
type ExportPhoto struct {
	ClaimID     string `json:"claim_id"`
	N           int    `json:"n"`
	ContentType string `json:"content_type"`
	File        string `json:"file"`
	Data        []byte `json:"data_base64"`
}

// About is the information an answer to an access request must give besides the data (002 §5.1(2)).
type About struct {
	Controller          string            `json:"controller"`
	Contact             string            `json:"contact"`
	Purposes            []string          `json:"purposes"`
	Recipients          []string          `json:"recipients"`
	Retention           []RetentionPeriod `json:"retention"`
	Source              string            `json:"source"`
	AutomatedDecisions  string            `json:"automated_decisions"`
	Rights              []string          `json:"rights"`
	Complaints          string            `json:"complaints"`
	NoticeVersion       string            `json:"privacy_notice_version"`
	NotOnChain          string            `json:"not_on_chain"`
	ChainAddressMeaning string            `json:"chain_address"`
}

// Export gathers everything held about the caller. It always works, also while processing is restricted:
// access is a right, not a processing for someone else.
func (s *Service) Export(ctx context.Context, p accounts.Principal) (Export, error) {
	sub, err := s.store.Subject(ctx, p.AccountID)
	if err != nil {
		return Export{}, err
	}
	tables := Tables(s.datasets)
	records, err := s.store.Records(ctx, sub, tables)
	if err != nil {
		return Export{}, err
	}
	ex := Export{Format: ExportFormat, GeneratedAt: s.now(), Subject: ExportSubject{ID: sub.ID, Username: sub.Username, Role: sub.Role},
		About: s.about(), Records: records, Withheld: withheld(tables, records), Photos: []ExportPhoto{}}
	if ex.Records == nil {
		ex.Records = []Record{}
	}
	photos, err := s.store.Photos(ctx, sub.ID)
	if err != nil {
		return Export{}, err
	}
	for _, ph := range photos {
		if s.files == nil {
			break
		}
		data, err := s.files.Read(ph.File)
		if err != nil {
			return Export{}, fmt.Errorf("privacy: photo %d of claim %s: %w", ph.N, ph.ClaimID, err)
		}
		ext := ".jpg"
		if ph.ContentType == "image/png" {
			ext = ".png"
		}
		ex.Photos = append(ex.Photos, ExportPhoto{ClaimID: ph.ClaimID, N: ph.N, ContentType: ph.ContentType,
			File: fmt.Sprintf("photos/%s-%d%s", ph.ClaimID, ph.N, ext), Data: data})
	}
	return ex, nil
}

// withheld names the withheld columns of the tables that returned rows about the person.
func withheld(tables []Table, records []Record) []WithheldData {
	found := map[string]bool{}
	for _, r := range records {
		if len(r.Rows) > 0 {
			found[r.Table] = true
		}
	}
	out := []WithheldData{}
	for _, t := range tables {
		if !found[t.Name] {
			continue
		}
		seen := map[string]bool{}
		for _, l := range t.Links {
			for _, name := range l.Columns {
				if c, ok := t.Column(name); ok && c.Kind == Withheld && !seen[name] {
					seen[name] = true
					out = append(out, WithheldData{Table: t.Name, Field: name, Label: c.Label})
				}
			}
		}
	}
	return out
}

// about is the explanation that goes with every export.
func (s *Service) about() About {
	a := About{Controller: "Gemeente Heerlen (processor: Co-Town, which hosts and manages the software and hardware)",
		Contact:   s.opts.Contact,
		Retention: s.opts.Retention.Periods(),
		Source:    "You, when you registered and used the app; the staff who reviewed your claims; the coin's chain for your coin history.",
		AutomatedDecisions: "None: accounts, claims, rewards and payouts are always decided by a member of staff, " +
			"never automatically or by profiling (seed 000 §19).",
		Rights: []string{"access and a copy (this export)", "rectification (PATCH /v1/me, or a request)",
			"erasure", "restriction of processing", "objection", "data portability (this export's JSON)",
			"requests: POST /v1/privacy/requests; the municipality decides within four weeks"},
		Complaints: "The municipality's complaints procedure, an objection to the decision, or a complaint to the " +
			"Autoriteit Persoonsgegevens.",
		NoticeVersion: CurrentNotice().Version,
		NotOnChain: "Nothing personal is on the chain: only addresses, amounts and opaque references. Creating an " +
			"account neither reads nor writes it.",
		ChainAddressMeaning: "Your wallet address is pseudonymous: only this database ties it to you. Erasure removes that tie.",
	}
	seen := map[string]bool{}
	for _, d := range s.datasets {
		for _, p := range d.Activity.Purposes {
			if !seen["p"+p] {
				seen["p"+p] = true
				a.Purposes = append(a.Purposes, p)
			}
		}
		for _, r := range d.Activity.Recipients {
			if !seen["r"+r] {
				seen["r"+r] = true
				a.Recipients = append(a.Recipients, r)
			}
		}
	}
	return a
}
