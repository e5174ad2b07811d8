package privacy

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/heerlen/heitje/internal/accounts"
)

// Consent is one consent for a processing that rests on consent alone. It is given by an active act,
// records the privacy notice in force when it was given, and ends the moment it is withdrawn; withdrawn
// consents stay as proof of what was agreed when.
type Consent struct {
	ID            int64
	AccountID     string
	Purpose       Purpose
	NoticeVersion string
	Channel       Channel
	GivenAt       time.Time
	WithdrawnAt   *time.Time
}

// ConsentPurposes are the purposes that ask for consent, with what the person agrees to.
var ConsentPurposes = map[Purpose]string{
	PurposeResearchContact: "Project partners may contact me (for instance by phone) for voluntary research into taking part in " +
		"'t Heerlens Heitje (seed 000 §6, purpose 5). Off unless I switch it on; I can switch it off at any time.",
}

// ConsentState is whether a person's consent for one purpose is in force, with its history.
type ConsentState struct {
	Purpose     Purpose
	Description string
	Given       bool
	Current     *Consent
	History     []Consent
}

// Consents returns the caller's state for every purpose that asks for consent. Without an active act it
// is "not given": the default is off.
func (s *Service) Consents(ctx context.Context, p accounts.Principal) ([]ConsentState, error) {
	all, err := s.store.Consents(ctx, p.AccountID)
	if err != nil {
		return nil, err
	}
	st := ConsentState{Purpose: PurposeResearchContact, Description: ConsentPurposes[PurposeResearchContact]}
	for _, c := range all {
		if c.Purpose != st.Purpose {
			continue
		}
		st.History = append(st.History, c)
		if c.WithdrawnAt == nil {
			cur := c
			st.Given, st.Current = true, &cur
		}
	}
	return []ConsentState{st}, nil
}

// SetConsent gives (given true) or withdraws the caller's consent for a purpose. Giving needs a way to be
// contacted, a phone number or an e-mail address (ErrContactRequired); giving twice keeps the first
// consent. Withdrawing takes effect at once: the next research export leaves the person out. Only
// residents and shops consent; staff are not research subjects here.
func (s *Service) SetConsent(ctx context.Context, p accounts.Principal, purpose Purpose, given bool) (ConsentState, error) {
	if _, ok := ConsentPurposes[purpose]; !ok {
		return ConsentState{}, ErrNotFound
	}
	if p.Role != accounts.RoleResident && p.Role != accounts.RoleShop {
		return ConsentState{}, ErrForbidden
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		sub, err := tx.Subject(p.AccountID, true)
		if err != nil {
			return err
		}
		cur, ok, err := tx.ActiveConsent(sub.ID, purpose)
		if err != nil {
			return err
		}
		switch {
		case given && ok, !given && !ok:
			return nil
		case !given:
			return tx.WithdrawConsent(cur.ID, s.now())
		case sub.Phone == "" && sub.Email == "":
			return ErrContactRequired
		}
		_, err = tx.GiveConsent(Consent{AccountID: sub.ID, Purpose: purpose, NoticeVersion: CurrentNotice().Version,
			Channel: ChannelApp, GivenAt: s.now()})
		return err
	})
	if err != nil {
		return ConsentState{}, err
	}
	states, err := s.Consents(ctx, p)
	if err != nil {
		return ConsentState{}, err
	}
	return states[0], nil
}

// ResearchContacts is the research-contact export for a project partner (seed 000 §6, purpose 5): the
// contact details of everyone whose consent is in force at this moment and who neither restricted
// processing nor objected to research contact. Every person exported gets an audit entry naming the
// recipient, in the same transaction as the read, so their own export shows who received their details.
// The actor needs privacy.
func (s *Service) ResearchContacts(ctx context.Context, actor accounts.Actor, recipient string) ([]Contact, error) {
	if err := require(actor, accounts.PrivPrivacy); err != nil {
		return nil, err
	}
	recipient = strings.TrimSpace(recipient)
	if n := utf8.RuneCountInString(recipient); n < 2 || n > 200 {
		return nil, invalid("recipient", "names the project partner that receives the list: 2 to 200 characters")
	}
	var out []Contact
	err := s.store.InTx(ctx, func(tx Tx) error {
		var err error
		if out, err = tx.ResearchContacts(); err != nil {
			return err
		}
		a := s.auditActor(actor)
		for _, c := range out {
			fields := []string{"username"}
			if c.Email != "" {
				fields = append(fields, "email")
			}
			if c.Phone != "" {
				fields = append(fields, "phone")
			}
			if err := tx.Audit(a.Entry("privacy.research_export", c.AccountID, fields, "recipient: "+recipient, "")); err != nil {
				return err
			}
		}
		return tx.Audit(a.Entry("privacy.research_export_run", "", nil, "recipient: "+recipient, fmt.Sprintf("contacts=%d", len(out))))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
