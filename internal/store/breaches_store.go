package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/heerlen/heitje/internal/privacy"
)

// breachRow is one row of the breach register.
type breachRow struct {
	ID                        string
	Title                     string
	Nature                    string
	Kinds                     []byte
	DataCategories            []byte
	SubjectGroups             string
	AffectedMin               int
	AffectedMax               int
	StartedAt                 *time.Time
	EndedAt                   *time.Time
	DiscoveredAt              time.Time
	AwareAt                   time.Time
	ProcessorNotifiedAt       *time.Time
	Cause                     string
	Consequences              string
	HarmMeasures              string
	MeasuresTaken             string
	InformationContact        string
	Encrypted                 bool
	Reportable                *bool
	Assessment                string
	AuthorityNotifiedAt       *time.Time
	AuthorityReference        string
	DelayReason               string
	SubjectsNotifiedAt        *time.Time
	SubjectsNotNotifiedReason string
	DPIAReference             string `gorm:"column:dpia_reference"`
	Evaluation                string
	CreatedBy                 string
	CreatedAt                 time.Time
	UpdatedAt                 time.Time
	ClosedAt                  *time.Time
}

func (breachRow) TableName() string { return "breaches" }

// breachSelect reads a breach row, its ids as text.
const breachSelect = `id::text AS id, title, nature, kinds, data_categories, subject_groups, affected_min, affected_max,
	started_at, ended_at, discovered_at, aware_at, processor_notified_at, cause, consequences, harm_measures, measures_taken,
	information_contact, encrypted, reportable, assessment, authority_notified_at, authority_reference, delay_reason,
	subjects_notified_at, subjects_not_notified_reason, dpia_reference, evaluation, created_by::text AS created_by,
	created_at, updated_at, closed_at`

func newBreachRow(b privacy.Breach) (breachRow, error) {
	kinds, err := json.Marshal(nonNil(b.Kinds))
	if err != nil {
		return breachRow{}, failed("newBreachRow", err)
	}
	cats, err := json.Marshal(nonNil(b.DataCategories))
	if err != nil {
		return breachRow{}, failed("newBreachRow", err)
	}
	return breachRow{ID: b.ID, Title: b.Title, Nature: b.Nature, Kinds: kinds, DataCategories: cats, SubjectGroups: b.SubjectGroups,
		AffectedMin: b.AffectedMin, AffectedMax: b.AffectedMax, StartedAt: b.StartedAt, EndedAt: b.EndedAt,
		DiscoveredAt: b.DiscoveredAt, AwareAt: b.AwareAt, ProcessorNotifiedAt: b.ProcessorNotifiedAt, Cause: b.Cause,
		Consequences: b.Consequences, HarmMeasures: b.HarmMeasures, MeasuresTaken: b.MeasuresTaken,
		InformationContact: b.InformationContact, Encrypted: b.Encrypted, Reportable: b.Reportable, Assessment: b.Assessment,
		AuthorityNotifiedAt: b.AuthorityNotifiedAt, AuthorityReference: b.AuthorityReference, DelayReason: b.DelayReason,
		SubjectsNotifiedAt: b.SubjectsNotifiedAt, SubjectsNotNotifiedReason: b.SubjectsNotNotifiedReason,
		DPIAReference: b.DPIAReference, Evaluation: b.Evaluation, CreatedBy: b.CreatedBy, CreatedAt: b.CreatedAt,
		UpdatedAt: b.UpdatedAt, ClosedAt: b.ClosedAt}, nil
}

func (r breachRow) breach() (privacy.Breach, error) {
	b := privacy.Breach{ID: r.ID, Title: r.Title, Nature: r.Nature, SubjectGroups: r.SubjectGroups, AffectedMin: r.AffectedMin,
		AffectedMax: r.AffectedMax, StartedAt: utcPtr(r.StartedAt), EndedAt: utcPtr(r.EndedAt), DiscoveredAt: r.DiscoveredAt.UTC(),
		AwareAt: r.AwareAt.UTC(), ProcessorNotifiedAt: utcPtr(r.ProcessorNotifiedAt), Cause: r.Cause, Consequences: r.Consequences,
		HarmMeasures: r.HarmMeasures, MeasuresTaken: r.MeasuresTaken, InformationContact: r.InformationContact,
		Encrypted: r.Encrypted, Reportable: r.Reportable, Assessment: r.Assessment, AuthorityNotifiedAt: utcPtr(r.AuthorityNotifiedAt),
		AuthorityReference: r.AuthorityReference, DelayReason: r.DelayReason, SubjectsNotifiedAt: utcPtr(r.SubjectsNotifiedAt),
		SubjectsNotNotifiedReason: r.SubjectsNotNotifiedReason, DPIAReference: r.DPIAReference, Evaluation: r.Evaluation,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), ClosedAt: utcPtr(r.ClosedAt)}
	if err := json.Unmarshal(r.Kinds, &b.Kinds); err != nil {
		return b, failed("breachRow.breach", err)
	}
	return b, failed("breachRow.breach", json.Unmarshal(r.DataCategories, &b.DataCategories))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Breach loads one entry; privacy.ErrNotFound when there is none.
func (s *PrivacyStore) Breach(ctx context.Context, id string) (privacy.Breach, error) {
	return getBreach(s.g.WithContext(ctx), id, false)
}

func getBreach(tx *gorm.DB, id string, lock bool) (privacy.Breach, error) {
	if !validUUID(id) {
		return privacy.Breach{}, privacy.ErrNotFound
	}
	q := `SELECT ` + breachSelect + ` FROM breaches WHERE id = ?`
	if lock {
		q += ` FOR UPDATE`
	}
	var rows []breachRow
	if err := tx.Raw(q, id).Scan(&rows).Error; err != nil {
		return privacy.Breach{}, failed("getBreach", err)
	}
	if len(rows) == 0 {
		return privacy.Breach{}, privacy.ErrNotFound
	}
	return rows[0].breach()
}

// Breaches lists entries, open ones only when openOnly is set, newest awareness first.
func (s *PrivacyStore) Breaches(ctx context.Context, openOnly bool) ([]privacy.Breach, error) {
	q := s.g.WithContext(ctx).Select(breachSelect)
	if openOnly {
		q = q.Where("closed_at IS NULL")
	}
	var rows []breachRow
	if err := q.Order("aware_at DESC, id").Limit(privacy.MaxList).Find(&rows).Error; err != nil {
		return nil, failed("PrivacyStore.Breaches", err)
	}
	out := make([]privacy.Breach, 0, len(rows))
	for _, r := range rows {
		b, err := r.breach()
		if err != nil {
			return nil, failed("PrivacyStore.Breaches", err)
		}
		out = append(out, b)
	}
	return out, nil
}

func (t *privacyTx) CreateBreach(b privacy.Breach) error {
	r, err := newBreachRow(b)
	if err != nil {
		return failed("privacyTx.CreateBreach", err)
	}
	return failed("privacyTx.CreateBreach", t.tx.Create(&r).Error)
}

func (t *privacyTx) LockBreach(id string) (privacy.Breach, error) { return getBreach(t.tx, id, true) }

func (t *privacyTx) SaveBreach(b privacy.Breach) error {
	r, err := newBreachRow(b)
	if err != nil {
		return failed("privacyTx.SaveBreach", err)
	}
	return failed("privacyTx.SaveBreach", t.tx.Select("*").Omit("id", "created_by", "created_at").Where("id = ?", b.ID).Updates(&r).Error)
}
