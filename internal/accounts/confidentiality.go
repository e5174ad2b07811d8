package accounts

import (
	"context"
	"time"
)

// ConfidentialityStatement is what a staff member acknowledges before any of their privileges takes effect
// (P-90: only people bound to confidentiality process personal data; permanent staff have taken the oath,
// hired and external staff have signed the declaration, seed 002 §4.2). A new version of the text needs a
// new Version, and every staff member acknowledges it again.
type ConfidentialityStatement struct {
	Version string
	Text    string
}

// CurrentConfidentiality is the statement in force.
var CurrentConfidentiality = ConfidentialityStatement{
	Version: "2026-11",
	Text: "Ik verwerk persoonsgegevens van inwoners en ondernemers alleen voor mijn taak in Heerlens Heitje en " +
		"alleen op instructie van de gemeente Heerlen. Ik houd geheim wat ik daarbij te weten kom, ook na mijn " +
		"vertrek, en meld verlies of misbruik van inloggegevens direct. Ik heb de ambtseed of belofte afgelegd of " +
		"de geheimhoudingsverklaring getekend. / I process the personal data of residents and entrepreneurs only " +
		"for my task in Heerlens Heitje and only on the instructions of the municipality of Heerlen. I keep " +
		"secret what I learn in doing so, also after I leave, and report lost or misused credentials at once. I " +
		"have taken the oath or promise of office or signed the confidentiality declaration.",
}

// Confidentiality returns the statement in force and when the staff member acknowledged it (nil: not yet,
// or an earlier version only).
func (s *Service) Confidentiality(ctx context.Context, p Principal) (ConfidentialityStatement, *time.Time, error) {
	if p.Role != RoleStaff {
		return ConfidentialityStatement{}, nil, ErrForbidden
	}
	at, version, err := s.store.ConfidentialityAck(ctx, p.AccountID)
	if err != nil || version != CurrentConfidentiality.Version {
		return CurrentConfidentiality, nil, err
	}
	return CurrentConfidentiality, at, nil
}

// AcknowledgeConfidentiality records that the staff member acknowledged the statement of version, which
// must be the one in force; from then on their privileges take effect. It is audited; repeating it changes
// nothing.
func (s *Service) AcknowledgeConfidentiality(ctx context.Context, p Principal, version string) (time.Time, error) {
	if p.Role != RoleStaff {
		return time.Time{}, ErrForbidden
	}
	if version != CurrentConfidentiality.Version {
		return time.Time{}, invalid("version", "must be the version of the statement in force, "+CurrentConfidentiality.Version)
	}
	now := s.now().Truncate(time.Microsecond) // as Postgres keeps it
	at := now
	err := s.store.InTx(ctx, func(tx Tx) error {
		prev, err := tx.AcknowledgeConfidentiality(p.AccountID, version, now)
		if err != nil || prev != nil {
			if prev != nil {
				at = *prev
			}
			return err
		}
		return tx.Audit(Actor{Principal: p}.audit().Entry("staff.confidentiality", p.AccountID, []string{"confidentiality_ack_at"}, "",
			"version="+version))
	})
	return at, err
}
