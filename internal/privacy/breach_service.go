package privacy

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
)

// BreachInput is a new breach or a change to one: nil fields stay as they are. Close finishes the entry,
// which then takes no more changes.
type BreachInput struct {
	Title, Nature               *string
	Kinds, DataCategories       *[]string
	SubjectGroups               *string
	AffectedMin, AffectedMax    *int
	StartedAt, EndedAt          *time.Time
	DiscoveredAt, AwareAt       *time.Time
	ProcessorNotifiedAt         *time.Time
	Cause, Consequences         *string
	HarmMeasures, MeasuresTaken *string
	InformationContact          *string
	Encrypted, Reportable       *bool
	Assessment                  *string
	AuthorityNotifiedAt         *time.Time
	AuthorityReference          *string
	DelayReason                 *string
	SubjectsNotifiedAt          *time.Time
	SubjectsNotNotifiedReason   *string
	DPIAReference, Evaluation   *string
	Close                       bool
}

// apply copies the set fields of in onto b, trimming texts.
func (in BreachInput) apply(b *Breach) {
	for _, f := range []struct {
		dst *string
		src *string
	}{{&b.Title, in.Title}, {&b.Nature, in.Nature}, {&b.SubjectGroups, in.SubjectGroups}, {&b.Cause, in.Cause},
		{&b.Consequences, in.Consequences}, {&b.HarmMeasures, in.HarmMeasures}, {&b.MeasuresTaken, in.MeasuresTaken},
		{&b.InformationContact, in.InformationContact}, {&b.Assessment, in.Assessment},
		{&b.AuthorityReference, in.AuthorityReference}, {&b.DelayReason, in.DelayReason},
		{&b.SubjectsNotNotifiedReason, in.SubjectsNotNotifiedReason}, {&b.DPIAReference, in.DPIAReference},
		{&b.Evaluation, in.Evaluation}} {
		if f.src != nil {
			*f.dst = strings.TrimSpace(*f.src)
		}
	}
	for _, f := range []struct{ dst, src **time.Time }{{&b.StartedAt, &in.StartedAt}, {&b.EndedAt, &in.EndedAt},
		{&b.ProcessorNotifiedAt, &in.ProcessorNotifiedAt}, {&b.AuthorityNotifiedAt, &in.AuthorityNotifiedAt},
		{&b.SubjectsNotifiedAt, &in.SubjectsNotifiedAt}} {
		if *f.src != nil {
			t := (*f.src).UTC()
			*f.dst = &t
		}
	}
	if in.DiscoveredAt != nil {
		b.DiscoveredAt = in.DiscoveredAt.UTC()
	}
	if in.AwareAt != nil {
		b.AwareAt = in.AwareAt.UTC()
	}
	if in.Kinds != nil {
		b.Kinds = append([]string(nil), *in.Kinds...)
	}
	if in.DataCategories != nil {
		b.DataCategories = append([]string(nil), *in.DataCategories...)
	}
	if in.AffectedMin != nil {
		b.AffectedMin = *in.AffectedMin
	}
	if in.AffectedMax != nil {
		b.AffectedMax = *in.AffectedMax
	}
	if in.Encrypted != nil {
		b.Encrypted = *in.Encrypted
	}
	if in.Reportable != nil {
		v := *in.Reportable
		b.Reportable = &v
	}
}

// RecordBreach enters a breach in the register. Title, nature, kinds and discovered_at are required;
// aware_at defaults to discovered_at, which starts the 72-hour clock. When in doubt, enter it (002
// Bijl.5). The actor needs privacy; the entry is audited.
func (s *Service) RecordBreach(ctx context.Context, actor accounts.Actor, in BreachInput) (Breach, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Breach{}, err
	}
	now := s.now()
	b := Breach{ID: uuid.NewString(), Kinds: []string{}, DataCategories: []string{}, CreatedBy: actor.AccountID,
		CreatedAt: now, UpdatedAt: now}
	if in.AwareAt == nil {
		in.AwareAt = in.DiscoveredAt
	}
	in.apply(&b)
	if err := b.check(now, in.Close); err != nil {
		return Breach{}, err
	}
	if in.Close {
		b.ClosedAt = &now
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		if err := tx.CreateBreach(b); err != nil {
			return err
		}
		return tx.Audit(s.auditActor(actor).Entry("breach.record", "", nil, "", "breach "+b.ID))
	})
	return b, err
}

// UpdateBreach changes a breach that is still open: the assessment, the notifications, the measures, and at
// last its closing. Invalid input changes nothing; a closed breach takes no changes (ErrBreachClosed). The
// actor needs privacy; the change is audited.
func (s *Service) UpdateBreach(ctx context.Context, actor accounts.Actor, id string, in BreachInput) (Breach, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Breach{}, err
	}
	var out Breach
	err := s.store.InTx(ctx, func(tx Tx) error {
		b, err := tx.LockBreach(id)
		if err != nil {
			return err
		}
		if b.ClosedAt != nil {
			return ErrBreachClosed
		}
		now := s.now()
		in.apply(&b)
		if err := b.check(now, in.Close); err != nil {
			return err
		}
		b.UpdatedAt = now
		if in.Close {
			b.ClosedAt = &now
		}
		if err := tx.SaveBreach(b); err != nil {
			return err
		}
		out = b
		return tx.Audit(s.auditActor(actor).Entry("breach.update", "", nil, "", fmt.Sprintf("breach %s closed=%t", b.ID, in.Close)))
	})
	return out, err
}

// Breaches lists the register, open entries only unless all is set. The actor needs privacy.
func (s *Service) Breaches(ctx context.Context, actor accounts.Actor, all bool) ([]Breach, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return nil, err
	}
	return s.store.Breaches(ctx, !all)
}

// Breach returns one entry. The actor needs privacy.
func (s *Service) Breach(ctx context.Context, actor accounts.Actor, id string) (Breach, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return Breach{}, err
	}
	return s.store.Breach(ctx, id)
}

// Now is the service's clock, for the API's computed fields (overdue, warnings).
func (s *Service) Now() time.Time { return s.now() }
